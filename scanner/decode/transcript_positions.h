// Line and column of byte offsets in a whole transcript file, for findings reported in any order:
// a checkpoint every 1 KiB (built lazily up to the largest offset asked for, 8 bytes at a time)
// bounds each query to 1 KiB of counting, even in minified JSON whose one line is the whole file.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "util/text_position.h"

namespace aaiscan {

class TranscriptPositions {
public:
    // `text` must outlive this object.
    explicit TranscriptPositions(std::string_view text) : m_text(text) {}

    // 1-based line and column (in code points) of `offset` (clamped to the text size).
    TextPosition position(size_t offset);

private:
    struct Checkpoint {
        size_t line;
        size_t column;  // of the checkpoint's byte
    };
    static constexpr size_t k_step = 1024;
    // Adds checkpoints until the block holding `upto` has one.
    void extend(size_t upto);

    std::string_view m_text;
    std::vector<Checkpoint> m_checkpoints;  // one per k_step bytes, for [0, m_scanned)
    size_t m_scanned = 0;
    size_t m_line = 1;    // at m_scanned
    size_t m_column = 1;
};

}  // namespace aaiscan
