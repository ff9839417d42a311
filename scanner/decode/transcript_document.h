// The decoded form of one transcript, shared by every transcript decoder (AssemblyAI JSON, SRT,
// VTT, plain text) and by `redact`: one blob to scan plus a segment per text field giving its
// decoded text (a slice of the blob), its exact byte span in the original file, and its audio
// time and speaker. Word lists whose text equals their parent field (`words` joined by spaces is
// `text`, `utterances[i].words` is `utterances[i].text`, the utterances tile `text`) are not
// copied twice: their segments point into the parent's bytes, so each spoken word is scanned once.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace aaiscan {

enum class TranscriptFormat : uint8_t { none, assemblyai_json, srt, vtt, plain_text, csv, html };
std::string_view to_string(TranscriptFormat format);

// What a segment is; fixes its JSON path shape (see TranscriptDocument::json_path).
enum class FieldKind : uint8_t {
    text,                        // text
    word,                        // words[i].text
    utterance_text,              // utterances[i].text
    utterance_word,              // utterances[i].words[j].text
    sentence_text,               // sentences[i].text
    sentence_word,               // sentences[i].words[j].text
    paragraph_text,              // paragraphs[i].text
    paragraph_word,              // paragraphs[i].words[j].text
    unredacted_text,             // unredacted_text
    unredacted_word,             // unredacted_words[i].text
    unredacted_utterance_text,   // unredacted_utterances[i].text
    unredacted_utterance_word,   // unredacted_utterances[i].words[j].text
    summary,                     // summary
    chapter_summary,             // chapters[i].summary
    chapter_headline,            // chapters[i].headline
    chapter_gist,                // chapters[i].gist
    entity,                      // entities[i].text
    content_safety,              // content_safety_labels.results[i].text
    auto_highlight,              // auto_highlights_result.results[i].text
    iab_category,                // iab_categories_result.results[i].text
    sentiment,                   // sentiment_analysis_results[i].text
    translated_text,             // translated_texts.<language>
    lemur_response,              // response (a LeMUR task or summary answer)
    lemur_answer,                // response[i].answer (LeMUR question answering)
    cue,                         // SRT/VTT cue text (index = cue number, sub_index = line in the cue)
    line,                        // a line of a plain-text transcript (index = 0-based line)
};

// True for the per-word kinds (word, utterance_word, ...): the segments that carry exact times.
bool is_word_kind(FieldKind kind);

inline constexpr uint32_t k_no_index = 0xFFFFFFFFu;
inline constexpr uint16_t k_no_speaker = 0xFFFFu;
inline constexpr uint64_t k_unknown_raw = ~uint64_t(0);

// One text field of the transcript. POD on purpose: a long transcript has one per word.
struct TextSegment {
    uint32_t begin = 0;        // decoded text = blob()[begin, end) (after finalize())
    uint32_t end = 0;
    uint32_t region = 0;       // internal: the staging region holding it
    uint64_t raw_begin = 0;    // the field's bytes in the original input: for JSON the string
    uint64_t raw_end = 0;      //   content between the quotes; for SRT/VTT/txt the text itself
    int64_t start_ms = -1;     // audio time, -1 when unknown
    int64_t end_ms = -1;
    uint32_t index = k_no_index;      // the array index in the JSON path (utterances[index]...)
    uint32_t sub_index = k_no_index;  // the inner index (utterances[index].words[sub_index])
    uint16_t speaker = k_no_speaker;  // index into TranscriptDocument::speakers
    FieldKind kind = FieldKind::text;
    bool escaped = false;      // JSON string with escape sequences: raw bytes differ from decoded
};

// An entry of AssemblyAI's `entities` list (entity detection).
struct TranscriptEntity {
    std::string type;      // entity_type, e.g. "person_name"
    uint32_t segment = 0;  // the segment of entities[i].text
};

// A field that keeps an unredacted copy of the transcript ("unredacted_text", ...).
struct UnredactedField {
    std::string name;
    uint64_t raw_key = 0;  // offset of the key's opening quote in the original input
};

class TranscriptDocument {
public:
    // ---- metadata, filled by the decoders ----
    TranscriptFormat format = TranscriptFormat::none;
    std::string id;                  // transcript id, "" when the export has none
    std::string path_prefix;         // JSON path of the transcript inside its file: "" for a lone
                                     // transcript, "transcripts[3]." or "[3]." inside a list
    std::optional<bool> redact_pii;  // the export's redact_pii, when it says
    bool policies_listed = false;    // redact_pii_policies was a list (possibly empty)
    std::vector<std::string> redact_policies;
    std::string redact_sub;          // redact_pii_sub ("hash", "entity_name") or ""
    std::vector<std::string> speakers;
    std::vector<uint64_t> speaker_raw;  // per speaker: offset of its name's first occurrence in the
                                        // input (k_unknown_raw when the decoder could not tell)
    std::vector<std::string> keys;   // translated_texts languages (the index of translated_text)
    std::vector<TextSegment> segments;
    std::vector<TranscriptEntity> entities;
    std::vector<UnredactedField> unredacted;
    // Word arrays the decoder did not decode because they only repeat text it has (utterance
    // words identical to their utterance's text, with top-level words giving the times): their
    // [begin, end) bytes in the input (see TranscriptJsonDecoder::set_skip_repeated_words).
    std::vector<std::pair<uint64_t, uint64_t>> repeated_word_arrays;
    bool fragment = false;           // a piece of a transcript, not a transcript object: one
                                     // element of an exported utterance list, a LeMUR response
    uint64_t raw_begin = 0;          // the transcript's bytes in the input (JSON object, file)
    uint64_t raw_end = 0;

    // Empties everything, keeping allocations.
    void clear();

    // Speaker index for a name (added on first use); k_no_speaker for an empty name. `raw`, when
    // known, is where this occurrence of the name starts in the input (see speaker_raw).
    uint16_t speaker_id(std::string_view name, uint64_t raw = k_unknown_raw);

    // Adds a field holding `text` as its own region. Returns the segment index; times and speaker
    // can be set on segments[index] afterwards.
    uint32_t add_field(FieldKind kind, std::string_view text, uint64_t raw_begin, uint64_t raw_end, bool escaped,
                       uint32_t index = k_no_index, uint32_t sub_index = k_no_index);
    // Words: begin a group (kind is a word kind, `parent_index` the index of the utterance,
    // sentence or paragraph it belongs to), add its words in order, end it. Words are joined by
    // single spaces, the way AssemblyAI builds `text` from them. `array_index` is the word's index
    // in its JSON array (k_no_index: the count of words added so far).
    void begin_words(FieldKind kind, uint32_t parent_index);
    uint32_t add_word(std::string_view text, uint64_t raw_begin, uint64_t raw_end, bool escaped, int64_t start_ms,
                      int64_t end_ms, uint16_t speaker, uint32_t array_index = k_no_index);
    void end_words();
    // Drops the open word group and everything added to it (a decoder's fast path giving up).
    void abandon_words();

    // Builds the blob: every region once, separated by '\n', word lists that repeat their parent
    // aliased into it. Segment offsets become blob offsets.
    void finalize();

    // The bytes to scan (valid until the next clear()).
    std::string_view blob() const { return m_blob; }
    std::string_view text_of(const TextSegment& s) const { return blob().substr(s.begin, s.end - s.begin); }
    // Before finalize(): the decoded text of a field added with add_field.
    std::string_view staged_text(const TextSegment& s) const {
        return std::string_view(m_staging).substr(s.begin, s.end - s.begin);
    }
    // "utterances[3].words[12].text", with path_prefix; "" for SRT/VTT/plain-text segments.
    std::string json_path(const TextSegment& s) const;
    // The speaker name of a segment, "" when unknown.
    std::string_view speaker_name(const TextSegment& s) const;

private:
    struct Region {
        uint32_t begin = 0;  // staging bytes
        uint32_t end = 0;
        FieldKind kind = FieldKind::text;
        uint32_t index = k_no_index;
        int32_t alias = -1;         // region whose bytes this one repeats
        uint32_t alias_offset = 0;  // where in that region (staging offset from its begin)
        int64_t delta = 0;          // blob offset - staging offset
        bool resolved = false;
    };
    uint32_t open_region(FieldKind kind, uint32_t index);
    void close_region();
    int32_t find_region(FieldKind kind, uint32_t index) const;
    void alias_words();
    void alias_tiles(FieldKind child, FieldKind parent);
    int64_t resolve(uint32_t region, int depth);

    std::string m_staging;
    std::string m_blob;
    std::vector<Region> m_regions;
    uint32_t m_open = k_no_index;  // region of the open word group
    uint32_t m_group_words = 0;
    size_t m_group_first_segment = 0;
    uint16_t m_last_speaker = k_no_speaker;  // speaker_id() cache: speakers repeat in runs
};

// The original-input offset of decoded byte `decoded_offset` of a JSON string whose raw content
// (between the quotes) is `raw`: walks the escapes (\n, \", \uXXXX, surrogate pairs).
size_t json_raw_offset(std::string_view raw, size_t decoded_offset);

}  // namespace aaiscan
