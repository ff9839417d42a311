// Blob assembly for decoded transcripts: regions, word-list aliasing, JSON paths (see
// transcript_document.h).
#include "decode/transcript_document.h"

#include <unordered_map>

namespace aaiscan {
namespace {

uint64_t region_key(FieldKind kind, uint32_t index) {
    return (static_cast<uint64_t>(kind) << 32) | index;
}

// The field kind whose text a word group repeats.
bool word_parent(FieldKind word, FieldKind& parent) {
    switch (word) {
        case FieldKind::word: parent = FieldKind::text; return true;
        case FieldKind::utterance_word: parent = FieldKind::utterance_text; return true;
        case FieldKind::sentence_word: parent = FieldKind::sentence_text; return true;
        case FieldKind::paragraph_word: parent = FieldKind::paragraph_text; return true;
        case FieldKind::unredacted_word: parent = FieldKind::unredacted_text; return true;
        case FieldKind::unredacted_utterance_word: parent = FieldKind::unredacted_utterance_text; return true;
        default: return false;
    }
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

bool read_hex4(std::string_view s, size_t at, uint32_t& out) {
    if (at + 4 > s.size()) return false;
    out = 0;
    for (size_t i = 0; i < 4; ++i) {
        int v = hex_value(s[at + i]);
        if (v < 0) return false;
        out = (out << 4) | static_cast<uint32_t>(v);
    }
    return true;
}

// Kinds whose consecutive fields continue one another: the pieces of one conversation.
bool continues_conversation(FieldKind kind) {
    return kind == FieldKind::utterance_text || kind == FieldKind::sentence_text ||
           kind == FieldKind::paragraph_text || kind == FieldKind::unredacted_utterance_text;
}

}  // namespace

std::string_view to_string(TranscriptFormat format) {
    switch (format) {
        case TranscriptFormat::none: return "none";
        case TranscriptFormat::assemblyai_json: return "assemblyai-json";
        case TranscriptFormat::srt: return "srt";
        case TranscriptFormat::vtt: return "vtt";
        case TranscriptFormat::plain_text: return "text";
        case TranscriptFormat::csv: return "csv";
        case TranscriptFormat::html: return "html";
    }
    return "none";
}

bool is_word_kind(FieldKind kind) {
    FieldKind parent;
    return word_parent(kind, parent);
}

void TranscriptDocument::clear() {
    format = TranscriptFormat::none;
    id.clear();
    path_prefix.clear();
    redact_pii.reset();
    policies_listed = false;
    redact_policies.clear();
    redact_sub.clear();
    speakers.clear();
    speaker_raw.clear();
    keys.clear();
    segments.clear();
    entities.clear();
    unredacted.clear();
    repeated_word_arrays.clear();
    fragment = false;
    raw_begin = raw_end = 0;
    m_staging.clear();
    m_blob.clear();
    m_regions.clear();
    m_open = k_no_index;
    m_group_words = 0;
    m_last_speaker = k_no_speaker;
}

uint16_t TranscriptDocument::speaker_id(std::string_view name, uint64_t raw) {
    if (name.empty()) return k_no_speaker;
    auto found = [&](size_t i) {
        if (speaker_raw[i] == k_unknown_raw) speaker_raw[i] = raw;
        return m_last_speaker = static_cast<uint16_t>(i);
    };
    if (m_last_speaker < speakers.size() && speakers[m_last_speaker] == name) return found(m_last_speaker);
    for (size_t i = speakers.size(); i-- > 0;) {
        if (speakers[i] == name) return found(i);
    }
    if (speakers.size() >= k_no_speaker) return k_no_speaker;
    speakers.emplace_back(name);
    speaker_raw.push_back(raw);
    return m_last_speaker = static_cast<uint16_t>(speakers.size() - 1);
}

uint32_t TranscriptDocument::open_region(FieldKind kind, uint32_t index) {
    Region r;
    r.begin = r.end = static_cast<uint32_t>(m_staging.size());
    r.kind = kind;
    r.index = index;
    m_regions.push_back(r);
    return static_cast<uint32_t>(m_regions.size() - 1);
}

void TranscriptDocument::close_region() { m_regions.back().end = static_cast<uint32_t>(m_staging.size()); }

uint32_t TranscriptDocument::add_field(FieldKind kind, std::string_view text, uint64_t raw_begin_, uint64_t raw_end_,
                                       bool escaped, uint32_t index, uint32_t sub_index) {
    TextSegment s;
    s.region = open_region(kind, index);
    s.begin = static_cast<uint32_t>(m_staging.size());
    m_staging.append(text);
    s.end = static_cast<uint32_t>(m_staging.size());
    close_region();
    s.raw_begin = raw_begin_;
    s.raw_end = raw_end_;
    s.index = index;
    s.sub_index = sub_index;
    s.kind = kind;
    s.escaped = escaped;
    segments.push_back(s);
    return static_cast<uint32_t>(segments.size() - 1);
}

void TranscriptDocument::begin_words(FieldKind kind, uint32_t parent_index) {
    m_open = open_region(kind, parent_index);
    m_group_words = 0;
    m_group_first_segment = segments.size();
}

void TranscriptDocument::abandon_words() {
    if (m_open == k_no_index) return;
    segments.resize(m_group_first_segment);
    m_staging.resize(m_regions[m_open].begin);
    m_regions.resize(m_open);
    m_open = k_no_index;
    m_group_words = 0;
}

uint32_t TranscriptDocument::add_word(std::string_view text, uint64_t raw_begin_, uint64_t raw_end_, bool escaped,
                                      int64_t start_ms, int64_t end_ms, uint16_t speaker, uint32_t array_index) {
    const Region& r = m_regions[m_open];
    if (m_group_words > 0) m_staging.push_back(' ');
    TextSegment s;
    s.region = m_open;
    s.begin = static_cast<uint32_t>(m_staging.size());
    m_staging.append(text);
    s.end = static_cast<uint32_t>(m_staging.size());
    s.raw_begin = raw_begin_;
    s.raw_end = raw_end_;
    s.start_ms = start_ms;
    s.end_ms = end_ms;
    s.speaker = speaker;
    s.kind = r.kind;
    s.escaped = escaped;
    uint32_t position = array_index == k_no_index ? m_group_words : array_index;
    if (r.kind == FieldKind::word || r.kind == FieldKind::unredacted_word) {
        s.index = position;
    } else {
        s.index = r.index;
        s.sub_index = position;
    }
    ++m_group_words;
    segments.push_back(s);
    return static_cast<uint32_t>(segments.size() - 1);
}

void TranscriptDocument::end_words() {
    if (m_open == k_no_index) return;
    m_regions[m_open].end = static_cast<uint32_t>(m_staging.size());
    m_open = k_no_index;
}

void TranscriptDocument::alias_words() {
    std::unordered_map<uint64_t, uint32_t> parents;
    for (uint32_t i = 0; i < m_regions.size(); ++i) {
        const Region& r = m_regions[i];
        if (!is_word_kind(r.kind)) parents.emplace(region_key(r.kind, r.index), i);
    }
    for (Region& r : m_regions) {
        FieldKind parent_kind;
        if (!word_parent(r.kind, parent_kind)) continue;
        uint32_t parent_index = (r.kind == FieldKind::word || r.kind == FieldKind::unredacted_word) ? k_no_index : r.index;
        auto it = parents.find(region_key(parent_kind, parent_index));
        if (it == parents.end()) continue;
        const Region& p = m_regions[it->second];
        std::string_view words(m_staging.data() + r.begin, r.end - r.begin);
        std::string_view text(m_staging.data() + p.begin, p.end - p.begin);
        if (words == text) {
            r.alias = static_cast<int32_t>(it->second);
            r.alias_offset = 0;
        }
    }
}

void TranscriptDocument::alias_tiles(FieldKind child, FieldKind parent) {
    int32_t parent_region = -1;
    std::vector<uint32_t> children;
    for (uint32_t i = 0; i < m_regions.size(); ++i) {
        if (m_regions[i].kind == parent && parent_region < 0) parent_region = static_cast<int32_t>(i);
        if (m_regions[i].kind == child) children.push_back(i);
    }
    if (parent_region < 0 || children.empty()) return;
    const Region& p = m_regions[static_cast<size_t>(parent_region)];
    std::string_view text(m_staging.data() + p.begin, p.end - p.begin);
    std::vector<uint32_t> offsets;
    offsets.reserve(children.size());
    size_t cursor = 0;
    for (uint32_t c : children) {
        while (cursor < text.size() && (text[cursor] == ' ' || text[cursor] == '\n')) ++cursor;
        const Region& r = m_regions[c];
        std::string_view piece(m_staging.data() + r.begin, r.end - r.begin);
        if (text.compare(cursor, piece.size(), piece) != 0) return;
        offsets.push_back(static_cast<uint32_t>(cursor));
        cursor += piece.size();
    }
    while (cursor < text.size() && (text[cursor] == ' ' || text[cursor] == '\n')) ++cursor;
    if (cursor != text.size()) return;
    for (size_t k = 0; k < children.size(); ++k) {
        m_regions[children[k]].alias = parent_region;
        m_regions[children[k]].alias_offset = offsets[k];
    }
}

int64_t TranscriptDocument::resolve(uint32_t index, int depth) {
    Region& r = m_regions[index];
    if (r.resolved) return r.delta;
    if (r.alias < 0 || depth > 8) {
        // Unreachable for a well-formed alias graph; keep the bytes reachable anyway.
        r.delta = static_cast<int64_t>(m_blob.size()) - r.begin;
        m_blob.append(m_staging.data() + r.begin, r.end - r.begin);
        m_blob.push_back('\n');
    } else {
        const Region& target = m_regions[static_cast<size_t>(r.alias)];
        int64_t target_delta = resolve(static_cast<uint32_t>(r.alias), depth + 1);
        r.delta = target_delta + static_cast<int64_t>(target.begin) + r.alias_offset - static_cast<int64_t>(r.begin);
    }
    r.resolved = true;
    return r.delta;
}

void TranscriptDocument::finalize() {
    end_words();
    alias_words();
    alias_tiles(FieldKind::utterance_text, FieldKind::text);
    alias_tiles(FieldKind::unredacted_utterance_text, FieldKind::unredacted_text);
    m_blob.clear();
    m_blob.reserve(m_staging.size() + m_regions.size());
    const Region* previous = nullptr;
    for (Region& r : m_regions) {
        if (r.alias >= 0) continue;
        if (r.end == r.begin) {  // an empty field or word list (`"words": []`): no bytes, no separator
            r.delta = static_cast<int64_t>(m_blob.size()) - r.begin;
            r.resolved = true;
            continue;
        }
        // Consecutive pieces of the conversation (sentences, paragraphs, utterances exported
        // without `text`) read as one text, so a question and the answer in the next piece meet.
        if (previous != nullptr && previous->kind == r.kind && continues_conversation(r.kind)) m_blob.back() = ' ';
        previous = &r;
        r.delta = static_cast<int64_t>(m_blob.size()) - r.begin;
        m_blob.append(m_staging.data() + r.begin, r.end - r.begin);
        m_blob.push_back('\n');
        r.resolved = true;
    }
    for (uint32_t i = 0; i < m_regions.size(); ++i) resolve(i, 0);
    for (TextSegment& s : segments) {
        int64_t delta = m_regions[s.region].delta;
        s.begin = static_cast<uint32_t>(static_cast<int64_t>(s.begin) + delta);
        s.end = static_cast<uint32_t>(static_cast<int64_t>(s.end) + delta);
    }
}

std::string TranscriptDocument::json_path(const TextSegment& s) const {
    if (format != TranscriptFormat::assemblyai_json) return {};
    std::string p = path_prefix;
    auto add = [&p](std::string_view name) { p.append(name); };
    auto idx = [&p](uint32_t i) {
        p.push_back('[');
        p.append(std::to_string(i));
        p.push_back(']');
    };
    switch (s.kind) {
        case FieldKind::text: add("text"); break;
        case FieldKind::word: add("words"), idx(s.index), add(".text"); break;
        case FieldKind::utterance_text: add("utterances"), idx(s.index), add(".text"); break;
        case FieldKind::utterance_word: add("utterances"), idx(s.index), add(".words"), idx(s.sub_index), add(".text"); break;
        case FieldKind::sentence_text: add("sentences"), idx(s.index), add(".text"); break;
        case FieldKind::sentence_word: add("sentences"), idx(s.index), add(".words"), idx(s.sub_index), add(".text"); break;
        case FieldKind::paragraph_text: add("paragraphs"), idx(s.index), add(".text"); break;
        case FieldKind::paragraph_word: add("paragraphs"), idx(s.index), add(".words"), idx(s.sub_index), add(".text"); break;
        case FieldKind::unredacted_text: add("unredacted_text"); break;
        case FieldKind::unredacted_word: add("unredacted_words"), idx(s.index), add(".text"); break;
        case FieldKind::unredacted_utterance_text: add("unredacted_utterances"), idx(s.index), add(".text"); break;
        case FieldKind::unredacted_utterance_word:
            add("unredacted_utterances"), idx(s.index), add(".words"), idx(s.sub_index), add(".text");
            break;
        case FieldKind::summary: add("summary"); break;
        case FieldKind::chapter_summary: add("chapters"), idx(s.index), add(".summary"); break;
        case FieldKind::chapter_headline: add("chapters"), idx(s.index), add(".headline"); break;
        case FieldKind::chapter_gist: add("chapters"), idx(s.index), add(".gist"); break;
        case FieldKind::entity: add("entities"), idx(s.index), add(".text"); break;
        case FieldKind::content_safety: add("content_safety_labels.results"), idx(s.index), add(".text"); break;
        case FieldKind::auto_highlight: add("auto_highlights_result.results"), idx(s.index), add(".text"); break;
        case FieldKind::iab_category: add("iab_categories_result.results"), idx(s.index), add(".text"); break;
        case FieldKind::sentiment: add("sentiment_analysis_results"), idx(s.index), add(".text"); break;
        case FieldKind::translated_text:
            add("translated_texts.");
            add(s.index < keys.size() ? std::string_view(keys[s.index]) : std::string_view("?"));
            break;
        case FieldKind::lemur_response: add("response"); break;
        case FieldKind::lemur_answer: add("response"), idx(s.index), add(".answer"); break;
        case FieldKind::cue:
        case FieldKind::line: return {};
    }
    return p;
}

std::string_view TranscriptDocument::speaker_name(const TextSegment& s) const {
    return s.speaker < speakers.size() ? std::string_view(speakers[s.speaker]) : std::string_view();
}

size_t json_raw_offset(std::string_view raw, size_t decoded_offset) {
    size_t i = 0;
    size_t decoded = 0;
    while (i < raw.size() && decoded < decoded_offset) {
        if (raw[i] != '\\' || i + 1 >= raw.size()) {
            ++i;
            ++decoded;
            continue;
        }
        if (raw[i + 1] != 'u') {
            i += 2;
            ++decoded;
            continue;
        }
        uint32_t cp = 0;
        if (!read_hex4(raw, i + 2, cp)) {
            i += 2;
            ++decoded;
            continue;
        }
        uint32_t low = 0;
        if (cp >= 0xD800 && cp <= 0xDBFF && i + 11 < raw.size() && raw[i + 6] == '\\' && raw[i + 7] == 'u' &&
            read_hex4(raw, i + 8, low) && low >= 0xDC00 && low <= 0xDFFF) {
            i += 12;
            decoded += 4;
            continue;
        }
        i += 6;
        decoded += cp < 0x80 ? 1 : cp < 0x800 ? 2 : 3;
    }
    return i;
}

}  // namespace aaiscan
