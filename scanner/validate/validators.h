// Validators decide whether a confirmed match is a real finding: checksums (Luhn, IBAN, ABA, NPI,
// VIN), structure (SSN, IP, dates, JWT, phone numbers) and plausibility (placeholders, hex that is
// really a hash). A rule lists the validators by name; all must accept. Pure functions, no I/O.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace aaiscan {

class TextFacts;

struct ValidationContext {
    std::string_view text;         // the whole buffer the match was found in
    size_t match_begin = 0;        // the whole match, offsets into text
    size_t match_end = 0;
    std::string_view phone_region = "US";  // default region for numbers without a country code
    const TextFacts* facts = nullptr;      // facts about `text`, shared by its matches (may be null)
};

using ValidatorFn = bool (*)(std::string_view secret, const ValidationContext& context);

struct ValidatorEntry {
    std::string_view name;
    ValidatorFn fn;
};

// nullptr for an unknown name.
ValidatorFn find_validator(std::string_view name);
std::vector<std::string> validator_names();

}  // namespace aaiscan
