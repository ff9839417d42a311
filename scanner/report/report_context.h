// What every reporter needs besides the scan output: the rules, whether to reveal values,
// colours, the exit status and the options that shaped the run.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "app/scan_types.h"
#include "ruleset/rule_set.h"

namespace aaiscan {

struct ReportContext {
    const RuleSet* rules = nullptr;
    bool show_secrets = false;
    bool color = false;
    bool verbose = false;
    bool quiet = false;  // text: print nothing when there is nothing to report
    int exit_code = 0;
    Severity fail_on = Severity::low;
    std::vector<std::string> command_line;  // for SARIF invocations
};

// The value as it may be printed: masked unless --show-secrets.
std::string printable_value(const Finding& finding, const ReportContext& context);

// A transcript speaker as it may be printed: a label ("A", "Speaker 2", "Agent") as it is, a
// person's name (speaker identification, voice tags) masked like PII unless --show-secrets.
std::string printable_speaker(std::string_view speaker, const ReportContext& context);

}  // namespace aaiscan
