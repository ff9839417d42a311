// Phone numbers validated with libphonenumber in the configured default region (see pii_checks.h).
#include <algorithm>
#include <string>

#include "validate/phone_library.h"
#include "validate/pii_checks.h"

namespace aaiscan {
namespace {

// "(312) 555-0147", "312-555-0147", "312.555.0147", "312 555 0147": digit groups of 3-3-4 with
// separators, the way NANP numbers are written.
bool nanp_grouped(std::string_view s) {
    std::string shape;
    for (char c : s) {
        if (c >= '0' && c <= '9') {
            if (shape.empty() || shape.back() < '0' || shape.back() > '9') shape.push_back('1');
            else ++shape.back();
        } else if (!shape.empty() && shape.back() != '|') {
            shape.push_back('|');
        }
    }
    if (!shape.empty() && shape.back() == '|') shape.pop_back();
    return shape == "3|3|4" || shape == "1|3|3|4";
}

bool phone_cue_before(const ValidationContext& context) {
    return any_cue_before(context, 60, {"phone", "number", "call", "reach", "cell", "mobile", "text me", "fax", "line", "dial", "contact"});
}

}  // namespace

bool validate_phone(std::string_view secret, const ValidationContext& context) {
    std::string digits;
    if (!extract_digits(secret, digits)) return false;
    if (digits.size() < 7 || digits.size() > 15) return false;
    if (std::all_of(digits.begin(), digits.end(), [&](char c) { return c == digits[0]; })) return false;
    if (has_reference_cue_before(context, secret)) return false;
    bool spoken = std::any_of(secret.begin(), secret.end(), [](char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; });
    bool plus = !secret.empty() && secret.front() == '+';
    std::string input = plus ? "+" + digits : digits;
    std::string_view region = context.phone_region.empty() ? std::string_view("US") : context.phone_region;
    PhoneVerdict verdict = classify_phone_number(input, region);
    if (verdict == PhoneVerdict::unparsable) return false;
    // A bare run of digits ("5053313562") is as often an id or a hash as a phone number.
    bool bare = !spoken && !plus && std::all_of(secret.begin(), secret.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (verdict == PhoneVerdict::valid) return bare || (spoken && digits.size() < 10) ? phone_cue_before(context) : true;
    if (verdict == PhoneVerdict::impossible) return false;
    // A possible but unassigned number (e.g. the 555 area code of films and examples): only when
    // it is written like a phone number, or spoken after a phone cue.
    if (spoken) return phone_cue_before(context);
    if (plus || nanp_grouped(secret)) return true;
    return digits.size() == 7 && phone_cue_before(context);
}

bool validate_phone_national(std::string_view secret, const ValidationContext& context) {
    std::string digits;
    if (!extract_digits(secret, digits) || digits.size() < 9 || digits.size() > 12 || digits[0] != '0') return false;
    if (has_reference_cue_before(context, secret) || !phone_cue_before(context)) return false;
    // The trunk prefix '0' says the caller is abroad (UK, Ireland, Australia, New Zealand,
    // Germany, France, South Africa, India): the number must be possible in the configured region
    // or in one of those.
    std::string_view configured = context.phone_region.empty() ? std::string_view("US") : context.phone_region;
    for (std::string_view region : {configured, std::string_view("GB"), std::string_view("IE"), std::string_view("AU"),
                                    std::string_view("NZ"), std::string_view("DE"), std::string_view("FR"),
                                    std::string_view("ZA"), std::string_view("IN")}) {
        PhoneVerdict verdict = classify_phone_number(digits, region);
        if (verdict == PhoneVerdict::valid || verdict == PhoneVerdict::possible) return true;
    }
    return false;
}

}  // namespace aaiscan
