// Validators for personal data in transcripts: structure and checksums of the values AssemblyAI's
// redact_pii policies cover (SSN, IBAN, ABA routing, NPI, VIN, phone numbers, IPs, dates...).
// Families live in pii_numbers.cpp, pii_phone.cpp, pii_network.cpp, pii_dates.cpp,
// pii_names.cpp and pii_text.cpp; this header is their one public face and pii_checks.cpp holds the registry.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "validate/validators.h"

namespace aaiscan {

// The PII validators, for the registry in validators.cpp.
const std::vector<ValidatorEntry>& pii_validators();

// ---- shared helpers -------------------------------------------------------------------------

// True for AssemblyAI redaction marks: "[PERSON_NAME]"-style tokens and runs of '#' (with the
// separators AssemblyAI keeps, e.g. "###-##-####"). Redaction marks are never PII.
bool is_redaction_mark(std::string_view value);

// The digits of a number as a transcriber writes it: digits with separators (space - . , ( ) + /)
// or spoken digit words ("five five five", "oh", "double two", "triple nine"). Returns false
// (and leaves `digits` undefined) when anything else occurs.
bool extract_digits(std::string_view value, std::string& digits);

// True when the words just before `secret` (a view into context.text; same clause, ~28 bytes)
// say the number is something other than PII: an order, invoice, tracking, ticket, case,
// confirmation or reference number, a price, a model or serial number, a version.
bool has_reference_cue_before(const ValidationContext& context, std::string_view secret);

// The up to `reach` bytes before the match, lower-cased: where the cue words of a value are looked for.
std::string lowered_text_before(const ValidationContext& context, size_t reach);
// True when one of `cues` occurs in lowered_text_before(context, reach).
bool any_cue_before(const ValidationContext& context, size_t reach, std::initializer_list<std::string_view> cues);

// ---- numbers (pii_numbers.cpp) ---------------------------------------------------------------

// Card numbers: 13..19 digits, Luhn, and an issuer range of the right length (Visa, Mastercard,
// Amex, Discover, JCB, Diners, UnionPay, Maestro, Mir). Rejects reference-number contexts.
bool validate_credit_card(std::string_view secret, const ValidationContext& context);
bool card_issuer_known(std::string_view digits);
// US SSN: 9 digits, area not 000/666/9xx, group not 00, serial not 0000.
bool validate_ssn(std::string_view secret, const ValidationContext& context);
bool ssn_structure_valid(std::string_view digits);
// US ABA routing number: 9 digits, a Federal Reserve prefix and the 3-7-1 checksum.
bool validate_aba_routing(std::string_view secret, const ValidationContext& context);
bool aba_checksum_valid(std::string_view digits);
// IBAN: the country's length and the ISO 13616 mod-97 check (spaces and case ignored).
bool validate_iban(std::string_view secret, const ValidationContext& context);
bool iban_valid(std::string_view iban);
// US National Provider Identifier: 10 digits starting with 1 or 2, Luhn over "80840" + digits.
bool validate_npi(std::string_view secret, const ValidationContext& context);
// Vehicle identification number: 17 characters without I/O/Q and the ISO 3779 check digit.
bool validate_vin(std::string_view secret, const ValidationContext& context);
// Medicare Beneficiary Identifier: the 11-character CMS layout (dashes ignored).
bool validate_mbi(std::string_view secret, const ValidationContext& context);
// An identifier read out after a cue (licence, passport, account, member id): 4..24 characters
// once separators are gone, at least 3 digits (or 6 for pure digits), not a redaction mark, not
// one repeated character.
bool validate_id_number(std::string_view secret, const ValidationContext& context);
// validate_id_number, and health words (insurance, pharmacy, copay, Medicare...) within ~400 bytes
// before the match: a member or subscriber id of a health plan rather than a customer account.
bool validate_health_member_id(std::string_view secret, const ValidationContext& context);
// A bank account number after a cue: 4..17 digits.
bool validate_bank_account(std::string_view secret, const ValidationContext& context);
// A number the transcriber left as words or digits (3..4 digits) after a CVV cue.
bool validate_card_cvv(std::string_view secret, const ValidationContext& context);
// A licence plate after a cue: 2..8 letters and digits with at least one digit.
bool validate_license_plate(std::string_view secret, const ValidationContext& context);

// ---- phone numbers (pii_phone.cpp) -------------------------------------------------------------

// A phone number by libphonenumber in the context's default region: a valid number, or a possible
// one written the way phone numbers are written (NANP groups, a + prefix). Rejects reference
// number contexts. Spoken digits ("five five five ...") are converted first.
bool validate_phone(std::string_view secret, const ValidationContext& context);
// A North American number's 10 digits (area code first) name a toll-free or premium-rate line:
// libphonenumber's business-service verdict for them (area code and exchange starting 2-9),
// without it.
bool nanp_business_service(std::string_view ten_digits);
// A number of 8..12 digits in a European or Brazilian grouping after a phone cue in one of seven
// languages: valid (an assigned range) in the configured region or in Spain, Portugal, Italy,
// Brazil, Mexico, the Netherlands, Germany, France or the UK.
bool validate_phone_cued(std::string_view secret, const ValidationContext& context);
// A national number with a trunk prefix ("07700 900461", "020 7946 0018", "0412 345 678") said
// after a phone cue: possible in the configured region or in a region that dials a leading 0.
bool validate_phone_national(std::string_view secret, const ValidationContext& context);

// ---- network (pii_network.cpp) -----------------------------------------------------------------

// An email address: local part and domain labels well formed, an alphabetic TLD.
bool validate_email(std::string_view secret, const ValidationContext& context);
// IPv4 dotted quad (no leading zeros, each octet <= 255), not after a version cue.
bool validate_ipv4(std::string_view secret, const ValidationContext& context);
// IPv6 as inet_pton parses it.
bool validate_ipv6(std::string_view secret, const ValidationContext& context);
// A web address: a scheme or www., or a host under a known TLD; not an email's domain.
bool validate_url(std::string_view secret, const ValidationContext& context);

// ---- dates (pii_dates.cpp) ---------------------------------------------------------------------

struct CalendarDate {
    int year = 0;   // 0 when the text has no year
    int month = 0;  // 1..12
    int day = 0;    // 0 when the text has no day
};
// Parses "March 3rd, 1985", "3 March 1985", "the 3rd of March 1985", "03/14/1985", "3-14-85",
// "1985-03-14", "14.03.1985", "March 1985", "03/27" ... Two numbers alone are month/day, or
// month/year when `two_numbers_are_month_year`. Returns false for text that is not a date or not
// a real calendar date (Feb 30, month 13, Feb 29 of a common year).
bool parse_calendar_date(std::string_view text, CalendarDate& date, bool two_numbers_are_month_year = false);
// A real calendar date with a day and month (a year, when given, within 1900..2030).
bool validate_birth_date(std::string_view secret, const ValidationContext& context);
// A card expiry: month and year (MM/YY, MM/YYYY, "March 2027"), year 2000..2099.
bool validate_card_expiry(std::string_view secret, const ValidationContext& context);

// ---- names (pii_names.cpp) ---------------------------------------------------------------------

// A person's name after a cue: capitalised words, none of them a common capitalised non-name
// (sentence words, weekdays, months, nationalities, company words, titles alone).
bool validate_person_name(std::string_view secret, const ValidationContext& context);
// validate_person_name for a name given as an answer: after a question mark it may be followed by
// a comma ("Patricia Nguyen, May 30th"); after a full stop it must end the sentence itself.
bool validate_person_name_answer(std::string_view secret, const ValidationContext& context);
// validate_person_name for a common given name found without a cue (optionally with a surname):
// not part of a place or brand ("San Diego", "St. Louis", "Air Jordan", "Elizabeth Street"), not
// inside an email address, URL or identifier.
bool validate_person_name_given(std::string_view secret, const ValidationContext& context);
// validate_person_name for a name after a relation or role word, which must follow a possessive
// or article ("my husband, Terrence", "our adjuster Dana", "the new hire, Priya").
bool validate_person_name_role(std::string_view secret, const ValidationContext& context);
// validate_person_name for a name followed by its spelling ("Okonkwo. That's O-K-O-N-K-W-O"): the
// letters at the end of the match spell the name's first or last word ("W-H-I-T..." may stop short).
bool validate_person_name_spelled(std::string_view secret, const ValidationContext& context);
// The letters spelled out after a name ("Ramanathan is R-A-M-A-N-A-T-H-A-N"): they spell one of the
// capitalised words before them, and that word could be a name.
bool validate_person_name_spelling(std::string_view secret, const ValidationContext& context);
// A lower-case name in a transcript without formatting ("it's under whitfield"): one lower-case
// word that is not a common word after "under" ("warranty", "review") nor an abstract noun.
bool validate_person_name_lowercase(std::string_view secret, const ValidationContext& context);

// ---- words (pii_text.cpp) ----------------------------------------------------------------------

// A spoken password or PIN: not a filler word ("the", "same", "wrong"...), not a redaction mark.
bool validate_password(std::string_view secret, const ValidationContext& context);
// A username or login: 3..40 characters, not a filler word, not a redaction mark.
bool validate_username(std::string_view secret, const ValidationContext& context);
// A username given as a bare answer: also needs a letter and a handle's mark (a digit, '_', '.'
// or a capital inside it: "tmorales_88", "kvogel.berlin", "NguyenGamer42"), which names lack.
bool validate_username_handle(std::string_view secret, const ValidationContext& context);
// Any value that is not a redaction mark (for rules whose pattern could match one).
bool validate_not_redacted(std::string_view secret, const ValidationContext& context);

}  // namespace aaiscan
