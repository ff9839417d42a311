// Options of `aaiscan redact` (DESIGN.md section 5, docs/redact.md).
#include <memory>

#include "app/redact_command.h"
#include "cli/commands.h"

namespace aaiscan {

void add_redact_command(CLI::App& app, CommandSlot& slot) {
    auto* cmd = app.add_subcommand("redact", "Write redacted copies of transcript exports (JSON, SRT, VTT, text, archives)");
    cmd->footer("Exit codes: 0 written and verified clean, 1 PII of an applied policy remains after "
                "verification, 2 usage, I/O or parse error. See docs/redact.md.");
    auto opts = std::make_shared<RedactCommandOptions>();
    cmd->add_option("inputs", opts->inputs, "Transcript files, archives or directories")->required();
    cmd->add_option("--out", opts->out_dir, "Directory for the redacted copies (mirrors the inputs' paths)")
        ->type_name("DIR");
    cmd->add_option("--sub", opts->substitution, "Substitution: hash (default, one # per character) or entity_name")
        ->check(CLI::IsMember({"hash", "entity_name"}));
    cmd->add_option("--policies", opts->policies, "Comma-separated AssemblyAI policies, or all (default: all detected)")
        ->type_name("LIST");
    cmd->add_flag("--dry-run", opts->dry_run, "List what would be redacted (values masked); write nothing");
    cmd->add_flag("--in-place", opts->in_place, "Replace the inputs, keeping each original as INPUT.bak");
    cmd->add_option("-f,--format", opts->format, "text or json")->check(CLI::IsMember({"text", "json"}));
    cmd->add_option("--rules", opts->rule_paths, "Extra rule file or directory")->type_name("PATH");
    cmd->add_option("--disable", opts->disable, "Rule ids to switch off")->type_name("ID");
    cmd->add_option("-c,--config", opts->config_file, "Config file (default: .aaiscan.yaml found upwards)")
        ->type_name("FILE");
    cmd->add_flag("--no-config", opts->no_config, "Ignore .aaiscan.yaml files");
    cmd->add_flag("--no-cache", opts->no_cache, "Do not read or write the compiled rule cache");
    cmd->callback([&slot, opts] { slot.run = [opts] { return execute_redact(*opts); }; });
}

}  // namespace aaiscan
