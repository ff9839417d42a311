// Options of `aaiscan scan` (DESIGN.md section 5).
#include <memory>

#include "app/scan_command.h"
#include "cli/commands.h"
#include "util/error.h"
#include "util/size_parse.h"

namespace aaiscan {

void add_scan_command(CLI::App& app, CommandSlot& slot) {
    auto* cmd = app.add_subcommand("scan", "Scan files, directories, stdin (-), the git index or git history");
    auto opts = std::make_shared<ScanCommandOptions>();
    auto fail_on = std::make_shared<std::string>();
    auto max_size = std::make_shared<std::string>();
    auto engine = std::make_shared<std::string>("hyperscan");
    cmd->add_option("paths", opts->paths, "Files or directories to scan ('-' reads stdin); default: .");
    cmd->add_flag("--staged", opts->staged, "Scan what is staged for commit (pre-commit hook mode)");
    CLI::Option* history = cmd->add_flag("--git-history", opts->git_history, "Scan every blob in the git history");
    // Without --git-history they would be ignored and the working tree scanned instead.
    cmd->add_option("--since", opts->since, "With --git-history: only commits after REV")->type_name("REV")->needs(history);
    cmd->add_flag("--all", opts->all_refs, "With --git-history: all refs, not only HEAD")->needs(history);
    cmd->add_option("-f,--format", opts->format, "text, json, jsonl or sarif")
        ->check(CLI::IsMember({"text", "json", "jsonl", "sarif"}));
    cmd->add_option("-o,--output", opts->output_file, "Write the report to FILE (atomically)")->type_name("FILE");
    cmd->add_option("--rules", opts->rule_paths, "Extra rule file or directory (same id replaces a default rule)")
        ->type_name("PATH");
    cmd->add_flag("--no-default-rules", opts->no_default_rules, "Use only the rules given with --rules");
    cmd->add_option("--disable", opts->disable, "Rule ids to switch off")->type_name("ID");
    cmd->add_option("-c,--config", opts->config_file, "Config file (default: .aaiscan.yaml found upwards)")
        ->type_name("FILE");
    cmd->add_flag("--no-config", opts->no_config, "Ignore .aaiscan.yaml files");
    cmd->add_option("--baseline", opts->baseline_file, "Suppress findings recorded in this baseline")->type_name("FILE");
    cmd->add_option("--fail-on", *fail_on, "Lowest severity that fails the scan (default low)")
        ->check(CLI::IsMember({"info", "low", "medium", "high", "critical"}));
    cmd->add_flag("--show-secrets", opts->show_secrets, "Print secret and PII values unmasked");
    cmd->add_flag("--no-inline-ignore", opts->no_inline_ignore, "Ignore aaiscan:allow comments");
    cmd->add_option("-j,--threads", opts->threads, "Worker threads (default: all cores)");
    cmd->add_option("--max-file-size", *max_size, "Skip files larger than this (default 1G)")->type_name("SIZE");
    cmd->add_flag("--no-gitignore", opts->no_gitignore, "Also scan files ignored by git");
    cmd->add_flag("-L,--follow-symlinks", opts->follow_symlinks, "Follow symlinks that stay inside the tree");
    cmd->add_flag("--transcripts", opts->transcripts, "Treat text inputs as transcripts (PII rules)");
    cmd->add_option("--engine", *engine, "Matching engine: hyperscan (default) or re2 (reference)")
        ->check(CLI::IsMember({"hyperscan", "re2"}));
    cmd->add_flag("--no-cache", opts->no_cache, "Do not read or write the compiled rule cache");
    cmd->add_option("--color", opts->color, "auto, always or never (NO_COLOR is honoured)")
        ->check(CLI::IsMember({"auto", "always", "never"}));
    cmd->add_flag("--stats", opts->stats, "Print counters and throughput to stderr");
    cmd->add_flag("-v,--verbose", opts->verbose, "Also list suppressed findings and notes");
    cmd->add_flag("-q,--quiet", opts->quiet, "Text format: print nothing when there are no findings and no errors");
    cmd->callback([&slot, opts, fail_on, max_size, engine] {
        opts->command_line = slot.argv;
        if (!fail_on->empty()) opts->fail_on = parse_severity(*fail_on);
        if (!max_size->empty()) {
            auto size = parse_size(*max_size);
            if (!size) throw CLI::ValidationError("--max-file-size", "not a size: " + *max_size);
            opts->max_file_size = size;
        }
        opts->engine = *engine == "re2" ? MatchEngine::re2 : MatchEngine::hyperscan;
        slot.run = [opts] { return execute_scan(*opts); };
    });
}

}  // namespace aaiscan
