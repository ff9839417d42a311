// Hook from ItemScanner into the transcript decoders (decode/transcript_*): recognises AssemblyAI
// transcript exports (JSON transcript/list/sentences/paragraphs, SRT, VTT, plain-text transcripts)
// by content and path, scans each transcript as one blob with the transcript-scope rules, and
// turns the matches into findings with transcript id, JSON path, audio time, speaker and verdict
// (see app/transcript_findings.h for the verdicts).
#pragma once

#include <cstdint>
#include <string_view>

#include "app/blob_scanner.h"
#include "app/scan_types.h"
#include "app/transcript_policy.h"
#include "ruleset/rule_set.h"

namespace aaiscan {

struct ItemInfo;

// Returns true when `text` was recognised as a transcript export and scanned (findings and
// diagnostics appended to `out`); false to let the caller scan it as plain text. A file that
// announces itself as an AssemblyAI transcript but is not valid JSON gets a warning and is scanned
// as plain text here, with the transcript rules and the rules of its path's scope. `rules` is the
// rule set the scanner's matcher was built from. Never throws.
bool scan_transcript_export(std::string_view text, const ItemInfo& item, const TranscriptPolicy& policy,
                            const RuleSet& rules, BlobScanner& scanner, ScanOutput& out);

// True when a file of `size` bytes, too large to be read whole by default, starts (`head`) like a
// transcript export that should still be decoded whole (JSON, SRT, VTT up to a size limit) rather
// than scanned in chunks as plain text.
bool transcript_needs_whole_file(std::string_view head, std::string_view path, uint64_t size,
                                 const TranscriptPolicy& policy);

}  // namespace aaiscan
