// Recognises transcript exports by content first and path second: AssemblyAI JSON (by its keys),
// WebVTT (the WEBVTT signature), SRT (a cue number and a "-->" timing line), and plain-text
// transcripts (.txt in a folder or with a name starting "transcript", "caption", "subtitle" or
// "voicemail", or named after a transcript id; .txt with "Speaker A:" lines, or that reads as two
// people talking; Markdown made of them). A .json that is not a transcript, or a .txt that is a
// transcript, is told apart by what it contains.
#pragma once

#include <string_view>

#include "decode/transcript_document.h"

namespace aaiscan {

// How many leading bytes detect_transcript_format() looks at.
inline constexpr size_t k_transcript_sniff_bytes = 64 * 1024;

// The decoder to try for an input whose first bytes are `head` and whose display path is `path`
// (archive members look like "a.zip!dir/t.json"). `force` (--transcripts) makes any text input a
// transcript: JSON and subtitles are still told apart, the rest is plain text. JSON is only a
// candidate: the JSON decoder decides whether it really holds a transcript.
TranscriptFormat detect_transcript_format(std::string_view head, std::string_view path, bool force);

// True when `head` holds keys only AssemblyAI transcript responses have ("words", "utterances",
// "audio_url", "redact_pii", ...): a file that says it is a transcript even if it is broken.
bool has_assemblyai_markers(std::string_view head);

}  // namespace aaiscan
