// Options of `aaiscan redact` that every part of it shares: the substitution AssemblyAI uses
// (`hash` or `entity_name`), the policies to apply and the matcher whose transcript-scope PII
// rules detect them (the same rules `aaiscan scan` runs).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace aaiscan {

class RuleMatcher;

enum class Substitution : uint8_t {
    hash,         // one '#' per character, spaces and punctuation kept ("####.#####@#######.###")
    entity_name,  // "[EMAIL_ADDRESS]"
};
std::string_view to_string(Substitution substitution);

struct RedactOptions {
    Substitution substitution = Substitution::hash;
    std::vector<std::string> policies;     // the AssemblyAI policy names to apply, sorted
    const RuleMatcher* matcher = nullptr;  // required: its transcript-scope PII rules detect
    std::string phone_region = "US";
    bool force_transcript = false;         // treat any text input as a transcript (named files)
};

}  // namespace aaiscan
