// Unit tests for validate/pii_numbers.cpp and the shared helpers of pii_checks.cpp: card numbers,
// SSNs, routing numbers, IBANs, NPIs, VINs, Medicare ids, cue-read identifiers, spoken digits,
// redaction marks and reference-number contexts.
#include <catch2/catch.hpp>

#include "validate/pii_checks.h"

using namespace aaiscan;

namespace {

// A context where `value` is the whole text (no words around it).
ValidationContext alone(std::string_view value) { return ValidationContext{value, 0, value.size(), "US"}; }

// Runs `fn` on the `value` inside `text` (the secret is a view into the text, as in a scan).
template <typename Fn>
bool in_text(Fn fn, std::string_view text, std::string_view value) {
    size_t at = text.find(value);
    REQUIRE(at != std::string_view::npos);
    ValidationContext context{text, at, at + value.size(), "US"};
    return fn(text.substr(at, value.size()), context);
}

}  // namespace

TEST_CASE("pii numbers: spoken and written digits") {
    std::string d;
    CHECK(extract_digits("(312) 555-0147", d));
    CHECK(d == "3125550147");
    CHECK(extract_digits("three one two, five five five, oh one four seven", d));
    CHECK(d == "3125550147");
    CHECK(extract_digits("double five triple nine", d));
    CHECK(d == "55999");
    CHECK_FALSE(extract_digits("call me maybe", d));
    CHECK_FALSE(extract_digits("12ab", d));
}

TEST_CASE("pii numbers: redaction marks are never values") {
    CHECK(is_redaction_mark("[PERSON_NAME]"));
    CHECK(is_redaction_mark("[US_SOCIAL_SECURITY_NUMBER],"));
    CHECK(is_redaction_mark("####"));
    CHECK(is_redaction_mark("###-##-####."));
    CHECK(is_redaction_mark("(###) ###-####"));
    CHECK_FALSE(is_redaction_mark("[note]"));
    CHECK_FALSE(is_redaction_mark("#1"));
    CHECK_FALSE(is_redaction_mark("Dana"));
}

TEST_CASE("pii numbers: payment cards need Luhn and a known issuer range of the right length") {
    CHECK(validate_credit_card("4111 1111 1111 1111", alone("4111 1111 1111 1111")));
    CHECK(validate_credit_card("5500-0000-0000-0004", alone("5500-0000-0000-0004")));
    CHECK(validate_credit_card("3782 822463 10005", alone("3782 822463 10005")));       // Amex, 15
    CHECK(validate_credit_card("6011000990139424", alone("6011000990139424")));         // Discover
    CHECK(validate_credit_card("2221000000000009", alone("2221000000000009")));         // Mastercard 2-series
    CHECK_FALSE(validate_credit_card("4111 1111 1111 1112", alone("4111 1111 1111 1112")));  // Luhn
    CHECK_FALSE(validate_credit_card("1234567812345670", alone("1234567812345670")));         // no issuer
    CHECK_FALSE(validate_credit_card("3782822463100050", alone("3782822463100050")));  // Amex is 15 digits
    CHECK_FALSE(card_issuer_known("411111111111111"));  // Visa has no 15-digit numbers
    CHECK(in_text(validate_credit_card, "my card is 4111 1111 1111 1111.", "4111 1111 1111 1111"));
    CHECK_FALSE(in_text(validate_credit_card, "the tracking number is 4111 1111 1111 1111", "4111 1111 1111 1111"));
}

TEST_CASE("pii numbers: SSN area, group and serial rules") {
    CHECK(ssn_structure_valid("512384721"));
    CHECK(ssn_structure_valid("899991234"));
    CHECK_FALSE(ssn_structure_valid("000123456"));
    CHECK_FALSE(ssn_structure_valid("666123456"));
    CHECK_FALSE(ssn_structure_valid("900123456"));
    CHECK_FALSE(ssn_structure_valid("512004721"));
    CHECK_FALSE(ssn_structure_valid("512380000"));
    CHECK_FALSE(ssn_structure_valid("51238472"));
    CHECK(validate_ssn("five one two three eight four seven two one", alone("x")));
    CHECK_FALSE(in_text(validate_ssn, "The invoice number is 512-38-4721.", "512-38-4721"));
    CHECK_FALSE(in_text(validate_ssn, "for your account manager is ticket 512-38-4720", "512-38-4720"));
    CHECK(in_text(validate_ssn, "my reservation, and my social is 512-38-4721", "512-38-4721"));
}

TEST_CASE("pii numbers: reference cues are the words right before the value") {
    auto veto = [](std::string_view text, std::string_view value) {
        size_t at = text.find(value);
        ValidationContext context{text, at, at + value.size(), "US"};
        return has_reference_cue_before(context, text.substr(at, value.size()));
    };
    CHECK(veto("your order number is 4815162342", "4815162342"));
    CHECK(veto("case # 4815162342", "4815162342"));
    CHECK(veto("order no. 4815162342", "4815162342"));
    CHECK(veto("it was $1249", "1249"));
    CHECK_FALSE(veto("about my reservation my number is 3125550147", "3125550147"));
    CHECK_FALSE(veto("I placed an order. My number is 3125550147", "3125550147"));
    CHECK_FALSE(veto("call me at 3125550147", "3125550147"));
}

TEST_CASE("pii numbers: ABA routing checksum and Federal Reserve prefix") {
    CHECK(aba_checksum_valid("021000021"));
    CHECK(aba_checksum_valid("011000015"));
    CHECK(aba_checksum_valid("121000358"));
    CHECK_FALSE(aba_checksum_valid("021000022"));
    CHECK_FALSE(aba_checksum_valid("000000000"));
    CHECK_FALSE(aba_checksum_valid("991000021"));
    CHECK(validate_aba_routing("021 000 021", alone("021 000 021")));
}

TEST_CASE("pii numbers: IBAN length per country and mod-97") {
    CHECK(iban_valid("GB82 WEST 1234 5698 7654 32"));
    CHECK(iban_valid("gb82west12345698765432"));
    CHECK(iban_valid("DE89370400440532013000"));
    CHECK_FALSE(iban_valid("GB82 WEST 1234 5698 7654 33"));
    CHECK_FALSE(iban_valid("DE8937040044053201300"));  // one digit short
    CHECK_FALSE(iban_valid("ZZ82WEST12345698765432"));
}

TEST_CASE("pii numbers: NPI, VIN and Medicare identifiers") {
    CHECK(validate_npi("1234567893", alone("1234567893")));
    CHECK_FALSE(validate_npi("1234567890", alone("1234567890")));
    CHECK_FALSE(validate_npi("3234567893", alone("3234567893")));
    CHECK(validate_vin("1HGCM82633A004352", alone("1HGCM82633A004352")));
    CHECK(validate_vin("1M8GDM9AXKP042788", alone("1M8GDM9AXKP042788")));
    CHECK_FALSE(validate_vin("1HGCM82633A004353", alone("1HGCM82633A004353")));
    CHECK_FALSE(validate_vin("3f9a2c7e1b4d8a6f0", alone("3f9a2c7e1b4d8a6f0")));  // hex id
    CHECK(validate_mbi("1EG4-TE5-MK73", alone("1EG4-TE5-MK73")));
    CHECK_FALSE(validate_mbi("1EG4-TE5-MK7", alone("1EG4-TE5-MK7")));
    CHECK_FALSE(validate_mbi("1SG4TE5MK73", alone("1SG4TE5MK73")));  // S is never used
}

TEST_CASE("pii numbers: identifiers read out after a cue") {
    CHECK(validate_id_number("D123-4567-8901", alone("D123-4567-8901")));
    CHECK(validate_id_number("XHK 4471 9023", alone("XHK 4471 9023")));
    CHECK(validate_id_number("548219037", alone("548219037")));
    CHECK_FALSE(validate_id_number("1234", alone("1234")));
    CHECK_FALSE(validate_id_number("########", alone("########")));
    CHECK_FALSE(validate_id_number("AB12", alone("AB12")));
    CHECK_FALSE(validate_id_number("11111111", alone("11111111")));
    CHECK(validate_bank_account("4402 7719 35", alone("4402 7719 35")));
    CHECK_FALSE(validate_bank_account("123", alone("123")));
    CHECK(validate_card_cvv("482", alone("482")));
    CHECK_FALSE(validate_card_cvv("48", alone("48")));
    CHECK(validate_license_plate("7ABC123", alone("7ABC123")));
    CHECK_FALSE(validate_license_plate("ABCDEFG", alone("ABCDEFG")));
}
