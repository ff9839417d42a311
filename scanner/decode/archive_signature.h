// Tells archives from other bytes without opening them: by file name (.zip, .tar.gz, .tgz, .gz ...)
// and by signature (zip, tar, gzip, bzip2, xz, zstd magic numbers). Cheap, no allocation.
#pragma once

#include <string_view>

namespace aaiscan {

// True when the base name ends (ASCII case-insensitively) in an archive or compressed-file suffix:
// .zip .tar .tgz .tbz .tbz2 .txz .tzst .gz .bz2 .xz .zst (so .tar.gz, .json.gz ... too).
bool is_archive_file_name(std::string_view path);

// True when `head` (the first bytes of an item; 512 are enough, fewer may miss tar) starts with
// a zip, gzip, bzip2, xz or zstd signature, or is a tar header (ustar magic or a valid v7
// header checksum). A match means "try to open it", not a guarantee.
bool has_archive_signature(std::string_view head);

// The name of the single file inside a compressed file: `name`'s base name without its
// compression suffix ("t_123.json.gz" -> "t_123.json"); "data" when there is nothing left.
std::string_view compressed_member_name(std::string_view name);

}  // namespace aaiscan
