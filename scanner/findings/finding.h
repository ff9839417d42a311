// A finding: one rule matched one secret or PII value at one place. Holds the raw value in
// memory (for fingerprints and --show-secrets); reporters print `masked_value()` otherwise.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "ruleset/rule.h"

namespace aaiscan {

// Where in an audio transcript a finding sits (transcript blobs only).
struct TranscriptRef {
    std::string id;          // transcript id, "" when the export has none
    std::string json_path;   // e.g. "utterances[3].words[12].text"; "" for SRT/VTT/txt
    int64_t start_ms = -1;   // audio time, -1 when unknown
    int64_t end_ms = -1;
    std::string speaker;     // "" when unknown
    std::string verdict;     // "redaction_failure" | "not_covered" | "unredacted" | ""
};

// The commit that introduced a finding (git history only).
struct CommitRef {
    std::string id;
    std::string author;
    std::string date;  // ISO 8601
};

enum class Suppression : uint8_t { none, inline_comment, allowlist, baseline };
std::string_view to_string(Suppression s);

struct Finding {
    const Rule* rule = nullptr;
    Severity severity = Severity::medium;  // usually the rule's; file rules may raise it
    std::string path;                       // display path, as the user named it; "a.zip!m/t.json"
    std::string project_path;               // relative to the project root (git top level): used
                                            // for fingerprints, baselines and SARIF URIs
    size_t line = 0;                        // 1-based; 0 for path-only findings
    size_t column = 0;
    size_t end_line = 0;
    size_t end_column = 0;
    std::string secret;                     // raw value: never printed unless asked
    std::string message;                    // the rule's message unless a stage refines it
    std::string fingerprint;
    std::optional<TranscriptRef> transcript;
    std::optional<CommitRef> commit;
    Suppression suppressed = Suppression::none;

    bool is_suppressed() const { return suppressed != Suppression::none; }
};

// "0d9f…(32)": a prefix only for long credentials; PII and short values show only their length.
std::string mask_value(std::string_view value, Category category);

// sha256(rule id, path, value): no line numbers, so it survives edits above the finding.
std::string compute_fingerprint(std::string_view rule_id, std::string_view path, std::string_view value);

// Total order for deterministic output: path, line, column, rule id, value.
bool finding_less(const Finding& a, const Finding& b);

}  // namespace aaiscan
