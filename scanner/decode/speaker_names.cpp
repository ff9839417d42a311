// Speaker-name prefixes and the person-name test for speaker labels (see speaker_names.h).
#include "decode/speaker_names.h"

#include <array>
#include <string>

namespace aaiscan {
namespace {

bool is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }

// One name word: a capital (ASCII or a UTF-8 letter) then at least one more letter, apostrophe or
// hyphen ("O'Neil", "Anne-Marie", "José"). Returns its length, 0 when `s` does not start with one.
size_t name_word(std::string_view s) {
    if (s.empty()) return 0;
    auto c0 = static_cast<unsigned char>(s[0]);
    size_t i = 0;
    if (is_upper(c0)) {
        i = 1;
    } else if (c0 == 0xC3 && s.size() > 1 && static_cast<unsigned char>(s[1]) >= 0x80 &&
               static_cast<unsigned char>(s[1]) <= 0x9E) {
        i = 2;  // À..Þ
    } else {
        return 0;
    }
    size_t letters = 0;
    bool after_joiner = false;  // just after the ' or - inside "O'Neil", "Anne-Marie"
    while (i < s.size()) {
        auto c = static_cast<unsigned char>(s[i]);
        bool mc = (i == 2 && s.starts_with("Mc")) || (i == 3 && s.starts_with("Mac"));
        if (is_lower(c) || c >= 0x80) {
            ++letters;
            after_joiner = false;
        } else if (is_upper(c) && (after_joiner || mc)) {
            after_joiner = false;
        } else if ((c == '\'' || c == '-') && !after_joiner && i + 1 < s.size() &&
                   (is_upper(static_cast<unsigned char>(s[i + 1])) || is_lower(static_cast<unsigned char>(s[i + 1])))) {
            after_joiner = true;
        } else {
            break;
        }
        ++i;
    }
    return letters >= 1 ? i : 0;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

// Roles and generic labels that speaker fields hold instead of names.
bool is_role_word(std::string_view word) {
    static constexpr std::array<std::string_view, 44> k_roles = {
        "speaker", "spk", "channel", "participant", "person", "voice", "unknown", "guest", "host", "caller",
        "agent", "customer", "user", "interviewer", "interviewee", "moderator", "presenter", "audience",
        "narrator", "operator", "representative", "rep", "doctor", "patient", "client", "support", "sales",
        "assistant", "bot", "system", "staff", "nurse", "student", "teacher", "panelist", "member", "attendee",
        "reporter", "anchor", "announcer", "crowd", "male", "female", "other"};
    std::string w = lower(word);
    for (std::string_view role : k_roles) {
        if (w == role) return true;
    }
    return false;
}

}  // namespace

std::string_view named_speaker_prefix(std::string_view line, size_t& length) {
    size_t i = 0;
    int words = 0;
    while (words < 3) {
        size_t n = name_word(line.substr(i));
        if (n == 0) return {};
        i += n;
        ++words;
        if (i < line.size() && line[i] == ' ' && words < 3) {
            ++i;
            continue;
        }
        break;
    }
    if (words < 2 || i >= line.size() || line[i] != ':') return {};
    std::string_view name = line.substr(0, i);
    size_t after = i + 1;
    if (after < line.size() && line[after] != ' ' && line[after] != '\t') return {};  // "Re:Title", "10:30"
    while (after < line.size() && (line[after] == ' ' || line[after] == '\t')) ++after;
    length = after;
    return name;
}

bool is_person_like_speaker(std::string_view name) {
    while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
    while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
    if (name.size() < 2 || name.size() > 64) return false;
    size_t i = 0;
    int words = 0;
    while (i < name.size()) {
        size_t n = name_word(name.substr(i));
        if (n == 0) return false;  // digits, underscores, all-caps labels, lower-case words
        if (is_role_word(name.substr(i, n))) return false;
        i += n;
        ++words;
        if (i < name.size()) {
            if (name[i] != ' ' || words >= 4) return false;
            ++i;
        }
    }
    return words >= 1;
}

}  // namespace aaiscan
