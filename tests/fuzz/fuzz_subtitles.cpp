// libFuzzer target: SRT/VTT and plain-text transcript decoding and format detection, then the transcript scan path.
// The work is done by fuzz_subtitles() in fuzz_entries.h, which the regression replay also calls.
#include <cstddef>
#include <cstdint>

#include "fuzz_entries.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    aaiscan::fuzz::fuzz_subtitles(std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}
