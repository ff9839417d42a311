// Transcript-level finding logic on top of the per-blob scan: findings the decoders' structure
// implies (AssemblyAI's own `entities`, `unredacted_*` fields), one finding for PII said once but
// stored in several fields, and the verdict of each finding against the transcript's redaction
// settings and the team's `transcripts.required_policies`.
//
// Verdicts (Finding::transcript->verdict):
//   redaction_failure  the transcript requested redaction of this policy (redact_pii true and the
//                      policy in redact_pii_policies, or no list = all) and the PII is still there;
//                      severity is raised to at least high.
//   not_covered        redaction was on but this policy was not requested.
//   unredacted         redact_pii false or absent (SRT/VTT/text: no redaction marks at all).
// Without redact_pii (SRT, VTT, text, stripped JSON) redaction is inferred from marks: any
// "[POLICY_NAME]" or "####" token means redaction was on; "[POLICY_NAME]" marks name the policies
// requested, "####" alone means the list is unknown (every policy counts as requested).
// required_policies: a required policy that is not_covered or unredacted is raised to at least
// high; when the list is not empty, PII of policies outside it that is not a redaction failure is
// lowered to info (the team does not require removing it; the finding stays visible).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "app/blob_scanner.h"
#include "app/transcript_policy.h"
#include "decode/transcript_document.h"
#include "decode/transcript_source_map.h"
#include "findings/finding.h"
#include "ruleset/rule_set.h"

namespace aaiscan {

// The id of the rule whose findings report `unredacted_*` fields (rules/transcript.yaml).
inline constexpr std::string_view k_unredacted_field_rule = "transcript.unredacted-field";
// The id of the rule whose findings report person names used as speaker labels (rules/transcript.yaml).
inline constexpr std::string_view k_speaker_name_rule = "pii.person-name.speaker";

// What the transcript says (or its redaction marks imply) about redaction.
struct RedactionState {
    bool on = false;            // redaction was applied
    bool all_policies = false;  // every policy counts as requested
    bool inferred = false;      // from redaction marks, not from redact_pii
    std::vector<std::string> policies;
};
RedactionState redaction_state(const TranscriptDocument& doc);

// "redaction_failure", "not_covered" or "unredacted" for PII of `policy`.
std::string_view transcript_verdict(const RedactionState& state, std::string_view policy);

// Sets the verdict, severity and message of a finding of a transcript (see the top of this file).
void apply_transcript_verdict(Finding& finding, const RedactionState& state, const TranscriptPolicy& policy);

// Appends findings for the entities AssemblyAI detected whose type is a policy with a rule: at
// the place the entity is still said in the transcript, and at entities[i].text itself.
void add_entity_findings(const TranscriptDocument& doc, TranscriptSourceMap& map, const RuleSet& rules,
                         const BlobOrigin& origin, std::vector<Finding>& out);

// Appends one finding per `unredacted_*` field (rule transcript.unredacted-field, unless disabled).
void add_unredacted_findings(const TranscriptDocument& doc, TranscriptSourceMap& map, const RuleSet& rules,
                             const BlobOrigin& origin, std::vector<Finding>& out);

// Appends one finding per speaker whose label is a person's name ("Dana Whitfield" in `speaker`
// fields, <v Dana Whitfield> voice tags, "Dana Whitfield:" prefixes), at its first occurrence,
// unless a person-name finding of the same value is already in `out` (rule pii.person-name.speaker).
void add_speaker_findings(const TranscriptDocument& doc, TranscriptSourceMap& map, const RuleSet& rules,
                          const BlobOrigin& origin, std::vector<Finding>& out);

// Merges findings of one transcript that are the same PII (same policy, one value containing the
// other) at overlapping audio times, keeping the most telling place (utterances[i].text, then
// text, then words...), and drops untimed copies (summary, chapters, unredacted_text) of a value
// found elsewhere in the transcript. `path_prefix` is the transcript's JSON path prefix.
void dedupe_transcript_findings(std::vector<Finding>& findings, std::string_view path_prefix);

}  // namespace aaiscan
