// Tells a plain-text transcript without speaker labels (an export script's `transcript.text`
// written to a .txt: one long paragraph of two people talking) from other text files (notes,
// documentation, licences, logs, data), by how the words read.
#pragma once

#include <string_view>

namespace aaiscan {

// True when `text` reads as recorded conversation: long paragraphs (not lines of a list or a
// log), few code characters, first and second person throughout, questions, and the words people
// say on calls and rarely write ("thank you", "okay", "yeah", "um", "sorry"...).
bool reads_as_speech(std::string_view text);

}  // namespace aaiscan
