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
        m_column_cursor = 0;
        m_column = m_first_column;
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
    // Columns resume from the last query on the same line (code points: continuation bytes of
    // UTF-8 do not count), so many findings on one long line cost one pass over it.
    auto code_points = [base](size_t from, size_t to) {
        size_t n = 0;
        for (size_t i = from; i < to; ++i) n += (static_cast<unsigned char>(base[i]) & 0xC0) != 0x80;
        return n;
    };
    if (m_column_cursor < m_line_start) {
        m_column_cursor = m_line_start;
        m_column = m_line_start == 0 ? m_first_column : 1;
    }
    if (offset >= m_column_cursor) {
        m_column += code_points(m_column_cursor, offset);
    } else {
        m_column -= code_points(offset, m_column_cursor);
    }
    m_column_cursor = offset;
    return {m_line, m_column};
}

namespace {

// The offset of the last '\n' in text[0, before), or npos: memrchr, where string_view::rfind
// compares byte by byte (lines of minified code and one-line transcripts are kilobytes long).
size_t last_newline_before(std::string_view text, size_t before) {
    const void* hit = memrchr(text.data(), '\n', before);
    return hit ? static_cast<size_t>(static_cast<const char*>(hit) - text.data()) : std::string_view::npos;
}

}  // namespace

std::string_view surrounding_lines(std::string_view full_text, size_t begin, size_t end,
                                   size_t extra_lines) {
    begin = std::min(begin, full_text.size());
    end = std::clamp(end, begin, full_text.size());
    // Work on the bounded neighbourhood only (offsets below are relative to it).
    size_t reach = k_line_reach * (std::min<size_t>(extra_lines, 1u << 16) + 1);
    size_t floor = begin > reach ? begin - reach : 0;
    size_t ceil = full_text.size() - end > reach ? end + reach : full_text.size();
    std::string_view text = full_text.substr(floor, ceil - floor);
    begin -= floor;
    end -= floor;
    size_t start = begin;
    for (size_t n = 0; n <= extra_lines; ++n) {
        size_t nl = start == 0 ? std::string_view::npos : last_newline_before(text, start);
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
