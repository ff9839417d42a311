// libFuzzer target: binary/UTF-16 sniffing, UTF-16 decoding and terminal escaping.
// The work is done by fuzz_sniff() in fuzz_entries.h, which the regression replay also calls.
#include <cstddef>
#include <cstdint>

#include "fuzz_entries.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    aaiscan::fuzz::fuzz_sniff(std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}
