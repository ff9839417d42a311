// Tells values built from words (identifiers, header names, enum values) from values drawn at
// random (credentials). The generic secret rules see both after a secret-sounding name:
// `TOKEN_METHOD = 'exchangeRecaptchaV3Token'` is a name, `API_TOKEN = 'Zx81Qm4nT2vR9pLs'` a key.
#pragma once

#include <string_view>

namespace aaiscan {

// True when `value` is made of pronounceable words joined the way code names things: camelCase,
// PascalCase, kebab-case, snake_case, dotted or '#'/':'/'|'/',' separated, with at most two digits
// ("x-aws-ec2-metadata-token", "identitytoolkit#ResetPasswordResponse", "HTTPServerError").
// Random strings fail it: their letter runs are short, vowel-poor, or broken by many digits.
bool looks_like_words(std::string_view value);

// True for lower-case values typed by running fingers along the home row ("sdf0o9823sjdfsdf",
// "lsdajfh923874", "askfjh234as9sd8"), as documentation fills in tokens: seven or more letters,
// all but one of them (from ten letters on: three quarters) from a s d f g h j k l. Uniform
// random letters give 35%; the unit tests bound how often random tokens pass.
bool looks_like_keyboard_mash(std::string_view value);

}  // namespace aaiscan
