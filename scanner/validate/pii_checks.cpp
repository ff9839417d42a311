// The PII validator registry and the helpers the PII families share (see pii_checks.h).
#include "validate/pii_checks.h"

#include <array>
#include <cctype>

namespace aaiscan {
namespace {

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Digit value of a spoken digit word, -1 when it is not one.
int digit_word(std::string_view w) {
    static constexpr std::array<std::string_view, 10> k_words = {"zero", "one", "two",   "three", "four",
                                                                 "five", "six", "seven", "eight", "nine"};
    for (size_t i = 0; i < k_words.size(); ++i) {
        if (w == k_words[i]) return static_cast<int>(i);
    }
    if (w == "oh" || w == "o") return 0;
    return -1;
}

}  // namespace

bool is_redaction_mark(std::string_view value) {
    // Trim surrounding punctuation a transcript may attach ("[PERSON_NAME]," or "####.").
    while (!value.empty() && (value.back() == '.' || value.back() == ',' || value.back() == '!' ||
                              value.back() == '?' || value.back() == ';' || value.back() == ':')) {
        value.remove_suffix(1);
    }
    if (value.empty()) return false;
    if (value.front() == '[' && value.back() == ']' && value.size() > 2) {
        for (char c : value.substr(1, value.size() - 2)) {
            if (!((c >= 'A' && c <= 'Z') || c == '_' || (c >= '0' && c <= '9'))) return false;
        }
        return true;
    }
    size_t hashes = 0;
    for (char c : value) {
        if (c == '#') {
            ++hashes;
        } else if (c != '-' && c != ' ' && c != '.' && c != '/' && c != '(' && c != ')' && c != '@' && c != '+') {
            return false;
        }
    }
    return hashes > 0;
}

bool extract_digits(std::string_view value, std::string& digits) {
    digits.clear();
    int repeat = 1;
    size_t i = 0;
    while (i < value.size()) {
        char c = value[i];
        if (c >= '0' && c <= '9') {
            digits.append(static_cast<size_t>(repeat), c);
            repeat = 1;
            ++i;
        } else if (c == ' ' || c == '-' || c == '.' || c == ',' || c == '(' || c == ')' || c == '+' || c == '/' ||
                   c == '\t') {
            ++i;
        } else if (is_alpha(c)) {
            size_t j = i;
            std::string word;
            while (j < value.size() && is_alpha(value[j])) word.push_back(lower(value[j++]));
            i = j;
            if (word == "double") {
                repeat = 2;
                continue;
            }
            if (word == "triple") {
                repeat = 3;
                continue;
            }
            int d = digit_word(word);
            if (d < 0) return false;
            digits.append(static_cast<size_t>(repeat), static_cast<char>('0' + d));
            repeat = 1;
        } else {
            return false;
        }
    }
    return !digits.empty();
}

bool has_reference_cue_before(const ValidationContext& context) {
    size_t begin = context.match_begin;
    if (begin > context.text.size()) return false;
    size_t from = begin > 48 ? begin - 48 : 0;
    std::string_view window = context.text.substr(from, begin - from);
    size_t newline = window.rfind('\n');
    if (newline != std::string_view::npos) window.remove_prefix(newline + 1);
    // Only the clause the number is in: cut at the last sentence end.
    for (std::string_view end : {". ", "? ", "! "}) {
        size_t at = window.rfind(end);
        if (at != std::string_view::npos) window.remove_prefix(at + end.size());
    }
    std::string lowered(window.size(), ' ');
    for (size_t i = 0; i < window.size(); ++i) lowered[i] = lower(window[i]);
    static constexpr std::array<std::string_view, 30> k_cues = {
        "order",   "invoice", "tracking", "ticket",  "case number", "case #",  "confirmation", "reference",
        "ref ",    "ref.",    "receipt",  "transaction", "serial",  "model",   "version",      "part number",
        "sku",     "item",    "flight",   "room",    "zip",         "postal",  "claim",        "booking",
        "reservation", "shipment", "package", "$", "batch", "lot number"};
    for (std::string_view cue : k_cues) {
        size_t at = lowered.find(cue);
        while (at != std::string::npos) {
            bool word_start = at == 0 || !is_alpha(lowered[at - 1]);
            if (word_start || !is_alpha(cue[0])) return true;
            at = lowered.find(cue, at + 1);
        }
    }
    return false;
}

bool validate_not_redacted(std::string_view secret, const ValidationContext&) { return !is_redaction_mark(secret); }

const std::vector<ValidatorEntry>& pii_validators() {
    static const std::vector<ValidatorEntry> entries = {
        {"credit_card", &validate_credit_card},
        {"ssn", &validate_ssn},
        {"aba_routing", &validate_aba_routing},
        {"iban", &validate_iban},
        {"npi", &validate_npi},
        {"vin", &validate_vin},
        {"mbi", &validate_mbi},
        {"id_number", &validate_id_number},
        {"bank_account", &validate_bank_account},
        {"card_cvv", &validate_card_cvv},
        {"license_plate", &validate_license_plate},
        {"phone", &validate_phone},
        {"email", &validate_email},
        {"ipv4", &validate_ipv4},
        {"ipv6", &validate_ipv6},
        {"url", &validate_url},
        {"birth_date", &validate_birth_date},
        {"card_expiry", &validate_card_expiry},
        {"person_name", &validate_person_name},
        {"password", &validate_password},
        {"username", &validate_username},
        {"not_redacted", &validate_not_redacted},
    };
    return entries;
}

}  // namespace aaiscan
