// kind: file rule evaluation (see file_rules.h).
#include "app/file_rules.h"

#include "source/git_repo.h"
#include "util/glob.h"

namespace aaiscan {

FileRuleEvaluator::FileRuleEvaluator(const RuleSet& rules, bool repository_rules) {
    for (const Rule& rule : rules.rules()) {
        if (rule.kind != RuleKind::file) continue;
        if (!repository_rules && rule.condition == FileCondition::env_ignore_missing) continue;
        CompiledRule compiled;
        compiled.rule = &rule;
        for (const auto& glob : rule.paths) compiled.paths.push_back({glob, glob_required_literal(glob)});
        for (const auto& glob : rule.except_paths) compiled.except_paths.push_back({glob, glob_required_literal(glob)});
        m_rules.push_back(std::move(compiled));
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

bool FileRuleEvaluator::PathGlob::matches(std::string_view path) const {
    return path.find(literal) != std::string_view::npos && glob_match(glob, path);
}

bool FileRuleEvaluator::CompiledRule::matches(std::string_view path) const {
    bool matched = false;
    for (const PathGlob& g : paths) {
        if (g.matches(path)) {
            matched = true;
            break;
        }
    }
    if (!matched) return false;
    for (const PathGlob& g : except_paths) {
        if (g.matches(path)) return false;
    }
    return true;
}

void FileRuleEvaluator::evaluate(const WalkEntry& entry, ScanOutput& out) {
    const Rule* best = nullptr;
    bool cannot_judge = false;
    std::optional<bool> tracked;
    bool repository_verdict = false;  // `best` is an env_ignore_missing hit
    for (const CompiledRule& compiled : m_rules) {
        const Rule* rule = compiled.rule;
        bool matched = compiled.matches(entry.project_path) ||
                       (entry.display_path != entry.project_path && compiled.matches(entry.display_path));
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
            case FileCondition::env_ignore_missing:
                // Outside a repository there are no ignore rules to miss: the rules about the
                // .env files themselves already say that they cannot be judged.
                if (entry.repo && !m_judged_repositories.count(entry.repo->workdir())) {
                    size_t slash = entry.project_path.rfind('/');
                    std::string dir = slash == std::string::npos ? "" : entry.project_path.substr(0, slash + 1);
                    hit = !entry.repo->ignores_env_files(dir);
                }
                break;
        }
        if (hit && (!best || rule->severity > best->severity)) {
            best = rule;
            repository_verdict = rule->condition == FileCondition::env_ignore_missing;
        }
    }
    if (repository_verdict) m_judged_repositories.insert(entry.repo->workdir());
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
