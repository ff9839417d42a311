// Evaluates `kind: file` rules (DESIGN.md section 3) against walked paths and the repository's
// real state: `.env` files that git would commit (not_ignored) or already has (tracked), and
// repositories whose ignore rules do not cover `.env` files (env_ignore_missing).
// Runs on the walker thread, which owns the GitRepo handles.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "app/scan_types.h"
#include "ruleset/rule_set.h"
#include "source/walker.h"

namespace aaiscan {

class FileRuleEvaluator {
public:
    // `repository_rules`: also evaluate env_ignore_missing (a whole-repository judgement, which a
    // pre-commit check of single files leaves out).
    explicit FileRuleEvaluator(const RuleSet& rules, bool repository_rules = true);
    bool empty() const { return m_rules.empty(); }

    // Appends at most one finding for `entry` (the most severe matching rule) to `out`.
    void evaluate(const WalkEntry& entry, ScanOutput& out);

private:
    // A rule's path globs with the literal each matching path must hold (see glob_required_literal).
    struct PathGlob {
        std::string glob;
        std::string literal;
        bool matches(std::string_view path) const;
    };
    struct CompiledRule {
        const Rule* rule = nullptr;
        std::vector<PathGlob> paths;
        std::vector<PathGlob> except_paths;
        bool matches(std::string_view path) const;
    };
    std::vector<CompiledRule> m_rules;
    std::set<std::string> m_judged_repositories;  // workdirs already reported as env_ignore_missing
};

// True when `path` matches one of the rule's `paths` globs and none of its `except_paths`.
bool file_rule_matches_path(const Rule& rule, std::string_view path);

}  // namespace aaiscan
