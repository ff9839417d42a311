// Builds what every command needs to match: the rule set (embedded defaults, config rule files,
// --rules files, minus disabled ids), checked validators, and the compiled matcher.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "app/config.h"
#include "match/rule_matcher.h"
#include "ruleset/rule_set.h"

namespace aaiscan {

struct EngineOptions {
    std::vector<std::string> rule_paths;  // --rules (added after the config's)
    bool default_rules = true;            // false: only the given rule files
    std::vector<std::string> disable;     // ids, on top of the config's
    MatchEngine engine = MatchEngine::hyperscan;
    bool use_cache = true;
    // Rule examples are only kept when asked (rules check/explain): the parsed-rule cache never
    // stores them, so those commands parse the YAML afresh.
    bool with_examples = false;
};

class Engine {
public:
    // Throws Error for any rule, validator or pattern problem.
    Engine(const EngineOptions& options, const Config& config);

    const RuleSet& rules() const { return m_rules; }
    const RuleMatcher& matcher() const { return *m_matcher; }
    const std::vector<std::string>& warnings() const { return m_warnings; }

private:
    RuleSet m_rules;
    std::unique_ptr<RuleMatcher> m_matcher;
    std::vector<std::string> m_warnings;
};

}  // namespace aaiscan
