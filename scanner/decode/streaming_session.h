// Streaming session logs: JSON Lines of Universal-Streaming v3 `Turn` messages or v2 realtime
// `PartialTranscript`/`FinalTranscript` messages, one per line. Scanned line by line, a question
// ("what's the card number?") and its answer sit in different turns, and every partial result
// repeats the words of the final one. The session joins the final words of each turn, in turn
// order, into one transcript; partial results are not scanned.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "decode/transcript_document.h"

namespace aaiscan {

class StreamingSession {
public:
    void clear() { m_turns.clear(); }
    bool empty() const { return m_turns.empty(); }
    // Keeps the words of `turn` (a finalised document of one message) as turn `order`; a later
    // final message of the same turn (v3 sends the formatted text after the unformatted) replaces
    // them.
    void add_turn(const TranscriptDocument& turn, int64_t order);
    // The session as one transcript: every kept word, in turn order, with its offsets, times and
    // speaker. `doc` is cleared first; call finalize() (or emit) afterwards.
    void build(TranscriptDocument& doc) const;

private:
    struct Word {
        std::string text;
        std::string speaker;
        uint64_t raw_begin = 0, raw_end = 0;
        int64_t start_ms = -1, end_ms = -1;
        bool escaped = false;
    };
    std::map<int64_t, std::vector<Word>> m_turns;
};

}  // namespace aaiscan
