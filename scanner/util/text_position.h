// Turns byte offsets into 1-based line and column numbers lazily: nothing is computed until a
// finding needs a position, and successive queries with growing offsets resume where the last
// one stopped (ripgrep-style), so the cost is O(bytes up to the last finding) per blob.
#pragma once

#include <cstddef>
#include <string_view>

namespace aaiscan {

struct TextPosition {
    size_t line = 1;    // 1-based
    size_t column = 1;  // 1-based, in Unicode code points (UTF-8 continuation bytes not counted)
};

class LinePositioner {
public:
    explicit LinePositioner(std::string_view text, size_t first_line = 1)
        : m_text(text), m_line(first_line), m_first_line(first_line) {}

    // Position of byte `offset` (clamped to the text size). Any order works; increasing order is
    // cheapest.
    TextPosition position(size_t offset);

private:
    std::string_view m_text;
    size_t m_cursor = 0;      // offsets < m_cursor have been counted
    size_t m_line;            // line number at m_cursor
    size_t m_line_start = 0;  // offset where the line at m_cursor starts
    size_t m_first_line;
};

// Offsets of the start of the line containing `offset` and of the end of that line (exclusive,
// before the '\n'), widened by `extra_lines` lines on each side.
std::string_view surrounding_lines(std::string_view text, size_t begin, size_t end,
                                   size_t extra_lines);

}  // namespace aaiscan
