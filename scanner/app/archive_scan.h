// Hook from ItemScanner into the archive decoder (decode/archive_*): streams .zip/.tar/.tar.gz/
// .tgz members (nested up to a depth limit, with size and ratio limits against bombs) back into
// the ItemScanner as in-memory items named "outer.zip!dir/member.json". Nothing touches disk.
#pragma once

#include <string_view>

#include "app/scan_types.h"
#include "source/walker.h"

namespace aaiscan {

class ItemScanner;
struct ItemInfo;
struct ScanLimits;

// True when the path's name says archive (.zip, .tar, .tar.gz, .tgz ...).
bool has_archive_name(std::string_view path);
// True when the first bytes are a zip, tar or gzip signature.
bool has_archive_magic(std::string_view head);

// Scans the archive open at `fd` (streamed). Returns false when it is not an archive after all
// (the caller then scans the file normally); errors and limit hits become diagnostics.
bool scan_archive_file(int fd, const WalkEntry& entry, ItemScanner& scanner, const ScanLimits& limits, ScanOutput& out);
// Same for an archive held in memory (a nested member, stdin, a git blob).
bool scan_archive_bytes(std::string_view bytes, const ItemInfo& item, ItemScanner& scanner, const ScanLimits& limits,
                        ScanOutput& out);

}  // namespace aaiscan
