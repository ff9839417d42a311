// `redact` for archives: reads a zip or tar (plain or compressed) from memory, redacts its
// transcript members, copies the other members byte for byte, and writes the same kind of
// archive back with the same members in the same order (nested archives are redacted the same
// way, up to a depth). An archive with a member named with "..", an absolute path or a drive
// letter (zip-slip), an encrypted, unreadable or unparsable transcript member is refused whole:
// nothing half-redacted is ever produced.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "app/redact_transcript.h"

namespace aaiscan {

// One transcript that was redacted: a file, or a member ("exports.zip!dir/t.json").
struct RedactedItem {
    std::string path;
    BufferRedaction result;  // `output` is emptied for archive members (it lives in the archive)
};

struct ArchiveRedaction {
    bool ok = false;               // false: refused, `problem` says why; nothing must be written
    std::string problem;
    std::string output;            // the redacted archive
    std::string kind;              // "zip", "tar.gz" ...
    std::vector<RedactedItem> items;
    size_t copied_members = 0;     // members that are not transcripts, copied as they are
};

// True when `path` or the first bytes say archive (zip, tar, tar.gz/tgz, tar.bz2, tar.xz, tar.zst).
bool looks_like_archive(std::string_view path, std::string_view head);

// True when an archive member name could point outside a directory it is extracted to.
bool is_unsafe_member_name(std::string_view name);

void redact_archive(std::string_view bytes, const std::string& path, TranscriptRedactor& redactor,
                    ArchiveRedaction& out, int depth = 0);

// The PII of the applied policies still found in the transcript members of an archive (the
// verification of a written archive); each report's location is prefixed with its member path.
// False (with `problem`) when the archive cannot be read back.
bool find_archive_pii(std::string_view bytes, const std::string& path, TranscriptRedactor& redactor,
                      std::vector<SpanReport>& found, std::string& problem, int depth = 0);

}  // namespace aaiscan
