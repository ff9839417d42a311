// What a scan produces besides findings: counters and diagnostics (problems that are not
// findings, such as unreadable files; an error-level diagnostic makes the scan exit 2).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "findings/finding.h"

namespace aaiscan {

enum class DiagnosticLevel : uint8_t { error, warning, note };
std::string_view to_string(DiagnosticLevel level);

struct Diagnostic {
    DiagnosticLevel level = DiagnosticLevel::error;
    std::string path;  // may be empty
    std::string message;
};

struct ScanStats {
    uint64_t files_scanned = 0;
    uint64_t bytes_scanned = 0;
    uint64_t blobs_scanned = 0;  // archive members, transcripts, git blobs
    uint64_t skipped_binary = 0;
    uint64_t skipped_too_large = 0;
    uint64_t skipped_ignored = 0;
    uint64_t skipped_symlinks = 0;
    uint64_t skipped_special = 0;
    uint64_t errors = 0;
    std::array<uint64_t, 5> findings_by_severity{};  // unsuppressed, indexed by Severity
    uint64_t suppressed_inline = 0;
    uint64_t suppressed_allowlist = 0;
    uint64_t suppressed_baseline = 0;
    double seconds = 0.0;

    void merge(const ScanStats& other);
    uint64_t findings() const;
    uint64_t suppressed() const { return suppressed_inline + suppressed_allowlist + suppressed_baseline; }
};

// What workers accumulate and the runner merges.
struct ScanOutput {
    std::vector<Finding> findings;
    ScanStats stats;
    std::vector<Diagnostic> diagnostics;

    void error(std::string path, std::string message) {
        ++stats.errors;
        diagnostics.push_back({DiagnosticLevel::error, std::move(path), std::move(message)});
    }
    void warning(std::string path, std::string message) {
        diagnostics.push_back({DiagnosticLevel::warning, std::move(path), std::move(message)});
    }
    void note(std::string path, std::string message) {
        diagnostics.push_back({DiagnosticLevel::note, std::move(path), std::move(message)});
    }
    void merge(ScanOutput&& other);
};

}  // namespace aaiscan
