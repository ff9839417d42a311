// Unit tests for app/file_rules with the default env rules: tracked / not ignored .env files,
// env.gitignore-missing once per repository (per directory judgement, left out for staged
// scans), and what happens outside a repository.
#include <catch2/catch.hpp>

#include "app/engine.h"
#include "app/file_rules.h"
#include "source/git_repo.h"
#include "test_git_support.h"

using namespace aaiscan;
using namespace aaiscan::testing;

namespace {

struct Fixture {
    Config config;
    Engine engine{EngineOptions{}, config};
};

WalkEntry entry_for(GitRepo* repo, const std::string& path) {
    WalkEntry e;
    e.display_path = e.project_path = path;
    e.repo = repo;
    e.ignored = repo && repo->is_ignored(path);
    return e;
}

std::vector<std::string> rule_ids(const ScanOutput& out) {
    std::vector<std::string> ids;
    for (const auto& f : out.findings) ids.push_back(f.path + " " + f.rule->id);
    return ids;
}

}  // namespace

TEST_CASE("file rules: env.gitignore-missing once per repository, judged per directory") {
    Fixture fx;
    TempRepo r;
    r.write("apps/web/.gitignore", ".env\n");
    std::string error;
    auto repo = GitRepo::open(r.str(), false, false, error);
    REQUIRE(repo);
    FileRuleEvaluator rules(fx.engine.rules());
    ScanOutput out;
    rules.evaluate(entry_for(repo.get(), "apps/web/.env.example"), out);  // covered there
    CHECK(out.findings.empty());
    rules.evaluate(entry_for(repo.get(), "apps/api/.env.example"), out);  // not covered here
    rules.evaluate(entry_for(repo.get(), "docs/.env.sample"), out);       // once is enough
    CHECK(rule_ids(out) == std::vector<std::string>{"apps/api/.env.example env.gitignore-missing"});

    // A real .env is the more severe finding; the repository verdict waits for another file.
    FileRuleEvaluator again(fx.engine.rules());
    ScanOutput second;
    again.evaluate(entry_for(repo.get(), ".env"), second);
    again.evaluate(entry_for(repo.get(), ".env.example"), second);
    CHECK(rule_ids(second) == std::vector<std::string>{".env env.unignored", ".env.example env.gitignore-missing"});

    // Staged scans leave the repository verdict out.
    FileRuleEvaluator staged(fx.engine.rules(), false);
    ScanOutput third;
    staged.evaluate(entry_for(repo.get(), ".env.example"), third);
    CHECK(third.findings.empty());
}

TEST_CASE("file rules: outside a repository only real .env files get a note") {
    Fixture fx;
    FileRuleEvaluator rules(fx.engine.rules());
    ScanOutput out;
    rules.evaluate(entry_for(nullptr, ".env.example"), out);
    CHECK(out.diagnostics.empty());
    rules.evaluate(entry_for(nullptr, ".env"), out);
    CHECK(out.findings.empty());
    REQUIRE(out.diagnostics.size() == 1);
    CHECK(out.diagnostics[0].message.find("cannot judge") != std::string::npos);
}
