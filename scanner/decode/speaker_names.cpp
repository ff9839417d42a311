// Speaker-name prefixes and the person-name test for speaker labels (see speaker_names.h).
#include "decode/speaker_names.h"

#include <algorithm>
#include <array>
#include <string>

#include "util/strings.h"

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

// Roles and generic labels that speaker fields hold instead of names.
bool is_role_word(std::string_view word) {
    static constexpr std::array<std::string_view, 44> k_roles = {
        "speaker", "spk", "channel", "participant", "person", "voice", "unknown", "guest", "host", "caller",
        "agent", "customer", "user", "interviewer", "interviewee", "moderator", "presenter", "audience",
        "narrator", "operator", "representative", "rep", "doctor", "patient", "client", "support", "sales",
        "assistant", "bot", "system", "staff", "nurse", "student", "teacher", "panelist", "member", "attendee",
        "reporter", "anchor", "announcer", "crowd", "male", "female", "other"};
    std::string w = to_lower_ascii(word);
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

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// `"speaker" :` right before the opening quote at input[quote].
bool json_speaker_value(std::string_view input, size_t begin, size_t quote) {
    size_t i = quote;
    while (i > begin && is_space(input[i - 1])) --i;
    if (i == begin || input[i - 1] != ':') return false;
    --i;
    while (i > begin && is_space(input[i - 1])) --i;
    constexpr std::string_view key = "\"speaker\"";
    return i >= begin + key.size() && input.substr(i - key.size(), key.size()) == key;
}

// The name at input[at] is the name of a voice tag: "<v " or "<v.class " before it, '>' after.
bool voice_tag_name(std::string_view input, size_t begin, size_t at, size_t name_end) {
    if (name_end >= input.size() || input[name_end] != '>' || at == begin || input[at - 1] != ' ') return false;
    size_t open = input.rfind('<', at - 1);
    if (open == std::string_view::npos || open < begin || at - open > 64) return false;
    std::string_view tag = input.substr(open + 1, at - 1 - (open + 1));
    return tag.size() >= 1 && tag[0] == 'v' && (tag.size() == 1 || tag[1] == '.') &&
           tag.find_first_of(" <>\n") == std::string_view::npos;
}

// The name at input[at] opens its line (after an optional "[00:01]"/"00:01:02" time) and is
// followed by ':' and a space or the line's end.
bool line_prefix_name(std::string_view input, size_t begin, size_t at, size_t name_end) {
    if (name_end >= input.size() || input[name_end] != ':') return false;
    if (name_end + 1 < input.size() && !is_space(input[name_end + 1])) return false;
    size_t line = at;
    while (line > begin && input[line - 1] != '\n') --line;
    std::string_view before = input.substr(line, at - line);
    for (char c : before) {
        if (!(c == ' ' || c == '\t' || c == '[' || c == ']' || c == '(' || c == ')' || c == ':' || c == '.' ||
              c == ',' || (c >= '0' && c <= '9'))) {
            return false;
        }
    }
    return true;
}

}  // namespace

std::vector<std::pair<size_t, size_t>> speaker_name_spans(std::string_view input, size_t begin, size_t end,
                                                          std::string_view name, TranscriptFormat format) {
    std::vector<std::pair<size_t, size_t>> spans;
    end = std::min(end, input.size());
    if (name.empty() || begin >= end) return spans;
    for (size_t at = input.find(name, begin); at != std::string_view::npos && at + name.size() <= end;
         at = input.find(name, at + 1)) {
        size_t name_end = at + name.size();
        bool hit = false;
        if (format == TranscriptFormat::assemblyai_json) {
            hit = at > begin && input[at - 1] == '"' && name_end < input.size() && input[name_end] == '"' &&
                  json_speaker_value(input, begin, at - 1);
        } else {
            hit = (format == TranscriptFormat::vtt && voice_tag_name(input, begin, at, name_end)) ||
                  line_prefix_name(input, begin, at, name_end);
        }
        if (hit) spans.emplace_back(at, name_end);
    }
    return spans;
}

}  // namespace aaiscan
