// SRT / WebVTT cue parsing (see transcript_subtitles.h).
#include "decode/transcript_subtitles.h"

#include <vector>

#include "decode/speaker_names.h"

namespace aaiscan {
namespace {

struct Line {
    size_t begin;  // offset of the first byte
    size_t end;    // offset after the last byte, before "\r\n" / "\n"
};

bool blank(std::string_view input, const Line& l) {
    for (size_t i = l.begin; i < l.end; ++i) {
        char c = input[i];
        if (c != ' ' && c != '\t') return false;
    }
    return true;
}

std::vector<Line> split_lines(std::string_view input, size_t from) {
    std::vector<Line> lines;
    size_t i = from;
    while (i < input.size()) {
        size_t j = i;
        while (j < input.size() && input[j] != '\n' && input[j] != '\r') ++j;
        lines.push_back({i, j});
        if (j < input.size() && input[j] == '\r' && j + 1 < input.size() && input[j + 1] == '\n') ++j;
        i = j + 1;
    }
    return lines;
}

bool starts_with_word(std::string_view text, std::string_view word) {
    if (!text.starts_with(word)) return false;
    return text.size() == word.size() || text[word.size()] == ' ' || text[word.size()] == '\t';
}

// Parses "start --> end [settings]".
bool parse_timing(std::string_view line, int64_t& start, int64_t& end) {
    size_t arrow = line.find("-->");
    if (arrow == std::string_view::npos) return false;
    auto trim = [](std::string_view s) {
        while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
        while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
        return s;
    };
    std::string_view left = trim(line.substr(0, arrow));
    std::string_view right = trim(line.substr(arrow + 3));
    size_t space = right.find_first_of(" \t");
    if (space != std::string_view::npos) right = right.substr(0, space);
    start = parse_cue_time(left);
    end = parse_cue_time(right);
    return start >= 0 && end >= 0;
}

// Adds the text runs of one cue line, outside tags; `speaker` follows <v Name> ... </v>.
void add_cue_line(std::string_view input, const Line& l, uint32_t cue, uint32_t line_in_cue, int64_t start,
                  int64_t end, uint16_t& speaker, TranscriptDocument& doc) {
    size_t i = l.begin;
    // "Roger Bingham: ..." (meeting-tool exports): the prefix names the cue's speaker.
    size_t prefix = 0;
    std::string_view named = line_in_cue == 0 ? named_speaker_prefix(input.substr(l.begin, l.end - l.begin), prefix)
                                               : std::string_view();
    if (!named.empty()) {
        speaker = doc.speaker_id(named, l.begin);
        i += prefix;
    }
    size_t run = i;
    auto flush = [&](size_t upto) {
        // Trim the run's outer spaces: runs are joined by one space.
        size_t b = run, e = upto;
        while (b < e && (input[b] == ' ' || input[b] == '\t')) ++b;
        while (e > b && (input[e - 1] == ' ' || input[e - 1] == '\t')) --e;
        if (b == e) return;
        uint32_t s = doc.add_word(input.substr(b, e - b), b, e, false, start, end, speaker);
        doc.segments[s].index = cue;
        doc.segments[s].sub_index = line_in_cue;
    };
    while (i < l.end) {
        if (input[i] != '<') {
            ++i;
            continue;
        }
        size_t close = input.find('>', i);
        if (close == std::string_view::npos || close >= l.end) {
            ++i;  // a lone '<' is text
            continue;
        }
        flush(i);
        std::string_view tag = input.substr(i + 1, close - i - 1);
        if (tag.size() >= 2 && tag[0] == 'v' && (tag[1] == ' ' || tag[1] == '.')) {
            size_t name = tag.find(' ');
            speaker = name == std::string_view::npos
                          ? k_no_speaker
                          : doc.speaker_id(tag.substr(name + 1), static_cast<uint64_t>(i + 2 + name));
        } else if (tag == "/v") {
            speaker = k_no_speaker;
        }
        i = close + 1;
        run = i;
    }
    flush(l.end);
}

}  // namespace

int64_t parse_cue_time(std::string_view text) {
    // [hh:]mm:ss[,.]fff with 1..3 fraction digits (more are ignored).
    int64_t parts[3] = {0, 0, 0};
    int count = 0;
    size_t i = 0;
    while (count < 3) {
        size_t j = i;
        int64_t v = 0;
        while (j < text.size() && text[j] >= '0' && text[j] <= '9' && j - i < 6) v = v * 10 + (text[j++] - '0');
        if (j == i) return -1;
        parts[count++] = v;
        i = j;
        if (i < text.size() && text[i] == ':') {
            ++i;
            continue;
        }
        break;
    }
    if (count < 2) return -1;
    int64_t h = count == 3 ? parts[0] : 0;
    int64_t m = count == 3 ? parts[1] : parts[0];
    int64_t s = count == 3 ? parts[2] : parts[1];
    if (m > 59 || s > 59) return -1;
    int64_t ms = 0;
    if (i < text.size() && (text[i] == ',' || text[i] == '.')) {
        ++i;
        int digits = 0;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
            if (digits < 3) ms = ms * 10 + (text[i] - '0');
            ++digits;
            ++i;
        }
        if (digits == 0) return -1;
        for (int d = digits; d < 3; ++d) ms *= 10;
    }
    if (i != text.size()) return -1;
    return ((h * 60 + m) * 60 + s) * 1000 + ms;
}

int64_t leading_cue_time(std::string_view line, size_t& length) {
    size_t i = 0;
    char close = 0;
    if (!line.empty() && (line[0] == '[' || line[0] == '(')) {
        close = line[0] == '[' ? ']' : ')';
        i = 1;
    }
    size_t j = i;
    while (j < line.size() && ((line[j] >= '0' && line[j] <= '9') || line[j] == ':' || line[j] == '.' || line[j] == ',')) ++j;
    if (j == i) return -1;
    int64_t ms = parse_cue_time(line.substr(i, j - i));
    if (ms < 0) return -1;
    if (close != 0) {
        if (j >= line.size() || line[j] != close) return -1;
        ++j;
    }
    length = j;
    return ms;
}

bool decode_subtitles(std::string_view input, TranscriptFormat format, TranscriptDocument& doc) {
    doc.clear();
    doc.format = format;
    doc.raw_begin = 0;
    doc.raw_end = input.size();
    size_t from = input.starts_with("\xEF\xBB\xBF") ? 3 : 0;
    std::vector<Line> lines = split_lines(input, from);
    auto text = [&](const Line& l) { return input.substr(l.begin, l.end - l.begin); };
    doc.begin_words(FieldKind::cue, k_no_index);
    size_t i = 0;
    if (format == TranscriptFormat::vtt && i < lines.size() && text(lines[i]).starts_with("WEBVTT")) {
        while (i < lines.size() && !blank(input, lines[i])) ++i;  // header block
    }
    uint32_t cue = 0;
    int64_t last_start = -1, last_end = -1;
    bool any = false;
    while (i < lines.size()) {
        while (i < lines.size() && blank(input, lines[i])) ++i;
        if (i >= lines.size()) break;
        size_t block_end = i;
        while (block_end < lines.size() && !blank(input, lines[block_end])) ++block_end;
        std::string_view first = text(lines[i]);
        if (format == TranscriptFormat::vtt &&
            (starts_with_word(first, "NOTE") || starts_with_word(first, "STYLE") || starts_with_word(first, "REGION"))) {
            i = block_end;
            continue;
        }
        // The timing line is the first or (after a cue identifier) the second line of the block.
        size_t timing = block_end;
        int64_t start = -1, end = -1;
        for (size_t k = i; k < block_end && k <= i + 1; ++k) {
            if (parse_timing(text(lines[k]), start, end)) {
                timing = k;
                break;
            }
        }
        size_t first_text = i;
        if (timing < block_end) {
            ++cue;
            last_start = start;
            last_end = end;
            first_text = timing + 1;
        } else {
            // Text without a timing line: a cue whose text had a blank line in it.
            start = last_start;
            end = last_end;
            if (cue == 0) cue = 1;
        }
        uint16_t speaker = k_no_speaker;
        for (size_t k = first_text; k < block_end; ++k) {
            size_t before = doc.segments.size();
            add_cue_line(input, lines[k], cue, static_cast<uint32_t>(k - first_text), start, end, speaker, doc);
            any = any || doc.segments.size() > before;
        }
        i = block_end;
    }
    doc.end_words();
    doc.finalize();
    return any;
}

}  // namespace aaiscan
