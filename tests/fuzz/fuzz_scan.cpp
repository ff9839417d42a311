// libFuzzer target: one buffer scanned with the default rules in all six scopes (BlobScanner).
// The work is done by fuzz_scan() in fuzz_entries.h, which the regression replay also calls.
#include <cstddef>
#include <cstdint>

#include "fuzz_entries.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    aaiscan::fuzz::fuzz_scan(std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}
