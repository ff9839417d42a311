// SRT and WebVTT decoding: cue numbers, cue times in milliseconds, multi-line cues, VTT header,
// NOTE/STYLE/REGION blocks, `<v Speaker>` voice tags and inline tags (<i>, <b>, <c.x>, <00:01.000>).
// Cue text runs (the text between tags) become segments whose bytes are exactly the input's; all
// runs are joined by single spaces into one blob, so a sentence split across cues scans as one.
#pragma once

#include <cstdint>
#include <string_view>

#include "decode/transcript_document.h"

namespace aaiscan {

// Decodes `input` (format srt or vtt) into `doc` and finalizes it. Returns false when no cue text
// was found (the caller then scans the input as plain text). Never throws.
bool decode_subtitles(std::string_view input, TranscriptFormat format, TranscriptDocument& doc);

// "00:01:02,345", "01:02.345", "1:02:03.4" -> milliseconds; -1 when `text` is not a timestamp.
int64_t parse_cue_time(std::string_view text);
// A time at the start of a plain-text line ("[00:01:23]", "(01:23)", "00:01:23.450"): its
// milliseconds, with its length (brackets included) in `length`; -1 when the line has none.
int64_t leading_cue_time(std::string_view line, size_t& length);

}  // namespace aaiscan
