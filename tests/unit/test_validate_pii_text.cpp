// Unit tests for validate/pii_text.cpp: passwords/PINs and usernames (names: test_validate_pii_names.cpp).
#include <catch2/catch.hpp>

#include "validate/pii_checks.h"
#include "validate/validators.h"

using namespace aaiscan;

namespace {

ValidationContext none() { return ValidationContext{"", 0, 0, "US"}; }

}  // namespace

TEST_CASE("pii text: passwords and usernames, not filler words") {
    CHECK(validate_password("bluebird42", none()));
    CHECK(validate_password("Harbor-Lantern-58", none()));
    CHECK(validate_password("4821", none()));
    CHECK_FALSE(validate_password("the", none()));
    CHECK_FALSE(validate_password("expired.", none()));
    CHECK_FALSE(validate_password("********", none()));
    CHECK_FALSE(validate_password("########", none()));
    CHECK(validate_username("dwhitfield84", none()));
    CHECK_FALSE(validate_username("same", none()));
    CHECK_FALSE(validate_username("[USERNAME]", none()));
}

TEST_CASE("pii text: every PII validator is registered under its rule name") {
    for (const char* name : {"credit_card", "ssn", "aba_routing", "iban", "npi", "vin", "mbi", "id_number", "bank_account",
                             "card_cvv", "license_plate", "phone", "email", "ipv4", "ipv6", "url", "birth_date",
                             "card_expiry", "person_name", "person_name_answer", "person_name_given",
                             "person_name_spelled", "person_name_lowercase", "password", "username", "not_redacted"}) {
        INFO(name);
        CHECK(find_validator(name) != nullptr);
    }
}
