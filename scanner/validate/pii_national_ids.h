// Check digits and layout of European, UK and Brazilian national identity and tax numbers read out in transcripts.
#pragma once

#include <string>
#include <string_view>

#include "validate/validators.h"

namespace aaiscan {

// Every function below takes a value as a transcriber writes it: letters (either case) and digits,
// possibly separated by spaces, '-', '.' or '/'. Anything else makes the value malformed: the
// functions return false and never throw.

// The letters and digits of `value`, upper-cased, with the separators (space - . /) removed; an
// empty string when `value` holds any other character or is longer than a spoken identifier.
std::string strip_id_separators(std::string_view value);

// Spanish DNI (8 digits + control letter) and NIE (X/Y/Z + 7 digits + letter); the letter is
// "TRWAGMYFPDXBNJZSQVHLCKE"[number mod 23], with X/Y/Z read as 0/1/2. One repeated digit is rejected.
bool es_dni_valid(std::string_view value);
// Italian codice fiscale: 16 characters LLLLLL DD L DD L DDD L (omocodia letters allowed in the
// digit positions), a month letter, a day 1..31 (men) or 41..71 (women) and the odd/even check letter.
bool it_codice_fiscale_valid(std::string_view value);
// Brazilian CPF: 11 digits with two mod-11 check digits; one repeated digit is rejected.
bool br_cpf_valid(std::string_view value);
// French NIR (numéro de sécurité sociale): 13 characters (Corsican departments 2A/2B allowed) and
// the 2-digit key 97 - (number mod 97); sex digit 1,2,3,4,7,8 and a plausible month.
bool fr_nir_valid(std::string_view value);
// German Steuerliche Identifikationsnummer: 11 digits, no leading 0, one digit twice or three
// times in the first 10, ISO 7064 MOD 11,10 check digit.
bool de_tax_id_valid(std::string_view value);
// German Rentenversicherungsnummer (Sozialversicherungsnummer): area, DDMMYY, the birth name's
// initial, serial and a check digit over weights 2,1,2,5,7,1,2,1,2,1,2,1.
bool de_pension_number_valid(std::string_view value);
// Dutch BSN: 9 digits (8 with a leading 0 dropped), elfproef with weights 9..2 and -1; not zero.
bool nl_bsn_valid(std::string_view value);
// Portuguese NIF: 9 digits, a first digit of an issued range, mod-11 check digit over weights 9..2.
bool pt_nif_valid(std::string_view value);
// UK National Insurance number: 2 prefix letters, 6 digits, suffix A-D; HMRC's excluded letters
// and prefixes are rejected, but the documentation example prefix QQ is accepted.
bool uk_nino_valid(std::string_view value);

// Validator wrappers for the registry (the context is not used): any national id, then one per country.
bool validate_national_id(std::string_view secret, const ValidationContext& context);
bool validate_es_dni(std::string_view secret, const ValidationContext& context);
bool validate_it_codice_fiscale(std::string_view secret, const ValidationContext& context);
bool validate_br_cpf(std::string_view secret, const ValidationContext& context);
bool validate_fr_nir(std::string_view secret, const ValidationContext& context);
bool validate_de_tax_id(std::string_view secret, const ValidationContext& context);
bool validate_de_pension_number(std::string_view secret, const ValidationContext& context);
bool validate_nl_bsn(std::string_view secret, const ValidationContext& context);
bool validate_pt_nif(std::string_view secret, const ValidationContext& context);
bool validate_uk_nino(std::string_view secret, const ValidationContext& context);

}  // namespace aaiscan
