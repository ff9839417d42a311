// Plain-text transcript lines (see transcript_text.h).
#include "decode/transcript_text.h"

#include "decode/speaker_names.h"
#include "decode/transcript_subtitles.h"

namespace aaiscan {
namespace {

bool markdown_mark(char c) { return c == '*' || c == '_' || c == '#' || c == '>' || c == '-' || c == ' '; }

// "**" / "__" (bold) at `i` of `line`: its length, else 0.
size_t bold_mark(std::string_view line, size_t i) {
    size_t n = 0;
    while (i + n < line.size() && n < 2 && (line[i + n] == '*' || line[i + n] == '_')) ++n;
    return n;
}

}  // namespace

std::string_view speaker_label(std::string_view line, size_t& length) {
    size_t lead = 0;
    while (lead < line.size() && lead < 8 && markdown_mark(line[lead])) ++lead;
    std::string_view rest = line.substr(lead);
    for (std::string_view prefix : {"Speaker ", "SPEAKER ", "speaker ", "SPEAKER_"}) {
        if (!rest.starts_with(prefix)) continue;
        size_t j = prefix.size();
        size_t k = j;
        while (k < rest.size() && k - j < 12 && rest[k] != ':' && rest[k] != ' ' && rest[k] != '*' && rest[k] != '_') ++k;
        if (k == j) continue;
        size_t colon = k + bold_mark(rest, k);  // "**Speaker A**:"
        if (rest.substr(colon).starts_with(" (")) {  // "Speaker A (00:01:02):"
            size_t close = rest.find(')', colon);
            if (close != std::string_view::npos && close - colon <= 16) colon = close + 1 + bold_mark(rest, close + 1);
        }
        if (colon >= rest.size() || rest[colon] != ':') continue;
        size_t after = colon + 1;
        after += bold_mark(rest, after);         // "**Speaker A:**"
        length = lead + after;
        return rest.substr(j, k - j);
    }
    return {};
}

void decode_plain_transcript(std::string_view input, TranscriptDocument& doc) {
    doc.clear();
    doc.format = TranscriptFormat::plain_text;
    doc.raw_begin = 0;
    doc.raw_end = input.size();
    // Questions and answers sit on separate lines ("Speaker A: Your date of birth?" then
    // "[00:00:15] Speaker B: March 3rd, 1985."): the lines are scanned as one text joined by single
    // spaces, the way a JSON export's `text` reads, without the times and "Speaker B:" labels.
    doc.begin_words(FieldKind::line, k_no_index);
    uint16_t speaker = k_no_speaker;
    int64_t time = -1;
    uint32_t line_number = 0;
    size_t first_timed = doc.segments.size();
    size_t i = 0;
    while (i < input.size()) {
        size_t end = input.find('\n', i);
        if (end == std::string_view::npos) end = input.size();
        size_t text_end = end > i && input[end - 1] == '\r' ? end - 1 : end;
        std::string_view line = input.substr(i, text_end - i);
        size_t skip = 0;
        size_t time_length = 0;
        int64_t announced = leading_cue_time(line, time_length);
        if (announced >= 0) {
            // The previous timed lines last until this one starts.
            for (size_t k = first_timed; k < doc.segments.size(); ++k) {
                if (doc.segments[k].end_ms < 0 && doc.segments[k].start_ms >= 0) doc.segments[k].end_ms = announced;
            }
            first_timed = doc.segments.size();
            time = announced;
            skip = time_length;
            while (skip < line.size() && line[skip] == ' ') ++skip;
        }
        size_t label_length = 0;
        std::string_view label = speaker_label(line.substr(skip), label_length);
        if (!label.empty()) skip += label_length;  // "Speaker B:" is structure; a named prefix is text
        else label = named_speaker_prefix(line.substr(skip), label_length);
        if (!label.empty()) speaker = doc.speaker_id(label, static_cast<uint64_t>(label.data() - input.data()));
        size_t b = i + skip, e = text_end;
        while (b < e && (input[b] == ' ' || input[b] == '\t')) ++b;
        while (e > b && (input[e - 1] == ' ' || input[e - 1] == '\t')) --e;
        if (b < e) {
            uint32_t s = doc.add_word(input.substr(b, e - b), b, e, false, time, -1, speaker);
            doc.segments[s].index = line_number;
            doc.segments[s].sub_index = k_no_index;
        }
        ++line_number;
        i = end + 1;
    }
    doc.finalize();
}

}  // namespace aaiscan
