// Span planning for `redact`: finds the PII of the applied policies in one decoded transcript
// with the same detectors as `scan` (the transcript-scope PII rules over the document's blob, and
// the entities AssemblyAI itself detected), spreads each value found to its other whole-word
// occurrences in the transcript (summary, chapters, entities, words that do not repeat `text`),
// and turns the blob spans into raw edits of every text field they cover, with AssemblyAI's
// substitution (see redact_substitute.h).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "app/blob_scanner.h"
#include "app/redact_json_edit.h"
#include "app/redact_options.h"
#include "decode/transcript_document.h"

namespace aaiscan {

// PII to redact: blob bytes [begin, end) of the document, of policy `policy` (index into
// RedactOptions::policies).
struct RedactSpan {
    uint32_t begin = 0;
    uint32_t end = 0;
    uint32_t policy = 0;
    bool detected = true;  // found by a rule or an entity (false: another occurrence of such a value)
};

// A span as reported to the user (dry run, verification): the value is unmasked here, callers mask.
struct SpanReport {
    std::string policy;
    std::string value;
    std::string location;  // "utterances[2].text (12.3 s)", "line 14"
};

class SpanPlanner {
public:
    // `options.matcher` must outlive the planner. One planner per thread (it owns match scratch).
    explicit SpanPlanner(const RedactOptions& options);

    // The spans of `doc` to redact, sorted and merged. `spread`: also every other whole-word
    // occurrence of each value found (redaction); false: only what the detectors report
    // (verification, the same findings `scan` would make).
    void find_spans(const TranscriptDocument& doc, bool spread, std::vector<RedactSpan>& spans);

    // Appends the edits of every text field of `doc` that the spans cover. `input` is the
    // original file. Returns false (with `problem`) when a field's raw bytes cannot be mapped.
    bool plan_field_edits(const TranscriptDocument& doc, std::string_view input, const std::vector<RedactSpan>& spans,
                          std::vector<RawEdit>& edits, std::string& problem) const;

    // A report per detected span, located at the most telling field covering it.
    void describe(const TranscriptDocument& doc, std::string_view input, const std::vector<RedactSpan>& spans,
                  std::vector<SpanReport>& out) const;

    const RedactOptions& options() const { return m_options; }

private:
    int policy_index(std::string_view policy) const;

    const RedactOptions& m_options;
    ScanSettings m_settings;
    BlobScanner m_scanner;
    std::vector<Finding> m_findings;
};

}  // namespace aaiscan
