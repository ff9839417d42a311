// Plain-text transcripts (.txt exports, `--transcripts`): the blob is the lines' text joined by
// single spaces, without leading times and "Speaker X:" labels; each line is a segment carrying
// the speaker and time the line announces ("Speaker A:", "[00:01:23]", "00:01:23 Speaker B:"), a
// time lasting until the next announced one.
#pragma once

#include <string>
#include <string_view>

#include "decode/transcript_document.h"

namespace aaiscan {

// "Speaker A:" / "SPEAKER 1:" / "SPEAKER_00:" at the start of `line`, also in Markdown
// ("**Speaker A:**", "- **Speaker A**:", "> Speaker A:") or with a time ("Speaker A (00:01:02):",
// "**Speaker A** `[00:00:04]`:"), or a Markdown heading of its own ("### Speaker A — 00:00:05",
// the text on the next lines): the label ("A"), with `length` set to the bytes before the text
// that follows it; "" when the line has no such label.
std::string_view speaker_label(std::string_view line, size_t& length);

// Fills `doc` for `input` (which must outlive it). Never throws.
void decode_plain_transcript(std::string_view input, TranscriptDocument& doc);

// The text export formats, decoded into `doc`: plain text, CSV (see transcript_csv.h) and HTML
// (its tags blanked into `scratch`, which the document reads: keep it while `doc` is used).
void decode_text_export(TranscriptFormat format, std::string_view input, TranscriptDocument& doc, std::string& scratch);

// `html` with every tag (`<p>`, `<strong class="x">`, `</span>`) and comment replaced by spaces of
// the same length, so an HTML page of speaker lines reads as a text transcript whose offsets are
// the page's. Written into `out` (reused).
void blank_html_tags(std::string_view html, std::string& out);

}  // namespace aaiscan
