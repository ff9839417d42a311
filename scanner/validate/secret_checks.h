// Validators for credentials: placeholders, hex shape, JWT structure, Luhn.
#pragma once

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
// Luhn checksum over the digits (separators ignored), 12..19 digits.
bool validate_luhn(std::string_view secret, const ValidationContext&);
bool luhn_valid(std::string_view digits);
// Base64url-decodes `input`; returns false on invalid characters.
bool base64url_decode(std::string_view input, std::string& out);

}  // namespace aaiscan
