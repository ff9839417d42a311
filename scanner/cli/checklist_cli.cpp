// Options of `aaiscan checklist` (DESIGN.md sections 5 and 7; docs/checklist.md).
#include <memory>

#include "app/checklist_command.h"
#include "cli/commands.h"

namespace aaiscan {

void add_checklist_command(CLI::App& app, CommandSlot& slot) {
    auto* cmd = app.add_subcommand(
        "checklist",
        "Judge the AssemblyAI security checklist: PASS / FAIL / WARN / MANUAL per item");
    cmd->footer("Exit codes: 0 nothing at or above --fail-on (default fail), 1 an item at or above it, 2 bad "
                "path, config or rules, or something could not be read (the report says INCOMPLETE).");
    auto opts = std::make_shared<ChecklistCommandOptions>();
    auto fail_on = std::make_shared<std::string>("fail");
    cmd->add_option("path", opts->path, "Repository or directory to judge (default: .)");
    cmd->add_option("-f,--format", opts->format, "text or json")
        ->check(CLI::IsMember({"text", "json"}));
    cmd->add_option("-o,--output", opts->output_file, "Write the report to FILE (atomically)")
        ->type_name("FILE");
    cmd->add_option("-c,--config", opts->config_file,
                    "Config file (default: .aaiscan.yaml found upwards)")
        ->type_name("FILE");
    cmd->add_flag("--no-config", opts->no_config, "Ignore .aaiscan.yaml files");
    cmd->add_option("--fail-on", *fail_on,
                    "Lowest item status that exits 1: fail (default), warn or manual")
        ->check(CLI::IsMember({"fail", "warn", "manual"}));
    cmd->add_option("-j,--threads", opts->threads, "Worker threads (default: all cores)");
    cmd->add_flag("--no-cache", opts->no_cache, "Do not read or write the compiled rule cache");
    cmd->callback([&slot, opts, fail_on] {
        opts->fail_on = *fail_on == "warn"     ? ChecklistStatus::warn
                        : *fail_on == "manual" ? ChecklistStatus::manual
                                               : ChecklistStatus::fail;
        slot.run = [opts] { return execute_checklist(*opts); };
    });
}

}  // namespace aaiscan
