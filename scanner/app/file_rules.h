// Evaluates `kind: file` rules (DESIGN.md section 3) against walked paths and the repository's
// real state: `.env` files that git would commit (not_ignored) or already has (tracked).
// Runs on the walker thread, which owns the GitRepo handles.
#pragma once

#include <vector>

#include "app/scan_types.h"
#include "ruleset/rule_set.h"
#include "source/walker.h"

namespace aaiscan {

class FileRuleEvaluator {
public:
    explicit FileRuleEvaluator(const RuleSet& rules);
    bool empty() const { return m_rules.empty(); }

    // Appends at most one finding for `entry` (the most severe matching rule) to `out`.
    void evaluate(const WalkEntry& entry, ScanOutput& out);

private:
    std::vector<const Rule*> m_rules;
};

// True when `path` matches one of the rule's `paths` globs and none of its `except_paths`.
bool file_rule_matches_path(const Rule& rule, std::string_view path);

}  // namespace aaiscan
