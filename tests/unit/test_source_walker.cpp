// Unit tests for source/walker: ignore rules (libgit2), .git skipping, symlinks (loops, links out
// of the tree), special files never opened, unreadable directories reported.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>

#include "source/walker.h"
#include "test_support.h"

using namespace aaiscan;
using namespace aaiscan::testing;

namespace {

struct Walk {
    std::vector<std::string> files;
    std::vector<std::string> ignored_files;
    std::vector<std::pair<std::string, SkipReason>> skipped;
    std::vector<std::string> errors;
};

Walk walk(const std::vector<std::string>& roots, WalkOptions options = {}) {
    Walk w;
    WalkSink sink;
    sink.on_file = [&](const WalkEntry& e) { w.files.push_back(e.project_path); };
    sink.on_ignored_file = [&](const WalkEntry& e) { w.ignored_files.push_back(e.project_path); };
    sink.on_skip = [&](const std::string& p, SkipReason r) { w.skipped.emplace_back(p, r); };
    sink.on_error = [&](const std::string& p, const std::string&) { w.errors.push_back(p); };
    walk_paths(roots, options, sink);
    std::sort(w.files.begin(), w.files.end());
    return w;
}

bool has(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

int git(const TempDir& dir, const std::string& args) {
    std::string cmd = "git -C '" + dir.str() + "' " + args + " >/dev/null 2>&1";
    return std::system(cmd.c_str());
}

}  // namespace

TEST_CASE("walker: honours .gitignore inside a repository and skips .git") {
    TempDir dir;
    REQUIRE(git(dir, "init -q") == 0);
    write_file(dir / ".gitignore", "node_modules/\n*.log\n");
    write_file(dir / "src/app.py", "x");
    write_file(dir / "debug.log", "x");
    write_file(dir / "node_modules/pkg/index.js", "x");
    Walk w = walk({dir.str()});
    CHECK(w.files == std::vector<std::string>{".gitignore", "src/app.py"});
    CHECK(has(w.ignored_files, "debug.log"));
    WalkOptions all;
    all.use_gitignore = false;
    Walk everything = walk({dir.str()}, all);
    CHECK(has(everything.files, "debug.log"));
    CHECK(has(everything.files, "node_modules/pkg/index.js"));
    for (const auto& f : everything.files) CHECK(f.find(".git/") == std::string::npos);
}

TEST_CASE("walker: project paths are relative to the repository top level") {
    TempDir dir;
    REQUIRE(git(dir, "init -q") == 0);
    write_file(dir / "a/b/c.txt", "x");
    Walk w = walk({(dir / "a").string()});
    CHECK(w.files == std::vector<std::string>{"a/b/c.txt"});
}

TEST_CASE("walker: symlinks are not followed by default; loops and links out of the tree never") {
    TempDir outside;
    write_file(outside / "secret.txt", "outside");
    TempDir dir;
    write_file(dir / "real/file.txt", "x");
    REQUIRE(symlink("..", (dir / "real/loop").c_str()) == 0);
    REQUIRE(symlink(outside.str().c_str(), (dir / "out").c_str()) == 0);
    REQUIRE(symlink("real/file.txt", (dir / "alias.txt").c_str()) == 0);
    Walk plain = walk({dir.str()});
    CHECK(plain.files.size() == 1);
    WalkOptions follow;
    follow.follow_symlinks = true;
    Walk followed = walk({dir.str()}, follow);
    CHECK(followed.errors.empty());
    for (const auto& f : followed.files) CHECK(f.find("secret.txt") == std::string::npos);
    CHECK(followed.files.size() == 2);  // real/file.txt and alias.txt; the loop is cut
}

TEST_CASE("walker: FIFOs and sockets are skipped without being opened") {
    TempDir dir;
    write_file(dir / "a.txt", "x");
    REQUIRE(mkfifo((dir / "pipe").c_str(), 0600) == 0);
    Walk w = walk({dir.str()});
    CHECK(w.files.size() == 1);
    bool skipped_pipe = false;
    for (const auto& [path, reason] : w.skipped) skipped_pipe |= reason == SkipReason::special_file;
    CHECK(skipped_pipe);
}

TEST_CASE("walker: missing roots and unreadable directories are errors") {
    TempDir dir;
    Walk missing = walk({dir.str() + "/does-not-exist"});
    CHECK(missing.errors.size() == 1);
    if (geteuid() != 0) {  // root reads everything
        write_file(dir / "locked/a.txt", "x");
        chmod((dir / "locked").c_str(), 0);
        Walk locked = walk({dir.str()});
        CHECK(locked.errors.size() == 1);
    }
}

TEST_CASE("walker: tracked files are scanned even when an ignore rule matches them") {
    TempDir dir;
    REQUIRE(git(dir, "init -q") == 0);
    write_file(dir / ".env", "API_KEY=x");
    write_file(dir / "build/keep.txt", "x");
    write_file(dir / "build/out.bin", "x");
    REQUIRE(git(dir, "add .env build/keep.txt") == 0);
    write_file(dir / ".gitignore", ".env\nbuild/\n");
    Walk w = walk({dir.str()});
    // git ignores nothing it already tracks; untracked files under an ignored folder stay skipped.
    CHECK(has(w.files, ".env"));
    CHECK(has(w.files, "build/keep.txt"));
    CHECK_FALSE(has(w.files, "build/out.bin"));
    CHECK(has(w.ignored_files, "build/out.bin"));
}

TEST_CASE("walker: project paths outside a repository are relative to the named root") {
    TempDir dir;
    write_file(dir / "proj/src/app.py", "x");
    Walk w = walk({(dir / "proj").string()});
    CHECK(w.files == std::vector<std::string>{"src/app.py"});
}

TEST_CASE("walker: project paths do not depend on how the root is named") {
    TempDir dir;
    REQUIRE(git(dir, "init -q") == 0);
    write_file(dir / "a/b/c.txt", "x");
    char cwd[4096];
    REQUIRE(getcwd(cwd, sizeof cwd) != nullptr);
    REQUIRE(chdir((dir / "a").c_str()) == 0);
    Walk from_sub = walk({"."});
    Walk relative = walk({"b"});
    Walk dotted = walk({"../a/./b/"});
    REQUIRE(chdir(cwd) == 0);
    Walk absolute = walk({dir.str()});
    CHECK(from_sub.files == std::vector<std::string>{"a/b/c.txt"});
    CHECK(relative.files == std::vector<std::string>{"a/b/c.txt"});
    CHECK(dotted.files == std::vector<std::string>{"a/b/c.txt"});
    CHECK(absolute.files == std::vector<std::string>{"a/b/c.txt"});
}
