// Unit tests for source/git_repo: the repository's real ignore rules for .env files (negations,
// nested .gitignore files, .git/info/exclude, core.excludesFile, ignored directories), index
// queries, and opening repositories for the git sources (errors, bare repositories, worktrees).
#include <catch2/catch.hpp>

#include "source/git_repo.h"
#include "test_git_support.h"

using namespace aaiscan;
using namespace aaiscan::testing;

namespace {

std::unique_ptr<GitRepo> open_repo(const std::string& path) {
    std::string error;
    auto repo = GitRepo::open(path, false, false, error);
    INFO(error);
    REQUIRE(repo);
    return repo;
}

}  // namespace

TEST_CASE("git repo: .env* with a negated .env.example") {
    TempRepo r;
    r.write(".gitignore", ".env*\n!.env.example\n");
    auto repo = open_repo(r.str());
    CHECK(repo->is_ignored(".env"));
    CHECK(repo->is_ignored(".env.local"));
    CHECK(repo->is_ignored(".env.production"));
    CHECK(repo->is_ignored("apps/web/.env.development.local"));
    CHECK_FALSE(repo->is_ignored(".env.example"));
    CHECK(repo->ignores_env_files());
    CHECK(repo->ignores_env_files("apps/web/"));
}

TEST_CASE("git repo: a nested .gitignore covers only its own directory") {
    TempRepo r;
    r.write("apps/web/.gitignore", ".env\n");
    auto repo = open_repo(r.str());
    CHECK(repo->is_ignored("apps/web/.env"));
    CHECK(repo->is_ignored("apps/web/sub/.env"));
    CHECK_FALSE(repo->is_ignored(".env"));
    CHECK_FALSE(repo->is_ignored("apps/api/.env"));
    CHECK(repo->ignores_env_files("apps/web/"));
    CHECK_FALSE(repo->ignores_env_files(""));
    CHECK_FALSE(repo->ignores_env_files("apps/api/"));
}

TEST_CASE("git repo: .git/info/exclude and core.excludesFile count") {
    TempRepo r;
    r.write(".git/info/exclude", ".env\n");
    r.write("global-ignore", ".env.production\n");
    REQUIRE(r.git("config core.excludesFile '" + r.str() + "/global-ignore'") == 0);
    auto repo = open_repo(r.str());
    CHECK(repo->is_ignored(".env"));
    CHECK(repo->is_ignored(".env.production"));
    CHECK_FALSE(repo->is_ignored(".env.local"));
    CHECK(repo->ignores_env_files());
}

TEST_CASE("git repo: ignored directories, *.env and anchored patterns") {
    TempRepo r;
    r.write(".gitignore", "config/\n*.env\n/.env.local\n");
    auto repo = open_repo(r.str());
    CHECK(repo->is_ignored("config/.env"));
    CHECK(repo->is_ignored("prod.env"));
    CHECK(repo->is_ignored(".env"));  // '*' also matches nothing
    CHECK(repo->is_ignored(".env.local"));
    CHECK_FALSE(repo->is_ignored("sub/.env.local"));  // anchored to the top level
}

TEST_CASE("git repo: a repository without env patterns ignores no .env file") {
    TempRepo r;
    r.write(".gitignore", "node_modules/\n");
    auto repo = open_repo(r.str());
    CHECK_FALSE(repo->ignores_env_files());
}

TEST_CASE("git repo: index queries") {
    TempRepo r;
    r.write("build/keep.txt", "x");
    r.write("src/app.py", "x");
    r.commit("one");
    auto repo = open_repo(r.str());
    CHECK(repo->is_tracked("src/app.py"));
    CHECK_FALSE(repo->is_tracked("src/other.py"));
    CHECK(repo->has_tracked_under("build"));
    CHECK(repo->has_tracked_under("build/"));
    CHECK_FALSE(repo->has_tracked_under("bui"));
    CHECK_FALSE(repo->has_tracked_under("dist"));
}

TEST_CASE("git repo: open() explains what is wrong") {
    TempDir plain;
    std::string error;
    CHECK_FALSE(GitRepo::open(plain.str(), false, false, error));
    CHECK(error.find("not inside a git repository") != std::string::npos);

    TempDir bare;
    REQUIRE(git_in(bare, "init -q --bare") == 0);
    error.clear();
    CHECK_FALSE(GitRepo::open(bare.str(), false, false, error));
    CHECK(error.find("bare repository") != std::string::npos);
    auto opened = GitRepo::open(bare.str(), true, false, error);
    REQUIRE(opened);
    CHECK(opened->workdir().empty());
}

TEST_CASE("git repo: subdirectories, worktrees and configuration") {
    TempRepo r;
    r.write("a/b/c.txt", "x");
    r.commit("one");
    REQUIRE(r.git("config core.hooksPath .githooks") == 0);
    auto from_sub = open_repo(r.str() + "/a/b");
    CHECK(from_sub->workdir() == std::filesystem::canonical(r.dir.path()).string() + "/");
    CHECK(from_sub->config_path("core.hooksPath") == ".githooks");
    CHECK(from_sub->config_path("core.doesNotExist").empty());

    TempDir other;
    std::string tree = (other / "wt").string();
    REQUIRE(r.git("worktree add -q '" + tree + "' -b side") == 0);
    auto worktree = open_repo(tree);
    CHECK(worktree->common_dir() == from_sub->common_dir());
    CHECK(worktree->git_dir() != from_sub->git_dir());
    CHECK(worktree->is_tracked("a/b/c.txt"));
}

TEST_CASE("git repo: ignore answers agree with git check-ignore, nested negations included") {
    TempRepo r;
    r.write(".gitignore", ".env*\n!.env.example\n*.env\nconfig/\n");
    r.write("apps/api/.gitignore", "!.env.production\n!/.env.staging\n");
    r.write("apps/api/deep/.gitignore", "# comment\n!.env.x\n.env.x\n");
    r.write("apps/web/.gitignore", ".env.local\n!prod.env\n");
    r.write("config/.gitignore", "!.env\n");  // inside an ignored directory: cannot re-include
    std::vector<std::string> files = {
        ".env", ".env.example", ".env.local", "prod.env",
        "apps/api/.env", "apps/api/.env.production", "apps/api/.env.staging", "apps/api/sub/.env.staging",
        "apps/api/sub/.env.production", "apps/api/deep/.env.x", "apps/api/deep/.env.production",
        "apps/web/.env.local", "apps/web/prod.env", "apps/web/.env.example", "config/.env", "src/app.py"};
    for (const auto& f : files) r.write(f, "x\n");
    auto repo = open_repo(r.str());
    for (const auto& f : files) {
        bool git_says = r.git("check-ignore -q '" + f + "'") == 0;
        INFO(f);
        CHECK(repo->is_ignored(f) == git_says);
    }
}
