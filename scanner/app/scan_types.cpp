// Scan counters and diagnostics (see scan_types.h).
#include "app/scan_types.h"

#include <iterator>

namespace aaiscan {

std::string_view to_string(DiagnosticLevel level) {
    switch (level) {
        case DiagnosticLevel::error: return "error";
        case DiagnosticLevel::warning: return "warning";
        case DiagnosticLevel::note: return "note";
    }
    return "error";
}

void ScanStats::merge(const ScanStats& o) {
    files_scanned += o.files_scanned;
    bytes_scanned += o.bytes_scanned;
    blobs_scanned += o.blobs_scanned;
    skipped_binary += o.skipped_binary;
    skipped_too_large += o.skipped_too_large;
    skipped_ignored += o.skipped_ignored;
    skipped_symlinks += o.skipped_symlinks;
    skipped_special += o.skipped_special;
    errors += o.errors;
    for (size_t i = 0; i < findings_by_severity.size(); ++i) findings_by_severity[i] += o.findings_by_severity[i];
    suppressed_inline += o.suppressed_inline;
    suppressed_allowlist += o.suppressed_allowlist;
    suppressed_baseline += o.suppressed_baseline;
}

uint64_t ScanStats::findings() const {
    uint64_t total = 0;
    for (uint64_t n : findings_by_severity) total += n;
    return total;
}

void ScanOutput::merge(ScanOutput&& other) {
    findings.insert(findings.end(), std::make_move_iterator(other.findings.begin()),
                    std::make_move_iterator(other.findings.end()));
    stats.merge(other.stats);
    diagnostics.insert(diagnostics.end(), std::make_move_iterator(other.diagnostics.begin()),
                       std::make_move_iterator(other.diagnostics.end()));
}

}  // namespace aaiscan
