// libFuzzer target: git pack entry headers, .idx files, deltas, trees and commit headers.
// The work is done by fuzz_git_objects() in fuzz_entries.h, which the regression replay also calls.
#include <cstddef>
#include <cstdint>

#include "fuzz_entries.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    aaiscan::fuzz::fuzz_git_objects(std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}
