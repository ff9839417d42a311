// Streaming session logs joined into one transcript (see streaming_session.h).
#include "decode/streaming_session.h"

namespace aaiscan {

void StreamingSession::add_turn(const TranscriptDocument& turn, int64_t order) {
    std::vector<Word> words;
    for (const TextSegment& s : turn.segments) {
        if (s.kind != FieldKind::word) continue;
        Word w;
        w.text = std::string(turn.text_of(s));
        w.speaker = std::string(turn.speaker_name(s));
        w.raw_begin = s.raw_begin;
        w.raw_end = s.raw_end;
        w.start_ms = s.start_ms;
        w.end_ms = s.end_ms;
        w.escaped = s.escaped;
        words.push_back(std::move(w));
    }
    if (!words.empty()) m_turns[order] = std::move(words);
}

void StreamingSession::build(TranscriptDocument& doc) const {
    doc.clear();
    doc.begin_words(FieldKind::word, k_no_index);
    for (const auto& [order, words] : m_turns) {
        for (const Word& w : words) {
            uint16_t speaker = w.speaker.empty() ? k_no_speaker : doc.speaker_id(w.speaker);
            doc.add_word(w.text, w.raw_begin, w.raw_end, w.escaped, w.start_ms, w.end_ms, speaker);
        }
    }
    doc.end_words();
    if (!m_turns.empty()) {
        doc.raw_begin = m_turns.begin()->second.front().raw_begin;
        doc.raw_end = m_turns.rbegin()->second.back().raw_end;
    }
}

}  // namespace aaiscan
