// Word-shaped value detection (see word_shape.h).
#include "validate/word_shape.h"

#include <algorithm>
#include <cstdint>

namespace aaiscan {
namespace {

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_letter(char c) { return is_upper(c) || is_lower(c); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_separator(char c) {
    return c == '-' || c == '_' || c == '.' || c == '#' || c == ':' || c == '/' || c == '|' || c == ',';
}

bool is_vowel(char c) {
    c = is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c;
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

// Letter pairs that almost never occur inside English words: bit b of k_rare_after[a] is set when
// the pair (a, b) made up less than 0.002% of the 41 million letter pairs in the words of this
// machine's /usr/share/doc (qz, vx, jh, ...). Random strings hold about one in four of them.
constexpr uint32_t k_rare_after[26] = {
    0x0010000, 0x0610000, 0x2010000, 0x2810000, 0x0000000, 0x2e10680,
    0x0810600, 0x2a10640, 0x1400000, 0x3a32ee2, 0x2a10680, 0x0810000,
    0x2210000, 0x0010000, 0x0010000, 0x0210202, 0x3eff7fd, 0x2810200,
    0x2000200, 0x0210000, 0x1610280, 0x3e30eaa, 0x3b99262, 0x26326c2,
    0x1a10620, 0x0fb86e6};

int letter_index(char c) { return is_upper(c) ? c - 'A' : c - 'a'; }

struct WordCounts {
    size_t vowels = 0;
    size_t longest_consonant_run = 0;
    size_t rare_pairs = 0;
    size_t capital_words = 0;  // all-capital words of two or more letters
    size_t longest_capital_word = 0;
    bool lower_case = false;
};

WordCounts count(std::string_view word) {
    WordCounts counts;
    size_t run = 0;
    for (size_t i = 0; i + 1 < word.size(); ++i) {
        counts.rare_pairs += (k_rare_after[letter_index(word[i])] >> letter_index(word[i + 1])) & 1u;
    }
    for (char c : word) {
        if (is_vowel(c)) {
            ++counts.vowels;
            run = 0;
        } else {
            counts.longest_consonant_run = std::max(counts.longest_consonant_run, ++run);
        }
    }
    return counts;
}

// A word reads as one when at least one letter in five is a vowel and no more than four
// consonants follow each other ("recaptcha", "strength").
bool pronounceable(const WordCounts& counts, size_t length) {
    return counts.vowels * 5 >= length && counts.longest_consonant_run <= 4;
}

// Acronyms: AWS, HTTP, JSON; in lower case only short ones without a vowel (ttl, jwt, sql).
bool acronym(size_t length, bool all_capitals, const WordCounts& counts) {
    return (all_capitals && length <= 5) || (length <= 3 && counts.vowels == 0);
}

// Index where the word starting at `begin` ends: at a non-letter, at a lower-to-upper step
// ("exchange|Recaptcha"), or before the last capital of a capital run followed by a lower-case
// letter ("HTTP|Server").
size_t word_end(std::string_view s, size_t begin) {
    size_t i = begin + 1;
    while (i < s.size() && is_letter(s[i])) {
        if (is_lower(s[i - 1]) && is_upper(s[i])) break;
        if (is_upper(s[i - 1]) && is_upper(s[i]) && i + 1 < s.size() && is_lower(s[i + 1])) break;
        ++i;
    }
    return i;
}

}  // namespace

bool looks_like_words(std::string_view s) {
    size_t letters = 0, capitals = 0;          // over the whole value
    size_t words = 0, in_words = 0, vowels = 0;  // over words of three or more letters
    size_t acronyms = 0, acronym_letters = 0;
    size_t rare_pairs = 0;
    size_t capital_words = 0;  // all-capital words of two or more letters
    size_t longest_capital_word = 0;
    bool lower_case = false;
    size_t digits = 0, digit_runs = 0;
    size_t boundaries = 0;  // separators and case steps: what joins the words of a name
    size_t i = 0;
    while (i < s.size()) {
        char c = s[i];
        if (is_letter(c)) {
            size_t end = word_end(s, i);
            std::string_view word = s.substr(i, end - i);
            if (end < s.size() && is_letter(s[end])) ++boundaries;
            letters += word.size();
            // A capital starts each word; an all-capital word (AWS, METADATA) is capitals through.
            size_t word_capitals = static_cast<size_t>(std::count_if(word.begin(), word.end(), is_upper));
            bool all_capitals = word_capitals == word.size();
            capitals += all_capitals ? 0 : word_capitals;
            if (all_capitals && word.size() >= 2) {
                ++capital_words;
                longest_capital_word = std::max(longest_capital_word, word.size());
            }
            lower_case = lower_case || !all_capitals;
            if (word.size() >= 3) {
                WordCounts counts = count(word);
                if (pronounceable(counts, word.size())) {
                    ++words;
                    in_words += word.size();
                    vowels += counts.vowels;
                    rare_pairs += counts.rare_pairs;
                } else if (acronym(word.size(), all_capitals, counts) && ++acronyms <= 1) {
                    acronym_letters += word.size();
                } else {
                    return false;
                }
            }
            i = end;
        } else if (is_digit(c)) {
            ++digit_runs;
            while (i < s.size() && is_digit(s[i])) {
                ++digits;
                ++i;
            }
        } else if (is_separator(c)) {
            ++boundaries;
            ++i;
        } else {
            return false;
        }
    }
    // camelCase holds one short acronym at most ("AWSCredentials"); SCREAMING_CASE is capitals only.
    if (lower_case && (capital_words > 1 || longest_capital_word > 5)) return false;
    if (words < 2 || boundaries == 0 || digits > 2 || digit_runs > 2 || rare_pairs > 1) return false;
    // Nearly every letter sits in a real word or the acronym; words are not fragments (random
    // mixed case cuts letters into short pieces); capitals start words or spell the acronym;
    // English runs near 40% vowels where uniform random letters give 23%.
    bool covered = (in_words + acronym_letters) * 10 >= letters * 8;
    bool long_words = in_words * 2 >= words * 9;  // four and a half letters or more on average
    bool capitals_start_words = capitals <= words + 1;
    bool vowel_rich = vowels * 10 >= in_words * 3;
    return covered && long_words && capitals_start_words && vowel_rich;
}

bool looks_like_keyboard_mash(std::string_view s) {
    size_t letters = 0, home_row = 0;
    for (char c : s) {
        if (is_upper(c)) return false;
        if (!is_lower(c)) continue;
        ++letters;
        home_row += std::string_view("asdfghjkl").find(c) != std::string_view::npos ? 1 : 0;
    }
    if (letters < 7) return false;
    // Short runs need all but one letter on the home row; longer ones three quarters.
    return letters <= 9 ? home_row + 1 >= letters : home_row * 4 >= letters * 3;
}

}  // namespace aaiscan
