// Rule set assembly and compilation (see engine.h).
#include "app/engine.h"

#include "ruleset/rule_loader.h"
#include "util/error.h"
#include "validate/validators.h"

namespace aaiscan {

Engine::Engine(const EngineOptions& options, const Config& config) {
    std::vector<RuleSource> sources;
    if (options.default_rules) sources = embedded_rule_sources();
    size_t embedded_count = sources.size();
    for (const auto* paths : {&config.rule_paths, &options.rule_paths}) {
        for (const auto& path : *paths) {
            auto more = read_rule_sources(path);
            std::move(more.begin(), more.end(), std::back_inserter(sources));
        }
    }
    std::string cache_dir = options.use_cache ? default_rule_cache_dir() : std::string();
    std::string rule_cache_dir = options.with_examples ? std::string() : cache_dir;
    for (auto& group : parse_rule_sources(sources, embedded_count, rule_cache_dir)) m_rules.add(std::move(group));
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
    matcher_options.cache_dir = cache_dir;
    m_matcher = std::make_unique<RuleMatcher>(m_rules, matcher_options);
}

}  // namespace aaiscan
