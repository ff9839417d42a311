// Validators for credentials: placeholders, hex shape, JWT structure, Luhn, token checksums,
// base64-wrapped keys and passwords, and the plausibility filter of the generic rules.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "validate/validators.h"

namespace aaiscan {

// The credential validators, for the registry in validators.cpp.
const std::vector<ValidatorEntry>& secret_validators();

// Rejects obvious placeholders: "your-api-key-here", "<KEY>", "${VAR}", "xxxx...", "0000...",
// "1234567890abcdef...", repeated short cycles, words like example/dummy/changeme.
bool is_placeholder(std::string_view secret);
bool validate_not_placeholder(std::string_view secret, const ValidationContext&);
// Hex keys from a CSPRNG mix digits and letters; all-digit or all-letter "hex" is a word or id.
bool validate_hex_mixed(std::string_view secret, const ValidationContext&);
// A JWT: three base64url parts whose header decodes to JSON with "alg".
bool validate_jwt(std::string_view secret, const ValidationContext&);
// False when the match is directly followed by '.', '-' or '/' and an alphanumeric character:
// "<hex>.wav", "<hex>-v2", "<hex>/chunk" are file names, ids or paths, not keys. Uses context.
bool validate_standalone(std::string_view secret, const ValidationContext& context);
// False when the match is followed by "...", "…" or a closing '.': documentation shows a key cut
// short ("MIIEpQIBAAKCAQEAuyf/lNrH9ck8. -----END RSA PRIVATE KEY-----"). Uses context.
bool validate_not_truncated(std::string_view secret, const ValidationContext& context);
// False for values built of words (validate/word_shape.h): a type or constant name that happens
// to have a key's length ("SandboxesSandboxAwsMountStaticAuthConfig" is 40 letters).
bool validate_not_words(std::string_view secret, const ValidationContext&);
// Decodes the payload (second part) of a JWT-shaped string; false when it is not base64url.
bool jwt_payload(std::string_view secret, std::string& payload);
// Rejects JWTs whose payload says "role": "anon" (Supabase anon keys are public by design).
bool validate_jwt_not_anon(std::string_view secret, const ValidationContext&);
// A valid JWT whose payload says "role": "service_role" (a Supabase key that bypasses row-level security).
bool validate_jwt_service_role(std::string_view secret, const ValidationContext&);
// Luhn checksum over the digits (separators ignored), 12..19 digits.
bool validate_luhn(std::string_view secret, const ValidationContext&);
bool luhn_valid(std::string_view digits);
// True for values shaped like identifiers rather than credentials: UUIDs, ARNs, JSON paths and
// expressions, truncated examples, ISO dates, UPPER_CASE constants.
bool looks_like_identifier_not_secret(std::string_view value);
// Base64url-decodes `input`; returns false on invalid characters.
bool base64url_decode(std::string_view input, std::string& out);
// CRC-32 (IEEE 802.3, the zlib polynomial) of `data`.
uint32_t crc32_ieee(std::string_view data);
// GitHub (ghp_/gho_/ghu_/ghs_) and npm (npm_) tokens end in six base62 digits (0-9A-Za-z) holding
// the CRC-32 of the characters between the last '_' and them. True when they agree.
bool validate_token_checksum(std::string_view secret, const ValidationContext&);
// Standard or url-safe base64 of a 32-character lowercase hex key (a trailing newline, as
// `echo KEY | base64` adds, is allowed), e.g. a Kubernetes Secret `data:` value.
bool validate_base64_hex_key(std::string_view secret, const ValidationContext&);
// base64_hex_key, or the 32-hex key itself (mixed digits and letters, not a placeholder).
bool validate_hex_or_base64_hex_key(std::string_view secret, const ValidationContext&);
// True for passwords that are not secrets: placeholders, template references ($VAR, ${VAR}, %s,
// {name}, <password>) and well-known defaults (password, postgres, root, guest, ...).
bool is_default_password(std::string_view password);
bool validate_real_password(std::string_view secret, const ValidationContext&);
// Base64 of printable "user:password" whose password is not a default (HTTP Basic, .npmrc
// _auth, Docker config auths).
bool validate_basic_auth_b64(std::string_view secret, const ValidationContext&);
// The generic-assignment filter: rejects placeholders, URLs, paths, file names, template
// references and interpolations (${x}, {{x}}, #{x}), and identifiers/words (no digits and no
// punctuation; short values must mix letters and digits).
bool validate_generic_secret(std::string_view secret, const ValidationContext&);

}  // namespace aaiscan
