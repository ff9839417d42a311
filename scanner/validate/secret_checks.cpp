// Credential validators (see secret_checks.h).
#include "validate/secret_checks.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "util/strings.h"

namespace aaiscan {
namespace {

bool all_same(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [&](char c) { return c == s[0]; });
}

// True when s is made of one short unit repeated ("abcabcabc", "12341234").
bool is_repetition(std::string_view s) {
    for (size_t unit = 1; unit <= 8 && unit * 2 <= s.size(); ++unit) {
        bool repeats = true;
        for (size_t i = unit; i < s.size() && repeats; ++i) repeats = s[i] == s[i % unit];
        if (repeats) return true;
    }
    return false;
}

// Long ascending/descending runs over 0-9a-z are keyboard fillers, not keys.
bool is_sequential(std::string_view s) {
    if (s.size() < 8) return false;
    size_t run = 1, best = 1;
    for (size_t i = 1; i < s.size(); ++i) {
        int d = std::tolower(static_cast<unsigned char>(s[i])) - std::tolower(static_cast<unsigned char>(s[i - 1]));
        bool step = d == 1 || (s[i - 1] == '9' && (s[i] == 'a' || s[i] == 'A' || s[i] == '0'));
        run = step ? run + 1 : 1;
        best = std::max(best, run);
    }
    return best * 2 >= s.size();
}

}  // namespace

bool is_placeholder(std::string_view secret) {
    std::string_view s = trim(secret);
    if (s.empty()) return true;
    if (all_same(s) || is_repetition(s) || is_sequential(s)) return true;
    char first = s.front();
    char last = s.back();
    if ((first == '<' && last == '>') || (first == '{' && last == '}') || (first == '[' && last == ']')) return true;
    if (s.starts_with("${") || s.starts_with("$(") || s.starts_with("{{") || s.starts_with("%(") ||
        s.starts_with("%s") || s.starts_with("process.env") || s.starts_with("os.environ")) {
        return true;
    }
    static constexpr std::array<std::string_view, 22> k_words = {
        "your_", "your-", "yourapi", "your api", "example", "placeholder", "dummy", "sample",
        "changeme", "change_me", "replace", "insert", "redacted", "xxxxxx", "******", "fake",
        "notreal", "not_real", "not-a-real", "todo", "<your", "_here"};
    std::string lower = to_lower_ascii(s);
    for (auto w : k_words) {
        if (lower.find(w) != std::string::npos) return true;
    }
    // Mostly x/X/* or mostly one character: "sk_live_xxxxxxxxxxxx", "abcd0000000000000000".
    size_t filler = static_cast<size_t>(std::count_if(s.begin(), s.end(), [](char c) {
        return c == 'x' || c == 'X' || c == '*' || c == '.' || c == '#';
    }));
    if (filler * 2 >= s.size()) return true;
    std::array<size_t, 256> counts{};
    for (unsigned char c : s) ++counts[c];
    size_t most = *std::max_element(counts.begin(), counts.end());
    return s.size() >= 16 && most * 10 >= s.size() * 6;
}

bool validate_not_placeholder(std::string_view secret, const ValidationContext&) { return !is_placeholder(secret); }

bool validate_hex_mixed(std::string_view secret, const ValidationContext&) {
    bool digit = false, letter = false;
    for (char c : secret) {
        if (std::isdigit(static_cast<unsigned char>(c))) digit = true;
        if (std::isalpha(static_cast<unsigned char>(c))) letter = true;
    }
    return digit && letter;
}

bool base64url_decode(std::string_view input, std::string& out) {
    out.clear();
    uint32_t buffer = 0;
    int bits = 0;
    for (char c : input) {
        int v;
        if (c >= 'A' && c <= 'Z') v = c - 'A';
        else if (c >= 'a' && c <= 'z') v = c - 'a' + 26;
        else if (c >= '0' && c <= '9') v = c - '0' + 52;
        else if (c == '-' || c == '+') v = 62;
        else if (c == '_' || c == '/') v = 63;
        else if (c == '=') break;
        else return false;
        buffer = (buffer << 6) | static_cast<uint32_t>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.push_back(static_cast<char>((buffer >> bits) & 0xFF));
        }
    }
    return true;
}

bool validate_jwt(std::string_view secret, const ValidationContext&) {
    size_t dot1 = secret.find('.');
    if (dot1 == std::string_view::npos) return false;
    size_t dot2 = secret.find('.', dot1 + 1);
    if (dot2 == std::string_view::npos) return false;
    std::string header;
    if (!base64url_decode(secret.substr(0, dot1), header)) return false;
    std::string payload;
    if (!base64url_decode(secret.substr(dot1 + 1, dot2 - dot1 - 1), payload)) return false;
    auto looks_json = [](const std::string& s) {
        std::string_view t = trim(s);
        return t.size() >= 2 && t.front() == '{' && t.back() == '}';
    };
    return looks_json(header) && header.find("\"alg\"") != std::string::npos && looks_json(payload);
}

bool luhn_valid(std::string_view digits) {
    int sum = 0;
    bool twice = false;
    for (size_t i = digits.size(); i-- > 0;) {
        int d = digits[i] - '0';
        if (twice) {
            d *= 2;
            if (d > 9) d -= 9;
        }
        sum += d;
        twice = !twice;
    }
    return sum % 10 == 0;
}

const std::vector<ValidatorEntry>& secret_validators() {
    static const std::vector<ValidatorEntry> entries = {
        {"not_placeholder", &validate_not_placeholder},
        {"hex_mixed", &validate_hex_mixed},
        {"jwt", &validate_jwt},
        {"luhn", &validate_luhn},
    };
    return entries;
}

bool validate_luhn(std::string_view secret, const ValidationContext&) {
    std::string digits;
    for (char c : secret) {
        if (std::isdigit(static_cast<unsigned char>(c))) digits.push_back(c);
    }
    return digits.size() >= 12 && digits.size() <= 19 && !all_same(digits) && luhn_valid(digits);
}

}  // namespace aaiscan
