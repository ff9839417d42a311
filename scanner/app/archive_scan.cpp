// Archive scanning (see archive_scan.h).
#include "app/archive_scan.h"

namespace aaiscan {

bool has_archive_name(std::string_view) { return false; }
bool has_archive_magic(std::string_view) { return false; }

bool scan_archive_file(int, const WalkEntry&, ItemScanner&, const ScanLimits&, ScanOutput&) { return false; }

bool scan_archive_bytes(std::string_view, const ItemInfo&, ItemScanner&, const ScanLimits&, ScanOutput&) { return false; }

}  // namespace aaiscan
