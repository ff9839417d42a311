// Hook from ItemScanner into the transcript decoders (decode/transcript_*): recognises AssemblyAI
// transcript exports (JSON transcript/list/sentences/paragraphs, SRT, VTT, plain-text transcripts)
// by content and path, and scans each decoded text field with the transcript-scope rules.
#pragma once

#include <string_view>

#include "app/blob_scanner.h"
#include "app/scan_types.h"
#include "app/transcript_policy.h"

namespace aaiscan {

struct ItemInfo;

// Returns true when `text` was recognised as a transcript export and scanned (findings and
// diagnostics appended to `out`); false to let the caller scan it as plain text.
bool scan_transcript_export(std::string_view text, const ItemInfo& item, const TranscriptPolicy& policy,
                            BlobScanner& scanner, ScanOutput& out);

}  // namespace aaiscan
