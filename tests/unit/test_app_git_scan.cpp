// Unit tests for app/git_scan with the default rules: `--staged` reports only what a commit adds
// (new lines, new files, staged .env files; not secrets already in HEAD, renames, unstaged
// edits), honours GIT_INDEX_FILE, counts binary and oversized blobs; `--git-history` attributes
// each finding to the commit that introduced it, also when deleted later, whatever the threads.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <algorithm>

#include "app/engine.h"
#include "app/git_scan.h"
#include "test_git_support.h"
#include "util/error.h"

using namespace aaiscan;
using namespace aaiscan::testing;

namespace {

const std::string k_key1 = "ASSEMBLYAI_API_KEY = \"4c3b1e0f9a8d7c6b5a4f3e2d1c0b9a8f\"\n";
const std::string k_key2 = "ASSEMBLYAI_API_KEY = \"9f8e7d6c5b4a39281706f5e4d3c2b1a0\"\n";

struct Fixture {
    Config config;
    Engine engine{EngineOptions{}, config};
    Allowlist allowlist{AllowConfig{}};
    std::unordered_set<std::string> baseline;
    FindingFilter filter{allowlist, &baseline};
    ScanRequest request;

    ScanOutput staged(const std::string& path) { return run_staged_scan(engine, request, filter, path); }
    ScanOutput history(const std::string& path, HistoryOptions options = {}) {
        return run_history_scan(engine, request, filter, path, options);
    }
};

std::vector<std::string> describe(const ScanOutput& out) {
    std::vector<std::string> v;
    for (const Finding& f : out.findings) {
        v.push_back(f.path + ":" + std::to_string(f.line) + " " + f.rule->id +
                    (f.commit ? " @" + f.commit->id.substr(0, 7) : "") + (f.is_suppressed() ? " (suppressed)" : ""));
    }
    return v;
}

}  // namespace

TEST_CASE("staged scan: only the lines a commit adds") {
    Fixture fx;
    TempRepo r;
    r.write("app.py", "import os\n" + k_key1 + "print('x')\n");
    r.write("moved.py", "# old\n" + k_key1);
    REQUIRE(r.git("add -A") == 0);
    CHECK(describe(fx.staged(r.str())) == std::vector<std::string>{"app.py:2 assemblyai.api-key.assignment",
                                                                   "moved.py:2 assemblyai.api-key.assignment"});
    r.commit("base");
    CHECK(fx.staged(r.str()).findings.empty());

    // Untouched secret, an edit above it, a rename: nothing new.
    r.write("app.py", "import os\nimport sys\n" + k_key1 + "print('y')\n");
    REQUIRE(r.git("mv moved.py renamed.py") == 0);
    REQUIRE(r.git("add -A") == 0);
    ScanOutput quiet = fx.staged(r.str());
    CHECK(quiet.findings.empty());
    CHECK(quiet.stats.files_scanned == 2);

    // A new secret line is reported with its line in the staged version; an unstaged one is not.
    r.write("app.py", "import os\nimport sys\n" + k_key1 + k_key2 + "print('y')\n");
    REQUIRE(r.git("add app.py") == 0);
    r.write("app.py", "import os\n" + k_key2 + k_key2 + k_key1);
    r.write("untracked.py", k_key2);
    CHECK(describe(fx.staged(r.str())) == std::vector<std::string>{"app.py:4 assemblyai.api-key.assignment"});

    // From a subdirectory: the whole index, repository-relative paths.
    std::filesystem::create_directories(r.dir / "sub/dir");
    CHECK(describe(fx.staged((r.dir / "sub/dir").string())) ==
          std::vector<std::string>{"app.py:4 assemblyai.api-key.assignment"});
}

TEST_CASE("staged scan: a staged .env file is a finding whatever it holds") {
    Fixture fx;
    TempRepo r;
    r.write(".env", "DEBUG=1\n");
    r.write(".env.example", "ASSEMBLYAI_API_KEY=\n");
    REQUIRE(r.git("add -A") == 0);
    // .env.example is fine, and the repository-wide env.gitignore-missing is not a commit's business.
    CHECK(describe(fx.staged(r.str())) == std::vector<std::string>{".env:0 env.tracked"});
    r.write(".gitignore", ".env\n");
    REQUIRE(r.git("add -f .gitignore") == 0);
    CHECK(describe(fx.staged(r.str())) == std::vector<std::string>{".env:0 env.tracked"});  // forced past the rule
}

TEST_CASE("staged scan: binary and oversized staged files are skipped and counted") {
    Fixture fx;
    TempRepo r;
    r.write("image.bin", std::string("\x89PNG\0\0\0", 7) + k_key1);
    r.write("big.txt", std::string(5000, 'x') + "\n" + k_key1);
    r.write("small.txt", "ok\n");
    REQUIRE(r.git("add -A") == 0);
    fx.request.limits.max_file_size = 4096;
    ScanOutput out = fx.staged(r.str());
    CHECK(out.findings.empty());
    CHECK(out.stats.skipped_binary == 1);
    CHECK(out.stats.skipped_too_large == 1);
    CHECK(out.stats.files_scanned == 1);
    CHECK(out.stats.errors == 0);
}

TEST_CASE("staged scan: UTF-16 files are compared by value, not by line") {
    Fixture fx;
    TempRepo r;
    auto utf16 = [](const std::string& ascii) {
        std::string out = "\xFF\xFE";
        for (char c : ascii) {
            out += c;
            out += '\0';
        }
        return out;
    };
    r.write("notes.txt", utf16("header\n" + k_key1));
    r.commit("base");
    r.write("notes.txt", utf16("header\nmore\n" + k_key1));
    REQUIRE(r.git("add -A") == 0);
    CHECK(fx.staged(r.str()).findings.empty());
    r.write("notes.txt", utf16("header\nmore\n" + k_key1 + k_key2));
    REQUIRE(r.git("add -A") == 0);
    ScanOutput out = fx.staged(r.str());
    REQUIRE(out.findings.size() == 1);
    CHECK(out.findings[0].secret == "9f8e7d6c5b4a39281706f5e4d3c2b1a0");
}

TEST_CASE("staged scan: GIT_INDEX_FILE (git commit -a in a hook) is the index scanned") {
    Fixture fx;
    TempRepo r;
    r.write("a.py", "x = 1\n");
    r.commit("base");
    r.write("a.py", "x = 1\n" + k_key1);
    // What `git commit -a` does: a temporary index holding the working-tree version.
    std::string temporary = r.str() + "/.git/next-index.lock";
    REQUIRE(git_in(r.str(), "read-tree --index-output=.git/next-index.lock HEAD") == 0);
    REQUIRE(std::system(("cd '" + r.str() + "' && GIT_INDEX_FILE=.git/next-index.lock git add a.py").c_str()) == 0);
    char cwd[4096];
    REQUIRE(getcwd(cwd, sizeof cwd) != nullptr);
    REQUIRE(chdir(r.str().c_str()) == 0);
    setenv("GIT_INDEX_FILE", temporary.c_str(), 1);
    ScanOutput with_env = fx.staged(".");
    unsetenv("GIT_INDEX_FILE");
    ScanOutput without = fx.staged(".");
    REQUIRE(chdir(cwd) == 0);
    CHECK(describe(with_env) == std::vector<std::string>{"a.py:2 assemblyai.api-key.assignment"});
    CHECK(without.findings.empty());
}

TEST_CASE("staged scan: no repository, a bare one, a corrupt HEAD are errors") {
    Fixture fx;
    TempDir plain;
    CHECK_THROWS_WITH(fx.staged(plain.str()), Catch::Contains("not inside a git repository"));
    TempDir bare;
    REQUIRE(git_in(bare, "init -q --bare") == 0);
    CHECK_THROWS_WITH(fx.staged(bare.str()), Catch::Contains("bare"));
    TempRepo r;
    r.write("a.txt", "x\n");
    r.commit("one");
    write_file(r.dir / ".git/HEAD", "garbage\n");
    CHECK_THROWS_AS(fx.staged(r.str()), Error);
}

TEST_CASE("history scan: findings belong to the commit that introduced them") {
    Fixture fx;
    TempRepo r;
    r.write("app.py", "import os\n" + k_key1);
    std::string c1 = r.commit("add a key");
    r.write("app.py", "import os\nimport sys\n" + k_key1 + k_key2);
    std::string c2 = r.commit("another key");
    r.write(".env", "DEBUG=1\n");
    std::string c3 = r.commit("env");
    REQUIRE(r.git("rm -q app.py .env") == 0);
    r.commit("remove them");

    std::vector<std::string> expected = {".env:0 env.tracked @" + c3.substr(0, 7),
                                         "app.py:2 assemblyai.api-key.assignment @" + c1.substr(0, 7),
                                         "app.py:4 assemblyai.api-key.assignment @" + c2.substr(0, 7)};
    for (unsigned threads : {1u, 3u}) {
        fx.request.threads = threads;
        ScanOutput out = fx.history(r.str());
        CHECK(describe(out) == expected);
        CHECK(out.stats.errors == 0);
        REQUIRE(out.findings.size() == 3);
        CHECK(out.findings[1].commit->author == "Ada Tester <ada@example.com>");
        CHECK(out.findings[1].commit->date == "2026-01-02T03:04:05+02:00");
    }
    HistoryOptions since;
    since.since = c1;
    CHECK(describe(fx.history(r.str(), since)) ==
          std::vector<std::string>{".env:0 env.tracked @" + c3.substr(0, 7),
                                   "app.py:4 assemblyai.api-key.assignment @" + c2.substr(0, 7)});

    // A key first committed with an allow comment that a later commit drops is reported there.
    TempRepo allowed;
    allowed.write("k.py", k_key1.substr(0, k_key1.size() - 1) + "  # aaiscan:allow\n");
    std::string a1 = allowed.commit("allowed");
    allowed.write("k.py", k_key1);
    std::string a2 = allowed.commit("comment dropped");
    CHECK(describe(fx.history(allowed.str())) ==
          std::vector<std::string>{"k.py:1 assemblyai.api-key.assignment @" + a1.substr(0, 7) + " (suppressed)",
                                   "k.py:1 assemblyai.api-key.assignment @" + a2.substr(0, 7)});

    // Baselined: still listed, suppressed.
    fx.baseline.insert(compute_fingerprint("assemblyai.api-key.assignment", "app.py", "4c3b1e0f9a8d7c6b5a4f3e2d1c0b9a8f"));
    ScanOutput out = fx.history(r.str());
    CHECK(describe(out)[1] == "app.py:2 assemblyai.api-key.assignment @" + c1.substr(0, 7) + " (suppressed)");
}

TEST_CASE("history scan --since: a key moved or copied to a new path is not new") {
    Fixture fx;
    TempRepo r;
    r.write("src/settings.py", "import os\n" + k_key1);
    std::string base = r.commit("base");
    // Renamed and edited in the same commit (git sees a new blob at a new path), and copied.
    REQUIRE(r.git("mv src/settings.py src/config.py") == 0);
    r.write("src/config.py", "import os\nimport sys\n" + k_key1);
    r.write("scripts/copy.py", k_key1);
    r.commit("move settings");
    r.write("src/new.py", k_key2);
    std::string added = r.commit("a new key");

    HistoryOptions since;
    since.since = base;
    for (unsigned threads : {1u, 2u}) {
        fx.request.threads = threads;
        CHECK(describe(fx.history(r.str(), since)) ==
              std::vector<std::string>{"src/new.py:1 assemblyai.api-key.assignment @" + added.substr(0, 7)});
    }
    // Without --since the key is reported where it was first committed.
    std::vector<std::string> all = describe(fx.history(r.str()));
    CHECK(std::count(all.begin(), all.end(), "src/settings.py:2 assemblyai.api-key.assignment @" + base.substr(0, 7)) == 1);
}
