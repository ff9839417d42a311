// libFuzzer target: rule YAML loading (parse_rule_file) and compiling the matcher for the rules that load.
// The work is done by fuzz_rules() in fuzz_entries.h, which the regression replay also calls.
#include <cstddef>
#include <cstdint>

#include "fuzz_entries.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    aaiscan::fuzz::fuzz_rules(std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}
