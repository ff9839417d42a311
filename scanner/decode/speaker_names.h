// Speaker names in transcripts: "Roger Bingham:" line prefixes (meeting-tool exports), and the test
// that tells a person's name ("Dana Whitfield", "Priya") from a label ("A", "Speaker 2",
// "SPEAKER_00", "Agent", "channel 1"). Names in speaker fields are PII like names in the text.
#pragma once

#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

#include "decode/transcript_document.h"

namespace aaiscan {

// "Roger Bingham: hello" -> "Roger Bingham" (2 or 3 capitalised words, then ':' and a space or the
// end of the line); `length` is set to the prefix's size including ": ". "" when there is none.
std::string_view named_speaker_prefix(std::string_view line, size_t& length);

// True when a speaker name looks like a person's name rather than a label or a role.
bool is_person_like_speaker(std::string_view name);

// Every place in input[begin, end) where `name` stands as a speaker label, as [first, last)
// offsets of the name: JSON `"speaker": "name"` values, WebVTT voice tags <v name> / <v.c name>,
// and "name:" at the start of a line (after an optional "[00:01]" time). For `redact`.
std::vector<std::pair<size_t, size_t>> speaker_name_spans(std::string_view input, size_t begin, size_t end,
                                                          std::string_view name, TranscriptFormat format);

}  // namespace aaiscan
