// What `aaiscan redact` tells the user: per file the transcripts, spans per policy and the
// verification result; the dry-run list of changes (values masked); diagnostics; a summary.
// Text goes to stdout (per-file lines) and stderr (summary, diagnostics); JSON is one object.
#pragma once

#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "app/redact_plan.h"
#include "app/scan_types.h"

namespace aaiscan {

struct FileResult {
    std::string input;
    std::string output;  // empty for --dry-run
    std::string format;  // "assemblyai-json", "srt", "zip" ...
    std::string status;  // written | residual | dry-run
    size_t transcripts = 0;
    size_t removed_fields = 0;
    std::map<std::string, size_t> spans;  // per policy
    std::vector<SpanReport> changes;      // unmasked here; printed masked
    std::vector<SpanReport> residual;     // PII still found after writing
};

struct RedactReport {
    bool dry_run = false;
    std::vector<std::string> policies;
    std::string substitution;
    std::vector<FileResult> files;
    std::vector<Diagnostic> diagnostics;
    size_t errors = 0;
    size_t skipped_files = 0;  // walked files that are not transcripts

    void error(std::string path, std::string message) {
        ++errors;
        diagnostics.push_back({DiagnosticLevel::error, std::move(path), std::move(message)});
    }
    void warning(std::string path, std::string message) {
        diagnostics.push_back({DiagnosticLevel::warning, std::move(path), std::move(message)});
    }
    void note(std::string path, std::string message) {
        diagnostics.push_back({DiagnosticLevel::note, std::move(path), std::move(message)});
    }
    bool has_residual() const;
};

void write_redact_text(const RedactReport& report, std::ostream& out, std::ostream& err);
void write_redact_json(const RedactReport& report, std::ostream& out);

}  // namespace aaiscan
