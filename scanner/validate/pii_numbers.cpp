// Checksums and structure of the numbers PII policies cover: payment cards, SSNs, ABA routing
// numbers, IBANs, NPIs, VINs, Medicare identifiers, and identifiers read out after a cue
// (see pii_checks.h).
#include <algorithm>
#include <array>
#include <cstdint>
#include <string>

#include "validate/pii_checks.h"
#include "validate/secret_checks.h"

namespace aaiscan {
namespace {

bool all_same(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [&](char c) { return c == s[0]; });
}

int prefix_value(std::string_view digits, size_t n) {
    int v = 0;
    for (size_t i = 0; i < n && i < digits.size(); ++i) v = v * 10 + (digits[i] - '0');
    return v;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
char upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

// Letters and digits of `value` upper-cased; false when something other than separators occurs.
bool alnum_core(std::string_view value, std::string& out) {
    out.clear();
    for (char c : value) {
        if (is_digit(c) || is_upper(upper(c))) {
            out.push_back(upper(c));
        } else if (c != ' ' && c != '-' && c != '.' && c != '/') {
            return false;
        }
    }
    return !out.empty();
}

}  // namespace

bool card_issuer_known(std::string_view d) {
    size_t n = d.size();
    int p1 = prefix_value(d, 1), p2 = prefix_value(d, 2), p3 = prefix_value(d, 3), p4 = prefix_value(d, 4);
    int p6 = prefix_value(d, 6);
    if (p1 == 4) return n == 13 || n == 16 || n == 19;                                  // Visa
    if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) return n == 16;          // Mastercard
    if (p2 == 34 || p2 == 37) return n == 15;                                           // Amex
    if (p4 >= 2200 && p4 <= 2204) return n == 16;                                       // Mir
    if (p4 == 6011 || p2 == 65 || (p3 >= 644 && p3 <= 649) || (p6 >= 622126 && p6 <= 622925)) {
        return n >= 16 && n <= 19;                                                      // Discover
    }
    if (p4 >= 3528 && p4 <= 3589) return n >= 16 && n <= 19;                           // JCB
    if ((p3 >= 300 && p3 <= 305) || p2 == 36 || p2 == 38 || p2 == 39) return n >= 14 && n <= 19;  // Diners
    if (p2 == 62) return n >= 16 && n <= 19;                                            // UnionPay
    if (p4 == 5018 || p4 == 5020 || p4 == 5038 || p4 == 5893 || p4 == 6304 || p4 == 6759 ||
        (p4 >= 6761 && p4 <= 6763) || p2 == 50 || (p2 >= 56 && p2 <= 69)) {
        return n >= 12 && n <= 19;                                                      // Maestro
    }
    return false;
}

bool validate_credit_card(std::string_view secret, const ValidationContext& context) {
    std::string digits;
    if (!extract_digits(secret, digits)) return false;
    if (digits.size() < 12 || digits.size() > 19 || all_same(digits)) return false;
    if (!luhn_valid(digits) || !card_issuer_known(digits)) return false;
    return !has_reference_cue_before(context, secret);
}

bool ssn_structure_valid(std::string_view d) {
    if (d.size() != 9) return false;
    int area = prefix_value(d, 3);
    int group = prefix_value(d.substr(3), 2);
    int serial = prefix_value(d.substr(5), 4);
    return area != 0 && area != 666 && area < 900 && group != 0 && serial != 0;
}

bool validate_ssn(std::string_view secret, const ValidationContext& context) {
    std::string digits;
    if (!extract_digits(secret, digits) || !ssn_structure_valid(digits)) return false;
    return !has_reference_cue_before(context, secret);
}

bool aba_checksum_valid(std::string_view d) {
    if (d.size() != 9 || all_same(d)) return false;
    int prefix = prefix_value(d, 2);
    bool fed = prefix <= 12 || (prefix >= 21 && prefix <= 32) || (prefix >= 61 && prefix <= 72) || prefix == 80;
    if (!fed) return false;
    static constexpr std::array<int, 9> k_weights = {3, 7, 1, 3, 7, 1, 3, 7, 1};
    int sum = 0;
    for (size_t i = 0; i < 9; ++i) sum += (d[i] - '0') * k_weights[i];
    return sum % 10 == 0;
}

bool validate_aba_routing(std::string_view secret, const ValidationContext&) {
    std::string digits;
    return extract_digits(secret, digits) && aba_checksum_valid(digits);
}

bool iban_valid(std::string_view input) {
    std::string iban;
    for (char c : input) {
        if (c == ' ' || c == '-') continue;
        char u = upper(c);
        if (!is_digit(u) && !is_upper(u)) return false;
        iban.push_back(u);
    }
    // ISO 13616 lengths of the SEPA countries and the other common IBAN countries.
    struct CountryLength {
        const char* code;
        size_t length;
    };
    static constexpr std::array<CountryLength, 60> k_lengths = {{
        {"AD", 24}, {"AE", 23}, {"AL", 28}, {"AT", 20}, {"AZ", 28}, {"BA", 20}, {"BE", 16}, {"BG", 22},
        {"BH", 22}, {"BR", 29}, {"CH", 21}, {"CR", 22}, {"CY", 28}, {"CZ", 24}, {"DE", 22}, {"DK", 18},
        {"DO", 28}, {"EE", 20}, {"EG", 29}, {"ES", 24}, {"FI", 18}, {"FO", 18}, {"FR", 27}, {"GB", 22},
        {"GE", 22}, {"GI", 23}, {"GL", 18}, {"GR", 27}, {"GT", 28}, {"HR", 21}, {"HU", 28}, {"IE", 22},
        {"IL", 23}, {"IS", 26}, {"IT", 27}, {"JO", 30}, {"KW", 30}, {"KZ", 20}, {"LB", 28}, {"LI", 21},
        {"LT", 20}, {"LU", 20}, {"LV", 21}, {"MC", 27}, {"MD", 24}, {"ME", 22}, {"MK", 19}, {"MT", 31},
        {"MU", 30}, {"NL", 18}, {"NO", 15}, {"PK", 24}, {"PL", 28}, {"PT", 25}, {"QA", 29}, {"RO", 24},
        {"RS", 22}, {"SA", 24}, {"SE", 24}, {"SI", 19},
    }};
    static constexpr std::array<CountryLength, 8> k_more = {{
        {"SK", 24}, {"SM", 27}, {"TN", 24}, {"TR", 26}, {"UA", 29}, {"VG", 24}, {"XK", 20}, {"PS", 29},
    }};
    if (iban.size() < 15 || iban.size() > 34) return false;
    if (!is_upper(iban[0]) || !is_upper(iban[1]) || !is_digit(iban[2]) || !is_digit(iban[3])) return false;
    size_t expected = 0;
    for (const auto& c : k_lengths) {
        if (iban.compare(0, 2, c.code) == 0) expected = c.length;
    }
    for (const auto& c : k_more) {
        if (iban.compare(0, 2, c.code) == 0) expected = c.length;
    }
    if (expected != iban.size()) return false;
    std::string moved = iban.substr(4) + iban.substr(0, 4);
    uint32_t remainder = 0;
    for (char c : moved) {
        if (is_digit(c)) {
            remainder = (remainder * 10 + static_cast<uint32_t>(c - '0')) % 97;
        } else {
            uint32_t v = static_cast<uint32_t>(c - 'A' + 10);
            remainder = (remainder * 100 + v) % 97;
        }
    }
    return remainder == 1;
}

bool validate_iban(std::string_view secret, const ValidationContext&) { return iban_valid(secret); }

bool validate_npi(std::string_view secret, const ValidationContext&) {
    std::string digits;
    if (!extract_digits(secret, digits) || digits.size() != 10) return false;
    if (digits[0] != '1' && digits[0] != '2') return false;
    return luhn_valid("80840" + digits);
}

bool validate_vin(std::string_view secret, const ValidationContext& context) {
    if (secret.size() != 17 || has_reference_cue_before(context, secret)) return false;
    // Hex ids (hashes, request ids) have no letter past F; real VINs nearly always do.
    if (!std::any_of(secret.begin(), secret.end(), [](char c) { return upper(c) >= 'G' && upper(c) <= 'Z'; })) return false;
    static constexpr std::array<int, 17> k_weights = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};
    auto value = [](char c) -> int {
        if (is_digit(c)) return c - '0';
        static constexpr std::string_view k_letters = "ABCDEFGHJKLMNPRSTUVWXYZ";
        static constexpr std::array<int, 23> k_values = {1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5,
                                                         7, 9, 2, 3, 4, 5, 6, 7, 8, 9};
        size_t at = k_letters.find(c);
        return at == std::string_view::npos ? -1 : k_values[at];
    };
    int sum = 0;
    bool digit = false, letter = false;
    for (size_t i = 0; i < 17; ++i) {
        char c = upper(secret[i]);
        int v = value(c);
        if (v < 0) return false;
        (is_digit(c) ? digit : letter) = true;
        sum += v * k_weights[i];
    }
    if (!digit || !letter) return false;
    int check = sum % 11;
    char expected = check == 10 ? 'X' : static_cast<char>('0' + check);
    return upper(secret[8]) == expected;
}

bool validate_mbi(std::string_view secret, const ValidationContext&) {
    std::string core;
    if (!alnum_core(secret, core) || core.size() != 11) return false;
    auto letter = [](char c) { return is_upper(c) && std::string_view("SLOIBZ").find(c) == std::string_view::npos; };
    auto either = [&](char c) { return is_digit(c) || letter(c); };
    return core[0] >= '1' && core[0] <= '9' && letter(core[1]) && either(core[2]) && is_digit(core[3]) &&
           letter(core[4]) && either(core[5]) && is_digit(core[6]) && letter(core[7]) && letter(core[8]) &&
           is_digit(core[9]) && is_digit(core[10]);
}

bool validate_id_number(std::string_view secret, const ValidationContext& context) {
    if (is_redaction_mark(secret) || has_reference_cue_before(context, secret)) return false;
    std::string core;
    if (!alnum_core(secret, core)) {
        // Spoken digits ("four seven two ...") are identifiers too.
        if (!extract_digits(secret, core)) return false;
    }
    if (core.size() < 4 || core.size() > 24 || all_same(core)) return false;
    size_t digits = static_cast<size_t>(std::count_if(core.begin(), core.end(), is_digit));
    if (digits == core.size()) return digits >= 5;
    return digits >= 3;
}

bool validate_health_member_id(std::string_view secret, const ValidationContext& context) {
    if (!validate_id_number(secret, context)) return false;
    size_t begin = std::min(context.match_begin, context.text.size());
    size_t from = begin > 400 ? begin - 400 : 0;
    std::string window(context.text.substr(from, begin - from + std::min<size_t>(40, context.text.size() - begin)));
    for (char& c : window) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    static constexpr std::array<std::string_view, 16> k_health = {
        "insurance", "medicare", "medicaid", "health", "pharmacy", "prescription", "copay", "co-pay",
        "clinic", "doctor", "hospital", "patient", "medical", "dental", "deductible", "refill"};
    for (std::string_view word : k_health) {
        if (window.find(word) != std::string::npos) return true;
    }
    return false;
}

bool validate_bank_account(std::string_view secret, const ValidationContext& context) {
    if (has_reference_cue_before(context, secret)) return false;
    std::string digits;
    if (!extract_digits(secret, digits)) return false;
    return digits.size() >= 4 && digits.size() <= 17 && !all_same(digits);
}

bool validate_card_cvv(std::string_view secret, const ValidationContext&) {
    std::string digits;
    return extract_digits(secret, digits) && (digits.size() == 3 || digits.size() == 4);
}

bool validate_license_plate(std::string_view secret, const ValidationContext&) {
    std::string core;
    if (is_redaction_mark(secret) || !alnum_core(secret, core)) return false;
    if (core.size() < 3 || core.size() > 8 || all_same(core)) return false;
    return std::any_of(core.begin(), core.end(), is_digit);
}

}  // namespace aaiscan
