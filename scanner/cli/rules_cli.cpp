// `aaiscan rules list|check|explain` and `aaiscan version`.
#include <iostream>
#include <memory>

#include "app/config.h"
#include "app/engine.h"
#include "app/rules_command.h"
#include "cli/commands.h"
#include "ruleset/rule_loader.h"
#include "util/escape.h"

namespace aaiscan {
namespace {

struct RulesOptions {
    std::vector<std::string> rule_paths;
    bool no_default_rules = false;
    std::string format = "text";
    std::vector<std::string> files;
    std::string id;
};

void add_engine_options(CLI::App* cmd, RulesOptions& o) {
    cmd->add_option("--rules", o.rule_paths, "Extra rule file or directory")->type_name("PATH");
    cmd->add_flag("--no-default-rules", o.no_default_rules, "Only the rules given with --rules");
}

Engine make_engine(const RulesOptions& o, const std::vector<std::string>& extra) {
    EngineOptions eo;
    eo.rule_paths = o.rule_paths;
    eo.rule_paths.insert(eo.rule_paths.end(), extra.begin(), extra.end());
    eo.default_rules = !o.no_default_rules;
    eo.with_examples = true;
    return Engine(eo, Config{});
}

}  // namespace

void add_rules_command(CLI::App& app, CommandSlot& slot) {
    auto* rules = app.add_subcommand("rules", "List, check and explain rules");
    rules->footer("Exit codes: 0 done (rules check: every example proven), 1 rules check: an example failed, 2 a "
                  "rule file is invalid or a rule is unknown.");
    rules->require_subcommand(1);

    auto list_opts = std::make_shared<RulesOptions>();
    auto* list = rules->add_subcommand("list", "List the active rules");
    add_engine_options(list, *list_opts);
    list->add_option("-f,--format", list_opts->format, "text or json")->check(CLI::IsMember({"text", "json"}));
    list->callback([&slot, list_opts] {
        slot.run = [list_opts] {
            Engine engine = make_engine(*list_opts, {});
            list_rules(engine, list_opts->format == "json", std::cout);
            return 0;
        };
    });

    auto check_opts = std::make_shared<RulesOptions>();
    auto* check = rules->add_subcommand("check", "Prove every rule's examples through the real engine");
    add_engine_options(check, *check_opts);
    check->add_option("files", check_opts->files, "Rule files to check (default: all active rules)");
    auto timing = std::make_shared<bool>(false);
    auto min_mbps = std::make_shared<double>(500.0);
    check->add_flag("--timing", *timing, "Also time each rule alone on a fixed 8 MB buffer and warn about slow ones");
    check->add_option("--min-mbps", *min_mbps, "With --timing: warn below this many MB/s (default 500)");
    auto timing_corpus = std::make_shared<std::string>();
    check->add_option("--timing-corpus", *timing_corpus,
                      "With --timing: time over this file (first 64 MB) instead of the built-in buffer");
    check->callback([&slot, check_opts, timing, min_mbps, timing_corpus] {
        slot.run = [check_opts, timing, min_mbps, timing_corpus] {
            Engine engine = make_engine(*check_opts, check_opts->files);
            std::vector<const Rule*> which;
            for (const auto& file : check_opts->files) {
                for (const Rule& r : load_rule_path(file)) which.push_back(engine.rules().find(r.id));
            }
            auto failures = check_rule_examples(engine, which);
            if (*timing) print_rule_timings(engine, which, *min_mbps, *timing_corpus, std::cout);
            for (const auto& f : failures) {
                std::cerr << located_message(f.rule->origin, f.rule->id, f.what) << '\n';
            }
            size_t checked = which.empty() ? engine.rules().size() : which.size();
            if (failures.empty()) {
                std::cout << "rules check: " << checked << " rules, all examples pass\n";
                return 0;
            }
            std::cout << "rules check: " << failures.size() << " failure(s) in " << checked << " rules\n";
            return 1;
        };
    });

    auto explain_opts = std::make_shared<RulesOptions>();
    auto* explain = rules->add_subcommand("explain", "Show everything about one rule");
    add_engine_options(explain, *explain_opts);
    explain->add_option("id", explain_opts->id, "Rule id")->required();
    explain->callback([&slot, explain_opts] {
        slot.run = [explain_opts] {
            Engine engine = make_engine(*explain_opts, {});
            if (!explain_rule(engine, explain_opts->id, std::cout)) {
                std::cerr << "aaiscan: error: unknown rule '" << escape_for_terminal(explain_opts->id) << "'\n";
                return 2;
            }
            return 0;
        };
    });
}

void add_version_command(CLI::App& app, CommandSlot& slot) {
    auto* cmd = app.add_subcommand("version", "Print the version");
    cmd->callback([&slot] {
        slot.run = [] {
            std::cout << "aaiscan " << AAISCAN_VERSION << '\n';
            return 0;
        };
    });
}

}  // namespace aaiscan
