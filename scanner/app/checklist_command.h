// `aaiscan checklist [PATH]`: runs the scan once over PATH (code, config, env files, CI files and
// transcripts in it), takes an inventory of the tree (env files, transcript exports and their
// dates, where flagged code runs), evaluates every checklist item and prints the verdicts.
#pragma once

#include <string>
#include <vector>

#include "app/checklist_model.h"

namespace aaiscan {

struct ChecklistCommandOptions {
    std::string path = ".";
    std::string format = "text";  // text | json
    std::string output_file;      // empty: stdout
    std::string config_file;
    bool no_config = false;
    ChecklistStatus fail_on = ChecklistStatus::fail;  // exit 1 when an item is at or above this
    unsigned threads = 0;
    bool no_cache = false;
};

// Exit code: 2 when the scan could not read something (diagnostics on stderr), else 1 when an
// item's status is at or above `fail_on`, else 0. Throws Error for configuration problems.
int execute_checklist(const ChecklistCommandOptions& options);

}  // namespace aaiscan
