// Maps a byte range of a transcript blob back to the transcript: the field it is reported at
// (JSON path), the audio time and speaker (from the words, cues or lines it overlaps, else from
// the field's own times), and the line and column in the original file.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "decode/source_map.h"
#include "decode/transcript_document.h"
#include "decode/transcript_positions.h"
#include "util/text_position.h"

namespace aaiscan {

// Where a blob range is, in transcript terms.
struct TranscriptLocation {
    int64_t segment = -1;     // the segment it is reported at (innermost field, else first word)
    int64_t first_leaf = -1;  // first and last overlapping word / cue / line segment, or -1
    int64_t last_leaf = -1;
    int64_t start_ms = -1;
    int64_t end_ms = -1;
    uint16_t speaker = k_no_speaker;
    uint64_t raw_begin = 0;  // the range in the original input
    uint64_t raw_end = 0;
};

class TranscriptSourceMap final : public SourceMap {
public:
    // `doc`, `input` (the original bytes the decoder read) and `positions` (over `input`, shared
    // by the transcripts of one file) must outlive the map.
    TranscriptSourceMap(const TranscriptDocument& doc, std::string_view input, TranscriptPositions& positions);

    // Sets line/column (in the original file) and `transcript` (id, JSON path, time, speaker).
    void locate(size_t begin, size_t end, Finding& finding) override;

    // The transcript location of blob bytes [begin, end). Any order of calls works.
    TranscriptLocation resolve(size_t begin, size_t end);

    // Leaf segments (words, cues, lines) overlapping the audio interval [start_ms, end_ms], as
    // a blob range; false when there are none or the transcript has no times.
    bool blob_range_at_time(int64_t start_ms, int64_t end_ms, size_t& begin, size_t& end);

    // Line and column of an original-input offset.
    TextPosition position(uint64_t raw_offset) { return m_lines.position(static_cast<size_t>(raw_offset)); }
    // Sets the finding's line/column span to the input's bytes [raw_begin, raw_end).
    void locate_raw(uint64_t raw_begin, uint64_t raw_end, Finding& finding);

private:
    void build_index();
    void sort_leaves();
    uint64_t raw_offset(const TextSegment& s, size_t blob_offset) const;

    const TranscriptDocument& m_doc;
    std::string_view m_input;
    TranscriptPositions& m_lines;
    std::vector<uint32_t> m_fields;  // non-leaf segments by begin
    std::vector<uint32_t> m_leaves;  // word / cue / line segments by begin
    std::vector<uint32_t> m_timeline;  // top-level timed leaves by start time
    bool m_indexed = false;
};

}  // namespace aaiscan
