// Calendar dates as transcribers write them, for dates of birth and card expiry dates
// (see pii_checks.h).
#include <array>
#include <string>
#include <vector>

#include "util/strings.h"
#include "validate/pii_checks.h"

namespace aaiscan {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Month names in the languages AssemblyAI transcribes most (English, Spanish, German, French,
// Portuguese, Italian, Dutch), lower case; accented letters are UTF-8 bytes ("märz", "août").
int month_of(std::string_view word) {
    static constexpr std::array<std::string_view, 12> k_months = {
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december"};
    struct Named {
        std::string_view name;
        int month;
    };
    static constexpr std::array<Named, 57> k_other = {{
        {"enero", 1}, {"febrero", 2}, {"marzo", 3}, {"abril", 4}, {"mayo", 5}, {"junio", 6}, {"julio", 7},
        {"agosto", 8}, {"septiembre", 9}, {"setiembre", 9}, {"octubre", 10}, {"noviembre", 11}, {"diciembre", 12},
        {"januar", 1}, {"j\xc3\xa4nner", 1}, {"februar", 2}, {"m\xc3\xa4rz", 3}, {"mai", 5}, {"juni", 6},
        {"juli", 7}, {"oktober", 10}, {"dezember", 12},
        {"janvier", 1}, {"f\xc3\xa9vrier", 2}, {"mars", 3}, {"avril", 4}, {"juin", 6}, {"juillet", 7},
        {"ao\xc3\xbbt", 8}, {"septembre", 9}, {"octobre", 10}, {"novembre", 11}, {"d\xc3\xa9" "cembre", 12},
        {"janeiro", 1}, {"fevereiro", 2}, {"mar\xc3\xa7o", 3}, {"maio", 5}, {"junho", 6}, {"julho", 7},
        {"setembro", 9}, {"outubro", 10}, {"novembro", 11}, {"dezembro", 12},
        {"gennaio", 1}, {"febbraio", 2}, {"aprile", 4}, {"maggio", 5}, {"giugno", 6}, {"luglio", 7},
        {"settembre", 9}, {"ottobre", 10}, {"dicembre", 12},
        {"januari", 1}, {"februari", 2}, {"maart", 3}, {"mei", 5}, {"augustus", 8},
    }};
    if (!word.empty() && word.back() == '.') word.remove_suffix(1);
    if (word.size() < 3) return 0;
    for (size_t i = 0; i < k_months.size(); ++i) {
        if (word == k_months[i]) return static_cast<int>(i) + 1;
        // Abbreviations: "jan", "feb", "sept".
        if (word.size() <= 4 && k_months[i].substr(0, word.size()) == word) return static_cast<int>(i) + 1;
    }
    for (const Named& m : k_other) {
        if (word == m.name) return m.month;
    }
    return 0;
}

// Day from an ordinal word ("third", "twenty-first"), 0 when it is not one.
int ordinal_word(std::string_view w) {
    static constexpr std::array<std::string_view, 19> k_units = {
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
        "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
        "eighteenth", "nineteenth"};
    for (size_t i = 0; i < k_units.size(); ++i) {
        if (w == k_units[i]) return static_cast<int>(i) + 1;
    }
    if (w == "twentieth") return 20;
    if (w == "thirtieth") return 30;
    for (auto [prefix, base] : {std::pair<std::string_view, int>{"twenty", 20}, {"thirty", 30}}) {
        if (w.size() > prefix.size() + 1 && w.substr(0, prefix.size()) == prefix &&
            (w[prefix.size()] == '-' || w[prefix.size()] == ' ')) {
            int unit = ordinal_word(w.substr(prefix.size() + 1));
            if (unit >= 1 && unit <= 9) return base + unit;
        }
    }
    return 0;
}

// 1..19 for "one".."nineteen", 0 otherwise.
int small_number_word(std::string_view w) {
    static constexpr std::array<std::string_view, 19> k_words = {
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
    for (size_t i = 0; i < k_words.size(); ++i) {
        if (w == k_words[i]) return static_cast<int>(i) + 1;
    }
    return 0;
}

// 20..90 for "twenty".."ninety", 0 otherwise.
int tens_word(std::string_view w) {
    static constexpr std::array<std::string_view, 8> k_words = {"twenty", "thirty", "forty", "fifty",
                                                                "sixty", "seventy", "eighty", "ninety"};
    for (size_t i = 0; i < k_words.size(); ++i) {
        if (w == k_words[i]) return static_cast<int>(i) * 10 + 20;
    }
    return 0;
}

// 1..99 said as words: "seven", "seventeen", "seventy", "seventy-nine"; 0 otherwise.
int two_digit_word(std::string_view w) {
    if (int v = small_number_word(w)) return v;
    size_t dash = w.find('-');
    if (dash == std::string_view::npos) return tens_word(w);
    int tens = tens_word(w.substr(0, dash));
    int unit = small_number_word(w.substr(dash + 1));
    return tens && unit >= 1 && unit <= 9 ? tens + unit : 0;
}

// A year said as words from tokens[t]: "nineteen seventy-nine", "nineteen seventy nine",
// "nineteen oh four", "twenty twelve", "two thousand and four". Sets `used` to the tokens taken.
int spoken_year(const std::vector<std::string>& tokens, size_t t, size_t& used) {
    auto at = [&](size_t i) -> std::string_view { return i < tokens.size() ? std::string_view(tokens[i]) : ""; };
    std::string_view first = at(t);
    if (first == "two" && at(t + 1) == "thousand") {
        size_t i = t + 2;
        if (at(i) == "and") ++i;
        int rest = two_digit_word(at(i));
        used = rest && rest <= 30 ? i + 1 - t : 2;
        return 2000 + (rest <= 30 ? rest : 0);
    }
    int century = first == "nineteen" ? 1900 : first == "twenty" ? 2000 : 0;
    if (!century) return 0;
    if (at(t + 1) == "oh") {
        int unit = small_number_word(at(t + 2));
        if (unit < 1 || unit > 9) return 0;
        used = 3;
        return century + unit;
    }
    int rest = two_digit_word(at(t + 1));
    if (rest < 10) return 0;
    used = 2;
    if (rest % 10 == 0 && rest >= 20) {  // "seventy nine" as two words
        int unit = small_number_word(at(t + 2));
        if (unit >= 1 && unit <= 9) {
            rest += unit;
            used = 3;
        }
    }
    return century + rest;
}

int days_in_month(int month, int year) {
    static constexpr std::array<int, 12> k_days = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2 && year != 0) {
        bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        return leap ? 29 : 28;
    }
    return k_days[static_cast<size_t>(month - 1)];
}

int full_year(int value, size_t digits) {
    if (digits == 4) return value;
    // Two-digit years: 00..30 are 2000s, the rest 1900s (births and card expiries both fit).
    return value <= 30 ? 2000 + value : 1900 + value;
}

bool finish(CalendarDate& date) {
    if (date.month < 1 || date.month > 12) return false;
    if (date.day != 0 && (date.day < 1 || date.day > days_in_month(date.month, date.year))) return false;
    return true;
}

bool parse_numeric(std::string_view s, CalendarDate& date, bool month_year) {
    std::vector<std::pair<int, size_t>> parts;  // value, digit count
    char separator = 0;
    size_t i = 0;
    while (i < s.size()) {
        size_t j = i;
        int value = 0;
        while (j < s.size() && is_digit(s[j]) && j - i < 4) value = value * 10 + (s[j++] - '0');
        if (j == i || (j < s.size() && is_digit(s[j]))) return false;
        parts.emplace_back(value, j - i);
        if (j == s.size()) break;
        char sep = s[j];
        if (sep != '/' && sep != '-' && sep != '.') return false;
        if (separator != 0 && sep != separator) return false;
        separator = sep;
        i = j + 1;
        if (i == s.size()) return false;
    }
    if (parts.size() == 3) {
        if (parts[0].second == 4) {  // ISO: year-month-day
            date = {parts[0].first, parts[1].first, parts[2].first};
        } else {
            if (parts[2].second != 4 && parts[2].second != 2) return false;
            int a = parts[0].first, b = parts[1].first;
            int year = full_year(parts[2].first, parts[2].second);
            // US order unless the first number cannot be a month.
            date = a > 12 && b <= 12 ? CalendarDate{year, b, a} : CalendarDate{year, a, b};
        }
        if (parts[1].second > 2) return false;
        return date.day != 0 && finish(date);
    }
    if (parts.size() == 2) {
        if (parts[0].second > 2) return false;
        if (month_year) {
            if (parts[1].second != 2 && parts[1].second != 4) return false;
            date = {parts[1].second == 2 ? 2000 + parts[1].first : parts[1].first, parts[0].first, 0};
        } else {
            if (parts[1].second > 2) return false;
            date = {0, parts[0].first, parts[1].first};
            if (date.day == 0) return false;
        }
        return finish(date);
    }
    return false;
}

}  // namespace

bool parse_calendar_date(std::string_view text, CalendarDate& date, bool two_numbers_are_month_year) {
    date = {};
    std::string s = to_lower_ascii(text);
    while (!s.empty() && (s.back() == '.' || s.back() == ',' || s.back() == '!' || s.back() == '?' || s.back() == ' ')) {
        s.pop_back();
    }
    if (s.empty()) return false;
    if (is_digit(s.front()) && s.find(' ') == std::string::npos) return parse_numeric(s, date, two_numbers_are_month_year);
    // Words: a month name, a day (3, 3rd, third) and a year (1985, '85), with "the", "of", commas.
    std::vector<std::string> tokens;
    std::string current;
    for (char c : s) {
        if (c == ' ' || c == ',') {
            if (!current.empty()) tokens.push_back(current);
            current.clear();
        } else {
            current.push_back(c);
        }
    }
    if (!current.empty()) tokens.push_back(current);
    int month = 0, day = 0, year = 0;
    for (size_t t = 0; t < tokens.size(); ++t) {
        std::string_view tok = tokens[t];
        // Fillers: "the 3rd of May", "12 de mayo de 1987" (es, pt), "il 15 marzo" (it), "le 11 mai".
        if (tok == "the" || tok == "of" || tok == "on" || tok == "in" || tok == "de" || tok == "del" || tok == "di" ||
            tok == "il" || tok == "le" || tok == "el" || tok == "am" || tok == "op") {
            continue;
        }
        if (int m = month_of(tok)) {
            if (month) return false;
            month = m;
            continue;
        }
        if (tok.front() == '\'' && tok.size() == 3 && is_digit(tok[1]) && is_digit(tok[2])) {
            if (year) return false;
            year = full_year((tok[1] - '0') * 10 + (tok[2] - '0'), 2);
            continue;
        }
        if (int d = ordinal_word(tok)) {
            if (day) return false;
            day = d;
            continue;
        }
        // Compound ordinals split by a space: "twenty first".
        if ((tok == "twenty" || tok == "thirty") && t + 1 < tokens.size()) {
            int unit = ordinal_word(tokens[t + 1]);
            if (unit >= 1 && unit <= 9) {
                if (day) return false;
                day = (tok == "twenty" ? 20 : 30) + unit;
                ++t;
                continue;
            }
        }
        size_t used = 0;
        if (int spoken = spoken_year(tokens, t, used)) {
            if (year) return false;
            year = spoken;
            t += used - 1;
            continue;
        }
        size_t n = 0;
        int value = 0;
        while (n < tok.size() && is_digit(tok[n]) && n < 4) value = value * 10 + (tok[n++] - '0');
        if (n == 0) return false;
        std::string_view suffix = tok.substr(n);
        // "3rd"; "3." (German), "1er" (French), "1o" with a masculine ordinal sign (Spanish, Portuguese).
        if (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th" || suffix == "." || suffix == "er" ||
            suffix == "\xc2\xba" || suffix == ".\xc2\xba") {
            if (day || n > 2) return false;
            day = value;
        } else if (!suffix.empty()) {
            return false;
        } else if (n == 4) {
            if (year) return false;
            year = value;
        } else if (n <= 2 && day == 0 && (month == 0 || year == 0)) {
            day = value;
        } else if (n == 2 && year == 0) {
            year = full_year(value, 2);
        } else {
            return false;
        }
    }
    if (month == 0) return false;
    date = {year, month, day};
    return finish(date);
}

bool validate_birth_date(std::string_view secret, const ValidationContext&) {
    CalendarDate date;
    if (!parse_calendar_date(secret, date, false) || date.day == 0) return false;
    return date.year == 0 || (date.year >= 1900 && date.year <= 2030);
}

bool validate_card_expiry(std::string_view secret, const ValidationContext&) {
    CalendarDate date;
    if (!parse_calendar_date(secret, date, true) || date.day != 0 || date.year == 0) return false;
    return date.year >= 2000 && date.year <= 2099;
}

}  // namespace aaiscan
