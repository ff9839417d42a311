// Maps byte ranges of a decoded blob back to where they came from: a line and column in a file,
// or a transcript id, JSON path, audio time and speaker. Decoders provide one per blob.
#pragma once

#include <cstddef>
#include <string_view>

#include "findings/finding.h"
#include "util/text_position.h"

namespace aaiscan {

class SourceMap {
public:
    virtual ~SourceMap() = default;
    // Sets line/column/end_line/end_column (and `transcript` where it applies) of `finding` for
    // the blob bytes [begin, end). Called in increasing `begin` order within one blob.
    virtual void locate(size_t begin, size_t end, Finding& finding) = 0;
};

// Plain text: lines and columns of the blob itself, shifted by `first_line` and `first_column`
// (the position of text[0] when the blob is a chunk of a larger file).
class LineSourceMap final : public SourceMap {
public:
    explicit LineSourceMap(std::string_view text, size_t first_line = 1, size_t first_column = 1)
        : m_positions(text, first_line, first_column) {}
    void locate(size_t begin, size_t end, Finding& finding) override {
        TextPosition a = m_positions.position(begin);
        TextPosition b = m_positions.position(end);
        finding.line = a.line;
        finding.column = a.column;
        finding.end_line = b.line;
        finding.end_column = b.column;
    }

private:
    LinePositioner m_positions;
};

}  // namespace aaiscan
