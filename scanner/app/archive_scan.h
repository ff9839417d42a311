// Hook from ItemScanner into the archive decoder (decode/archive_*): streams .zip/.tar/.tar.gz/
// .tgz/.tar.bz2/.tar.xz/.tar.zst members and single .gz/.bz2/.xz/.zst files back into the
// ItemScanner as in-memory items named "outer.zip!dir/member.json" (nested up to a depth limit,
// with member, total and ratio limits against bombs). Nothing is ever written to disk.
//
// Memory: a member up to ScanLimits::chunk_size is read whole into a buffer reused per nesting
// level and routed like a file (transcripts, nested archives, binary sniffing); a larger member
// is scanned as a stream in overlapping chunks (a nested archive among them is read straight
// from the enclosing one), so memory stays near chunk_size per nesting level whatever the sizes.
#pragma once

#include <cstdint>
#include <string_view>

#include "app/scan_types.h"
#include "source/walker.h"

namespace aaiscan {

class ItemScanner;
struct ItemInfo;
struct ScanLimits;

// The expansion-ratio limit allows at least this many expanded bytes per outermost archive, so a
// small but very compressible archive (a 10 KiB zip of a 5 MiB log) is never taken for a bomb.
inline constexpr uint64_t k_archive_ratio_floor = 32ull << 20;

// True when the path's base name says archive or compressed file (.zip, .tar, .tar.gz, .tgz,
// .json.gz ...), ASCII case-insensitively.
bool has_archive_name(std::string_view path);
// True when the first bytes (512 suffice) are a zip, tar, gzip, bzip2, xz or zstd signature.
bool has_archive_magic(std::string_view head);

// Scans the archive open at `fd` (streamed, seeking when the format wants it). Returns false,
// with the fd rewound to its start and a warning, when it is not an archive after all (the caller
// then scans the file normally). Read errors, corrupt or truncated data, encrypted members and
// limit hits become diagnostics (errors: the scan is incomplete); members read before the
// problem are still scanned. Counts the archive in files_scanned and each member in
// blobs_scanned.
bool scan_archive_file(int fd, const WalkEntry& entry, ItemScanner& scanner, const ScanLimits& limits, ScanOutput& out);
// Same for an archive held in memory (stdin, a git blob, a small misnamed file, or a member of an
// archive being scanned: nested calls share the outermost archive's limits). Returns false,
// reporting nothing, when the bytes are not an archive. An archive nested deeper than
// archive_max_depth is reported (error) and not opened.
bool scan_archive_bytes(std::string_view bytes, const ItemInfo& item, ItemScanner& scanner, const ScanLimits& limits,
                        ScanOutput& out);

}  // namespace aaiscan
