// Plain-text transcript lines (see transcript_text.h).
#include "decode/transcript_text.h"

#include "decode/speaker_names.h"
#include "decode/transcript_csv.h"
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

// A time after a speaker label, from `i`: " (00:01:02)", " `[00:00:04]`", " [00:00:04]",
// " — 00:00:05", " - 00:00:05". Returns where it ends, or `i` when there is none.
size_t label_time_end(std::string_view line, size_t i) {
    size_t j = i;
    while (j < line.size() && line[j] == ' ') ++j;
    if (line.substr(j).starts_with("\xE2\x80\x94")) j += 3;  // em dash
    else if (j < line.size() && line[j] == '-') ++j;
    while (j < line.size() && line[j] == ' ') ++j;
    auto is_open = [](char c) { return c == '`' || c == '[' || c == '('; };
    auto is_close = [](char c) { return c == '`' || c == ']' || c == ')'; };
    size_t k = j;
    while (k < line.size() && k - j < 2 && is_open(line[k])) ++k;
    size_t digits = 0, colons = 0, time_begin = k;
    while (k < line.size() && k - time_begin < 12) {
        char c = line[k];
        if (c >= '0' && c <= '9') ++digits;
        else if (c == ':') ++colons;
        else if (c != '.') break;
        ++k;
    }
    if (k > time_begin && line[k - 1] == ':') {  // "Speaker A 12:" is not a time; keep the colon
        --k;
        --colons;
    }
    while (k < line.size() && k - time_begin < 16 && is_close(line[k])) ++k;
    // At least "0:05".
    return digits >= 3 && colons >= 1 ? k : i;
}

}  // namespace

std::string_view speaker_label(std::string_view line, size_t& length) {
    size_t lead = 0;
    while (lead < line.size() && (lead < 8 || line[lead] == ' ' || line[lead] == '\t') && markdown_mark(line[lead])) ++lead;
    std::string_view rest = line.substr(lead);
    // "Channel 1": a multichannel transcript's speakers.
    for (std::string_view prefix : {"Speaker ", "SPEAKER ", "speaker ", "SPEAKER_", "Channel "}) {
        if (!rest.starts_with(prefix)) continue;
        size_t j = prefix.size();
        size_t k = j;
        while (k < rest.size() && k - j < 12 && rest[k] != ':' && rest[k] != ' ' && rest[k] != '*' && rest[k] != '_') ++k;
        if (k == j) continue;
        size_t colon = k + bold_mark(rest, k);  // "**Speaker A**:"
        // "Speaker A (00:01:02):", "**Speaker A** `[00:00:04]`:"
        size_t timed = label_time_end(rest, colon);
        bool has_time = timed != colon;
        colon = timed + bold_mark(rest, timed);
        if (has_time && (colon >= rest.size() || rest[colon] == ' ') && (lead == 0 || line.front() != '#')) {
            // "Speaker A [00:00:08] Hi Dana" (an HTML page's speaker lines once its tags are
            // blank): the time closes the label; the text follows.
            size_t after = colon;
            while (after < rest.size() && rest[after] == ' ') ++after;
            if (after < rest.size()) {
                length = lead + after;
                return rest.substr(j, k - j);
            }
        }
        if (colon >= rest.size() || rest[colon] != ':') {
            // A Markdown heading naming the speaker ("### Speaker A — 00:00:05"): the text is on
            // the lines that follow.
            bool heading = lead > 0 && line.front() == '#';
            size_t after = colon;
            while (after < rest.size() && (rest[after] == ' ' || rest[after] == '\r')) ++after;
            if (heading && after == rest.size()) {
                length = line.size();
                return rest.substr(j, k - j);
            }
            continue;
        }
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
        // A line that announces a time: the previous timed lines last until it starts.
        auto announce = [&](int64_t at) {
            for (size_t k = first_timed; k < doc.segments.size(); ++k) {
                if (doc.segments[k].end_ms < 0 && doc.segments[k].start_ms >= 0) doc.segments[k].end_ms = at;
            }
            first_timed = doc.segments.size();
            time = at;
        };
        int64_t announced = leading_cue_time(line, time_length);
        if (announced >= 0) {
            announce(announced);
            skip = time_length;
            while (skip < line.size() && line[skip] == ' ') ++skip;
        }
        size_t label_length = 0;
        std::string_view label = speaker_label(line.substr(skip), label_length);
        if (!label.empty()) {
            // A time inside the label ("**Speaker A** `[00:00:04]`:", "Speaker B [00:00:08] Hi").
            size_t name_end = static_cast<size_t>(label.data() + label.size() - line.data());
            std::string_view rest = line.substr(name_end, skip + label_length - name_end);
            size_t t = rest.find_first_of("[(0123456789");
            size_t n = 0;
            int64_t at = t == std::string_view::npos ? -1 : leading_cue_time(rest.substr(t), n);
            if (at >= 0) announce(at);
            skip += label_length;  // "Speaker B:" is structure; a named prefix is text
        } else {
            label = named_speaker_prefix(line.substr(skip), label_length);
        }
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

void decode_text_export(TranscriptFormat format, std::string_view input, TranscriptDocument& doc, std::string& scratch) {
    switch (format) {
        case TranscriptFormat::csv:
            decode_csv_transcript(input, doc);
            return;
        case TranscriptFormat::html:
            blank_html_tags(input, scratch);
            decode_plain_transcript(scratch, doc);
            return;
        default:
            decode_plain_transcript(input, doc);
    }
}

void blank_html_tags(std::string_view html, std::string& out) {
    out.assign(html.data(), html.size());
    size_t i = 0;
    while (i < out.size()) {
        size_t open = out.find('<', i);
        if (open == std::string::npos) break;
        bool comment = out.compare(open, 4, "<!--") == 0;
        size_t close = comment ? out.find("-->", open + 4) : out.find('>', open + 1);
        if (close == std::string::npos) break;
        close += comment ? 3 : 1;
        for (size_t k = open; k < close; ++k) {
            if (out[k] != '\n') out[k] = ' ';  // lines stay where they are
        }
        i = close;
    }
}

}  // namespace aaiscan
