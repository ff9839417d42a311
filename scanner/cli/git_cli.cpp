// Options of `aaiscan baseline create|update` and `aaiscan install-hook` (DESIGN.md section 5).
#include <memory>

#include "app/baseline_command.h"
#include "app/hook_command.h"
#include "cli/commands.h"
#include "util/error.h"
#include "util/size_parse.h"

namespace aaiscan {
namespace {

// The scan options a baseline is computed with (the same meaning as for `aaiscan scan`).
void add_baseline_scan_options(CLI::App* cmd, BaselineCommandOptions& opts, std::string& max_size) {
    cmd->add_option("path", opts.scan.paths, "Directory to scan (default: .); with --git-history, the repository");
    cmd->add_option("-o,--output", opts.file, "Baseline file (default: .aaiscan-baseline.json)")->type_name("FILE");
    cmd->add_flag("--git-history", opts.scan.git_history, "Record the findings of the whole git history");
    cmd->add_option("--since", opts.scan.since, "With --git-history: only commits after REV")->type_name("REV");
    cmd->add_flag("--all", opts.scan.all_refs, "With --git-history: all refs, not only HEAD");
    cmd->add_option("--rules", opts.scan.rule_paths, "Extra rule file or directory")->type_name("PATH");
    cmd->add_flag("--no-default-rules", opts.scan.no_default_rules, "Use only the rules given with --rules");
    cmd->add_option("--disable", opts.scan.disable, "Rule ids to switch off")->type_name("ID");
    cmd->add_option("-c,--config", opts.scan.config_file, "Config file (default: .aaiscan.yaml found upwards)")
        ->type_name("FILE");
    cmd->add_flag("--no-config", opts.scan.no_config, "Ignore .aaiscan.yaml files");
    cmd->add_flag("--no-inline-ignore", opts.scan.no_inline_ignore, "Also record findings marked aaiscan:allow");
    cmd->add_option("-j,--threads", opts.scan.threads, "Worker threads (default: all cores)");
    cmd->add_option("--max-file-size", max_size, "Skip files larger than this (default 1G)")->type_name("SIZE");
    cmd->add_flag("--no-gitignore", opts.scan.no_gitignore, "Also scan files ignored by git");
    cmd->add_flag("--transcripts", opts.scan.transcripts, "Treat text inputs as transcripts (PII rules)");
    cmd->add_flag("--no-cache", opts.scan.no_cache, "Do not read or write the compiled rule cache");
}

void add_baseline_subcommand(CLI::App* parent, CommandSlot& slot, bool update) {
    auto* cmd = parent->add_subcommand(
        update ? "update" : "create",
        update ? "Remove entries whose finding is gone (and, with --add-new, record new findings)"
               : "Record the fingerprints of every current finding (replaces FILE)");
    auto opts = std::make_shared<BaselineCommandOptions>();
    auto max_size = std::make_shared<std::string>();
    opts->update = update;
    add_baseline_scan_options(cmd, *opts, *max_size);
    if (update) cmd->add_flag("--add-new", opts->add_new, "Also record findings that are not in FILE yet");
    cmd->callback([&slot, opts, max_size] {
        if (!max_size->empty()) {
            auto size = parse_size(*max_size);
            if (!size) throw CLI::ValidationError("--max-file-size", "not a size: " + *max_size);
            opts->scan.max_file_size = size;
        }
        opts->scan.command_line = slot.argv;
        slot.run = [opts] { return execute_baseline(*opts); };
    });
}

}  // namespace

void add_baseline_command(CLI::App& app, CommandSlot& slot) {
    auto* cmd = app.add_subcommand("baseline", "Record today's findings so that scans report only new ones");
    cmd->require_subcommand(1);
    cmd->footer("Use it with: aaiscan scan --baseline FILE. The file holds fingerprints (rule, path, hashed "
                "value; no line numbers), sorted, so it survives edits and merges cleanly.");
    add_baseline_subcommand(cmd, slot, false);
    add_baseline_subcommand(cmd, slot, true);
}

void add_install_hook_command(CLI::App& app, CommandSlot& slot) {
    auto* cmd = app.add_subcommand("install-hook", "Install the aaiscan git pre-commit hook (scan --staged)");
    auto opts = std::make_shared<HookCommandOptions>();
    cmd->add_option("path", opts->path, "A directory of the repository (default: .)");
    cmd->add_flag("--uninstall", opts->uninstall, "Remove the hook and restore the one it replaced");
    cmd->footer("An existing pre-commit hook is kept and runs first; core.hooksPath and worktrees are honoured.");
    cmd->callback([&slot, opts] { slot.run = [opts] { return execute_install_hook(*opts); }; });
}

}  // namespace aaiscan
