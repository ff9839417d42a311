// CSV transcript exports (see transcript_csv.h).
#include "decode/transcript_csv.h"

#include <array>
#include <cstdlib>
#include <string>
#include <vector>

#include "util/strings.h"

namespace aaiscan {
namespace {

struct Field {
    size_t begin = 0, end = 0;  // the field's content in the input (inside its quotes)
};

// The delimiter of a header line: a tab when it has more tabs than commas.
char delimiter_of(std::string_view header) {
    size_t tabs = 0, commas = 0;
    for (char c : header) {
        tabs += c == '\t';
        commas += c == ',';
    }
    return tabs > commas ? '\t' : ',';
}

// Reads one record from `at` (RFC 4180: quoted fields may hold delimiters, newlines and doubled
// quotes); `at` moves past its line end. False at the end of the input.
bool read_record(std::string_view input, size_t& at, char delimiter, std::vector<Field>& fields) {
    fields.clear();
    if (at >= input.size()) return false;
    while (true) {
        Field f;
        if (at < input.size() && input[at] == '"') {
            size_t i = at + 1;
            while (i < input.size()) {
                if (input[i] == '"') {
                    if (i + 1 < input.size() && input[i + 1] == '"') {
                        i += 2;
                        continue;
                    }
                    break;
                }
                ++i;
            }
            f = {at + 1, std::min(i, input.size())};
            at = std::min(i + 1, input.size());
            while (at < input.size() && input[at] != delimiter && input[at] != '\n') ++at;  // junk after the quote
        } else {
            size_t i = at;
            while (i < input.size() && input[i] != delimiter && input[i] != '\n') ++i;
            size_t end = i > at && input[i - 1] == '\r' ? i - 1 : i;
            f = {at, end};
            at = i;
        }
        fields.push_back(f);
        if (at >= input.size()) return true;
        if (input[at] == '\n') {
            ++at;
            return true;
        }
        ++at;  // the delimiter
    }
}

enum class Column { other, text, speaker, start, end };

Column column_of(std::string_view name) {
    std::string n = to_lower_ascii(trim(name));
    if (n == "text" || n == "transcript" || n == "utterance" || n == "sentence" || n == "content" || n == "words" ||
        n == "word") {
        return Column::text;
    }
    if (n == "speaker" || n == "speaker_label" || n == "speaker label" || n == "channel" || n == "speaker_name") {
        return Column::speaker;
    }
    if (n == "start" || n == "start_ms" || n == "start_time" || n == "start time" || n == "timestamp" || n == "time" ||
        n == "begin") {
        return Column::start;
    }
    if (n == "end" || n == "end_ms" || n == "end_time" || n == "end time") return Column::end;
    return Column::other;
}

struct Layout {
    char delimiter = ',';
    int text = -1, speaker = -1, start = -1, end = -1;
};

Layout layout_of(std::string_view input, size_t& after_header) {
    Layout l;
    size_t line_end = input.find('\n');
    l.delimiter = delimiter_of(input.substr(0, line_end));
    std::vector<Field> fields;
    after_header = 0;
    if (!read_record(input, after_header, l.delimiter, fields)) return l;
    for (size_t i = 0; i < fields.size() && i < 64; ++i) {
        int index = static_cast<int>(i);
        switch (column_of(input.substr(fields[i].begin, fields[i].end - fields[i].begin))) {
            case Column::text: if (l.text < 0) l.text = index; break;
            case Column::speaker: if (l.speaker < 0) l.speaker = index; break;
            case Column::start: if (l.start < 0) l.start = index; break;
            case Column::end: if (l.end < 0) l.end = index; break;
            case Column::other: break;
        }
    }
    return l;
}

// Milliseconds from "4044" (AssemblyAI's ms), "4.044" (seconds) or "00:00:04.044"; -1 otherwise.
int64_t time_ms(std::string_view s) {
    s = trim(s);
    if (s.empty() || s.size() > 16) return -1;
    if (s.find(':') != std::string_view::npos) {
        double total = 0;
        size_t at = 0;
        while (at <= s.size()) {
            size_t colon = s.find(':', at);
            std::string part(s.substr(at, colon == std::string_view::npos ? std::string_view::npos : colon - at));
            char* stop = nullptr;
            double v = std::strtod(part.c_str(), &stop);
            if (part.empty() || stop != part.c_str() + part.size()) return -1;
            total = total * 60 + v;
            if (colon == std::string_view::npos) break;
            at = colon + 1;
        }
        return static_cast<int64_t>(total * 1000);
    }
    std::string text(s);
    char* stop = nullptr;
    double v = std::strtod(text.c_str(), &stop);
    if (stop != text.c_str() + text.size() || v < 0) return -1;
    return s.find('.') != std::string_view::npos ? static_cast<int64_t>(v * 1000) : static_cast<int64_t>(v);
}

}  // namespace

bool looks_like_transcript_csv(std::string_view head) {
    size_t after = 0;
    Layout l = layout_of(head, after);
    return l.text >= 0 && (l.speaker >= 0 || l.start >= 0 || l.end >= 0);
}

void decode_csv_transcript(std::string_view input, TranscriptDocument& doc) {
    doc.clear();
    doc.format = TranscriptFormat::csv;
    doc.raw_begin = 0;
    doc.raw_end = input.size();
    size_t at = 0;
    Layout l = layout_of(input, at);
    doc.begin_words(FieldKind::line, k_no_index);
    if (l.text < 0) {
        doc.finalize();
        return;
    }
    std::vector<Field> fields;
    uint32_t row = 1;  // the header is row 0
    auto field = [&](int index) -> std::string_view {
        if (index < 0 || static_cast<size_t>(index) >= fields.size()) return {};
        return input.substr(fields[static_cast<size_t>(index)].begin,
                            fields[static_cast<size_t>(index)].end - fields[static_cast<size_t>(index)].begin);
    };
    while (read_record(input, at, l.delimiter, fields)) {
        std::string_view text = field(l.text);
        if (!trim(text).empty()) {
            std::string_view speaker_name = trim(field(l.speaker));
            uint16_t speaker = speaker_name.empty()
                                   ? k_no_speaker
                                   : doc.speaker_id(speaker_name, static_cast<uint64_t>(speaker_name.data() - input.data()));
            size_t b = static_cast<size_t>(text.data() - input.data());
            uint32_t s = doc.add_word(text, b, b + text.size(), false, time_ms(field(l.start)), time_ms(field(l.end)), speaker);
            doc.segments[s].index = row;
            doc.segments[s].sub_index = k_no_index;
        }
        ++row;
    }
    doc.finalize();
}

}  // namespace aaiscan
