// `aaiscan baseline` (see baseline_command.h).
#include "app/baseline_command.h"

#include <fmt/format.h>

#include <iostream>

#include "report/report_context.h"
#include "report/text_reporter.h"
#include "util/atomic_file.h"
#include "util/error.h"

namespace aaiscan {
namespace {

std::string entries(size_t n) { return fmt::format("{} entr{}", n, n == 1 ? "y" : "ies"); }

}  // namespace

int execute_baseline(const BaselineCommandOptions& options) {
    ScanCommandOptions scan = options.scan;
    scan.baseline_file = options.update ? options.file : std::string();
    auto session = open_scan_session(scan);
    ScanOutput output = run_scan_source(*session, scan, nullptr);
    ReportContext context;
    context.rules = &session->engine->rules();
    write_diagnostics(output, context, std::cerr);
    if (output.stats.errors > 0) {
        std::cerr << "aaiscan: error: the scan was incomplete; " << options.file << " was not written\n";
        return 2;
    }

    // Findings an inline comment or the allow-list already suppresses need no baseline entry.
    Baseline baseline = options.update ? *session->baseline : Baseline();
    std::unordered_set<std::string> present;
    size_t added = 0;
    size_t not_added = 0;
    for (const Finding& f : output.findings) {
        if (f.suppressed == Suppression::inline_comment || f.suppressed == Suppression::allowlist) continue;
        present.insert(f.fingerprint);
        if (baseline.contains(f.fingerprint)) continue;
        if (!options.update || options.add_new) {
            added += baseline.add(f) ? 1 : 0;
        } else {
            ++not_added;
        }
    }
    size_t removed = options.update ? baseline.prune(present) : 0;
    std::string problem = write_output_file(options.file, baseline.to_json());
    if (!problem.empty()) throw Error(problem);
    if (options.update) {
        std::cerr << fmt::format("aaiscan: {}: {} ({} added, {} removed as no longer found)", options.file,
                                 entries(baseline.size()), added, removed);
        if (not_added) std::cerr << fmt::format("; {} new findings not added (--add-new records them)", not_added);
        std::cerr << '\n';
    } else {
        std::cerr << fmt::format("aaiscan: {}: {}\n", options.file, entries(baseline.size()));
    }
    return 0;
}

}  // namespace aaiscan
