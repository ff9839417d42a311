// The default rule files (rules/*.yaml), compiled into the binary by cmake/embed_rules.cmake.
#pragma once

#include <string_view>
#include <vector>

namespace aaiscan {

struct EmbeddedRuleFile {
    std::string_view name;     // "rules/assemblyai.yaml"
    std::string_view content;  // the YAML text
};

const std::vector<EmbeddedRuleFile>& embedded_rule_files();

}  // namespace aaiscan
