// Runs a directory/stdin scan: the walker hands files to a bounded queue, N worker threads scan
// them (one ItemScanner each), and every finding is fingerprinted and checked against the
// allow-list and baseline before it is streamed or collected. Parallelism lives only here.
#pragma once

#include <functional>
#include <string>
#include <unordered_set>
#include <vector>

#include "app/engine.h"
#include "app/item_scanner.h"
#include "app/scan_types.h"
#include "source/walker.h"
#include "suppress/allowlist.h"

namespace aaiscan {

struct ScanRequest {
    std::vector<std::string> paths;  // "-" reads stdin
    WalkOptions walk;
    ScanSettings settings;
    ScanLimits limits;
    TranscriptPolicy transcripts;
    unsigned threads = 0;  // 0: one per core
    // Called for every finding as soon as its file is done (under a lock), for streaming formats.
    std::function<void(const Finding&)> on_finding;
};

// Fingerprints a finding and marks it suppressed when the allow-list or baseline covers it.
class FindingFilter {
public:
    FindingFilter(const Allowlist& allowlist, const std::unordered_set<std::string>* baseline)
        : m_allowlist(allowlist), m_baseline(baseline) {}
    void apply(Finding& finding) const;

private:
    const Allowlist& m_allowlist;
    const std::unordered_set<std::string>* m_baseline;
};

// Counts findings per severity / suppression kind into `out.stats` and sorts `out.findings`.
void finish_output(ScanOutput& out);

// Exit status per DESIGN.md section 5: 2 when anything asked for could not be scanned, else 1
// when an unsuppressed finding is at or above `fail_on`, else 0.
int exit_code_for(const ScanOutput& out, Severity fail_on);

ScanOutput run_scan(const Engine& engine, const ScanRequest& request, const FindingFilter& filter);

}  // namespace aaiscan
