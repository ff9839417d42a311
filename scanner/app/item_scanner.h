// Scans one input item (a file on disk, or bytes from stdin, a git blob or an archive member):
// reads it into a reused buffer (whole when small, in overlapping chunks when large), skips
// binaries, decodes UTF-16, routes transcript exports and archives to their decoders and
// everything else to the plain-text scan. One ItemScanner per worker thread. Never throws.
#pragma once

#include <sys/types.h>

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "app/blob_scanner.h"
#include "app/scan_types.h"
#include "app/transcript_policy.h"
#include "source/walker.h"

namespace aaiscan {

struct ScanLimits {
    uint64_t max_file_size = 1ull << 30;       // larger files are skipped (and counted)
    size_t chunk_size = 16u << 20;            // files above this are scanned in chunks
    uint64_t archive_max_total = 4ull << 30;  // expanded bytes per archive
    uint64_t archive_max_member = 1ull << 30;
    uint64_t archive_max_ratio = 200;         // expanded / compressed
    int archive_max_depth = 4;
};

// Describes an in-memory item.
struct ItemInfo {
    std::string_view path;          // display path
    std::string_view project_path;  // for fingerprints
    const CommitRef* commit = nullptr;
    bool explicit_path = false;
    int archive_depth = 0;
};

// The path that decides an item's scope: the one inside the project (repository or scan root), so
// that directories above it ("~/build/app/src/main.js") do not make source look like a bundle.
inline std::string_view scope_path(const ItemInfo& item) {
    return item.project_path.empty() ? item.path : item.project_path;
}

class ItemScanner {
public:
    ItemScanner(const RuleMatcher& matcher, const ScanSettings& settings, const ScanLimits& limits,
                const TranscriptPolicy& transcripts);
    ~ItemScanner();

    void scan_file(const WalkEntry& entry, ScanOutput& out);
    // Returns false when the bytes were skipped (binary).
    bool scan_bytes(std::string_view bytes, const ItemInfo& item, ScanOutput& out);

    // Fills `buffer` from `size` bytes on: returns the count read (fewer than asked only at the
    // end), or -1 after reporting its own error into the output.
    using StreamRead = std::function<ssize_t(char* buffer, size_t size)>;
    // Scans an item too large to hold whole in overlapping chunks of about chunk_size kept in
    // `buffer`, whose first `filled` bytes are already the item's start (archive members pass
    // their own buffer; files pass the scanner's). A binary start is skipped (counted) and returns
    // false; UTF-16 with a BOM is decoded. Adds the bytes scanned to the stats; stops after
    // `max_bytes`.
    bool scan_stream(const ItemInfo& item, std::string& buffer, size_t filled, const StreamRead& read,
                     uint64_t max_bytes, ScanOutput& out);

    BlobScanner& blob_scanner() { return m_blobs; }

private:
    void scan_large_file(int fd, const WalkEntry& entry, ScanOutput& out);
    void scan_text(std::string_view text, const ItemInfo& item, ScanOutput& out);

    const RuleMatcher& m_matcher;
    const ScanLimits& m_limits;
    const TranscriptPolicy& m_transcripts;
    BlobScanner m_blobs;
    std::string m_buffer;
};

}  // namespace aaiscan
