// Transcript export recognition and scanning (see transcript_scan.h).
#include "app/transcript_scan.h"

#include "app/item_scanner.h"

namespace aaiscan {

bool scan_transcript_export(std::string_view, const ItemInfo&, const TranscriptPolicy&, BlobScanner&, ScanOutput&) {
    return false;  // decoders not wired yet: everything is scanned as plain text
}

}  // namespace aaiscan
