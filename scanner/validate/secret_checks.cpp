// Credential validators (see secret_checks.h).
#include "validate/secret_checks.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <string>

#include "util/entropy.h"
#include "util/strings.h"
#include "validate/config_section.h"
#include "validate/key_usage.h"
#include "validate/word_shape.h"

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

// Credentials printed in specifications and vendor documentation, copied into code and tests
// everywhere: RFC 6749/6750 (OAuth 2.0) examples and jwt.io's sample signature.
bool is_documented_example(std::string_view s) {
    static constexpr std::array<std::string_view, 12> k_examples = {
        "2YotnFZFEjr1zCsicMWpAA", "tGzv3JOkF0XG5Qx2TlKWIA", "SplxlOBeZQQYbYS6WxSbIA", "czZCaGRSa3F0MzpnWDFmQmF0M2JW",
        "s6BhdRkqt3", "gX1fBat3bV", "7Fjfp0ZBr1KtDRbnfVdmIw", "8xLOxBtZp8", "mF_9.B5f-4.1JqM",
        "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
        // Stripe's and GitHub's documentation keys.
        "sk_test_4eC39HqLyjWDarjtT1zdp7dc", "ghp_16C7e42F292c6912E7710c838347Ae178B4a"};
    for (auto example : k_examples) {
        if (s == example || (s.size() > example.size() && s.ends_with(example) && s[s.size() - example.size() - 1] == '.')) {
            return true;  // the value, or a JWT ending in the sample signature
        }
    }
    return false;
}

// Filler words of example values ("your-api-key-here", "changeme", "xxxxxx"); `lower` is lower-case.
bool has_placeholder_word(std::string_view lower) {
    static constexpr std::array<std::string_view, 22> k_words = {
        "your_", "your-", "yourapi", "your api", "example", "placeholder", "dummy", "sample",
        "changeme", "change_me", "replace", "insert", "redacted", "xxxxxx", "******", "fake",
        "notreal", "not_real", "not-a-real", "todo", "<your", "_here"};
    for (auto w : k_words) {
        if (lower.find(w) != std::string_view::npos) return true;
    }
    return false;
}

// Base64 of placeholder text: "dGhpcyBpcyBub3QgYSByZWFsIHZhbHVl" is "this is not a real value".
bool is_encoded_placeholder(std::string_view s) {
    if (s.size() < 16 || s.size() > 512) return false;
    std::string decoded;
    if (!base64url_decode(s, decoded) || decoded.size() < 8) return false;
    for (char c : decoded) {
        if (c < 0x20 || c > 0x7e) return false;  // binary: a real key
    }
    std::string lower = to_lower_ascii(decoded);
    return has_placeholder_word(lower) || lower.find("not a real") != std::string::npos ||
           lower.find("this is a") != std::string::npos;
}

// A value spelled out of words and a short number, one of them saying it is not a production
// value: "test_key_123", "mock-api-token", "local_dev_secret", "demo-key-1". Real credentials are
// random; these are the strings people type into tests and CI defaults.
bool is_test_value(std::string_view lower) {
    static constexpr std::array<std::string_view, 7> k_markers = {"test", "testing", "mock", "local", "dev", "demo", "debug"};
    bool marked = false;
    size_t parts = 0;
    size_t start = 0;
    while (start <= lower.size()) {
        size_t end = lower.find_first_of("_-.", start);
        if (end == std::string_view::npos) end = lower.size();
        std::string_view part = lower.substr(start, end - start);
        bool letters = !part.empty() && part.size() <= 10 &&
                       std::all_of(part.begin(), part.end(), [](char c) { return c >= 'a' && c <= 'z'; });
        bool number = !part.empty() && part.size() <= 4 &&
                      std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (!letters && !number) return false;
        if (std::find(k_markers.begin(), k_markers.end(), part) != k_markers.end()) marked = true;
        ++parts;
        start = end + 1;
    }
    return marked && parts >= 2;
}

}  // namespace

bool is_placeholder(std::string_view secret) {
    std::string_view s = trim(secret);
    if (s.empty()) return true;
    if (is_documented_example(s)) return true;
    if (all_same(s) || is_sequential(s)) return true;
    char first = s.front();
    char last = s.back();
    if ((first == '<' && last == '>') || (first == '{' && last == '}') || (first == '[' && last == ']')) return true;
    if (s.starts_with("${") || s.starts_with("$(") || s.starts_with("{{") || s.starts_with("%(") ||
        s.starts_with("%s") || s.starts_with("process.env") || s.starts_with("os.environ")) {
        return true;
    }
    std::string lower = to_lower_ascii(s);
    if (has_placeholder_word(lower) || is_encoded_placeholder(s) || is_test_value(lower)) return true;
    if (is_repetition(lower)) return true;  // in any case: "abcabc", "ABC123abc123ABC123abc123"
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

namespace {

// True when the JSON text has "name": "value" (whitespace around the colon allowed).
bool has_string_claim(std::string_view json, std::string_view name, std::string_view value) {
    auto skip_blanks = [&](size_t i) {
        while (i < json.size() && (json[i] == ' ' || json[i] == '\t')) ++i;
        return i;
    };
    auto quoted_at = [&](size_t i, std::string_view text) {
        return i + text.size() + 2 <= json.size() && json[i] == '"' && json.substr(i + 1, text.size()) == text &&
               json[i + 1 + text.size()] == '"';
    };
    for (size_t at = json.find(name); at != std::string_view::npos; at = json.find(name, at + 1)) {
        if (at == 0 || !quoted_at(at - 1, name)) continue;
        size_t i = skip_blanks(at + name.size() + 1);
        if (i >= json.size() || json[i] != ':') continue;
        if (quoted_at(skip_blanks(i + 1), value)) return true;
    }
    return false;
}

}  // namespace

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
    if (!looks_json(header) || header.find("\"alg\"") == std::string::npos || !looks_json(payload)) return false;
    // Documentation writes a token with a made-up signature: "...eyJleHAiOjB9.xxxxxxxxxxxx".
    std::string_view signature = secret.substr(dot2 + 1);
    if (signature.size() >= 8 && signature.find_first_not_of(signature.front()) == std::string_view::npos) return false;
    // The Supabase CLI's local development keys are the same on every machine.
    return !has_string_claim(payload, "iss", "supabase-demo");
}

bool jwt_payload(std::string_view secret, std::string& payload) {
    size_t dot1 = secret.find('.');
    if (dot1 == std::string_view::npos) return false;
    size_t dot2 = secret.find('.', dot1 + 1);
    if (dot2 == std::string_view::npos) return false;
    return base64url_decode(secret.substr(dot1 + 1, dot2 - dot1 - 1), payload);
}


bool validate_jwt_not_anon(std::string_view secret, const ValidationContext&) {
    std::string payload;
    if (!jwt_payload(secret, payload)) return false;
    return !has_string_claim(payload, "role", "anon");
}

bool validate_jwt_service_role(std::string_view secret, const ValidationContext& context) {
    std::string payload;
    if (!validate_jwt(secret, context) || !jwt_payload(secret, payload)) return false;
    return has_string_claim(payload, "role", "service_role");
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

uint32_t crc32_ieee(std::string_view data) {
    uint32_t crc = 0xFFFFFFFFu;
    for (unsigned char byte : data) {
        crc ^= byte;
        for (int bit = 0; bit < 8; ++bit) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

bool validate_token_checksum(std::string_view secret, const ValidationContext&) {
    size_t underscore = secret.rfind('_');
    if (underscore == std::string_view::npos) return false;
    std::string_view body = secret.substr(underscore + 1);
    if (body.size() < 7) return false;
    // Base62 with the 0-9A-Za-z alphabet; six digits hold any 32-bit value (62^6 > 2^32).
    uint64_t checksum = 0;
    for (char c : body.substr(body.size() - 6)) {
        int digit;
        if (c >= '0' && c <= '9') digit = c - '0';
        else if (c >= 'A' && c <= 'Z') digit = c - 'A' + 10;
        else if (c >= 'a' && c <= 'z') digit = c - 'a' + 36;
        else return false;
        checksum = checksum * 62 + static_cast<uint64_t>(digit);
    }
    return checksum == crc32_ieee(body.substr(0, body.size() - 6));
}

bool validate_base64_hex_key(std::string_view secret, const ValidationContext& context) {
    std::string decoded;
    if (!base64url_decode(trim(secret), decoded)) return false;
    if (!decoded.empty() && decoded.back() == '\n') decoded.pop_back();
    if (decoded.size() != 32) return false;
    for (char c : decoded) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    }
    return validate_hex_mixed(decoded, context) && !is_placeholder(decoded);
}

// A 32-hex key as it is, or base64-encoded (name/value exports hold either).
bool validate_hex_or_base64_hex_key(std::string_view secret, const ValidationContext& context) {
    std::string_view s = trim(secret);
    if (s.size() == 32) return validate_hex_mixed(s, context) && !is_placeholder(s) && shannon_entropy(s) >= 3.0;
    return validate_base64_hex_key(s, context);
}

namespace {

// "p%40ssw0rd" -> "p@ssw0rd": URL credentials are percent-encoded. Invalid escapes stay as they are.
std::string percent_decoded(std::string_view s) {
    auto hex = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
            out.push_back(static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2])));
            i += 2;
        } else {
            out.push_back(s[i]);
        }
    }
    return out;
}

// The word "password" dressed up: "mypassword", "YourPassword1!", "Password1234!", "SuperSecret123",
// "p@ss". `lower` is lower-case.
bool is_password_word(std::string_view lower) {
    for (std::string_view prefix : {"my", "your", "the", "some", "super", "new", "old", "test", "admin", "strong",
                                    "default", "a"}) {
        if (lower.starts_with(prefix) && lower.size() > prefix.size() + 3) {
            lower.remove_prefix(prefix.size());
            break;
        }
    }
    size_t end = lower.size();
    while (end > 0 && (std::isdigit(static_cast<unsigned char>(lower[end - 1])) ||
                       std::string_view("!@#$%*?.").find(lower[end - 1]) != std::string_view::npos)) {
        --end;
    }
    if (lower.size() - end > 6) return false;
    lower = lower.substr(0, end);
    for (std::string_view word : {"password", "passwd", "pass", "pwd", "p@ss", "p@ssword", "pa55", "pa55word",
                                  "passw0rd", "p@ssw0rd", "secret", "s3cret", "s3cr3t"}) {
        if (lower == word) return true;
    }
    return false;
}

}  // namespace

bool is_default_password(std::string_view password) {
    std::string_view p = trim(password);
    // One level of quotes around the value: netrc's password "PASSWORD".
    if (p.size() >= 2 && (p.front() == '"' || p.front() == '\'') && p.back() == p.front()) p = trim(p.substr(1, p.size() - 2));
    if (p.empty() || is_placeholder(p)) return true;
    // Template references: $VAR, ${VAR}, $(cmd), %s, %(name)s, {name}, {{ name }}, <password>.
    if (p.front() == '$' || p.front() == '%' || p.front() == '{' || p.front() == '<') return true;
    // Defaults of images and tools, and the passwords their documentation uses (Redis: foobared;
    // Oracle's sample schema: scott/tiger).
    static constexpr std::array<std::string_view, 42> k_defaults = {
        "password", "passwd", "pass", "pwd", "secret", "root", "admin", "guest", "test", "user",
        "postgres", "postgresql", "mysql", "mariadb", "mongo", "mongodb", "redis", "rabbitmq",
        "dev", "local", "default", "letmein", "qwerty", "token", "foo", "bar", "baz", "123456",
        "12345678", "abc123", "pa55word", "p@ssw0rd", "mysecretpassword", "changeit", "supersecret",
        "s3cr3t", "hunter2", "foobared", "authpassword", "psw", "mypass", "tiger"};
    std::string lower = to_lower_ascii(p.find('%') == std::string_view::npos ? std::string(p) : percent_decoded(p));
    for (auto d : k_defaults) {
        if (lower == d) return true;
    }
    return is_password_word(lower);
}

namespace {

// The user name right before a URL password (`scheme://user:password@`), when `secret` is a view
// into the matched text; empty otherwise.
std::string_view url_user_before(std::string_view secret, const ValidationContext& context) {
    const char* base = context.text.data();
    if (secret.data() < base || secret.data() > base + context.text.size()) return {};
    std::string_view before = context.text.substr(0, static_cast<size_t>(secret.data() - base));
    if (before.empty() || before.back() != ':') return {};
    before.remove_suffix(1);
    size_t scheme = before.rfind("://");
    if (scheme == std::string_view::npos || before.size() - scheme > 200) return {};
    return before.substr(scheme + 3);
}

}  // namespace

bool validate_real_password(std::string_view secret, const ValidationContext& context) {
    // `postgres://voicemail:voicemail@localhost/voicemail`: a password that repeats the user name
    // is a local development default, like `postgres:postgres`.
    std::string_view user = url_user_before(secret, context);
    if (!user.empty() && user == trim(secret)) return false;
    return !is_default_password(secret);
}

bool validate_basic_auth_b64(std::string_view secret, const ValidationContext&) {
    std::string decoded;
    if (!base64url_decode(trim(secret), decoded)) return false;
    if (!decoded.empty() && decoded.back() == '\n') decoded.pop_back();
    size_t colon = decoded.find(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 >= decoded.size()) return false;
    for (char c : decoded) {
        if (c < 0x20 || c > 0x7e) return false;
    }
    return !is_default_password(std::string_view(decoded).substr(colon + 1));
}

bool looks_like_identifier_not_secret(std::string_view s) {
    auto is_hex = [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; };
    // UUID: 8-4-4-4-12 hex (ids, request ids, resource ids).
    if (s.size() == 36 && s[8] == '-' && s[13] == '-' && s[18] == '-' && s[23] == '-') {
        bool hex = true;
        for (size_t i = 0; i < s.size() && hex; ++i) hex = (i == 8 || i == 13 || i == 18 || i == 23) || is_hex(s[i]);
        if (hex) return true;
    }
    // Resource names and expressions: ARNs, JSON paths ("Jobs[-1].JobId"), truncated examples ("abc...").
    if (s.starts_with("arn:") || s.find_first_of("[]") != std::string_view::npos || s.find("..") != std::string_view::npos) {
        return true;
    }
    // ISO 8601 timestamps and dates.
    if (s.size() >= 10 && std::isdigit(static_cast<unsigned char>(s[0])) && s[4] == '-' && s[7] == '-') return true;
    // Enum-like constants: RSA_4096, HMAC_256, ECC_NIST_P521.
    bool constant = s.find('_') != std::string_view::npos;
    for (char c : s) constant = constant && ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_');
    return constant;
}

// An Algolia search-only key: 32 hex under an `algolia:`/DocSearch configuration (Docusaurus,
// VitePress, InstantSearch), public by design, unless the name says admin or write. Admin keys
// have a rule of their own (algolia.admin-key).
bool is_algolia_search_key(std::string_view s, const ValidationContext& context) {
    if (s.size() != 32 || s.find_first_not_of("0123456789abcdef") != std::string_view::npos) return false;
    constexpr size_t k_block = 300;  // the configuration object the key sits in
    size_t from = context.match_begin > k_block ? context.match_begin - k_block : 0;
    std::string before = to_lower_ascii(context.text.substr(from, context.match_begin - from));
    std::string match = to_lower_ascii(context.text.substr(context.match_begin, context.match_end - context.match_begin));
    if (match.find("admin") != std::string::npos || match.find("write") != std::string::npos) return false;
    return before.find("algolia") != std::string::npos || before.find("docsearch") != std::string::npos;
}

// The project key of a browser analytics or feature-flag SDK, named after it (MIXPANEL_TOKEN,
// amplitudeApiKey, SEGMENT_WRITE_KEY, NEXT_PUBLIC_POSTHOG_KEY...): sent to every visitor by design.
// Not when the name says it is the service's secret side (Mixpanel's API secret, Amplitude's
// secret key, Segment's access token, LaunchDarkly's server SDK key).
bool is_public_client_key(std::string_view secret, const ValidationContext& context) {
    const char* text = context.text.data();
    if (secret.data() < text || secret.data() > text + context.text.size()) return false;
    size_t end = static_cast<size_t>(secret.data() - text);
    size_t from = end > 120 ? end - 120 : 0;
    std::string_view before = context.text.substr(from, end - from);
    if (size_t newline = before.rfind('\n'); newline != std::string_view::npos) before.remove_prefix(newline + 1);
    std::string name = to_lower_ascii(before);
    bool client_sdk = false;
    for (std::string_view sdk : {"mixpanel", "amplitude", "segment", "posthog", "hotjar", "fullstory", "launchdarkly",
                                 "optimizely", "intercom", "pendo", "rudderstack"}) {
        client_sdk = client_sdk || name.find(sdk) != std::string::npos;
    }
    if (!client_sdk) return false;
    for (std::string_view server_side : {"secret", "admin", "private", "server", "access", "management", "personal",
                                         "service", "export"}) {
        if (name.find(server_side) != std::string::npos) return false;
    }
    return true;
}

bool validate_generic_secret(std::string_view secret, const ValidationContext& context) {
    std::string_view s = trim(secret);
    if (s.size() < 8 || is_placeholder(s)) return false;
    if (s.find("://") != std::string_view::npos) return false;  // a URL
    if (s.front() == '/' || s.starts_with("./") || s.starts_with("../") || s.starts_with("~/")) return false;
    if (std::string_view("$%{<>@?:;,#&|").find(s.front()) != std::string_view::npos) {
        return false;
    }
    // Interpolation inside the value: JS/shell ${x}, templates {{x}}, Ruby #{x}.
    if (s.find("${") != std::string_view::npos || s.find("{{") != std::string_view::npos ||
        s.find("#{") != std::string_view::npos) {
        return false;
    }
    if (looks_like_identifier_not_secret(s) || looks_like_words(s) || looks_like_keyboard_mash(s)) return false;
    // Keys that are public by design: Stripe and Clerk publishable keys, Mapbox public tokens,
    // PostHog project keys.
    for (std::string_view prefix : {"pk_live_", "pk_test_", "pk.eyJ", "phc_"}) {
        if (s.starts_with(prefix)) return false;
    }
    if (is_algolia_search_key(s, context) || is_public_client_key(secret, context)) return false;
    std::string lower = to_lower_ascii(s);
    if (is_password_word(lower)) return false;  // "Password123!": a documentation value
    // Escaped text ("\u65E0\u6CD5..."): a localised message in a string literal.
    size_t escapes = 0;
    for (size_t at = s.find("\\u"); at != std::string_view::npos; at = s.find("\\u", at + 2)) ++escapes;
    if (escapes >= 2) return false;
    // An alternation or list ("NN|ZZ|sqrt|alpha|..."): a regex or enum, not a credential.
    if (std::count(s.begin(), s.end(), '|') >= 2) return false;
    static constexpr std::array<std::string_view, 28> k_file_suffixes = {
        ".json", ".pem", ".key", ".crt", ".cer", ".p12", ".pfx", ".pub", ".txt", ".yaml", ".yml",
        ".env", ".js", ".ts", ".py", ".rb", ".go", ".java", ".html", ".xml", ".toml", ".ini",
        ".cfg", ".conf", ".gz", ".tgz", ".zip", ".whl"};
    for (auto suffix : k_file_suffixes) {
        if (lower.ends_with(suffix)) return false;
    }
    bool lower_case = false, upper_case = false, digit = false, other = false;
    for (char c : s) {
        if (c >= 'a' && c <= 'z') lower_case = true;
        else if (c >= 'A' && c <= 'Z') upper_case = true;
        else if (c >= '0' && c <= '9') digit = true;
        else if (c != '_' && c != '-' && c != '.') other = true;
    }
    // Identifiers and words ("DJANGO_SECRET_KEY", "passwordConfirmation") have no digits and no
    // symbols; random credentials nearly always have digits or punctuation. Short values must mix
    // letters and digits ("Password:" is a label, not a secret).
    bool letters = lower_case || upper_case;
    if (digit && letters) return true;
    int classes = int(lower_case) + int(upper_case) + int(digit) + int(other);
    return s.size() >= 16 && other && letters && classes >= 3;
}

bool validate_standalone(std::string_view, const ValidationContext& context) {
    std::string_view text = context.text;
    size_t end = context.match_end;
    if (end >= text.size()) return true;
    char next = text[end];
    if (next != '.' && next != '-' && next != '/') return true;
    // "<hex>.wav", "<hex>-v2", "<hex>/part": the value is part of a file name, id or path.
    return end + 1 >= text.size() || !std::isalnum(static_cast<unsigned char>(text[end + 1]));
}

bool validate_not_words(std::string_view secret, const ValidationContext&) { return !looks_like_words(trim(secret)); }

bool validate_not_truncated(std::string_view, const ValidationContext& context) {
    std::string_view rest = context.text.substr(std::min(context.match_end, context.text.size()));
    if (rest.starts_with("...") || rest.starts_with("\xE2\x80\xA6")) return false;  // "..." or U+2026
    // A lone '.' closing the value: "MIIEpQIBAAKCAQEAuyf/lNrH9ck8. -----END RSA PRIVATE KEY-----".
    return !(rest.size() >= 1 && rest[0] == '.' && (rest.size() == 1 || !std::isalnum(static_cast<unsigned char>(rest[1]))));
}

const std::vector<ValidatorEntry>& secret_validators() {
    static const std::vector<ValidatorEntry> entries = {
        {"not_placeholder", &validate_not_placeholder},
        {"hex_mixed", &validate_hex_mixed},
        {"jwt", &validate_jwt},
        {"luhn", &validate_luhn},
        {"token_checksum", &validate_token_checksum},
        {"base64_hex_key", &validate_base64_hex_key},
        {"hex_or_base64_hex_key", &validate_hex_or_base64_hex_key},
        {"basic_auth_b64", &validate_basic_auth_b64},
        {"real_password", &validate_real_password},
        {"generic_secret", &validate_generic_secret},
        {"jwt_not_anon", &validate_jwt_not_anon},
        {"jwt_service_role", &validate_jwt_service_role},
        {"standalone", &validate_standalone},
        {"not_truncated", &validate_not_truncated},
        {"not_words", &validate_not_words},
        {"not_other_service_section", &validate_not_other_service_section},
        {"used_with_assemblyai", &validate_used_with_assemblyai},
        {"sent_to_assemblyai", &validate_sent_to_assemblyai},
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
