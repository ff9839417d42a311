// AssemblyAI's substitution for redacted text: `hash` turns every character into one '#' but
// keeps spaces and the separators - . / ( ) @ + ("(312) 555-0147" -> "(###) ###-####");
// `entity_name` replaces the whole piece by "[POLICY_NAME]".
#pragma once

#include <string>
#include <string_view>

#include "app/redact_options.h"

namespace aaiscan {

// The replacement of `piece` (decoded text) of PII of `policy`. An entity_name piece with no
// letter or digit (only the space between two words of a span split across fields) is kept.
std::string substitute(std::string_view piece, std::string_view policy, Substitution substitution);

// "[EMAIL_ADDRESS]" for "email_address".
std::string entity_name_token(std::string_view policy);

}  // namespace aaiscan
