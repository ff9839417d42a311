// Cache of parsed rules: parsing ~140 KB of rule YAML with yaml-cpp costs more than everything
// else a pre-commit scan does, so the parsed rules are stored in a binary file keyed by a hash of
// the rule sources (names and texts). Entries are checksummed, owned by the user, mode 0600, and
// anything that does not verify is ignored and rebuilt, never trusted.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ruleset/rule.h"

namespace aaiscan {

struct RuleSource {
    std::string name;  // "rules/assemblyai.yaml" or a file path
    std::string text;
};

// Key of a list of sources: sha256 over a format version and every (name, text).
std::string rule_sources_key(const std::vector<RuleSource>& sources);

// The rules of each source, in source order, from the cache; nullopt when absent or invalid.
std::optional<std::vector<std::vector<Rule>>> read_rule_cache(const std::string& cache_dir, const std::string& key);

// Stores them; failures are silent (the cache is an optimisation).
void write_rule_cache(const std::string& cache_dir, const std::string& key,
                      const std::vector<std::vector<Rule>>& rules);

// Binary (de)serialisation of rules, exposed for tests.
std::string serialize_rules(const std::vector<std::vector<Rule>>& rules);
std::optional<std::vector<std::vector<Rule>>> deserialize_rules(std::string_view bytes);

}  // namespace aaiscan
