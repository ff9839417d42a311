// libFuzzer target: archives from memory (zip, tar, gzip and friends): the libarchive reader over
// every member, then ItemScanner's archive path (nesting, limits, members scanned as items).
// The work is done by fuzz_archive() in fuzz_entries.h, which the regression replay also calls.
#include <cstddef>
#include <cstdint>

#include "fuzz_entries.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    aaiscan::fuzz::fuzz_archive(std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}
