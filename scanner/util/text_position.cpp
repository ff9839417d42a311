// Lazy line/column computation (see text_position.h).
#include "util/text_position.h"

#include <algorithm>
#include <cstring>

namespace aaiscan {

TextPosition LinePositioner::position(size_t offset) {
    offset = std::min(offset, m_text.size());
    if (offset < m_line_start) {
        m_cursor = 0;
        m_line = m_first_line;
        m_line_start = 0;
    }
    const char* base = m_text.data();
    // [m_line_start, m_cursor) holds no newline, so an offset in it is on line m_line.
    while (m_cursor < offset) {
        const void* nl = std::memchr(base + m_cursor, '\n', offset - m_cursor);
        if (nl == nullptr) {
            m_cursor = offset;
            break;
        }
        m_cursor = static_cast<size_t>(static_cast<const char*>(nl) - base) + 1;
        ++m_line;
        m_line_start = m_cursor;
    }
    size_t column = 1;
    for (size_t i = m_line_start; i < offset; ++i) {
        if ((static_cast<unsigned char>(base[i]) & 0xC0) != 0x80) ++column;
    }
    return {m_line, column};
}

std::string_view surrounding_lines(std::string_view text, size_t begin, size_t end,
                                   size_t extra_lines) {
    begin = std::min(begin, text.size());
    end = std::clamp(end, begin, text.size());
    size_t start = begin;
    for (size_t n = 0; n <= extra_lines; ++n) {
        size_t nl = start == 0 ? std::string_view::npos : text.rfind('\n', start - 1);
        if (nl == std::string_view::npos) {
            start = 0;
            break;
        }
        start = nl;
        if (n == extra_lines) {
            ++start;
            break;
        }
    }
    size_t stop = end;
    for (size_t n = 0; n <= extra_lines; ++n) {
        size_t nl = text.find('\n', stop);
        if (nl == std::string_view::npos) {
            stop = text.size();
            break;
        }
        stop = n == extra_lines ? nl : nl + 1;
    }
    return text.substr(start, stop - start);
}

}  // namespace aaiscan
