// libFuzzer target: redaction of one transcript (JSON, SRT, VTT or text) in both substitutions.
// The work is done by fuzz_redact() in fuzz_entries.h, which the regression replay also calls.
#include <cstddef>
#include <cstdint>

#include "fuzz_entries.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    aaiscan::fuzz::fuzz_redact(std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}
