// AssemblyAI transcript JSON decoder (simdjson On-Demand): a single transcript object, the
// `GET /v2/transcript` list shape ({"transcripts": [...]}), plain arrays of transcripts, JSON
// Lines (one transcript per line), concatenated objects (jq output), and the /sentences and
// /paragraphs responses. Every text field becomes a segment of a
// TranscriptDocument with its exact byte span in the input; `words` keep their times and
// speakers. A JSON value that is not a transcript is reported as such, so the caller can scan the
// file as plain text. Never throws; garbage (invalid JSON, deep nesting, invalid UTF-8) is an
// `invalid` result with a message.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "decode/transcript_document.h"

namespace aaiscan {

enum class JsonDecodeStatus : uint8_t {
    not_transcript,  // valid JSON (as far as read) but no transcript in it
    transcripts,     // at least one transcript was decoded and handed over
    invalid,         // not JSON, or broken before the end (see error, resume_offset)
};

struct JsonDecodeResult {
    JsonDecodeStatus status = JsonDecodeStatus::not_transcript;
    size_t transcripts = 0;      // documents handed to the callback
    std::string error;           // why the input is invalid
    uint64_t resume_offset = 0;  // first byte not inside a transcript already handed over
    bool utf8_repaired = false;  // invalid UTF-8 bytes were read as '?'
};

// JSON Lines (.jsonl/.ndjson exports, one transcript per line): the first line is exactly one
// complete JSON object or array and another non-blank line follows. Costs a pass over the first
// line only when more lines follow; a pretty-printed document's first line is a lone '{' and
// fails at once.
bool looks_like_json_lines(std::string_view input);

// Called once per decoded transcript; the document is reused for the next one.
using TranscriptCallback = std::function<void(TranscriptDocument&)>;

class TranscriptJsonDecoder {
public:
    TranscriptJsonDecoder();
    ~TranscriptJsonDecoder();
    TranscriptJsonDecoder(const TranscriptJsonDecoder&) = delete;
    TranscriptJsonDecoder& operator=(const TranscriptJsonDecoder&) = delete;

    // Decodes `input`. With `force`, any object with a text-bearing field (text, words,
    // utterances...) counts as a transcript; otherwise it also needs AssemblyAI's shape (word
    // objects with times, or two AssemblyAI-specific keys). Reuses its buffers between calls.
    JsonDecodeResult decode(std::string_view input, bool force, const TranscriptCallback& on_transcript);

    // Scanning needs each spoken word once: with this on, an utterance's `words` array that only
    // repeats the utterance's text (word texts joined by spaces equal it, read from the raw bytes)
    // is not decoded when the transcript's top-level `words` already give times and speakers; its
    // byte range goes to TranscriptDocument::repeated_word_arrays. Findings are the same. Off by
    // default: `redact` must edit every word.
    void set_skip_repeated_words(bool skip);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace aaiscan
