// Git sources for `aaiscan scan`: `--staged` (the index blobs being committed, findings only on
// added lines) and `--git-history` (every distinct blob reachable from the refs, attributed to
// the commit that introduced it). Both use libgit2 and the same per-item pipeline as the walker.
#pragma once

#include <string>

#include "app/scan_runner.h"

namespace aaiscan {

struct HistoryOptions {
    std::string since;  // only commits after this revision
    bool all_refs = false;
};

// `path` is any directory inside the repository. Throws Error when it is not a usable repository.
ScanOutput run_staged_scan(const Engine& engine, const ScanRequest& request, const FindingFilter& filter,
                           const std::string& path);
ScanOutput run_history_scan(const Engine& engine, const ScanRequest& request, const FindingFilter& filter,
                            const std::string& path, const HistoryOptions& history);

}  // namespace aaiscan
