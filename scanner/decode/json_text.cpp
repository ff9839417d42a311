// Byte-level JSON scanning (see json_text.h).
#include "decode/json_text.h"

namespace aaiscan {

size_t skip_json_space(std::string_view s, size_t i) {
    while (i < s.size() && is_json_space(s[i])) ++i;
    return i;
}

size_t skip_json_string(std::string_view s, size_t at) {
    for (size_t i = at + 1; i < s.size(); ++i) {
        if (s[i] == '\\') {
            ++i;
        } else if (s[i] == '"') {
            return i + 1;
        }
    }
    return std::string_view::npos;
}

size_t skip_json_value(std::string_view s, size_t at) {
    size_t i = skip_json_space(s, at);
    if (i >= s.size()) return std::string_view::npos;
    char c = s[i];
    if (c == '"') return skip_json_string(s, i);
    if (c == '{' || c == '[') {
        size_t depth = 0;
        while (i < s.size()) {
            char d = s[i];
            if (d == '"') {
                i = skip_json_string(s, i);
                if (i == std::string_view::npos) return i;
                continue;
            }
            if (d == '{' || d == '[') {
                ++depth;
            } else if (d == '}' || d == ']') {
                if (depth == 0) return std::string_view::npos;
                if (--depth == 0) return i + 1;
            }
            ++i;
        }
        return std::string_view::npos;
    }
    size_t begin = i;
    while (i < s.size() && !is_json_space(s[i]) && s[i] != ',' && s[i] != '}' && s[i] != ']' && s[i] != ':') ++i;
    return i == begin ? std::string_view::npos : i;
}

}  // namespace aaiscan
