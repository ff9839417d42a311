// Phone numbers validated with libphonenumber in the configured default region (see pii_checks.h).
#include <algorithm>
#include <array>
#include <span>
#include <string>

#include "util/strings.h"
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

// Words that announce a phone number, in English, Spanish, German, French, Portuguese, Italian and
// Dutch (lower case; accented letters as UTF-8).
bool phone_cue_before(const ValidationContext& context) {
    return any_cue_before(context, 60, {"phone", "number", "call", "reach", "cell", "mobile", "text me", "fax", "line",
                                        "dial", "contact",
                                        // es / pt / it: telefono, telefone, movil, celular, numero...
                                        "tel\xc3\xa9" "fono", "telefon", "m\xc3\xb3vil", "movil", "celular", "telem\xc3\xb3vel",
                                        "cellulare", "n\xc3\xbamero", "numero", "llamar", "ligar", "chiamar", "whatsapp", "fijo", "fixo",
                                        "fisso", "contacto", "contato", "contatto",
                                        // de / nl: Telefonnummer, Handy, Mobilnummer, Rufnummer, erreichbar, mobiel
                                        "handy", "mobil", "rufnummer", "nummer", "erreichbar", "anrufen", "bellen", "festnetz",
                                        "vaste", "kontakt",
                                        // fr: telephone, portable, joindre
                                        "t\xc3\xa9l\xc3\xa9phone", "portable", "joindre", "num\xc3\xa9ro", "fixe"});
}

// The clause just before `secret` (at most 60 bytes, from the last '?', '!', newline or ". "),
// lower case: where a speaker says whose number it is.
std::string clause_before(std::string_view secret, const ValidationContext& context) {
    const char* text = context.text.data();
    size_t begin = context.match_begin;
    if (secret.data() >= text && secret.data() <= text + context.text.size()) begin = static_cast<size_t>(secret.data() - text);
    begin = std::min(begin, context.text.size());
    size_t from = begin > 60 ? begin - 60 : 0;
    std::string_view window = context.text.substr(from, begin - from);
    size_t cut = window.find_last_of("?!\n");
    size_t stop = window.rfind(". ");
    if (stop != std::string_view::npos && (cut == std::string_view::npos || stop > cut)) cut = stop + 1;
    if (cut != std::string_view::npos) window.remove_prefix(cut + 1);
    std::string clause(1, ' ');
    clause += to_lower_ascii(window);
    return clause;
}

// A company's line said as such ("our main line is", "the front desk line is ..., or fax forms
// to ...", "the pharmacy direct line"): not a person's number, unless the clause also says it is someone's ("my direct line").
bool business_line_before(std::string_view secret, const ValidationContext& context) {
    std::string clause = clause_before(secret, context);
    // Not "fax" alone: "please fax the summary to" a referring doctor is still a person's number.
    static constexpr std::array<std::string_view, 17> k_business = {
        "main line", "main number", "direct line", "office line", "front desk", "desk line", "hotline",
        "switchboard", "toll-free", "toll free", "attendance line", "maintenance line", "reception",
        "customer service", "help desk", "helpdesk", "support line"};
    static constexpr std::array<std::string_view, 10> k_personal = {
        " my ", " your ", " his ", " her ", " their ", " cell", " mobile", " home ", " personal", " wife"};
    bool business = false;
    for (std::string_view cue : k_business) business = business || clause.find(cue) != std::string::npos;
    if (!business) return false;
    for (std::string_view cue : k_personal) {
        if (clause.find(cue) != std::string::npos) return false;
    }
    return true;
}

// True when the digit groups of `secret` continue on either side ("4111 0303 3258 3981": the match
// "0303 3258 3981" is the tail of a card number, not a phone number).
bool inside_longer_number(std::string_view secret, const ValidationContext& context) {
    const char* text = context.text.data();
    if (secret.data() < text || secret.data() + secret.size() > text + context.text.size()) return false;
    size_t begin = static_cast<size_t>(secret.data() - text);
    size_t end = begin + secret.size();
    auto digit = [&](size_t i) { return i < context.text.size() && context.text[i] >= '0' && context.text[i] <= '9'; };
    auto separator = [&](size_t i) {
        return i < context.text.size() && (context.text[i] == ' ' || context.text[i] == '-' || context.text[i] == '.');
    };
    return (begin >= 2 && separator(begin - 1) && digit(begin - 2)) || (separator(end) && digit(end + 1));
}

// Countries whose national numbers start with a trunk '0'.
constexpr std::array<std::string_view, 13> k_trunk_zero_regions = {"GB", "IE", "AU", "NZ", "DE", "FR", "NL",
                                                                    "BE", "AT", "CH", "IT", "ZA", "IN"};

// Whether `digits` is a person's number in one of `regions`, tried in order (libphonenumber is the
// costly part of a scan that meets many numbers, so the first region that recognises the number
// decides): valid there (or, with `possible_enough`, of a possible length), and not a business
// service line (toll-free, premium rate, a company's access number).
bool personal_number_in(std::string_view digits, std::span<const std::string_view> regions, bool possible_enough) {
    for (std::string_view region : regions) {
        PhoneVerdict verdict = classify_phone_number(digits, region);
        if (verdict == PhoneVerdict::service) return false;
        if (verdict == PhoneVerdict::valid || (possible_enough && verdict == PhoneVerdict::possible)) return true;
    }
    return false;
}

}  // namespace

bool nanp_business_service(std::string_view ten_digits) {
    if (ten_digits.size() != 10) return false;
    std::string_view area = ten_digits.substr(0, 3);
    for (std::string_view service : {"800", "833", "844", "855", "866", "877", "888", "900"}) {
        if (area == service) return true;
    }
    return false;
}

bool validate_phone(std::string_view secret, const ValidationContext& context) {
    std::string digits;
    if (!extract_digits(secret, digits)) return false;
    if (digits.size() < 7 || digits.size() > 15) return false;
    if (std::all_of(digits.begin(), digits.end(), [&](char c) { return c == digits[0]; })) return false;
    if (has_reference_cue_before(context, secret) || business_line_before(secret, context)) return false;
    bool plus = !secret.empty() && secret.front() == '+';
    std::string input = plus ? "+" + digits : digits;
    std::string_view region = context.phone_region.empty() ? std::string_view("US") : context.phone_region;
    bool spoken = std::any_of(secret.begin(), secret.end(), [](char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; });
    // A North American number written 3-3-4 in the US region is settled without libphonenumber
    // (tens of microseconds a number, the costliest check of a transcript scan): every such
    // number is possible there, valid or not it is accepted below, and only toll-free and premium
    // lines are services. Only area codes and exchanges that start 2-9 ("011..." dials abroad;
    // libphonenumber knows which toll-free exchanges starting 0 or 1 are in service). A unit test
    // compares this with libphonenumber on random numbers.
    if (!spoken && !plus && region == "US" && nanp_grouped(secret) &&
        (digits.size() == 10 || (digits.size() == 11 && digits[0] == '1')) && digits[digits.size() - 10] >= '2' &&
        digits[digits.size() - 7] >= '2') {
        return !nanp_business_service(std::string_view(digits).substr(digits.size() - 10));
    }
    PhoneVerdict verdict = classify_phone_number(input, region);
    if (verdict == PhoneVerdict::service) return false;
    // Said as words with a trunk '0' the configured region does not take ("oh seven seven oh oh,
    // nine double oh..." from a caller in the UK): a national number of the countries that dial
    // one, after a cue. (Written ones are pii.phone-number.national's.)
    if (spoken && !plus && digits[0] == '0' && verdict != PhoneVerdict::valid && digits.size() >= 9 &&
        digits.size() <= 12) {
        return phone_cue_before(context) && personal_number_in(digits, k_trunk_zero_regions, true);
    }
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
    if (inside_longer_number(secret, context)) return false;
    if (has_reference_cue_before(context, secret) || !phone_cue_before(context)) return false;
    // The trunk prefix '0' says the caller is abroad (UK, Ireland, Australia, Germany, France...):
    // the number must be possible in the configured region or in one of those.
    std::string_view configured = context.phone_region.empty() ? std::string_view("US") : context.phone_region;
    return personal_number_in(digits, std::array{configured}, true) ||
           personal_number_in(digits, k_trunk_zero_regions, true);
}

bool validate_phone_cued(std::string_view secret, const ValidationContext& context) {
    std::string digits;
    if (!extract_digits(secret, digits) || digits.size() < 8 || digits.size() > 12) return false;
    if (std::all_of(digits.begin(), digits.end(), [&](char c) { return c == digits[0]; })) return false;
    if (inside_longer_number(secret, context)) return false;
    if (has_reference_cue_before(context, secret) || business_line_before(secret, context) || !phone_cue_before(context)) {
        return false;
    }
    // Numbers without a trunk prefix (Spain, Portugal, Italy, Brazil, Mexico...): a number that is
    // valid (an assigned range, not merely the right length) in the configured region or one of
    // those countries.
    std::string_view configured = context.phone_region.empty() ? std::string_view("US") : context.phone_region;
    const std::array<std::string_view, 10> regions = {configured, "ES", "PT", "IT", "BR", "MX", "NL", "DE", "FR", "GB"};
    return personal_number_in(digits, regions, false);
}

}  // namespace aaiscan
