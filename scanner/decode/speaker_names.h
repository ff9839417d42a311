// Speaker names in transcripts: "Roger Bingham:" line prefixes (meeting-tool exports), and the test
// that tells a person's name ("Dana Whitfield", "Priya") from a label ("A", "Speaker 2",
// "SPEAKER_00", "Agent", "channel 1"). Names in speaker fields are PII like names in the text.
#pragma once

#include <cstddef>
#include <string_view>

namespace aaiscan {

// "Roger Bingham: hello" -> "Roger Bingham" (2 or 3 capitalised words, then ':' and a space or the
// end of the line); `length` is set to the prefix's size including ": ". "" when there is none.
std::string_view named_speaker_prefix(std::string_view line, size_t& length);

// True when a speaker name looks like a person's name rather than a label or a role.
bool is_person_like_speaker(std::string_view name);

}  // namespace aaiscan
