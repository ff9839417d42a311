// Registration of the subcommands. Each add_* function declares one command's options on `app`
// and stores, in `run`, what to execute when that command is chosen.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>
#include <vector>

namespace aaiscan {

struct CommandSlot {
    std::function<int()> run;
    std::vector<std::string> argv;  // the whole command line, for reports
};

void add_scan_command(CLI::App& app, CommandSlot& slot);
void add_rules_command(CLI::App& app, CommandSlot& slot);
void add_version_command(CLI::App& app, CommandSlot& slot);
void add_redact_command(CLI::App& app, CommandSlot& slot);        // redact_cli.cpp
void add_checklist_command(CLI::App& app, CommandSlot& slot);     // checklist_cli.cpp
void add_baseline_command(CLI::App& app, CommandSlot& slot);      // git_cli.cpp
void add_install_hook_command(CLI::App& app, CommandSlot& slot);  // git_cli.cpp

}  // namespace aaiscan
