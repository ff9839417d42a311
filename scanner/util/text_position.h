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
    // `first_line` and `first_column` are the position of text[0] (not 1:1 for a chunk of a file).
    explicit LinePositioner(std::string_view text, size_t first_line = 1, size_t first_column = 1)
        : m_text(text), m_line(first_line), m_first_line(first_line), m_first_column(first_column),
          m_column(first_column) {}

    // Position of byte `offset` (clamped to the text size). Any order works; increasing order is
    // cheapest: linear in the text overall, even for many queries on one long line.
    TextPosition position(size_t offset);

private:
    std::string_view m_text;
    size_t m_cursor = 0;      // offsets < m_cursor have been counted
    size_t m_line;            // line number at m_cursor
    size_t m_line_start = 0;  // offset where the line at m_cursor starts
    size_t m_first_line;
    size_t m_first_column;
    size_t m_column_cursor = 0;  // columns of the current line are counted up to here
    size_t m_column;             // column at m_column_cursor
};

// How far a line is looked at on each side of a match (inline allow markers, rule context):
// lines longer than this (minified bundles, one-line JSON) are cut around the match, so the cost
// per finding is bounded and many findings on one long line stay linear.
inline constexpr size_t k_line_reach = 4096;

// The lines containing [begin, end), widened by `extra_lines` lines on each side, without the
// final '\n'; at most k_line_reach * (extra_lines + 1) bytes on each side of the range. The
// result is a view into `text`.
std::string_view surrounding_lines(std::string_view text, size_t begin, size_t end,
                                   size_t extra_lines);

}  // namespace aaiscan
