// Content sniffing and UTF-16 decoding (see text_decoding.h).
#include "decode/text_decoding.h"

#include <cstdint>
#include <cstring>

namespace aaiscan {

ContentKind sniff_content(std::string_view head) {
    if (head.size() >= 2) {
        auto b0 = static_cast<uint8_t>(head[0]);
        auto b1 = static_cast<uint8_t>(head[1]);
        if (b0 == 0xFF && b1 == 0xFE) return ContentKind::utf16le;
        if (b0 == 0xFE && b1 == 0xFF) return ContentKind::utf16be;
    }
    size_t n = head.size() < k_sniff_bytes ? head.size() : k_sniff_bytes;
    return std::memchr(head.data(), 0, n) != nullptr ? ContentKind::binary : ContentKind::text;
}

namespace {
void append_utf8(std::string& out, uint32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}
}  // namespace

std::string utf16_to_utf8(std::string_view bytes, bool little_endian) {
    std::string out;
    out.reserve(bytes.size() / 2 + 16);
    size_t i = 0;
    if (bytes.size() >= 2) {
        auto b0 = static_cast<uint8_t>(bytes[0]);
        auto b1 = static_cast<uint8_t>(bytes[1]);
        if ((b0 == 0xFF && b1 == 0xFE) || (b0 == 0xFE && b1 == 0xFF)) i = 2;
    }
    auto unit = [&](size_t k) -> uint32_t {
        auto a = static_cast<uint8_t>(bytes[k]);
        auto b = static_cast<uint8_t>(bytes[k + 1]);
        return little_endian ? static_cast<uint32_t>(a | (b << 8)) : static_cast<uint32_t>((a << 8) | b);
    };
    while (i + 1 < bytes.size()) {
        uint32_t u = unit(i);
        i += 2;
        if (u >= 0xD800 && u <= 0xDBFF) {
            if (i + 1 < bytes.size()) {
                uint32_t low = unit(i);
                if (low >= 0xDC00 && low <= 0xDFFF) {
                    i += 2;
                    append_utf8(out, 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00));
                    continue;
                }
            }
            append_utf8(out, 0xFFFD);
        } else if (u >= 0xDC00 && u <= 0xDFFF) {
            append_utf8(out, 0xFFFD);
        } else {
            append_utf8(out, u);
        }
    }
    return out;
}

}  // namespace aaiscan
