// kind: file rule evaluation (see file_rules.h).
#include "app/file_rules.h"

#include "source/git_repo.h"
#include "util/glob.h"

namespace aaiscan {

FileRuleEvaluator::FileRuleEvaluator(const RuleSet& rules) {
    for (const Rule& rule : rules.rules()) {
        if (rule.kind == RuleKind::file) m_rules.push_back(&rule);
    }
}

bool file_rule_matches_path(const Rule& rule, std::string_view path) {
    bool matched = false;
    for (const auto& glob : rule.paths) {
        if (glob_match(glob, path)) {
            matched = true;
            break;
        }
    }
    if (!matched) return false;
    for (const auto& glob : rule.except_paths) {
        if (glob_match(glob, path)) return false;
    }
    return true;
}

void FileRuleEvaluator::evaluate(const WalkEntry& entry, ScanOutput& out) {
    const Rule* best = nullptr;
    bool cannot_judge = false;
    std::optional<bool> tracked;
    for (const Rule* rule : m_rules) {
        bool matched = file_rule_matches_path(*rule, entry.project_path) ||
                       (entry.display_path != entry.project_path && file_rule_matches_path(*rule, entry.display_path));
        if (!matched) continue;
        bool hit = false;
        switch (rule->condition) {
            case FileCondition::exists:
                hit = true;
                break;
            case FileCondition::not_ignored:
                if (!entry.repo) {
                    cannot_judge = true;
                } else {
                    hit = !entry.ignored;
                }
                break;
            case FileCondition::tracked:
                if (!entry.repo) {
                    cannot_judge = true;
                } else {
                    if (!tracked) tracked = entry.repo->is_tracked(entry.project_path);
                    hit = *tracked;
                }
                break;
        }
        if (hit && (!best || rule->severity > best->severity)) best = rule;
    }
    if (best) {
        Finding f;
        f.rule = best;
        f.severity = best->severity;
        f.path = entry.display_path;
        f.project_path = entry.project_path;
        f.message = best->message;
        out.findings.push_back(std::move(f));
    } else if (cannot_judge) {
        out.note(entry.display_path, "not in a git repository: cannot judge whether this file would be committed");
    }
}

}  // namespace aaiscan
