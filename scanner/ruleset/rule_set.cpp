// Rule set assembly (see rule_set.h).
#include "ruleset/rule_set.h"

#include <algorithm>
#include <set>

#include "ruleset/embedded_rules.h"
#include "ruleset/rule_loader.h"
#include "util/error.h"

namespace aaiscan {

void RuleSet::add(std::vector<Rule> rules) {
    for (Rule& rule : rules) {
        auto it = m_index.find(rule.id);
        if (it != m_index.end()) {
            m_rules[it->second] = std::move(rule);
        } else {
            m_index.emplace(rule.id, m_rules.size());
            m_rules.push_back(std::move(rule));
        }
    }
}

std::vector<std::string> RuleSet::disable(const std::vector<std::string>& ids) {
    std::vector<std::string> unknown;
    std::set<std::string> drop;
    for (const auto& id : ids) {
        if (m_index.count(id)) {
            drop.insert(id);
        } else {
            unknown.push_back(id);
        }
    }
    if (drop.empty()) return unknown;
    std::erase_if(m_rules, [&](const Rule& r) { return drop.count(r.id) > 0; });
    m_index.clear();
    for (size_t i = 0; i < m_rules.size(); ++i) m_index.emplace(m_rules[i].id, i);
    return unknown;
}

const Rule* RuleSet::find(std::string_view id) const {
    int index = index_of(id);
    return index < 0 ? nullptr : &m_rules[static_cast<size_t>(index)];
}

int RuleSet::index_of(std::string_view id) const {
    auto it = m_index.find(std::string(id));
    return it == m_index.end() ? -1 : static_cast<int>(it->second);
}

std::vector<Rule> load_embedded_rules() {
    std::vector<Rule> all;
    std::set<std::string> seen;
    for (const auto& file : embedded_rule_files()) {
        auto rules = parse_rule_file(file.content, std::string(file.name));
        for (auto& rule : rules) {
            if (!seen.insert(rule.id).second) {
                throw Error(located_message(rule.origin, rule.id, "duplicate rule id (also defined in another default rule file)"));
            }
            all.push_back(std::move(rule));
        }
    }
    return all;
}

std::vector<RuleSource> embedded_rule_sources() {
    std::vector<RuleSource> sources;
    for (const auto& file : embedded_rule_files()) sources.push_back({std::string(file.name), std::string(file.content)});
    return sources;
}

std::vector<std::vector<Rule>> parse_rule_sources(const std::vector<RuleSource>& sources, size_t embedded_count,
                                                  const std::string& cache_dir) {
    std::string key = rule_sources_key(sources);
    if (auto cached = read_rule_cache(cache_dir, key); cached && cached->size() == sources.size()) return *cached;
    std::vector<std::vector<Rule>> groups;
    std::set<std::string> embedded_ids;
    for (size_t i = 0; i < sources.size(); ++i) {
        groups.push_back(parse_rule_file(sources[i].text, sources[i].name));
        if (i >= embedded_count) continue;
        for (const Rule& rule : groups.back()) {
            if (!embedded_ids.insert(rule.id).second) {
                throw Error(located_message(rule.origin, rule.id, "duplicate rule id (also defined in another default rule file)"));
            }
        }
    }
    if (!cache_dir.empty()) {
        // Examples are synthetic secrets and PII: they never go to disk, and scans do not need them.
        auto stored = groups;
        for (auto& group : stored) {
            for (Rule& rule : group) {
                rule.examples.clear();
                rule.negative_examples.clear();
            }
        }
        write_rule_cache(cache_dir, key, stored);
        return stored;
    }
    return groups;
}

}  // namespace aaiscan
