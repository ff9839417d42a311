// Rule set assembly and compilation (see engine.h).
#include "app/engine.h"

#include "ruleset/rule_loader.h"
#include "util/error.h"
#include "validate/validators.h"

namespace aaiscan {

Engine::Engine(const EngineOptions& options, const Config& config) {
    if (options.default_rules) m_rules.add(load_embedded_rules());
    for (const auto& path : config.rule_paths) m_rules.add(load_rule_path(path));
    for (const auto& path : options.rule_paths) m_rules.add(load_rule_path(path));
    std::vector<std::string> disable = config.disable;
    disable.insert(disable.end(), options.disable.begin(), options.disable.end());
    for (const auto& unknown : m_rules.disable(disable)) {
        m_warnings.push_back("cannot disable unknown rule '" + unknown + "'");
    }
    if (m_rules.size() == 0) throw Error("no rules to run");
    for (const Rule& rule : m_rules.rules()) {
        for (const auto& name : rule.validators) {
            if (find_validator(name) == nullptr) {
                throw Error(located_message(rule.validators_origin.line ? rule.validators_origin : rule.origin, rule.id,
                                            "unknown validator '" + name + "'"));
            }
        }
    }
    MatcherOptions matcher_options;
    matcher_options.engine = options.engine;
    if (options.use_cache) matcher_options.cache_dir = default_rule_cache_dir();
    m_matcher = std::make_unique<RuleMatcher>(m_rules, matcher_options);
}

}  // namespace aaiscan
