// Unit tests for validate/pii_national_ids.cpp: national identity and tax numbers (ES, IT, BR, FR, DE, NL, PT, UK).
#include <catch2/catch.hpp>

#include "validate/pii_national_ids.h"

using namespace aaiscan;

// Valid values were computed independently from the official algorithms (a Python reference) or
// are published examples; the invalid ones change one thing each (and keep the check right where
// a structure rule is under test).

namespace {

// A context where `value` is the whole text (no words around it).
ValidationContext alone(std::string_view value) { return ValidationContext{value, 0, value.size(), "US"}; }

}  // namespace

TEST_CASE("national ids: separators are stripped and anything else is malformed") {
    CHECK(strip_id_separators("x-4823617-b") == "X4823617B");
    CHECK(strip_id_separators("318.475.926-19") == "31847592619");
    CHECK(strip_id_separators("2 87 05 75 112 048 81") == "287057511204881");
    CHECK(strip_id_separators("12/34 ab") == "1234AB");
    CHECK(strip_id_separators("1234,5678").empty());
    CHECK(strip_id_separators("12345678_Z").empty());
    CHECK(strip_id_separators("12345678\xC3\x91").empty());  // a non-ASCII letter
    CHECK(strip_id_separators("").empty());
    CHECK(strip_id_separators(std::string(60, '1')).empty());  // far longer than any id
}

TEST_CASE("national ids: Spanish DNI and NIE control letters") {
    CHECK(es_dni_valid("12345678Z"));
    CHECK(es_dni_valid("48213576X"));
    CHECK(es_dni_valid("70945231-Y"));
    CHECK(es_dni_valid("05839214 c"));
    CHECK(es_dni_valid("X1234567L"));
    CHECK(es_dni_valid("X-4823617-B"));
    CHECK(es_dni_valid("Y3819204E"));
    CHECK(es_dni_valid("z.6027315.d"));
    CHECK_FALSE(es_dni_valid("12345678A"));   // wrong letter
    CHECK_FALSE(es_dni_valid("X1234567M"));   // wrong letter
    CHECK_FALSE(es_dni_valid("1234567Z"));    // 7 digits
    CHECK_FALSE(es_dni_valid("123456789Z"));  // 9 digits
    CHECK_FALSE(es_dni_valid("00000000T"));   // right letter, one repeated digit
    CHECK_FALSE(es_dni_valid("11111111H"));
    CHECK_FALSE(es_dni_valid("X0000000T"));
    CHECK_FALSE(es_dni_valid("W1234567L"));   // no NIE prefix W
    CHECK_FALSE(es_dni_valid("123456789"));   // no letter
    CHECK_FALSE(es_dni_valid("12345678,Z"));  // not a separator
}

TEST_CASE("national ids: Italian codice fiscale layout, omocodia and check letter") {
    CHECK(it_codice_fiscale_valid("RSSMRA85T10A562S"));
    CHECK(it_codice_fiscale_valid("MRTMTT25D09F205Z"));
    CHECK(it_codice_fiscale_valid("VRDGPP80A01H501U"));
    CHECK(it_codice_fiscale_valid("BNCLRA92M48F205U"));  // a woman: day 08 + 40
    CHECK(it_codice_fiscale_valid("MNZLCU77E15L219T"));
    CHECK(it_codice_fiscale_valid("RSSMRA85T10A56NH"));  // omocodia: the last 2 written as N
    CHECK(it_codice_fiscale_valid("rssmra 85t10 a562s"));
    CHECK_FALSE(it_codice_fiscale_valid("RSSMRA85T10A562T"));   // wrong check letter
    CHECK_FALSE(it_codice_fiscale_valid("RSSMRA85T10A562"));    // 15 characters
    CHECK_FALSE(it_codice_fiscale_valid("RSSMRA85Z10A562B"));   // Z is no month letter (check right)
    CHECK_FALSE(it_codice_fiscale_valid("RSSMRA85T32A562Y"));   // day 32 (check right)
    CHECK_FALSE(it_codice_fiscale_valid("RSSMRA85T10A56XM"));   // X is no omocodia letter (check right)
    CHECK_FALSE(it_codice_fiscale_valid("RSS1RA85T10A562H"));   // a digit among the name letters
}

TEST_CASE("national ids: Brazilian CPF check digits") {
    CHECK(br_cpf_valid("529.982.247-25"));
    CHECK(br_cpf_valid("123.456.789-09"));
    CHECK(br_cpf_valid("98765432100"));
    CHECK(br_cpf_valid("047 382 916 96"));
    CHECK_FALSE(br_cpf_valid("529.982.247-24"));  // second check digit wrong
    CHECK_FALSE(br_cpf_valid("529.982.247-52"));  // check digits swapped
    CHECK_FALSE(br_cpf_valid("111.111.111-11"));  // passes mod 11, one repeated digit
    CHECK_FALSE(br_cpf_valid("000.000.000-00"));
    CHECK_FALSE(br_cpf_valid("5299822472"));      // 10 digits
    CHECK_FALSE(br_cpf_valid("529.982.247-2S"));  // a letter
}

TEST_CASE("national ids: French NIR key and Corsican departments") {
    CHECK(fr_nir_valid("2 95 10 99 126 111 93"));
    CHECK(fr_nir_valid("184037505612308"));
    CHECK(fr_nir_valid("2 92 01 69 123 045 92"));
    CHECK(fr_nir_valid("1 55 05 99 999 001 96"));
    CHECK(fr_nir_valid("253072B07300470"));  // 2B counts as 18
    CHECK(fr_nir_valid("2 53 07 2a 073 004 43"));  // 2A counts as 19
    CHECK_FALSE(fr_nir_valid("2 95 10 99 126 111 94"));  // wrong key
    CHECK_FALSE(fr_nir_valid("253072C07300443"));        // no department 2C
    CHECK_FALSE(fr_nir_valid("587057511204828"));        // sex digit 5 (key right)
    CHECK_FALSE(fr_nir_valid("287137511204815"));        // month 13 (key right)
    CHECK_FALSE(fr_nir_valid("2 95 10 99 126 111 9"));   // 14 characters
    CHECK_FALSE(fr_nir_valid("2951099126111930"));       // 16 characters
}

TEST_CASE("national ids: German Steuer-ID digit rule and ISO 7064 check digit") {
    CHECK(de_tax_id_valid("36 574 261 809"));
    CHECK(de_tax_id_valid("86095742719"));
    CHECK(de_tax_id_valid("29318564722"));
    CHECK(de_tax_id_valid("61815293747"));
    CHECK(de_tax_id_valid("51558392767"));  // one digit three times, not three in a row
    CHECK_FALSE(de_tax_id_valid("36574261890"));  // wrong check digit
    CHECK_FALSE(de_tax_id_valid("36554266806"));  // more than one digit repeated
    CHECK_FALSE(de_tax_id_valid("57281039466"));  // no repeated digit (check right)
    CHECK_FALSE(de_tax_id_valid("36462839171"));  // two digits repeated (check right)
    CHECK_FALSE(de_tax_id_valid("55581392764"));  // three in a row (check right)
    CHECK_FALSE(de_tax_id_valid("06574261809"));  // leading 0
    CHECK_FALSE(de_tax_id_valid("3657426180"));   // 10 digits
}

TEST_CASE("national ids: German Rentenversicherungsnummer check digit") {
    CHECK(de_pension_number_valid("65 170839 J 003"));
    CHECK(de_pension_number_valid("15070649C103"));
    CHECK(de_pension_number_valid("12 150385 k 056"));
    CHECK(de_pension_number_valid("65010190M521"));
    CHECK(de_pension_number_valid("04310758S013"));
    CHECK(de_pension_number_valid("12400385K055"));  // day raised by 32 when the serials ran out
    CHECK(de_pension_number_valid("12971085K058"));  // a 1st of the month raised by 96
    CHECK_FALSE(de_pension_number_valid("65 170839 J 004"));  // wrong check digit
    CHECK_FALSE(de_pension_number_valid("53231391L042"));     // month 13 (check right)
    CHECK_FALSE(de_pension_number_valid("65170839003"));      // no letter
    CHECK_FALSE(de_pension_number_valid("65170839J03"));      // 11 characters
    CHECK_FALSE(de_pension_number_valid("6517083JJ003"));     // letter in the birth date
}

TEST_CASE("national ids: Dutch BSN elfproef") {
    CHECK(nl_bsn_valid("111222333"));
    CHECK(nl_bsn_valid("123456782"));
    CHECK(nl_bsn_valid("8765.43.219"));
    CHECK(nl_bsn_valid("304 915 683"));
    CHECK(nl_bsn_valid("12345672"));  // 012345672 with the leading 0 dropped
    CHECK_FALSE(nl_bsn_valid("111222334"));   // fails the elfproef
    CHECK_FALSE(nl_bsn_valid("12345678"));    // 012345678 fails the elfproef
    CHECK_FALSE(nl_bsn_valid("000000000"));   // passes the elfproef, all zeros
    CHECK_FALSE(nl_bsn_valid("1112223333"));  // 10 digits
    CHECK_FALSE(nl_bsn_valid("1234567"));     // 7 digits
}

TEST_CASE("national ids: Portuguese NIF prefix and check digit") {
    CHECK(pt_nif_valid("123456789"));
    CHECK(pt_nif_valid("500 012 342"));
    CHECK(pt_nif_valid("987654322"));
    CHECK(pt_nif_valid("451234561"));  // 45: non-resident individual
    CHECK(pt_nif_valid("246-813-571"));
    CHECK_FALSE(pt_nif_valid("123456788"));  // wrong check digit
    CHECK_FALSE(pt_nif_valid("412345676"));  // prefix 41 (check right)
    CHECK_FALSE(pt_nif_valid("012345679"));  // leading 0 (check right)
    CHECK_FALSE(pt_nif_valid("12345678"));   // 8 digits
    CHECK_FALSE(pt_nif_valid("1234567890"));  // 10 digits
}

TEST_CASE("national ids: UK National Insurance number prefixes and suffix") {
    CHECK(uk_nino_valid("QQ123456C"));  // HMRC's documentation example, accepted on purpose
    CHECK(uk_nino_valid("QQ 12 34 56 C"));
    CHECK(uk_nino_valid("AB123456C"));
    CHECK(uk_nino_valid("jg 10 37 59 a"));
    CHECK(uk_nino_valid("OA-123456-D"));  // O is allowed first
    CHECK_FALSE(uk_nino_valid("QQ123456E"));  // suffix beyond D
    CHECK_FALSE(uk_nino_valid("AB123456"));   // no suffix
    CHECK_FALSE(uk_nino_valid("DA123456A"));  // D never first
    CHECK_FALSE(uk_nino_valid("AO123456A"));  // O never second
    CHECK_FALSE(uk_nino_valid("QA123456A"));  // Q never first (only QQ is let through)
    CHECK_FALSE(uk_nino_valid("GB123456A"));  // excluded prefix
    CHECK_FALSE(uk_nino_valid("ZZ123456A"));
    CHECK_FALSE(uk_nino_valid("AB12345C"));   // 5 digits
    CHECK_FALSE(uk_nino_valid("A1123456C"));  // digit in the prefix
}

TEST_CASE("national ids: the validator wrappers") {
    ValidationContext context = alone("x");
    CHECK(validate_national_id("12345678Z", context));
    CHECK(validate_national_id("RSSMRA85T10A562S", context));
    CHECK(validate_national_id("529.982.247-25", context));
    CHECK(validate_national_id("2 95 10 99 126 111 93", context));
    CHECK(validate_national_id("36 574 261 809", context));
    CHECK(validate_national_id("65 170839 J 003", context));
    CHECK(validate_national_id("111222333", context));
    CHECK(validate_national_id("123456789", context));
    CHECK(validate_national_id("QQ 12 34 56 C", context));
    CHECK_FALSE(validate_national_id("12345678A", context));
    CHECK_FALSE(validate_national_id("hello world", context));
    CHECK_FALSE(validate_national_id("", context));

    CHECK(validate_es_dni("X1234567L", context));
    CHECK_FALSE(validate_es_dni("111222333", context));
    CHECK(validate_it_codice_fiscale("RSSMRA85T10A562S", context));
    CHECK_FALSE(validate_it_codice_fiscale("12345678Z", context));
    CHECK(validate_br_cpf("529.982.247-25", context));
    CHECK_FALSE(validate_br_cpf("111222333", context));
    CHECK(validate_fr_nir("253072B07300470", context));
    CHECK_FALSE(validate_fr_nir("529.982.247-25", context));
    CHECK(validate_de_tax_id("86095742719", context));
    CHECK_FALSE(validate_de_tax_id("529.982.247-25", context));
    CHECK(validate_de_pension_number("15070649C103", context));
    CHECK_FALSE(validate_de_pension_number("86095742719", context));
    CHECK(validate_nl_bsn("111222333", context));
    CHECK_FALSE(validate_nl_bsn("123456789", context));  // a NIF, not a BSN
    CHECK(validate_pt_nif("123456789", context));
    CHECK_FALSE(validate_pt_nif("111222334", context));
    CHECK(validate_uk_nino("AB123456C", context));
    CHECK_FALSE(validate_uk_nino("12345678Z", context));
}

TEST_CASE("national ids: values from the transcript corpus") {
    CHECK(es_dni_valid("47382915V"));
    CHECK(es_dni_valid("53920174-D"));
    CHECK(es_dni_valid("20817463W"));
    CHECK(es_dni_valid("31572096L"));
    CHECK(es_dni_valid("X4823617 B"));
    CHECK(de_tax_id_valid("47 318 259 633"));
    CHECK(de_pension_number_valid("53 230791 L 049"));
    CHECK(fr_nir_valid("2 87 05 75 112 048 81"));
    CHECK(pt_nif_valid("258 163 470"));
    CHECK(br_cpf_valid("318.475.926-19"));
    CHECK(br_cpf_valid("402.917.538-41"));
    CHECK(it_codice_fiscale_valid("BNCGLI82C55H501W"));
    CHECK(nl_bsn_valid("235191747"));
    CHECK(nl_bsn_valid("182649350"));
    CHECK(uk_nino_valid("QQ 40 21 87 B"));
}
