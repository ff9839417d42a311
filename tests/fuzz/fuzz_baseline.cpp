// libFuzzer target: baseline JSON loading and its round trip through to_json().
// The work is done by fuzz_baseline() in fuzz_entries.h, which the regression replay also calls.
#include <cstddef>
#include <cstdint>

#include "fuzz_entries.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    aaiscan::fuzz::fuzz_baseline(std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}
