// Unit tests for validate/secret_checks: placeholders, hex shape, JWT structure and claims, Luhn,
// GitHub/npm token checksums, base64-wrapped keys and passwords, the generic-secret filter.
#include <catch2/catch.hpp>

#include <string>

#include "validate/secret_checks.h"
#include "validate/validators.h"

using namespace aaiscan;

namespace {

const ValidationContext k_context{};

// Synthetic JWTs (HS256, random signatures). Payloads: {"sub":"2f9c1d7e",...}, Supabase-style
// {"role":"anon"} and {"role":"service_role"}.
constexpr const char* k_jwt =
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIyZjljMWQ3ZSIsIm5hbWUiOiJidWlsZC1ib3QiLCJzY29wZSI6ImRlc"
    "GxveSIsImlhdCI6MTc2NzIyNTYwMH0.fwGpFXWnR2j_jf7u1xW1QVDCOoNJBxGQxBtmG9hKYhE";
constexpr const char* k_anon_jwt =
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6InF3enhhY21lcHJvaiIsInJvbGUiOiJhbm"
    "9uIiwiaWF0IjoxNzY3MjI1NjAwLCJleHAiOjIwODI3NTg0MDB9.-2X2c6e9naYonwPUhxAPCTDhPZkHx3ZTcJfXMoQ7o0s";
constexpr const char* k_service_jwt =
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6InF3enhhY21lcHJvaiIsInJvbGUiOiJzZX"
    "J2aWNlX3JvbGUiLCJpYXQiOjE3NjcyMjU2MDAsImV4cCI6MjA4Mjc1ODQwMH0.c92P2-zHd3OC2pYwL82DeaGdyy8Yck0kF4nP47GiCpg";

// Runs a validator that reads the text around the match, on the first `match` inside `text`.
bool run_at(bool (*validator)(std::string_view, const ValidationContext&), std::string_view text, std::string_view match) {
    ValidationContext context;
    context.text = text;
    context.match_begin = text.find(match);
    context.match_end = context.match_begin + match.size();
    return validator(match, context);
}

}  // namespace

TEST_CASE("is_placeholder: template references, brackets and filler words") {
    CHECK(is_placeholder(""));
    CHECK(is_placeholder("   "));
    CHECK(is_placeholder("your-api-key-here"));
    CHECK(is_placeholder("YOUR_API_KEY"));
    CHECK(is_placeholder("<ASSEMBLYAI_API_KEY>"));
    CHECK(is_placeholder("${ASSEMBLYAI_API_KEY}"));
    CHECK(is_placeholder("{{ secrets.TOKEN }}"));
    CHECK(is_placeholder("$(cat key.txt)"));
    CHECK(is_placeholder("process.env.KEY"));
    CHECK(is_placeholder("changeme"));
    CHECK(is_placeholder("REDACTED"));
    CHECK(is_placeholder("sk_live_xxxxxxxxxxxxxxxxxxxxxxxx"));
    CHECK(is_placeholder("********************"));
}

TEST_CASE("is_placeholder: repeated, sequential and single-character fillers") {
    CHECK(is_placeholder("00000000000000000000000000000000"));
    CHECK(is_placeholder("abcabcabcabcabcabcabc"));
    CHECK(is_placeholder("0123456789abcdef0123456789abcdef"));
    CHECK(is_placeholder("1234567890abcdefghij"));
    CHECK(is_placeholder("aaaaaaaaaaaaaaaaaaaaaaaaaaaaab12"));
}

TEST_CASE("is_placeholder: documented example credentials and base64 of placeholder text") {
    for (const char* s : {"2YotnFZFEjr1zCsicMWpAA", "tGzv3JOkF0XG5Qx2TlKWIA", "czZCaGRSa3F0MzpnWDFmQmF0M2JW",
                          "dGhpcyBpcyBub3QgYSByZWFsIHZhbHVl",  // "this is not a real value"
                          "ZXhhbXBsZS1hcGkta2V5LTEyMzQ1Ng==",  // "example-api-key-123456"
                          "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ."
                          "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"}) {
        CAPTURE(s);
        CHECK(is_placeholder(s));
    }
    CHECK_FALSE(is_placeholder("Y2ktYm90OlF4N3ZSMm1McDlUeg=="));  // "ci-bot:Qx7vR2mLp9Tz": real text, no placeholder
    CHECK_FALSE(is_placeholder("q8Zx1Nv4Tk7Wm2Rp5Ls9Hd3Jf6Bc0Ga"));
    CHECK(is_placeholder("ABC123abc123ABC123abc123ABC123ab"));  // a repeated unit, whatever its case
}

TEST_CASE("is_placeholder: random-looking keys are not placeholders") {
    CHECK_FALSE(is_placeholder("33a647dc29512e85e658d5cd34b8f298"));
    CHECK_FALSE(is_placeholder("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"));
    CHECK_FALSE(is_placeholder("2R3co/XCCJOl8ymBbE9VKH/s8tUfu6lh9d4MXcOQ"));
    CHECK(validate_not_placeholder("fedcde1cf39ee12f924977b42c924eb5", k_context));
    CHECK_FALSE(validate_not_placeholder("your_api_key", k_context));
}

TEST_CASE("hex_mixed: needs both digits and letters") {
    CHECK(validate_hex_mixed("33a647dc29512e85e658d5cd34b8f298", k_context));
    CHECK_FALSE(validate_hex_mixed("12345678901234567890123456789012", k_context));
    CHECK_FALSE(validate_hex_mixed("deadbeefdeadbeefcafebabecafebabe", k_context));
}

TEST_CASE("jwt: three base64url parts, JSON header with alg, JSON payload") {
    CHECK(validate_jwt(k_jwt, k_context));
    CHECK(validate_jwt(k_anon_jwt, k_context));
    // {"not":"json"} header without alg.
    CHECK_FALSE(validate_jwt("eyJub3QiOiJqc29uIn0.eyJhIjoiYiJ9.c2lnbmF0dXJl", k_context));
    CHECK_FALSE(validate_jwt("eyJhbGciOiJIUzI1NiJ9.eyJhIjoiYiJ9", k_context));  // two parts
    CHECK_FALSE(validate_jwt("eyJhbGciOiJIUzI1NiJ9.not*base64.sig", k_context));
    CHECK_FALSE(validate_jwt("no dots here", k_context));
    // A documentation token whose signature is one letter repeated.
    CHECK_FALSE(validate_jwt("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJleHAiOjAsInNpZCI6ImV4YW1wbGUifQ.xxxxxxxxxxxxxxxxxxxx",
                             k_context));
    CHECK(validate_jwt("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJleHAiOjAsInNpZCI6ImV4YW1wbGUifQ.xxxxxxxxxxxxxxxxxxxy",
                       k_context));
}

TEST_CASE("jwt claims: anon keys are public, service_role keys are not") {
    CHECK(validate_jwt_not_anon(k_jwt, k_context));
    CHECK_FALSE(validate_jwt_not_anon(k_anon_jwt, k_context));
    CHECK(validate_jwt_not_anon(k_service_jwt, k_context));
    CHECK(validate_jwt_service_role(k_service_jwt, k_context));
    CHECK_FALSE(validate_jwt_service_role(k_anon_jwt, k_context));
    CHECK_FALSE(validate_jwt_service_role(k_jwt, k_context));
    std::string payload;
    REQUIRE(jwt_payload(k_anon_jwt, payload));
    CHECK(payload.find("\"role\":\"anon\"") != std::string::npos);
}

TEST_CASE("base64url_decode: standard and url-safe alphabets, padding, bad input") {
    std::string out;
    REQUIRE(base64url_decode("aGVsbG8=", out));
    CHECK(out == "hello");
    REQUIRE(base64url_decode("aGVsbG8", out));
    CHECK(out == "hello");
    REQUIRE(base64url_decode("-_8", out));
    CHECK(out == "\xfb\xff");
    CHECK_FALSE(base64url_decode("a b", out));
}

TEST_CASE("luhn: checksum over 12..19 digits, separators ignored") {
    CHECK(luhn_valid("4111111111111111"));
    CHECK_FALSE(luhn_valid("4111111111111112"));
    CHECK(validate_luhn("4111 1111 1111 1111", k_context));
    CHECK(validate_luhn("5500-0000-0000-0004", k_context));
    CHECK_FALSE(validate_luhn("4111 1111 1111 1112", k_context));
    CHECK_FALSE(validate_luhn("42", k_context));                     // too short
    CHECK_FALSE(validate_luhn("0000000000000000", k_context));       // one repeated digit
    CHECK_FALSE(validate_luhn("41111111111111111111", k_context));   // 20 digits
}

TEST_CASE("crc32_ieee: the standard check value") {
    CHECK(crc32_ieee("123456789") == 0xCBF43926u);
    CHECK(crc32_ieee("") == 0u);
}

TEST_CASE("token_checksum: GitHub and npm tokens carry a base62 CRC-32") {
    // Synthetic tokens generated with a valid checksum.
    CHECK(validate_token_checksum("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", k_context));
    CHECK(validate_token_checksum("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", k_context));
    CHECK(validate_token_checksum("ghs_pvQgeqsCdgVUOn42z1WX90DTfautSc4bSZO4", k_context));
    CHECK(validate_token_checksum("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", k_context));
    // One character changed, random bodies, malformed.
    CHECK_FALSE(validate_token_checksum("ghp_curpjXLsW732isNbnrY6UmxEDQwJYg0nmffR", k_context));
    CHECK_FALSE(validate_token_checksum("ghp_QcShtZdh7gffideOOl4vSTEaRMQ79jKx6Y0x", k_context));
    CHECK_FALSE(validate_token_checksum("npm_KpaUnArl63XykWZeiNNCiia3anXn9k3ksu9m", k_context));
    CHECK_FALSE(validate_token_checksum("ghp_short", k_context));
    CHECK_FALSE(validate_token_checksum("ghp_curpjXLsW732isNbnrY6UmxEDQwJYg0nmf/Q", k_context));
    CHECK_FALSE(validate_token_checksum("no-underscore", k_context));
}

TEST_CASE("base64_hex_key: base64 of a 32-hex key, with or without a trailing newline") {
    // base64("9944477bd20be388700dccd3c8b24933") and base64("66f78b71...dd32\n").
    CHECK(validate_base64_hex_key("OTk0NDQ3N2JkMjBiZTM4ODcwMGRjY2QzYzhiMjQ5MzM=", k_context));
    CHECK(validate_base64_hex_key("NjZmNzhiNzE2YWE3MzY5NjgzYzZjYWM1NWM0MWRkMzIK", k_context));
    // base64("your-api-key-here-your-api-key-h"), base64 of 32 zero digits, random bytes.
    CHECK_FALSE(validate_base64_hex_key("eW91ci1hcGkta2V5LWhlcmUteW91ci1hcGkta2V5LWg=", k_context));
    CHECK_FALSE(validate_base64_hex_key("MDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDA=", k_context));
    CHECK_FALSE(validate_base64_hex_key("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=", k_context));
}

TEST_CASE("real_password: defaults, placeholders and template references are not passwords") {
    CHECK(validate_real_password("Xk9m2QvL7tPz", k_context));
    CHECK(validate_real_password("hunter22", k_context));
    CHECK(validate_real_password("\"Xk9m2QvL7tPz\"", k_context));
    CHECK(validate_real_password("Xk9m%40QvL7tPz", k_context));
    CHECK(validate_real_password("password1234567", k_context));  // more than six digits: not a dressed-up word
    for (const char* p : {"password", "Postgres", "root", "guest", "changeme", "${DB_PASSWORD}", "$PGPASSWORD",
                          "%s", "%(password)s", "{password}", "<password>", "", "foo", "p@ssw0rd",
                          "\"PASSWORD\"", "'{password}'", "mypassword", "YourPassword1!", "password123", "p%40ss",
                          "p%40ssw0rd", "s3cret", "tiger", "Password1234!", "SuperSecret123", "TestPassword1"}) {
        CAPTURE(p);
        CHECK(is_default_password(p));
        CHECK_FALSE(validate_real_password(p, k_context));
    }
}

TEST_CASE("basic_auth_b64: base64 user:password with a real password") {
    CHECK(validate_basic_auth_b64("Y2ktYm90OlF4N3ZSMm1McDlUeg==", k_context));      // ci-bot:Qx7vR2mLp9Tz
    CHECK_FALSE(validate_basic_auth_b64("dXNlcjpwYXNzd29yZA==", k_context));       // user:password
    CHECK_FALSE(validate_basic_auth_b64("aGVsbG8gd29ybGQ=", k_context));           // hello world (no colon)
    CHECK_FALSE(validate_basic_auth_b64("OnNlY3JldDEyMw==", k_context));           // :secret123 (no user)
    CHECK_FALSE(validate_basic_auth_b64("not base64!", k_context));
}

TEST_CASE("generic_secret: credentials pass, identifiers, paths, URLs and labels do not") {
    for (const char* s : {"Zx81Qm4nT2vR9pLs6wKd0yHc", "Hq7#vR2!mLx9Tz", "base64:Zx81Qm4nT2vR9pLs",
                          "django-insecure-7k$w2@x9#q!m5z^p8v&n3b(r1t)"}) {
        CAPTURE(s);
        CHECK(validate_generic_secret(s, k_context));
    }
    for (const char* s : {"DJANGO_SECRET_KEY", "refresh_token", "passwordConfirmation", "Password:",
                          "https://oauth2.googleapis.com/token", "/etc/secrets/api-key", "./keys/dev.pem",
                          "service-account.json", "${TOKEN}", "your-api-key-here", "short1",
                          ")$))${extglobStar}", "prefix-{{ .Values.token }}", ">package-0.1.2.tar.gz",
                          "\\u65E0\\u6CD5\\u627E\\u5230\\u7528\\u4E8E%2\\u7684%1", "NN|ZZ|QQ|sqrt|dx|dy|alpha|beta"}) {
        CAPTURE(s);
        CHECK_FALSE(validate_generic_secret(s, k_context));
    }
}

TEST_CASE("standalone: a key must not continue into a file name, id or path") {
    auto check = [](std::string_view text, std::string_view match) { return run_at(validate_standalone, text, match); };
    const std::string_view key = "33a647dc29512e85e658d5cd34b8f298";
    CHECK(check("key=33a647dc29512e85e658d5cd34b8f298", key));                 // end of text
    CHECK(check("key=33a647dc29512e85e658d5cd34b8f298\n", key));
    CHECK(check("key=\"33a647dc29512e85e658d5cd34b8f298\",", key));
    CHECK(check("Your key is 33a647dc29512e85e658d5cd34b8f298. Keep it safe.", key));  // sentence end
    CHECK_FALSE(check("key=33a647dc29512e85e658d5cd34b8f298.wav", key));
    CHECK_FALSE(check("key=33a647dc29512e85e658d5cd34b8f298-v2", key));
    CHECK_FALSE(check("key=33a647dc29512e85e658d5cd34b8f298/chunk", key));
}

TEST_CASE("not_truncated: a key cut short with '...' or a closing '.' is an example") {
    auto check = [](std::string_view text, std::string_view match) { return run_at(validate_not_truncated, text, match); };
    const std::string_view body = "MIIEpQIBAAKCAQEAuyf/lNrH9ck8DmNyo3fGgvCI1l9s+cmBY3WIz+cUDqmxiieR";
    CHECK(check("MIIEpQIBAAKCAQEAuyf/lNrH9ck8DmNyo3fGgvCI1l9s+cmBY3WIz+cUDqmxiieR\nMIIB", body));
    CHECK(check("MIIEpQIBAAKCAQEAuyf/lNrH9ck8DmNyo3fGgvCI1l9s+cmBY3WIz+cUDqmxiieR", body));
    CHECK(check("MIIEpQIBAAKCAQEAuyf/lNrH9ck8DmNyo3fGgvCI1l9s+cmBY3WIz+cUDqmxiieR\\n", body));
    CHECK_FALSE(check("MIIEpQIBAAKCAQEAuyf/lNrH9ck8DmNyo3fGgvCI1l9s+cmBY3WIz+cUDqmxiieR. -----END", body));
    CHECK_FALSE(check("MIIEpQIBAAKCAQEAuyf/lNrH9ck8DmNyo3fGgvCI1l9s+cmBY3WIz+cUDqmxiieR...\n", body));
    CHECK_FALSE(check("MIIEpQIBAAKCAQEAuyf/lNrH9ck8DmNyo3fGgvCI1l9s+cmBY3WIz+cUDqmxiieR\xE2\x80\xA6", body));
}

TEST_CASE("registry: every credential validator is registered by name") {
    for (const char* name : {"not_placeholder", "hex_mixed", "jwt", "luhn", "token_checksum", "base64_hex_key",
                             "basic_auth_b64", "real_password", "generic_secret", "jwt_not_anon", "jwt_service_role",
                             "standalone", "not_truncated", "not_words", "hex_or_base64_hex_key", "used_with_assemblyai"}) {
        CAPTURE(name);
        CHECK(find_validator(name) != nullptr);
    }
    CHECK(find_validator("no_such_validator") == nullptr);
}

TEST_CASE("generic secrets: identifiers that are not credentials") {
    CHECK(looks_like_identifier_not_secret("abcd12f2-46da-4fdb-b8d5-fbd4c466928f"));
    CHECK(looks_like_identifier_not_secret("arn:aws:iam::012345678901:role/admin"));
    CHECK(looks_like_identifier_not_secret("StreamDescription.Shards[-1].ShardId"));
    CHECK(looks_like_identifier_not_secret("2016-09-08T21:47:36Z"));
    CHECK(looks_like_identifier_not_secret("RSA_4096"));
    CHECK(looks_like_identifier_not_secret("MGYZLAHX1T5a...."));
    CHECK_FALSE(looks_like_identifier_not_secret("Zx81Qm4nT2vR9pLs6wKd0yHc"));
    CHECK_FALSE(looks_like_identifier_not_secret("django-insecure-7k$w2@x9#q!m5z^p8v&n3b(r1t)"));
}

TEST_CASE("generic secrets: values starting with punctuation are symbols, not secrets") {
    ValidationContext ctx;
    CHECK_FALSE(validate_generic_secret("?NonExpressionParenEnd", ctx));
    CHECK_FALSE(validate_generic_secret(":memory:Zx81Qm4nT2vR9p", ctx));
    CHECK(validate_generic_secret("Zx81Qm4nT2vR9pLs6wKd0yHc", ctx));
}

TEST_CASE("is_placeholder: values spelled out of words that say test, mock, local or demo") {
    CHECK(is_placeholder("test_key_123"));
    CHECK(is_placeholder("mock-api-token"));
    CHECK(is_placeholder("local_dev_secret"));
    CHECK(is_placeholder("demo-key-1"));
    // Random values, or words without such a marker, are not.
    CHECK_FALSE(is_placeholder("test_9fK2xQ7vLmP3"));
    CHECK_FALSE(is_placeholder("prod_key_2024"));
    CHECK_FALSE(is_placeholder("sk_test_7rT2qW9xLp4mZk8vBn3cYd6f"));
    CHECK(is_placeholder("sk_test_4eC39HqLyjWDarjtT1zdp7dc"));  // Stripe's documentation key
}

TEST_CASE("generic_secret: an Algolia search-only key in its configuration block is public") {
    auto check = [](const std::string& text) {
        size_t begin = text.find("apiKey");
        size_t end = text.find('"', text.find('"', begin) + 1) + 1;
        ValidationContext ctx{text, begin, end};
        size_t value = text.find('"', begin) + 1;
        return validate_generic_secret(text.substr(value, 32), ctx);
    };
    // Docusaurus / DocSearch: the search key, public by design.
    CHECK_FALSE(check("themeConfig: {\n  algolia: {\n    appId: \"GDJAKD1TS7\",\n    apiKey: \"e93cd234c98d53f188d70fc3bbba9d37\",\n"));
    CHECK_FALSE(check("docsearch({ appId: 'X', indexName: 'docs',\n  apiKey: \"e93cd234c98d53f188d70fc3bbba9d37\" })"));
    // The same value with no Algolia around it, or named as the admin key, stays a secret.
    CHECK(check("payments: {\n  apiKey: \"e93cd234c98d53f188d70fc3bbba9d37\",\n"));
    CHECK(check("algolia: {\n  adminApiKey: \"e93cd234c98d53f188d70fc3bbba9d37\",\n"));
}

TEST_CASE("real_password: a URL password that repeats the user name is a development default") {
    auto check = [](const std::string& text, const std::string& password) {
        size_t at = text.find(":" + password + "@") + 1;
        ValidationContext ctx{text, 0, text.size()};
        return validate_real_password(std::string_view(text).substr(at, password.size()), ctx);
    };
    CHECK_FALSE(check("postgresql+asyncpg://voicemail:voicemail@localhost:5432/voicemail", "voicemail"));
    CHECK(check("postgresql+asyncpg://voicemail:Vq8xL2mZ7k@localhost:5432/voicemail", "Vq8xL2mZ7k"));
}

TEST_CASE("generic_secret: a browser analytics SDK's project key, named after it, is public") {
    auto check = [](const std::string& text) {
        size_t value = text.rfind('\'', text.size() - 3) + 1;  // the value's opening quote
        size_t begin = text.rfind('\n', value) == std::string::npos ? 0 : text.rfind('\n', value) + 1;
        ValidationContext ctx{text, begin, text.size()};
        return validate_generic_secret(std::string_view(text).substr(value, 32), ctx);
    };
    CHECK_FALSE(check("import mixpanel from 'mixpanel-browser';\nconst MIXPANEL_TOKEN = 'bd1113f895866c7b86e720a53da3e6f4';"));
    CHECK_FALSE(check("x\nconst AMPLITUDE_API_KEY = 'daa57980cbc8016b9c6b7e4b63066774';"));
    CHECK_FALSE(check("x\n  segmentWriteKey: 'daa57980cbc8016b9c6b7e4b63066774',"));
    // The service's secret side, or no SDK in the name: a secret.
    CHECK(check("x\nconst MIXPANEL_API_SECRET = 'bd1113f895866c7b86e720a53da3e6f4';"));
    CHECK(check("x\nconst AMPLITUDE_SECRET_KEY = 'daa57980cbc8016b9c6b7e4b63066774';"));
    CHECK(check("x\nconst LAUNCHDARKLY_SERVER_SDK_KEY = 'daa57980cbc8016b9c6b7e4b63066774';"));
    CHECK(check("mixpanel.init(token)\nconst API_TOKEN = 'daa57980cbc8016b9c6b7e4b63066774';"));
}
