// Options of `aaiscan baseline` and `aaiscan install-hook` (not built yet).
#include "cli/commands.h"
#include "util/error.h"

namespace aaiscan {

void add_baseline_command(CLI::App& app, CommandSlot& slot) {
    auto* cmd = app.add_subcommand("baseline", "(not built yet)");
    cmd->allow_extras();
    cmd->callback([&slot] { slot.run = []() -> int { throw Error("'baseline' is not built into this binary yet"); }; });
}

void add_install_hook_command(CLI::App& app, CommandSlot& slot) {
    auto* cmd = app.add_subcommand("install-hook", "(not built yet)");
    cmd->allow_extras();
    cmd->callback([&slot] { slot.run = []() -> int { throw Error("'install-hook' is not built into this binary yet"); }; });
}

}  // namespace aaiscan
