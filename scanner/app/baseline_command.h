// `aaiscan baseline create|update [PATH] -o FILE`: records the fingerprints of today's findings
// (from the working tree, or the history with --git-history) so that `scan --baseline FILE`
// reports only new ones. `update` removes the entries whose finding no longer occurs and, only
// with --add-new, records new findings too: a scheduled update never accepts a new secret.
#pragma once

#include <string>

#include "app/scan_command.h"

namespace aaiscan {

struct BaselineCommandOptions {
    ScanCommandOptions scan;  // source, rules, config, limits (format and reporting unused)
    std::string file = ".aaiscan-baseline.json";
    bool update = false;   // else create (replacing FILE)
    bool add_new = false;  // update: also record findings that are not in FILE yet
};

// Writes the baseline file and prints a summary to stderr. Returns 0, or 2 when the scan was
// incomplete (nothing is written then: a partial scan must not prune entries). Throws Error for
// configuration problems and an unreadable or invalid baseline to update.
int execute_baseline(const BaselineCommandOptions& options);

}  // namespace aaiscan
