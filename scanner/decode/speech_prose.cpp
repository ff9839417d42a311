// Speech-like prose detection (see speech_prose.h). One pass over the words of the head of a file.
#include "decode/speech_prose.h"

#include <array>
#include <cstddef>
#include <string>

namespace aaiscan {
namespace {

bool letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '\''; }

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// Words of dialogue between two people: pronouns of the speaker and the listener.
constexpr std::array<std::string_view, 14> k_personal = {"i",   "i'm",    "i'll", "i've",   "i'd", "me",    "my",
                                                         "you", "you're", "your", "you'll", "we",  "we're", "us"};
// Words said on calls and rarely written in documents.
constexpr std::array<std::string_view, 16> k_spoken = {"okay", "yeah", "yep",  "um",   "uh",    "hmm",  "mm",    "thanks",
                                                       "thank", "sorry", "hi", "hello", "alright", "gonna", "bye", "g'day"};

template <size_t N>
bool one_of(std::string_view word, const std::array<std::string_view, N>& list) {
    for (std::string_view w : list) {
        if (word == w) return true;
    }
    return false;
}

}  // namespace

bool reads_as_speech(std::string_view text) {
    size_t words = 0, personal = 0, spoken = 0, questions = 0, code = 0, lines = 0;
    std::string word;
    bool line_has_words = false;
    for (size_t i = 0; i <= text.size(); ++i) {
        char c = i < text.size() ? text[i] : '\n';
        if (letter(c)) {
            if (word.size() < 8) word.push_back(lower(c));
            continue;
        }
        if (!word.empty()) {
            ++words;
            line_has_words = true;
            // Words are cut to 8 letters: longer ones never match the lists.
            if (one_of(word, k_personal)) ++personal;
            if (one_of(word, k_spoken)) ++spoken;
            word.clear();
        }
        if (c == '?') ++questions;
        if (c == '{' || c == '}' || c == ';' || c == '=' || c == '<' || c == '>' || c == '|' || c == '\\') ++code;
        if (c == '\n') {
            lines += line_has_words;
            line_has_words = false;
        }
    }
    if (words < 80 || lines == 0) return false;
    // Paragraphs, not a list, a log or a table: a dozen words a line or more.
    if (words < 12 * lines) return false;
    if (code * 100 > words) return false;
    // Dialogue: about one word in ten is I/you/my/we... (documentation that addresses the reader
    // can be as personal, but has no "okay"s and "thank you"s), and people ask questions.
    return personal * 100 >= words * 6 && questions * 100 >= words && spoken * 100 >= words && spoken >= 3;
}

}  // namespace aaiscan
