// libFuzzer target: one item through ItemScanner::scan_bytes, then every report format (JSON validity, escaping).
// The work is done by fuzz_report() in fuzz_entries.h, which the regression replay also calls.
#include <cstddef>
#include <cstdint>

#include "fuzz_entries.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    aaiscan::fuzz::fuzz_report(std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}
