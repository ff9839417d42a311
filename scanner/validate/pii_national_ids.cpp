// National identity and tax numbers (ES, IT, BR, FR, DE, NL, PT, UK): layout and official check digits (see pii_national_ids.h).
#include "validate/pii_national_ids.h"

#include <array>
#include <cstdint>

namespace aaiscan {
namespace {

// No identifier here is longer than 16 characters; with a separator between every pair it stays under 48.
constexpr size_t k_max_written_length = 48;

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return c >= 'A' && c <= 'Z'; }
bool is_separator(char c) { return c == ' ' || c == '-' || c == '.' || c == '/'; }
char upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }
int digit_value(char c) { return c - '0'; }

bool all_digits(std::string_view s) {
    for (char c : s) {
        if (!is_digit(c)) return false;
    }
    return !s.empty();
}

bool all_letters(std::string_view s) {
    for (char c : s) {
        if (!is_letter(c)) return false;
    }
    return !s.empty();
}

// One digit repeated throughout ("00000000", "11111111111"): a placeholder, not a person's number.
bool all_same(std::string_view s) {
    for (char c : s) {
        if (c != s[0]) return false;
    }
    return !s.empty();
}

// The number the digits spell (callers pass at most 13 digits, which fit in 64 bits).
uint64_t number_value(std::string_view digits) {
    uint64_t v = 0;
    for (char c : digits) v = v * 10 + static_cast<uint64_t>(digit_value(c));
    return v;
}

// ---- Spain ------------------------------------------------------------------------------------

// The control letter of DNI and NIE numbers, indexed by the number mod 23.
constexpr std::string_view k_dni_letters = "TRWAGMYFPDXBNJZSQVHLCKE";

// ---- Italy ------------------------------------------------------------------------------------

// Omocodia: when two people would share a code, digits are replaced (from the right) by these
// letters, 'L' for 0 through 'V' for 9. -1 for a character that is neither digit nor omocodia letter.
int omocodia_digit(char c) {
    if (is_digit(c)) return digit_value(c);
    constexpr std::string_view letters = "LMNPQRSTUV";
    size_t at = letters.find(c);
    return at == std::string_view::npos ? -1 : static_cast<int>(at);
}

// Values of the characters in odd positions (1st, 3rd, ... 15th) for the check character; a digit
// counts as the letter with the same index (0 as A, 1 as B...). Even positions count 0..25 (A..Z, 0..9).
constexpr std::array<int, 26> k_codice_odd_values = {1,  0,  5,  7,  9,  13, 15, 17, 19, 21, 2,  4,  18,
                                                 20, 11, 3,  6,  8,  12, 14, 16, 10, 22, 25, 24, 23};

int codice_char_index(char c) { return is_digit(c) ? digit_value(c) : c - 'A'; }

// The check character: sum of the odd and even values of the first 15 characters, mod 26, as a letter.
char codice_check_letter(std::string_view first15) {
    int sum = 0;
    for (size_t i = 0; i < first15.size(); ++i) {
        int index = codice_char_index(first15[i]);
        sum += (i % 2 == 0) ? k_codice_odd_values[static_cast<size_t>(index)] : index;
    }
    return static_cast<char>('A' + sum % 26);
}

// Two digit-or-omocodia characters as a number; -1 when either is neither.
int omocodia_pair(char tens, char ones) {
    int t = omocodia_digit(tens), o = omocodia_digit(ones);
    return (t < 0 || o < 0) ? -1 : t * 10 + o;
}

// ---- Brazil -----------------------------------------------------------------------------------

// A CPF check digit: the first `count` digits weighted count+1 .. 2, times 10, mod 11 (10 -> 0).
int cpf_check_digit(std::string_view digits, size_t count) {
    int sum = 0;
    for (size_t i = 0; i < count; ++i) sum += digit_value(digits[i]) * static_cast<int>(count + 1 - i);
    return sum * 10 % 11 % 10;
}

// ---- Germany ----------------------------------------------------------------------------------

// The Steuer-ID digit rule for the first 10 digits: exactly one digit occurs more than once, and
// it occurs twice or three times (three times since 2016, and then not three in a row).
bool tax_id_digit_counts_valid(std::string_view first10) {
    std::array<int, 10> counts{};
    for (char c : first10) ++counts[static_cast<size_t>(digit_value(c))];
    int repeated = 0, times = 0;
    for (int n : counts) {
        if (n > 1) {
            ++repeated;
            times = n;
        }
    }
    if (repeated != 1 || (times != 2 && times != 3)) return false;
    for (size_t i = 0; times == 3 && i + 2 < first10.size(); ++i) {
        if (first10[i] == first10[i + 1] && first10[i] == first10[i + 2]) return false;
    }
    return true;
}

// ISO 7064 MOD 11,10 over the first 10 digits: carry a product through (digit + product) mod 10
// (0 read as 10), doubled mod 11; the check digit is 11 - product, with 10 written as 0.
int iso7064_mod11_10_check(std::string_view digits) {
    int product = 10;
    for (char c : digits) {
        int sum = (digit_value(c) + product) % 10;
        if (sum == 0) sum = 10;
        product = sum * 2 % 11;
    }
    int check = 11 - product;
    return check == 10 ? 0 : check;
}

// The day field of a Versicherungsnummer: the day of birth 01..31, 00 for an unknown day; when the
// serial numbers of a date run out the day is raised by 32 and then 64 (so up to 95), and a 1st of
// the month may also be raised by 96 (97), per the Gemeinsames Rundschreiben on the Meldeverfahren.
bool pension_day_valid(int day) { return (day >= 0 && day <= 95) || day == 97; }

// The Versicherungsnummer check digit: the initial replaced by its two-digit alphabet position
// (A = 01 ... Z = 26) gives 12 digits; each times its weight 2,1,2,5,7,1,2,1,2,1,2,1, the cross
// sums (digit sums) of the products added up, mod 10.
int pension_check_digit(std::string_view first11) {
    constexpr std::array<int, 12> weights = {2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1};
    int position = first11[8] - 'A' + 1;
    std::array<int, 12> digits{};
    for (size_t i = 0; i < 8; ++i) digits[i] = digit_value(first11[i]);
    digits[8] = position / 10;
    digits[9] = position % 10;
    digits[10] = digit_value(first11[9]);
    digits[11] = digit_value(first11[10]);
    int sum = 0;
    for (size_t i = 0; i < digits.size(); ++i) {
        int product = digits[i] * weights[i];
        sum += product / 10 + product % 10;
    }
    return sum % 10;
}

// ---- Portugal ---------------------------------------------------------------------------------

// NIF ranges: 1-3 individuals, 45 non-resident individuals, 5 companies, 6 public bodies, 7x
// estates, funds and non-residents, 8 sole traders (old), 9x condominiums and irregular entities.
bool pt_nif_prefix_valid(std::string_view digits) {
    char first = digits[0];
    if (first == '4') return digits[1] == '5';
    return first != '0';
}

// ---- United Kingdom ---------------------------------------------------------------------------

// HMRC never issues these letters first or second, nor these prefixes.
bool nino_prefix_valid(char first, char second) {
    // QQ is not issued either, but it is the prefix of HMRC's own example ("QQ 12 34 56 C") and of
    // test data; said in a call it is still a National Insurance number in shape, so it is accepted.
    if (first == 'Q' && second == 'Q') return true;
    if (std::string_view("DFIQUV").find(first) != std::string_view::npos) return false;
    if (std::string_view("DFIOQUV").find(second) != std::string_view::npos) return false;
    constexpr std::array<std::string_view, 7> excluded = {"BG", "GB", "NK", "KN", "TN", "NT", "ZZ"};
    const char prefix[2] = {first, second};
    for (std::string_view p : excluded) {
        if (p == std::string_view(prefix, 2)) return false;
    }
    return true;
}

}  // namespace

std::string strip_id_separators(std::string_view value) {
    std::string out;
    if (value.size() > k_max_written_length) return out;
    out.reserve(value.size());
    for (char c : value) {
        char u = upper(c);
        if (is_digit(u) || is_letter(u)) {
            out.push_back(u);
        } else if (!is_separator(c)) {
            out.clear();
            return out;
        }
    }
    return out;
}

bool es_dni_valid(std::string_view value) {
    std::string id = strip_id_separators(value);
    if (id.size() != 9 || !is_letter(id[8])) return false;
    std::string_view digits = std::string_view(id).substr(0, 8);
    uint64_t number = 0;
    size_t prefix = std::string_view("XYZ").find(id[0]);
    if (prefix != std::string_view::npos) {
        // NIE: the X, Y or Z stands for the leading digit 0, 1 or 2 of the number.
        digits = digits.substr(1);
        if (!all_digits(digits)) return false;
        number = static_cast<uint64_t>(prefix) * 10000000 + number_value(digits);
    } else {
        if (!all_digits(digits)) return false;
        number = number_value(digits);
    }
    if (all_same(digits)) return false;
    return k_dni_letters[number % 23] == id[8];
}

bool it_codice_fiscale_valid(std::string_view value) {
    std::string id = strip_id_separators(value);
    if (id.size() != 16) return false;
    std::string_view code(id);
    // Three letters of the surname, three of the given name, the place code's letter, the check letter.
    if (!all_letters(code.substr(0, 6)) || !is_letter(code[11]) || !is_letter(code[15])) return false;
    // Year, day and the place code's three digits: digits or omocodia letters.
    int year = omocodia_pair(code[6], code[7]);
    int day = omocodia_pair(code[9], code[10]);
    int place = omocodia_pair(code[12], code[13]);
    if (year < 0 || day < 0 || place < 0 || omocodia_digit(code[14]) < 0) return false;
    // The month letter A..T skips the letters that look like digits or each other.
    if (std::string_view("ABCDEHLMPRST").find(code[8]) == std::string_view::npos) return false;
    // Women's day of birth is raised by 40.
    if (!((day >= 1 && day <= 31) || (day >= 41 && day <= 71))) return false;
    return codice_check_letter(code.substr(0, 15)) == code[15];
}

bool br_cpf_valid(std::string_view value) {
    std::string id = strip_id_separators(value);
    if (id.size() != 11 || !all_digits(id) || all_same(id)) return false;
    return cpf_check_digit(id, 9) == digit_value(id[9]) && cpf_check_digit(id, 10) == digit_value(id[10]);
}

bool fr_nir_valid(std::string_view value) {
    std::string id = strip_id_separators(value);
    if (id.size() != 15) return false;
    // Sex: 1 (men) or 2 (women); 3, 4, 7 and 8 start temporary and provisional numbers.
    if (std::string_view("123478").find(id[0]) == std::string_view::npos) return false;
    // Corsica's departments 2A and 2B count as 19 and 18 in the key, as INSEE computes it.
    std::string body = id.substr(0, 13);
    if (body[5] == '2' && body[6] == 'A') {
        body[5] = '1';
        body[6] = '9';
    } else if (body[5] == '2' && body[6] == 'B') {
        body[5] = '1';
        body[6] = '8';
    }
    std::string_view key = std::string_view(id).substr(13);
    if (!all_digits(body) || !all_digits(key)) return false;
    // Month of birth 01..12; 20..42 and 50..99 stand for unknown or fictitious months (leniently).
    int month = digit_value(id[3]) * 10 + digit_value(id[4]);
    if (!((month >= 1 && month <= 12) || (month >= 20 && month <= 42) || month >= 50)) return false;
    return 97 - number_value(body) % 97 == number_value(key);
}

bool de_tax_id_valid(std::string_view value) {
    std::string id = strip_id_separators(value);
    if (id.size() != 11 || !all_digits(id) || id[0] == '0') return false;
    std::string_view first10 = std::string_view(id).substr(0, 10);
    if (!tax_id_digit_counts_valid(first10)) return false;
    return iso7064_mod11_10_check(first10) == digit_value(id[10]);
}

bool de_pension_number_valid(std::string_view value) {
    std::string id = strip_id_separators(value);
    if (id.size() != 12) return false;
    std::string_view number(id);
    // Area (2 digits), birth date DDMMYY, the birth name's initial, serial (00-49 men, 50-99 women), check digit.
    if (!all_digits(number.substr(0, 8)) || !is_letter(number[8]) || !all_digits(number.substr(9))) return false;
    int day = digit_value(number[2]) * 10 + digit_value(number[3]);
    int month = digit_value(number[4]) * 10 + digit_value(number[5]);
    // Month 00 stands for an unknown month of birth.
    if (!pension_day_valid(day) || month > 12) return false;
    return pension_check_digit(number.substr(0, 11)) == digit_value(number[11]);
}

bool nl_bsn_valid(std::string_view value) {
    std::string id = strip_id_separators(value);
    if ((id.size() != 8 && id.size() != 9) || !all_digits(id)) return false;
    // Eight digits: a BSN with its leading 0 dropped (as old sofinummers often were written).
    if (id.size() == 8) id.insert(id.begin(), '0');
    if (all_same(id) && id[0] == '0') return false;
    // Elfproef: digits weighted 9, 8, ..., 2 and the last -1; the sum is a multiple of 11.
    int sum = 0;
    for (size_t i = 0; i < 8; ++i) sum += digit_value(id[i]) * static_cast<int>(9 - i);
    sum -= digit_value(id[8]);
    return sum % 11 == 0;
}

bool pt_nif_valid(std::string_view value) {
    std::string id = strip_id_separators(value);
    if (id.size() != 9 || !all_digits(id) || !pt_nif_prefix_valid(id)) return false;
    // Digits weighted 9..2; the check digit is 11 - sum mod 11, with 10 and 11 written as 0.
    int sum = 0;
    for (size_t i = 0; i < 8; ++i) sum += digit_value(id[i]) * static_cast<int>(9 - i);
    int check = 11 - sum % 11;
    if (check >= 10) check = 0;
    return check == digit_value(id[8]);
}

bool uk_nino_valid(std::string_view value) {
    std::string id = strip_id_separators(value);
    if (id.size() != 9) return false;
    std::string_view number(id);
    if (!all_letters(number.substr(0, 2)) || !all_digits(number.substr(2, 6))) return false;
    // The suffix is A, B, C or D.
    if (number[8] < 'A' || number[8] > 'D') return false;
    return nino_prefix_valid(number[0], number[1]);
}

bool validate_national_id(std::string_view secret, const ValidationContext& context) {
    return es_dni_valid(secret) || it_codice_fiscale_valid(secret) || br_cpf_valid(secret) ||
           fr_nir_valid(secret) || de_tax_id_valid(secret) || de_pension_number_valid(secret) ||
           nl_bsn_valid(secret) || pt_nif_valid(secret) || uk_nino_valid(secret);
}

bool validate_es_dni(std::string_view secret, const ValidationContext& context) { return es_dni_valid(secret); }
bool validate_it_codice_fiscale(std::string_view secret, const ValidationContext& context) {
    return it_codice_fiscale_valid(secret);
}
bool validate_br_cpf(std::string_view secret, const ValidationContext& context) { return br_cpf_valid(secret); }
bool validate_fr_nir(std::string_view secret, const ValidationContext& context) { return fr_nir_valid(secret); }
bool validate_de_tax_id(std::string_view secret, const ValidationContext& context) { return de_tax_id_valid(secret); }
bool validate_de_pension_number(std::string_view secret, const ValidationContext& context) {
    return de_pension_number_valid(secret);
}
bool validate_nl_bsn(std::string_view secret, const ValidationContext& context) { return nl_bsn_valid(secret); }
bool validate_pt_nif(std::string_view secret, const ValidationContext& context) { return pt_nif_valid(secret); }
bool validate_uk_nino(std::string_view secret, const ValidationContext& context) { return uk_nino_valid(secret); }

}  // namespace aaiscan
