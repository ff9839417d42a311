// Unit tests for app/hook_command: the embedded script is hooks/pre-commit; installing keeps and
// chains an existing hook, is idempotent, honours core.hooksPath and worktrees (the common hooks
// folder), refuses to lose a hook, and --uninstall restores exactly what was there.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <iostream>
#include <sstream>

#include "app/hook_command.h"
#include "test_git_support.h"
#include "util/error.h"

using namespace aaiscan;
using namespace aaiscan::testing;

namespace {

// Captures std::cout for its lifetime (restored even when the command throws).
struct CaptureStdout {
    std::ostringstream sink;
    std::streambuf* old = std::cout.rdbuf(sink.rdbuf());
    ~CaptureStdout() { std::cout.rdbuf(old); }
};

// Runs the command with its report (on stdout) captured.
void run_hook_command(const std::string& path, bool uninstall) {
    CaptureStdout capture;
    execute_install_hook(HookCommandOptions{path, uninstall});
}

bool executable(const std::filesystem::path& p) { return access(p.c_str(), X_OK) == 0; }

}  // namespace

TEST_CASE("install-hook: the embedded script is hooks/pre-commit") {
    std::string on_disk = read_file(std::filesystem::path(AAISCAN_SOURCE_DIR) / "hooks/pre-commit");
    CHECK(pre_commit_hook_script() == on_disk);
    CHECK(on_disk.find("# aaiscan-pre-commit-hook") != std::string::npos);
}

TEST_CASE("install-hook: chains an existing hook, is idempotent, uninstall restores it") {
    TempRepo r;
    std::filesystem::path hooks = r.dir / ".git/hooks";
    std::string previous = "#!/bin/sh\necho previous\n";
    write_file(hooks / "pre-commit", previous);
    chmod((hooks / "pre-commit").c_str(), 0755);

    run_hook_command(r.str(), false);
    CHECK(read_file(hooks / "pre-commit") == pre_commit_hook_script());
    CHECK(executable(hooks / "pre-commit"));
    CHECK(read_file(hooks / "pre-commit.pre-aaiscan") == previous);

    run_hook_command(r.str(), false);  // again: refreshes, never chains itself
    CHECK(read_file(hooks / "pre-commit") == pre_commit_hook_script());
    CHECK(read_file(hooks / "pre-commit.pre-aaiscan") == previous);

    run_hook_command(r.str(), true);
    CHECK(read_file(hooks / "pre-commit") == previous);
    CHECK(executable(hooks / "pre-commit"));
    CHECK_FALSE(std::filesystem::exists(hooks / "pre-commit.pre-aaiscan"));
    run_hook_command(r.str(), true);  // nothing of ours left: a no-op
    CHECK(read_file(hooks / "pre-commit") == previous);
}

TEST_CASE("install-hook: a fresh install and uninstall leave no trace") {
    TempRepo r;
    std::filesystem::path hook = r.dir / ".git/hooks/pre-commit";
    std::filesystem::remove(hook);
    run_hook_command(r.str() + "/.", false);
    CHECK(executable(hook));
    run_hook_command(r.str(), true);
    CHECK_FALSE(std::filesystem::exists(hook));
}

TEST_CASE("install-hook: core.hooksPath, worktrees and refusals") {
    TempRepo r;
    r.write("a.txt", "x\n");
    r.commit("one");
    TempDir other;
    std::string tree = (other / "wt").string();
    REQUIRE(r.git("worktree add -q '" + tree + "' -b side") == 0);
    std::string common = std::filesystem::canonical(r.dir / ".git/hooks").string() + "/";
    CHECK(hooks_directory(tree) == common);  // worktrees share the main hooks folder

    REQUIRE(r.git("config core.hooksPath .githooks") == 0);
    CHECK(hooks_directory(r.str()) == std::filesystem::canonical(r.dir.path()).string() + "/.githooks/");
    run_hook_command(r.str(), false);
    CHECK(executable(r.dir / ".githooks/pre-commit"));

    // A foreign hook plus a leftover chained one: installing would lose one of them.
    REQUIRE(r.git("config --unset core.hooksPath") == 0);
    write_file(r.dir / ".git/hooks/pre-commit", "#!/bin/sh\n");
    write_file(r.dir / ".git/hooks/pre-commit.pre-aaiscan", "#!/bin/sh\n");
    CHECK_THROWS_WITH(run_hook_command(r.str(), false), Catch::Contains("move one of them away"));

    TempDir plain;
    CHECK_THROWS_AS(hooks_directory(plain.str()), Error);
}
