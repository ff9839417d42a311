// Unit tests for app/redact_substitute.cpp: AssemblyAI's hash and entity_name substitutions.
#include <catch2/catch.hpp>

#include "app/redact_substitute.h"
#include "validate/pii_checks.h"

using namespace aaiscan;

TEST_CASE("hash: one '#' per character, spaces and separators kept", "[redact][substitute]") {
    CHECK(substitute("Dana Whitfield", "person_name", Substitution::hash) == "#### #########");
    CHECK(substitute("(312) 555-0147", "phone_number", Substitution::hash) == "(###) ###-####");
    CHECK(substitute("dana.whitfield@example.com", "email_address", Substitution::hash) == "####.#########@#######.###");
    CHECK(substitute("08/27", "credit_card_expiration", Substitution::hash) == "##/##");
    // Other punctuation is hashed too, so the result always reads as a redaction mark.
    CHECK(substitute("March 3rd, 1985", "date_of_birth", Substitution::hash) == "##### #### ####");
    // One '#' per code point, not per byte.
    CHECK(substitute("Ren\xC3\xA9" "e", "person_name", Substitution::hash) == "#####");
    for (const char* value : {"Dana Whitfield", "(312) 555-0147", "March 3rd, 1985", "a+b@c.io", "O'Brien"}) {
        CHECK(is_redaction_mark(substitute(value, "person_name", Substitution::hash)));
    }
}

TEST_CASE("entity_name: [POLICY_NAME] for any piece with a letter or digit", "[redact][substitute]") {
    CHECK(substitute("Dana Whitfield", "person_name", Substitution::entity_name) == "[PERSON_NAME]");
    CHECK(substitute("dana@example.com", "email_address", Substitution::entity_name) == "[EMAIL_ADDRESS]");
    CHECK(substitute("\xC3\xA9", "person_name", Substitution::entity_name) == "[PERSON_NAME]");
    CHECK(substitute(" ", "person_name", Substitution::entity_name) == " ");
    CHECK(entity_name_token("us_social_security_number") == "[US_SOCIAL_SECURITY_NUMBER]");
    CHECK(to_string(Substitution::hash) == "hash");
    CHECK(to_string(Substitution::entity_name) == "entity_name");
}
