// Reads rule YAML (DESIGN.md section 3) into `Rule`s and checks its structure strictly: unknown
// keys, wrong types, bad enum values, duplicate ids and missing examples are `Error`s that name
// file:line:column and the rule id. Regex validity is checked later, when rules are compiled.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ruleset/rule.h"
#include "ruleset/rule_cache.h"

namespace aaiscan {

// Parses one rule file. `file_name` is only used in messages and `Rule::origin`.
// Throws Error on any problem.
std::vector<Rule> parse_rule_file(std::string_view yaml_text, const std::string& file_name);

// Reads a rule file, or every *.yaml / *.yml file of a directory (sorted by name), as texts.
// Throws Error when the path is missing or unreadable.
std::vector<RuleSource> read_rule_sources(const std::string& path);

// Loads a rule file, or every *.yaml / *.yml file of a directory (sorted by name).
std::vector<Rule> load_rule_path(const std::string& path);

// Formats "file:line:column: rule 'id': message".
std::string located_message(const SourceLocation& where, std::string_view rule_id,
                            std::string_view message);

}  // namespace aaiscan
