// The active rules of a run: the embedded defaults, then rule files from --rules and the config
// (a rule with an existing id replaces it), minus disabled ids.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ruleset/rule.h"
#include "ruleset/rule_cache.h"

namespace aaiscan {

class RuleSet {
public:
    // Adds `rules`. A rule whose id is already present replaces the earlier definition in place
    // (so user files can override a default rule); ids within `rules` are already unique.
    void add(std::vector<Rule> rules);
    // Removes the given ids. Returns the ids that did not exist (callers warn about them).
    std::vector<std::string> disable(const std::vector<std::string>& ids);

    const std::vector<Rule>& rules() const { return m_rules; }
    size_t size() const { return m_rules.size(); }
    const Rule& operator[](size_t index) const { return m_rules[index]; }
    // nullptr when absent.
    const Rule* find(std::string_view id) const;
    // Index of the rule with `id`, or -1.
    int index_of(std::string_view id) const;

private:
    std::vector<Rule> m_rules;
    std::unordered_map<std::string, size_t> m_index;
};

// Parses the rule files embedded in the binary. Throws Error if one of them is invalid.
std::vector<Rule> load_embedded_rules();

// Parses `sources` (one rule list per source), through the parsed-rule cache in `cache_dir`
// ("" disables it; with a cache the rules come back without their examples, which are never
// stored). The first `embedded_count` sources are the built-in files: a rule id defined
// twice among them is an error. Throws Error for any invalid source.
std::vector<std::vector<Rule>> parse_rule_sources(const std::vector<RuleSource>& sources, size_t embedded_count,
                                                  const std::string& cache_dir);
// The built-in rule files as sources.
std::vector<RuleSource> embedded_rule_sources();

}  // namespace aaiscan
