// Plain-text transcripts (.txt exports, `--transcripts`): the blob is the lines' text joined by
// single spaces, without leading times and "Speaker X:" labels; each line is a segment carrying
// the speaker and time the line announces ("Speaker A:", "[00:01:23]", "00:01:23 Speaker B:"), a
// time lasting until the next announced one.
#pragma once

#include <string_view>

#include "decode/transcript_document.h"

namespace aaiscan {

// Fills `doc` for `input` (which must outlive it). Never throws.
void decode_plain_transcript(std::string_view input, TranscriptDocument& doc);

}  // namespace aaiscan
