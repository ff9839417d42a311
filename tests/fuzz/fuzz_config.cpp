// libFuzzer target: `.aaiscan.yaml` parsing (parse_config) and the allow-list it describes.
// The work is done by fuzz_config() in fuzz_entries.h, which the regression replay also calls.
#include <cstddef>
#include <cstdint>

#include "fuzz_entries.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    aaiscan::fuzz::fuzz_config(std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}
