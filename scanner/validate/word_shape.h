// Tells values built from words (identifiers, header names, enum values) from values drawn at
// random (credentials). The generic secret rules see both after a secret-sounding name:
// `TOKEN_METHOD = 'exchangeRecaptchaV3Token'` is a name, `API_TOKEN = 'Zx81Qm4nT2vR9pLs'` a key.
#pragma once

#include <string_view>

namespace aaiscan {

// True when `value` is made of pronounceable words joined the way code names things: camelCase,
// PascalCase, kebab-case, snake_case, dotted or '#'/':' separated, with at most two digits
// ("x-aws-ec2-metadata-token", "identitytoolkit#ResetPasswordResponse", "HTTPServerError").
// Random strings fail it: their letter runs are short, vowel-poor, or broken by many digits.
bool looks_like_words(std::string_view value);

}  // namespace aaiscan
