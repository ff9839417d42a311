// libFuzzer target: differential test of the two match engines (Hyperscan + RE2 confirm versus
// RE2 only) with the default rules in every scope.
// The work is done by fuzz_engines() in fuzz_entries.h, which the regression replay also calls.
#include <cstddef>
#include <cstdint>

#include "fuzz_entries.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    aaiscan::fuzz::fuzz_engines(std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}
