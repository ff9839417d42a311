// libFuzzer target: AssemblyAI transcript JSON decoded (forced and not), each document checked, then the transcript scan path.
// The work is done by fuzz_transcript_json() in fuzz_entries.h, which the regression replay also calls.
#include <cstddef>
#include <cstdint>

#include "fuzz_entries.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    aaiscan::fuzz::fuzz_transcript_json(std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}
