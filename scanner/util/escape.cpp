// Terminal escaping and UTF-8 validation (see escape.h).
#include "util/escape.h"

#include <cstdint>

namespace aaiscan {
namespace {

// Length of the valid UTF-8 sequence starting at text[i], or 0 when it is invalid.
size_t utf8_sequence_length(std::string_view text, size_t i) {
    auto byte = [&](size_t k) { return static_cast<uint8_t>(text[k]); };
    uint8_t c = byte(i);
    if (c < 0x80) return 1;
    size_t len = 0;
    uint32_t cp = 0;
    if ((c & 0xE0) == 0xC0) {
        len = 2;
        cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
        len = 3;
        cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
        len = 4;
        cp = c & 0x07;
    } else {
        return 0;
    }
    if (i + len > text.size()) return 0;
    for (size_t k = 1; k < len; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (byte(i + k) & 0x3F);
    }
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        return 0;
    }
    return len;
}

}  // namespace

bool is_valid_utf8(std::string_view text) {
    for (size_t i = 0; i < text.size();) {
        size_t len = utf8_sequence_length(text, i);
        if (len == 0) return false;
        i += len;
    }
    return true;
}

std::string to_valid_utf8(std::string_view text) {
    if (is_valid_utf8(text)) return std::string(text);
    std::string out;
    out.reserve(text.size() + 8);
    for (size_t i = 0; i < text.size();) {
        size_t len = utf8_sequence_length(text, i);
        if (len == 0) {
            out += "\xEF\xBF\xBD";
            ++i;
        } else {
            out.append(text, i, len);
            i += len;
        }
    }
    return out;
}

std::string escape_for_terminal(std::string_view text) {
    bool clean = true;
    for (size_t i = 0; i < text.size() && clean;) {
        uint8_t c = static_cast<uint8_t>(text[i]);
        size_t len = utf8_sequence_length(text, i);
        if (len == 0 || c < 0x20 || c == 0x7F || c == '\\') clean = false;
        // C1 controls (U+0080..U+009F) are encoded as C2 80..C2 9F.
        if (len == 2 && c == 0xC2 && static_cast<uint8_t>(text[i + 1]) < 0xA0) clean = false;
        i += len == 0 ? 1 : len;
    }
    if (clean) return std::string(text);

    static constexpr char k_hex[] = "0123456789abcdef";
    std::string out;
    out.reserve(text.size() + 16);
    for (size_t i = 0; i < text.size();) {
        uint8_t c = static_cast<uint8_t>(text[i]);
        size_t len = utf8_sequence_length(text, i);
        bool c1 = len == 2 && c == 0xC2 && static_cast<uint8_t>(text[i + 1]) < 0xA0;
        if (len == 0 || c < 0x20 || c == 0x7F || c1) {
            switch (c) {
                case '\n': out += "\\n"; break;
                case '\t': out += "\\t"; break;
                case '\r': out += "\\r"; break;
                default:
                    out += "\\x";
                    out += k_hex[c >> 4];
                    out += k_hex[c & 15];
            }
            ++i;
            continue;
        }
        if (c == '\\') {
            out += "\\\\";
            ++i;
            continue;
        }
        out.append(text, i, len);
        i += len;
    }
    return out;
}

}  // namespace aaiscan
