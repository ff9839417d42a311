// Git staged/history scanning (see git_scan.h).
#include "app/git_scan.h"

#include "util/error.h"

namespace aaiscan {

ScanOutput run_staged_scan(const Engine&, const ScanRequest&, const FindingFilter&, const std::string&) {
    throw Error("--staged is not built into this binary yet");
}

ScanOutput run_history_scan(const Engine&, const ScanRequest&, const FindingFilter&, const std::string&,
                            const HistoryOptions&) {
    throw Error("--git-history is not built into this binary yet");
}

}  // namespace aaiscan
