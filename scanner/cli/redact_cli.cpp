// Options of `aaiscan redact` (not built yet).
#include "cli/commands.h"
#include "util/error.h"

namespace aaiscan {

void add_redact_command(CLI::App& app, CommandSlot& slot) {
    auto* cmd = app.add_subcommand("redact", "(not built yet)");
    cmd->allow_extras();
    cmd->callback([&slot] { slot.run = []() -> int { throw Error("'redact' is not built into this binary yet"); }; });
}

}  // namespace aaiscan
