// Options of `aaiscan checklist` (not built yet).
#include "cli/commands.h"
#include "util/error.h"

namespace aaiscan {

void add_checklist_command(CLI::App& app, CommandSlot& slot) {
    auto* cmd = app.add_subcommand("checklist", "(not built yet)");
    cmd->allow_extras();
    cmd->callback([&slot] { slot.run = []() -> int { throw Error("'checklist' is not built into this binary yet"); }; });
}

}  // namespace aaiscan
