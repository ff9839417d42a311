// Redaction of one transcript file held in memory, whatever its format: AssemblyAI JSON (one
// transcript, the list shapes, /sentences and /paragraphs), SRT, VTT or plain text. The output is
// the input with only the PII spans, the `unredacted_*` members and the `redact_pii*` settings
// changed; everything else stays byte-identical. Never throws.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/redact_options.h"
#include "app/redact_plan.h"
#include "app/scan_types.h"
#include "decode/transcript_json.h"

namespace aaiscan {

enum class RedactStatus : uint8_t {
    redacted,        // a transcript: `output` holds the redacted copy
    not_transcript,  // not a transcript export: nothing to do (a walked file is skipped)
    invalid,         // announced itself as a transcript but cannot be parsed: must not be written
};

struct BufferRedaction {
    RedactStatus status = RedactStatus::not_transcript;
    TranscriptFormat format = TranscriptFormat::none;
    std::string output;
    size_t transcripts = 0;
    std::vector<SpanReport> redacted;  // every PII span found (values unmasked: callers mask)
    std::vector<SpanReport> residual;  // what the detectors still find in `output`
    size_t removed_fields = 0;         // unredacted_* members dropped
    std::string problem;               // why the input is invalid
    bool utf8_repaired = false;
};

// One per thread: owns the decoders and the match scratch.
class TranscriptRedactor {
public:
    explicit TranscriptRedactor(const RedactOptions& options);

    // Redacts `input` (display path `path`, used to recognise the format): up to three passes,
    // until the detectors find nothing of the applied policies in the result.
    void redact(std::string_view input, std::string_view path, BufferRedaction& out);

    // What the detectors find of the applied policies in `input` (the verification of an
    // output). Returns the status of `input` as a transcript; `problem` says why it is invalid.
    RedactStatus find_pii(std::string_view input, std::string_view path, std::vector<SpanReport>& found,
                          std::string& problem);

    // Treat any text input as a transcript (files named on the command line); starts as
    // RedactOptions::force_transcript.
    void set_force_transcript(bool force) { m_force = force; }

private:
    // One pass: with `output`, redacts into it; without, only reports the detected spans.
    RedactStatus pass(std::string_view input, std::string_view path, std::string* output,
                      std::vector<SpanReport>* reports, BufferRedaction* info, std::string& problem);

    const RedactOptions& m_options;
    SpanPlanner m_planner;
    TranscriptJsonDecoder m_json;
    TranscriptDocument m_doc;
    std::string m_html_text;  // an HTML export with its tags blanked (the document reads it)
    std::vector<RedactSpan> m_spans;
    bool m_force = false;
};

// The fuzz-friendly entry point: the redacted copy of `input`, or nullopt when it is not a
// transcript or cannot be parsed (a diagnostic says which). Builds a TranscriptRedactor per call.
std::optional<std::string> redact_transcript_buffer(std::string_view input, std::string_view path,
                                                    const RedactOptions& options, std::vector<Diagnostic>& diagnostics);

}  // namespace aaiscan
