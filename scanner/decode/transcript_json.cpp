// AssemblyAI transcript JSON decoding with simdjson On-Demand (see transcript_json.h). Values are
// read in document order with error codes (no exceptions); unknown keys are skipped without being
// materialised, so a transcript costs one pass over its bytes.
#include "decode/transcript_json.h"

#include <simdjson.h>

#include <algorithm>
#include <array>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <cmath>
#include <cstdlib>
#include <cstring>

#include "decode/json_text.h"
#include "decode/streaming_session.h"

namespace aaiscan {
namespace {

namespace od = simdjson::ondemand;
using simdjson::error_code;

constexpr error_code k_ok = simdjson::SUCCESS;

// Type mismatches are skipped (a `text` that is null, a `start` that is a string); anything else
// means the JSON is broken and decoding stops.
bool fatal(error_code e) {
    return e != k_ok && e != simdjson::INCORRECT_TYPE && e != simdjson::NUMBER_OUT_OF_RANGE;
}

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

// The first byte at or after `p` (before `end`) that is not JSON whitespace. Pretty-printed
// exports spend half their `words` bytes on indentation: 16 bytes a step where SSE2 is there.
inline const char* skip_space(const char* p, const char* end) {
    // Most gaps are empty or one space (after ':'): settle those without vector work.
    if (p < end && !is_space(*p)) return p;
    if (p + 1 < end && !is_space(p[1])) return p + 1;
#if defined(__SSE2__)
    const __m128i space = _mm_set1_epi8(' '), newline = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r'),
                  tab = _mm_set1_epi8('\t');
    while (end - p >= 16) {
        __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
        __m128i ws = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, space), _mm_cmpeq_epi8(v, newline)),
                                  _mm_or_si128(_mm_cmpeq_epi8(v, cr), _mm_cmpeq_epi8(v, tab)));
        unsigned other = ~static_cast<unsigned>(_mm_movemask_epi8(ws)) & 0xFFFFu;
        if (other) return p + __builtin_ctz(other);
        p += 16;
    }
#endif
    while (p < end && is_space(*p)) ++p;
    return p;
}

// The first '"' or '\\' at or after `p` (before `end`), or `end`.
inline const char* find_quote_or_escape(const char* p, const char* end) {
#if defined(__SSE2__)
    const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\');
    while (end - p >= 16) {
        __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
        unsigned hit = static_cast<unsigned>(
            _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash))));
        if (hit) return p + __builtin_ctz(hit);
        p += 16;
    }
#endif
    while (p < end && *p != '"' && *p != '\\') ++p;
    return p;
}

// key == literal, as a fixed-size compare the compiler inlines (hot: once per word field).
template <size_t N>
inline bool key_is(std::string_view key, const char (&literal)[N]) {
    return key.size() == N - 1 && std::memcmp(key.data(), literal, N - 1) == 0;
}

// Keys that only AssemblyAI transcripts have (with text-bearing keys, they make an object a
// transcript).
bool is_assemblyai_key(std::string_view k) {
    static constexpr std::array<std::string_view, 48> k_keys = {
        "audio_url", "acoustic_model", "language_model", "speech_model", "audio_duration", "punctuate",
        "format_text", "speaker_labels", "language_code", "webhook_url", "status", "confidence", "auto_chapters",
        "entity_detection", "summary_type", "iab_categories", "content_safety", "auto_highlights", "redact_pii",
        "redact_pii_policies", "redact_pii_audio", "redact_pii_sub", "speakers_expected", "dual_channel",
        "multichannel", "disfluencies", "sentiment_analysis", "word_boost", "boost_param", "filter_profanity",
        "language_detection", "custom_spelling", "speech_threshold", "summarization", "summary_model",
        "custom_topics", "audio_start_from", "audio_end_at", "webhook_status_code", "webhook_auth",
        "speed_boost", "redact_pii_audio_quality", "language_confidence", "audio_channels", "utterances", "words",
        "chapters", "entities"};
    for (std::string_view key : k_keys) {
        if (k == key) return true;
    }
    return false;
}

// Replaces the bytes of invalid UTF-8 sequences with '?' (same length, so offsets stay exact).
void repair_utf8(char* data, size_t size) {
    auto* s = reinterpret_cast<unsigned char*>(data);
    size_t i = 0;
    while (i < size) {
        unsigned char c = s[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        size_t need = 0;
        uint32_t min = 0;
        uint32_t cp = 0;
        if (c >= 0xC2 && c <= 0xDF) {
            need = 1, min = 0x80, cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            need = 2, min = 0x800, cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            need = 3, min = 0x10000, cp = c & 0x07;
        } else {
            s[i++] = '?';
            continue;
        }
        bool ok = i + need < size;
        for (size_t k = 1; ok && k <= need; ++k) {
            if ((s[i + k] & 0xC0) != 0x80) ok = false;
            else cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if (ok && (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))) ok = false;
        if (!ok) {
            s[i++] = '?';
            continue;
        }
        i += need + 1;
    }
}

// What was seen of an object, to decide whether it is a transcript.
struct Shape {
    bool text_field = false;   // text, words, utterances, sentences, paragraphs, unredacted_*
    bool top_words = false;    // the top-level `words` were decoded (they give every word's time)
    int assemblyai_keys = 0;
    bool timed_words = false;  // word objects with text and start
    bool wrapper = false;      // held a list of transcripts
    // An object that is itself one timed piece of a transcript ({"speaker", "text", "start",
    // "end"}: an element of an exported utterance or sentence list).
    uint32_t text_segment = k_no_index;
    int64_t start_ms = -1;
    int64_t end_ms = -1;
    uint16_t speaker = k_no_speaker;
    // A LeMUR response ({"request_id", "response", "usage"}).
    bool lemur_text = false;
    int lemur_keys = 0;
    // A streaming message: v3 {"type": "Turn", "turn_order", "end_of_turn", ...} or v2
    // {"message_type": "PartialTranscript" | "FinalTranscript", ...}.
    bool stream_turn = false;     // v3 Turn
    bool end_of_turn = false;
    int64_t turn_order = -1;
    std::string_view message_type;  // v2

    bool timed_piece() const { return text_segment != k_no_index && start_ms >= 0 && end_ms >= start_ms; }
};

// True when the SIMDJSON_PADDING bytes after `input` are on the page of its last byte, so reading
// them cannot fault. Never under AddressSanitizer, which would rightly object to the read.
bool in_place_is_safe(std::string_view input) {
#if defined(__SANITIZE_ADDRESS__)
    (void)input;
    return false;
#else
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
    (void)input;
    return false;
#endif
#endif
    if (input.empty()) return false;
    auto last = reinterpret_cast<uintptr_t>(input.data() + input.size() - 1);
    auto reach = last + simdjson::SIMDJSON_PADDING;
    return (last >> 12) == (reach >> 12);
#endif
}

}  // namespace

struct TranscriptJsonDecoder::Impl {
    od::parser parser;
    std::string padded;
    TranscriptDocument root_doc;
    TranscriptDocument item_doc;
    // JSON Lines of streaming messages: their final turns, joined (see streaming_session.h).
    StreamingSession session;
    bool collect_session = false;
    static constexpr int64_t k_v2_turns = int64_t(1) << 40;  // v2 finals have no turn number
    int64_t v2_turns = 0;
    const char* base = nullptr;
    size_t size = 0;
    size_t root_begin = 0;  // the root document's span: the whole input, or one JSON line
    size_t root_end = 0;
    bool force = false;
    bool skip_repeated_words = false;
    const TranscriptCallback* callback = nullptr;
    JsonDecodeResult* result = nullptr;

    uint64_t offset_of(const char* p) const { return static_cast<uint64_t>(p - base); }
    // Where `v` (a view of a string read from the input) starts in the input, when it is a slice
    // of the input rather than of simdjson's unescaping buffer.
    uint64_t raw_of(std::string_view v) const {
        return v.data() >= base && v.data() + v.size() <= base + size ? offset_of(v.data()) : k_unknown_raw;
    }

    std::string_view key_of(od::field& f) const {
        const char* k = f.key().raw();
        const char* end = base + size;
        if (k < base || k >= end) return {};
        // Keys are short: a plain loop beats memchr's call overhead.
        const char* q = k;
        while (q < end && *q != '"') ++q;
        if (q == end) return {};
        return std::string_view(k, static_cast<size_t>(q - k));
    }

    // A string value with its raw span (content between the quotes). Strings without escapes
    // (nearly all of them) are read straight from the input, without simdjson's unescaping copy.
    error_code read_string(od::value& v, std::string_view& text, uint64_t& raw_begin, uint64_t& raw_end,
                           bool& escaped) const {
        std::string_view token = v.raw_json_token();
        if (token.empty() || token.front() != '"') return simdjson::INCORRECT_TYPE;
        size_t n = token.size();
        while (n > 1 && is_space(token[n - 1])) --n;
        if (n < 2 || token[n - 1] != '"') {
            // Not a well-formed string token: let simdjson decide (and say why).
            raw_begin = raw_end = offset_of(token.data());
            escaped = true;
            return v.get_string().get(text);
        }
        std::string_view content = token.substr(1, n - 2);
        raw_begin = offset_of(content.data());
        raw_end = raw_begin + content.size();
        escaped = false;
        for (char c : content) {
            if (c == '\\') {
                escaped = true;
                break;
            }
        }
        if (!escaped) {
            text = content;
            return k_ok;
        }
        error_code e = v.get_string().get(text);
        if (e != k_ok) return e;
        escaped = text.size() != content.size();
        return k_ok;
    }

    // A string value, for metadata (speaker names, ids): unescaped when needed.
    static error_code read_name(od::value& v, std::string_view& text) {
        std::string_view token = v.raw_json_token();
        size_t n = token.size();
        while (n > 1 && is_space(token[n - 1])) --n;
        if (n >= 2 && token.front() == '"' && token[n - 1] == '"') {
            std::string_view content = token.substr(1, n - 2);
            if (content.find('\\') == std::string_view::npos) {
                text = content;
                return k_ok;
            }
        }
        return v.get_string().get(text);
    }

    // Milliseconds: plain integers are parsed from the token; anything else through simdjson.
    static int64_t read_ms(od::value& v) {
        std::string_view token = v.raw_json_token();
        int64_t value = 0;
        size_t i = 0;
        while (i < token.size() && i < 16 && token[i] >= '0' && token[i] <= '9') value = value * 10 + (token[i++] - '0');
        if (i > 0 && (i == token.size() || is_space(token[i]))) return value;
        int64_t integer = 0;
        if (v.get_int64().get(integer) == k_ok) return integer;
        double d = 0;
        if (v.get_double().get(d) == k_ok && std::isfinite(d) && d >= 0 && d < 9.0e15) return static_cast<int64_t>(d);
        return -1;
    }

    // A field holding one string: adds a segment of `kind` when it is a string.
    error_code string_field(od::value& v, TranscriptDocument& doc, FieldKind kind, uint32_t& segment,
                            uint32_t index = k_no_index) {
        std::string_view text;
        uint64_t rb = 0, re = 0;
        bool escaped = false;
        error_code e = read_string(v, text, rb, re, escaped);
        if (e != k_ok) return fatal(e) ? e : k_ok;
        segment = doc.add_field(kind, text, rb, re, escaped, index);
        return k_ok;
    }

    // The fields of a word object that matter.
    struct WordFields {
        std::string_view text;
        uint64_t raw_begin = 0, raw_end = 0;
        bool has_text = false;
        int64_t start = -1, end = -1;
        std::string_view speaker, channel;
    };

    // Fast path for the flat word objects of `words` arrays: reads the object's bytes directly
    // (strings without escapes, numbers, null/true/false). Returns false, having changed nothing
    // that matters, for anything else (escapes, nested values, odd syntax); the caller then uses
    // simdjson's iteration. The value is not consumed: simdjson skips it when moving on.
    bool scan_flat_word(std::string_view token, WordFields& w) const {
        const char* p = token.data();
        return scan_flat_word_at(p, w);
    }

    // scan_flat_word from `p` (at the '{'); on success `p` is just after the closing '}'.
    bool scan_flat_word_at(const char*& p, WordFields& w) const {
        const char* end = base + size;
        auto ws = [&] { p = skip_space(p, end); };
        // A string without escapes; p at the opening quote.
        auto plain_string = [&](std::string_view& out) {
            const char* q = find_quote_or_escape(p + 1, end);
            if (q >= end || *q != '"') return false;
            out = std::string_view(p + 1, static_cast<size_t>(q - p - 1));
            p = q + 1;
            return true;
        };
        auto scalar = [&](int64_t* integer) {
            if (p < end && (*p == '-' || (*p >= '0' && *p <= '9'))) {
                int64_t v = 0;
                bool negative = *p == '-';
                if (negative) ++p;
                const char* digits = p;
                while (p < end && *p >= '0' && *p <= '9' && p - digits < 16) v = v * 10 + (*p++ - '0');
                const char* integer_end = p;
                while (p < end && ((*p >= '0' && *p <= '9') || *p == '.' || *p == 'e' || *p == 'E' || *p == '+' || *p == '-')) ++p;
                if (p == digits) return false;
                if (integer && p != integer_end) {
                    // A fraction or exponent ("1.5", "2e3"): read it as a double.
                    std::string number(digits, static_cast<size_t>(p - digits));
                    char* stop = nullptr;
                    double d = std::strtod(number.c_str(), &stop);
                    v = std::isfinite(d) && d >= 0 && d < 9.0e15 ? static_cast<int64_t>(d) : -1;
                }
                if (integer) *integer = negative ? -1 : v;
                return true;
            }
            for (std::string_view literal : {"null", "true", "false"}) {
                if (static_cast<size_t>(end - p) >= literal.size() && std::string_view(p, literal.size()) == literal) {
                    p += literal.size();
                    if (integer) *integer = -1;
                    return true;
                }
            }
            return false;
        };
        if (p >= end || *p != '{') return false;
        ++p;
        ws();
        if (p < end && *p == '}') {
            ++p;
            return true;
        }
        while (p < end) {
            std::string_view key;
            if (*p != '"' || !plain_string(key)) return false;
            ws();
            if (p >= end || *p != ':') return false;
            ++p;
            ws();
            if (p >= end) return false;
            if (*p == '"') {
                const char* open = p;
                std::string_view value;
                if (!plain_string(value)) return false;
                if (key_is(key, "text")) {
                    w.text = value;
                    w.raw_begin = offset_of(open + 1);
                    w.raw_end = w.raw_begin + value.size();
                    w.has_text = true;
                } else if (key_is(key, "speaker")) {
                    w.speaker = value;
                } else if (key_is(key, "channel")) {
                    w.channel = value;
                }
            } else if (key_is(key, "start")) {
                if (!scalar(&w.start)) return false;
            } else if (key_is(key, "end")) {
                if (!scalar(&w.end)) return false;
            } else if (!scalar(nullptr)) {
                return false;
            }
            ws();
            if (p >= end) return false;
            if (*p == '}') {
                ++p;
                return true;
            }
            if (*p != ',') return false;
            ++p;
            ws();
        }
        return false;
    }

    error_code parse_word(od::value& v, TranscriptDocument& doc, Shape& shape, uint32_t index) {
        WordFields w;
        std::string_view token = v.raw_json_token();
        if (!token.empty() && token.front() == '{' && scan_flat_word(token, w)) {
            add_flat_word(w, doc, shape, index);
            return k_ok;
        }
        od::object object;
        error_code e = v.get_object().get(object);
        if (e != k_ok) return fatal(e) ? e : k_ok;
        std::string_view text;
        uint64_t rb = 0, re = 0;
        bool escaped = false, has_text = false;
        int64_t start = -1, end = -1;
        uint16_t speaker = k_no_speaker;
        std::string_view channel;
        for (auto item : object) {
            od::field f;
            if ((e = std::move(item).get(f)) != k_ok) return e;
            std::string_view key = key_of(f);
            od::value& value = f.value();
            if (key == "text") {
                e = read_string(value, text, rb, re, escaped);
                if (fatal(e)) return e;
                has_text = e == k_ok;
            } else if (key == "start") {
                start = read_ms(value);
            } else if (key == "end") {
                end = read_ms(value);
            } else if (key == "speaker") {
                std::string_view name;
                if (read_name(value, name) == k_ok) speaker = doc.speaker_id(name, raw_of(name));
            } else if (key == "channel") {
                if (read_name(value, channel) != k_ok) channel = {};
            }
        }
        if (!has_text) text = {};
        if (speaker == k_no_speaker && !channel.empty()) speaker = doc.speaker_id("channel " + std::string(channel));
        doc.add_word(text, rb, re, escaped, start, end, speaker, index);
        if (has_text && start >= 0) shape.timed_words = true;
        return k_ok;
    }

    void add_flat_word(const WordFields& w, TranscriptDocument& doc, Shape& shape, uint32_t index) const {
        uint16_t speaker = w.speaker.empty() ? k_no_speaker : doc.speaker_id(w.speaker, raw_of(w.speaker));
        if (speaker == k_no_speaker && !w.channel.empty()) speaker = doc.speaker_id("channel " + std::string(w.channel));
        doc.add_word(w.text, w.raw_begin, w.raw_end, false, w.start, w.end, speaker, index);
        if (w.has_text && w.start >= 0) shape.timed_words = true;
    }

    // Fast path for a whole `words` array of flat word objects, read from its bytes; the array is
    // left unconsumed (simdjson skips it in one go). False, with nothing added, for anything else.
    bool scan_flat_words(std::string_view token, TranscriptDocument& doc, FieldKind kind, uint32_t parent,
                         Shape& shape) const {
        const char* p = token.data();
        const char* end = base + size;
        auto ws = [&] {
            while (p < end && is_space(*p)) ++p;
        };
        if (p >= end || *p != '[') return false;
        ++p;
        doc.begin_words(kind, parent);
        Shape seen = shape;
        uint32_t index = 0;
        ws();
        bool ok = p < end && *p == ']';
        while (!ok && p < end) {
            WordFields w;
            if (*p != '{' || !scan_flat_word_at(p, w)) break;
            add_flat_word(w, doc, seen, index++);
            ws();
            if (p < end && *p == ',') {
                ++p;
                ws();
                continue;
            }
            ok = p < end && *p == ']';
            break;
        }
        if (!ok) {
            doc.abandon_words();
            return false;
        }
        doc.end_words();
        shape = seen;
        return true;
    }

    error_code parse_words(od::value& v, TranscriptDocument& doc, FieldKind kind, uint32_t parent, Shape& shape) {
        std::string_view token = v.raw_json_token();
        if (!token.empty() && token.front() == '[' && scan_flat_words(token, doc, kind, parent, shape)) return k_ok;
        od::array array;
        error_code e = v.get_array().get(array);
        if (e != k_ok) return fatal(e) ? e : k_ok;
        doc.begin_words(kind, parent);
        uint32_t index = 0;
        for (auto item : array) {
            od::value word;
            if ((e = std::move(item).get(word)) != k_ok) break;
            if ((e = parse_word(word, doc, shape, index++)) != k_ok) break;
        }
        doc.end_words();
        return e;
    }

    // The structural bytes ('"', '{', '}', '[', ']', '\\') of the input, found 64 at a time as a
    // bit mask and handed out in order: a words array stops at ~16 of them a word, and finding
    // each with a fresh vector search cost more than the comparisons it serves.
    class StructuralCursor {
    public:
        explicit StructuralCursor(const char* end) : m_end(end), m_block(end) {}

        // The first structural byte at or after `p`, or the end of the input.
        const char* next(const char* p) {
            while (p < m_end) {
                if (p < m_block || p >= m_block + m_length) load(p);
                uint64_t bits = m_bits & (~uint64_t(0) << (p - m_block));
                if (bits) return m_block + __builtin_ctzll(bits);
                p = m_block + m_length;
            }
            return m_end;
        }

    private:
        static bool structural(char c) {
            return c == '"' || c == '{' || c == '}' || c == '[' || c == ']' || c == '\\';
        }

        void load(const char* p) {
            m_block = p;
            m_bits = 0;
            size_t n = static_cast<size_t>(m_end - p);
            m_length = n < 64 ? n : 64;
#if defined(__SSE2__)
            if (n >= 64) {
                const __m128i quote = _mm_set1_epi8('"'), open = _mm_set1_epi8('{'), close = _mm_set1_epi8('}'),
                              open_list = _mm_set1_epi8('['), close_list = _mm_set1_epi8(']'),
                              backslash = _mm_set1_epi8('\\');
                for (int part = 0; part < 4; ++part) {
                    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * part));
                    __m128i hit = _mm_or_si128(
                        _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)),
                        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, open), _mm_cmpeq_epi8(v, close)),
                                     _mm_or_si128(_mm_cmpeq_epi8(v, open_list), _mm_cmpeq_epi8(v, close_list))));
                    m_bits |= static_cast<uint64_t>(static_cast<unsigned>(_mm_movemask_epi8(hit))) << (16 * part);
                }
                return;
            }
#endif
            for (size_t i = 0; i < m_length; ++i) {
                if (structural(p[i])) m_bits |= uint64_t(1) << i;
            }
        }

        const char* m_end;
        const char* m_block;  // the 64 bytes (fewer at the end) whose structural bits are m_bits
        size_t m_length = 0;
        uint64_t m_bits = 0;
    };

    // True when the array whose '[' is at `p` holds flat objects (no nesting, no escapes) each with
    // exactly one string "text", and those texts joined by single spaces are `text`; `array_end`
    // is then just past its ']'. Reads only quotes and brackets: a fraction of decoding the words.
    bool words_repeat_text(const char* p, std::string_view text, const char*& array_end) const {
        const char* end = base + size;
        if (p >= end || *p != '[') return false;
        ++p;
        StructuralCursor structure(end);
        size_t cursor = 0;
        bool first = true;
        bool in_object = false, has_text = false, expect_text_value = false;
        while (true) {
            p = structure.next(p);
            if (p >= end) return false;
            switch (*p) {
                case '{':
                    if (in_object) return false;  // nested object
                    in_object = true;
                    has_text = false;
                    ++p;
                    break;
                case '}':
                    if (!in_object || !has_text || expect_text_value) return false;
                    in_object = false;
                    ++p;
                    break;
                case ']':
                    if (in_object) return false;  // an array inside a word
                    array_end = p + 1;
                    return cursor == text.size();
                case '"': {
                    const char* q = structure.next(p + 1);
                    while (q < end && *q != '"' && *q != '\\') q = structure.next(q + 1);
                    if (q >= end || *q != '"') return false;  // an escape: decode properly instead
                    std::string_view value(p + 1, static_cast<size_t>(q - p - 1));
                    p = q + 1;
                    if (!in_object) return false;
                    if (expect_text_value) {
                        if (!first) {
                            if (cursor >= text.size() || text[cursor] != ' ') return false;
                            ++cursor;
                        }
                        if (text.compare(cursor, value.size(), value) != 0) return false;
                        cursor += value.size();
                        first = false;
                        expect_text_value = false;
                        has_text = true;
                        break;
                    }
                    const char* after = skip_space(p, end);
                    bool is_key = after < end && *after == ':';
                    if (is_key && key_is(value, "text")) {
                        if (has_text) return false;  // a repeated key
                        after = skip_space(after + 1, end);
                        if (after >= end || *after != '"') return false;  // null, a number: decode properly
                        expect_text_value = true;
                        p = after;
                    }
                    break;
                }
                default:  // '[' inside an object, or a backslash outside a string
                    return false;
            }
        }
    }

    // Leaves the utterance's `words` undecoded when they repeat its text (see set_skip_repeated_words).
    bool skip_if_repeated(od::value& value, std::string_view utterance_text, TranscriptDocument& doc) const {
        std::string_view token = value.raw_json_token();
        if (token.empty() || token.front() != '[') return false;
        const char* array_end = nullptr;
        if (!words_repeat_text(token.data(), utterance_text, array_end)) return false;
        doc.repeated_word_arrays.emplace_back(offset_of(token.data()), offset_of(array_end));
        return true;
    }

    // utterances[i], sentences[i], paragraphs[i], unredacted_utterances[i].
    error_code parse_utterance(od::value& v, TranscriptDocument& doc, FieldKind text_kind, FieldKind word_kind,
                               uint32_t index, Shape& shape) {
        od::object object;
        error_code e = v.get_object().get(object);
        if (e != k_ok) return fatal(e) ? e : k_ok;
        uint32_t segment = k_no_index;
        int64_t start = -1, end = -1;
        uint16_t speaker = k_no_speaker;
        std::string_view channel;
        for (auto item : object) {
            od::field f;
            if ((e = std::move(item).get(f)) != k_ok) return e;
            std::string_view key = key_of(f);
            od::value& value = f.value();
            if (key == "text") {
                if ((e = string_field(value, doc, text_kind, segment, index)) != k_ok) return e;
            } else if (key == "words") {
                if (skip_repeated_words && shape.top_words && word_kind == FieldKind::utterance_word &&
                    segment != k_no_index && skip_if_repeated(value, doc.staged_text(doc.segments[segment]), doc)) {
                    continue;
                }
                if ((e = parse_words(value, doc, word_kind, index, shape)) != k_ok) return e;
            } else if (key == "start") {
                start = read_ms(value);
            } else if (key == "end") {
                end = read_ms(value);
            } else if (key == "speaker") {
                std::string_view name;
                if (read_name(value, name) == k_ok) speaker = doc.speaker_id(name, raw_of(name));
            } else if (key == "channel") {
                if (read_name(value, channel) != k_ok) channel = {};
            }
        }
        if (speaker == k_no_speaker && !channel.empty()) speaker = doc.speaker_id("channel " + std::string(channel));
        if (segment != k_no_index) {
            TextSegment& s = doc.segments[segment];
            s.start_ms = start;
            s.end_ms = end;
            s.speaker = speaker;
        }
        return k_ok;
    }

    template <typename Each>
    error_code each_element(od::value& v, Each&& each) {
        od::array array;
        error_code e = v.get_array().get(array);
        if (e != k_ok) return fatal(e) ? e : k_ok;
        uint32_t index = 0;
        for (auto item : array) {
            od::value element;
            if ((e = std::move(item).get(element)) != k_ok) return e;
            if ((e = each(element, index++)) != k_ok) return e;
        }
        return k_ok;
    }

    // An object of string/number fields; calls `each(key, value)` for every field.
    template <typename Each>
    error_code each_field(od::value& v, Each&& each) {
        od::object object;
        error_code e = v.get_object().get(object);
        if (e != k_ok) return fatal(e) ? e : k_ok;
        for (auto item : object) {
            od::field f;
            if ((e = std::move(item).get(f)) != k_ok) return e;
            std::string_view key = key_of(f);
            if ((e = each(key, f.value())) != k_ok) return e;
        }
        return k_ok;
    }

    // {"text": ..., "start": ..., "end": ...} or with a "timestamp"/"timestamps" object.
    error_code parse_timed_text(od::value& v, TranscriptDocument& doc, FieldKind kind, uint32_t index) {
        uint32_t segment = k_no_index;
        int64_t start = -1, end = -1;
        uint16_t speaker = k_no_speaker;
        error_code e = each_field(v, [&](std::string_view key, od::value& value) -> error_code {
            if (key == "text") return string_field(value, doc, kind, segment, index);
            if (key == "start") start = read_ms(value);
            else if (key == "end") end = read_ms(value);
            else if (key == "speaker") {
                std::string_view name;
                if (read_name(value, name) == k_ok) speaker = doc.speaker_id(name, raw_of(name));
            } else if (key == "timestamp") {
                return each_field(value, [&](std::string_view k, od::value& t) -> error_code {
                    if (k == "start") start = read_ms(t);
                    else if (k == "end") end = read_ms(t);
                    return k_ok;
                });
            } else if (key == "timestamps") {
                return each_element(value, [&](od::value& stamp, uint32_t i) -> error_code {
                    return each_field(stamp, [&](std::string_view k, od::value& t) -> error_code {
                        if (i == 0 && k == "start") start = read_ms(t);
                        else if (i == 0 && k == "end") end = read_ms(t);
                        return k_ok;
                    });
                });
            }
            return k_ok;
        });
        if (e != k_ok) return e;
        if (segment != k_no_index) {
            doc.segments[segment].start_ms = start;
            doc.segments[segment].end_ms = end;
            doc.segments[segment].speaker = speaker;
        }
        return k_ok;
    }

    // {"status": ..., "results": [{"text": ...}, ...]}
    error_code parse_results(od::value& v, TranscriptDocument& doc, FieldKind kind) {
        return each_field(v, [&](std::string_view key, od::value& value) -> error_code {
            if (key != "results") return k_ok;
            return each_element(value, [&](od::value& r, uint32_t i) { return parse_timed_text(r, doc, kind, i); });
        });
    }

    error_code parse_chapter(od::value& v, TranscriptDocument& doc, uint32_t index) {
        std::array<uint32_t, 3> segs = {k_no_index, k_no_index, k_no_index};
        int64_t start = -1, end = -1;
        error_code e = each_field(v, [&](std::string_view key, od::value& value) -> error_code {
            if (key == "summary") return string_field(value, doc, FieldKind::chapter_summary, segs[0], index);
            if (key == "headline") return string_field(value, doc, FieldKind::chapter_headline, segs[1], index);
            if (key == "gist") return string_field(value, doc, FieldKind::chapter_gist, segs[2], index);
            if (key == "start") start = read_ms(value);
            else if (key == "end") end = read_ms(value);
            return k_ok;
        });
        if (e != k_ok) return e;
        for (uint32_t s : segs) {
            if (s == k_no_index) continue;
            doc.segments[s].start_ms = start;
            doc.segments[s].end_ms = end;
        }
        return k_ok;
    }

    error_code parse_entity(od::value& v, TranscriptDocument& doc, uint32_t index) {
        uint32_t segment = k_no_index;
        int64_t start = -1, end = -1;
        std::string type;
        error_code e = each_field(v, [&](std::string_view key, od::value& value) -> error_code {
            if (key == "text") return string_field(value, doc, FieldKind::entity, segment, index);
            if (key == "entity_type") {
                std::string_view t;
                if (value.get_string().get(t) == k_ok) type = t;
            } else if (key == "start") {
                start = read_ms(value);
            } else if (key == "end") {
                end = read_ms(value);
            }
            return k_ok;
        });
        if (e != k_ok) return e;
        if (segment != k_no_index) {
            doc.segments[segment].start_ms = start;
            doc.segments[segment].end_ms = end;
            doc.entities.push_back({std::move(type), segment});
        }
        return k_ok;
    }

    void note_unredacted(od::field& f, std::string_view key, TranscriptDocument& doc) {
        const char* k = f.key().raw();
        doc.unredacted.push_back({std::string(key), offset_of(k) - 1});
    }

    // One field of a transcript object.
    error_code transcript_field(std::string_view key, od::field& f, TranscriptDocument& doc, Shape& shape) {
        od::value& value = f.value();
        uint32_t ignored = k_no_index;
        if (is_assemblyai_key(key)) ++shape.assemblyai_keys;
        if (key == "id") {
            std::string_view id;
            if (value.get_string().get(id) == k_ok) doc.id = id;
            return k_ok;
        }
        if (key == "text") {
            shape.text_field = true;
            return string_field(value, doc, FieldKind::text, shape.text_segment);
        }
        if (key == "start" || key == "end") {
            (key == "start" ? shape.start_ms : shape.end_ms) = read_ms(value);
            return k_ok;
        }
        if (key == "speaker") {
            std::string_view name;
            if (read_name(value, name) == k_ok) shape.speaker = doc.speaker_id(name, raw_of(name));
            return k_ok;
        }
        if (key == "request_id" || key == "usage") {
            ++shape.lemur_keys;
            return k_ok;
        }
        if (key == "type" || key == "message_type") {
            std::string_view type;
            if (value.get_string().get(type) != k_ok) return k_ok;
            if (key == "type") {
                shape.stream_turn = type == "Turn";
            } else {
                shape.message_type = type;
            }
            return k_ok;
        }
        if (key == "end_of_turn") {
            bool end = false;
            if (value.get_bool().get(end) == k_ok) shape.end_of_turn = end;
            return k_ok;
        }
        if (key == "turn_order") {
            shape.turn_order = read_ms(value);
            return k_ok;
        }
        if (key == "response") return lemur_response(value, doc, shape);
        if (key == "words") {
            shape.text_field = true;
            size_t before = doc.segments.size();
            error_code e = parse_words(value, doc, FieldKind::word, k_no_index, shape);
            shape.top_words = shape.top_words || doc.segments.size() > before;
            return e;
        }
        auto utterances = [&](FieldKind text_kind, FieldKind word_kind) {
            shape.text_field = true;
            return each_element(value, [&](od::value& u, uint32_t i) {
                return parse_utterance(u, doc, text_kind, word_kind, i, shape);
            });
        };
        if (key == "utterances") return utterances(FieldKind::utterance_text, FieldKind::utterance_word);
        if (key == "sentences") {
            ++shape.assemblyai_keys;
            return utterances(FieldKind::sentence_text, FieldKind::sentence_word);
        }
        if (key == "paragraphs") {
            ++shape.assemblyai_keys;
            return utterances(FieldKind::paragraph_text, FieldKind::paragraph_word);
        }
        if (key.starts_with("unredacted_")) {
            note_unredacted(f, key, doc);
            shape.text_field = true;
            ++shape.assemblyai_keys;
            if (key == "unredacted_text") return string_field(value, doc, FieldKind::unredacted_text, ignored);
            if (key == "unredacted_words") return parse_words(value, doc, FieldKind::unredacted_word, k_no_index, shape);
            if (key == "unredacted_utterances") {
                return utterances(FieldKind::unredacted_utterance_text, FieldKind::unredacted_utterance_word);
            }
            return k_ok;
        }
        if (key == "summary") return string_field(value, doc, FieldKind::summary, ignored);
        if (key == "chapters") {
            return each_element(value, [&](od::value& c, uint32_t i) { return parse_chapter(c, doc, i); });
        }
        if (key == "entities") {
            return each_element(value, [&](od::value& c, uint32_t i) { return parse_entity(c, doc, i); });
        }
        if (key == "content_safety_labels") return parse_results(value, doc, FieldKind::content_safety);
        if (key == "iab_categories_result") return parse_results(value, doc, FieldKind::iab_category);
        if (key == "auto_highlights_result") return parse_results(value, doc, FieldKind::auto_highlight);
        if (key == "sentiment_analysis_results") {
            return each_element(value, [&](od::value& c, uint32_t i) {
                return parse_timed_text(c, doc, FieldKind::sentiment, i);
            });
        }
        if (key == "translated_texts") {
            return each_field(value, [&](std::string_view language, od::value& t) -> error_code {
                uint32_t index = static_cast<uint32_t>(doc.keys.size());
                uint32_t segment = k_no_index;
                error_code e = string_field(t, doc, FieldKind::translated_text, segment, index);
                if (segment != k_no_index) doc.keys.emplace_back(language);
                return e;
            });
        }
        if (key == "redact_pii") {
            bool on = false;
            if (value.get_bool().get(on) == k_ok) doc.redact_pii = on;
            return k_ok;
        }
        if (key == "redact_pii_policies") {
            od::array array;
            if (value.get_array().get(array) != k_ok) return k_ok;
            doc.policies_listed = true;
            for (auto item : array) {
                std::string_view policy;
                error_code e = std::move(item).get_string().get(policy);
                if (e == k_ok) doc.redact_policies.emplace_back(policy);
                else if (fatal(e)) return e;
            }
            return k_ok;
        }
        if (key == "redact_pii_sub") {
            std::string_view sub;
            if (value.get_string().get(sub) == k_ok) doc.redact_sub = sub;
            return k_ok;
        }
        return k_ok;
    }

    bool is_transcript(const Shape& shape) const {
        if (shape.lemur_text && (shape.lemur_keys > 0 || force)) return true;
        if (!shape.text_field) return false;
        return force || shape.timed_words || shape.assemblyai_keys >= 2 || shape.timed_piece();
    }

    // What the object's shape says about the document before it is handed over: whether it is
    // only a piece of a transcript (an utterance-list element, a LeMUR response), and for a timed
    // piece, the times and speaker of its text.
    static void settle_shape(TranscriptDocument& doc, const Shape& shape) {
        doc.fragment = !shape.timed_words && shape.assemblyai_keys < 2 && (shape.timed_piece() || shape.lemur_text);
        if (!shape.timed_piece()) return;
        TextSegment& s = doc.segments[shape.text_segment];
        s.start_ms = shape.start_ms;
        s.end_ms = shape.end_ms;
        s.speaker = shape.speaker;
    }

    // LeMUR: "response" is the answer text of a task/summary, or a list of {question, answer}.
    error_code lemur_response(od::value& value, TranscriptDocument& doc, Shape& shape) {
        od::json_type type;
        if (value.type().get(type) != k_ok) return k_ok;
        uint32_t segment = k_no_index;
        if (type == od::json_type::string) {
            error_code e = string_field(value, doc, FieldKind::lemur_response, segment);
            shape.lemur_text = segment != k_no_index;
            return e;
        }
        if (type != od::json_type::array) return k_ok;
        return each_element(value, [&](od::value& item, uint32_t i) -> error_code {
            od::object object;
            error_code e = item.get_object().get(object);
            if (e != k_ok) return fatal(e) ? e : k_ok;
            for (auto member : object) {
                od::field f;
                if ((e = std::move(member).get(f)) != k_ok) return e;
                if (key_of(f) != "answer") continue;
                uint32_t answer = k_no_index;
                if ((e = string_field(f.value(), doc, FieldKind::lemur_answer, answer, i)) != k_ok) return e;
                if (answer != k_no_index) shape.lemur_text = true;
            }
            return k_ok;
        });
    }

    void emit(TranscriptDocument& doc) {
        doc.format = TranscriptFormat::assemblyai_json;
        doc.finalize();
        ++result->transcripts;
        (*callback)(doc);
    }

    // A transcript object inside a list: `prefix` is its JSON path ("transcripts[3].").
    static std::string item_prefix(std::string_view list, uint32_t index) {
        std::string p(list);
        p.push_back('[');
        p.append(std::to_string(index));
        p.append("].");
        return p;
    }

    error_code parse_item(od::value& v, std::string prefix, bool& was_transcript) {
        was_transcript = false;
        std::string_view token = v.raw_json_token();
        od::object object;
        error_code e = v.get_object().get(object);
        if (e != k_ok) return fatal(e) ? e : k_ok;
        TranscriptDocument& doc = item_doc;
        doc.clear();
        doc.path_prefix = std::move(prefix);
        doc.raw_begin = offset_of(token.data());
        Shape shape;
        for (auto item : object) {
            od::field f;
            if ((e = std::move(item).get(f)) != k_ok) return e;
            std::string_view key = key_of(f);
            if ((e = transcript_field(key, f, doc, shape)) != k_ok) return e;
        }
        if (!is_transcript(shape)) return k_ok;
        settle_shape(doc, shape);
        const char* after = nullptr;
        doc.raw_end = v.current_location().get(after) == k_ok ? offset_of(after) : size;
        was_transcript = true;
        emit(doc);
        result->resume_offset = doc.raw_end;
        return k_ok;
    }

    // A list of transcripts: stops at the first element that is not one when none was found yet.
    error_code parse_list(od::value& v, const std::string& name) {
        od::array array;
        error_code e = v.get_array().get(array);
        if (e != k_ok) return fatal(e) ? e : k_ok;
        uint32_t index = 0;
        for (auto item : array) {
            od::value element;
            if ((e = std::move(item).get(element)) != k_ok) return e;
            bool was = false;
            if ((e = parse_item(element, item_prefix(name, index), was)) != k_ok) return e;
            if (!was && result->transcripts == 0) return k_ok;
            ++index;
        }
        return k_ok;
    }

    error_code parse_root(od::document& document) {
        od::json_type type;
        error_code e = document.type().get(type);
        if (e != k_ok) return e;
        if (type == od::json_type::array) {
            od::array array;
            if ((e = document.get_array().get(array)) != k_ok) return e;
            uint32_t index = 0;
            for (auto item : array) {
                od::value element;
                if ((e = std::move(item).get(element)) != k_ok) return e;
                bool was = false;
                if ((e = parse_item(element, item_prefix("", index), was)) != k_ok) return e;
                if (!was && result->transcripts == 0) return k_ok;
                ++index;
            }
            return k_ok;
        }
        if (type != od::json_type::object) return k_ok;
        od::object object;
        if ((e = document.get_object().get(object)) != k_ok) return e;
        TranscriptDocument& doc = root_doc;
        doc.clear();
        doc.raw_begin = root_begin;
        doc.raw_end = root_end;
        Shape shape;
        for (auto item : object) {
            od::field f;
            if ((e = std::move(item).get(f)) != k_ok) return e;
            std::string_view key = key_of(f);
            if (key == "transcripts" || key == "data" || key == "results" || key == "items") {
                std::string name(key);
                size_t before = result->transcripts;
                if ((e = parse_list(f.value(), name)) != k_ok) return e;
                if (result->transcripts > before) shape.wrapper = true;
                continue;
            }
            if (key == "page_details") shape.wrapper = true;
            if ((e = transcript_field(key, f, doc, shape)) != k_ok) return e;
        }
        if (!is_transcript(shape)) return k_ok;
        settle_shape(doc, shape);
        if (collect_session && (shape.stream_turn || shape.message_type.ends_with("Transcript"))) {
            // A streaming message: its final words join the session; partial results are dropped.
            bool final = shape.stream_turn ? shape.end_of_turn : shape.message_type == "FinalTranscript";
            if (final) {
                doc.finalize();
                int64_t order = shape.stream_turn && shape.turn_order >= 0 ? shape.turn_order : k_v2_turns + v2_turns++;
                session.add_turn(doc, order);
            }
            return k_ok;
        }
        emit(doc);
        return k_ok;
    }
    // ---- several documents in one input (JSON Lines, concatenated objects) ----------------------

    // One padded copy of the whole input; each document is a span inside it, so every span stays
    // an offset into the input.
    void copy_padded(std::string_view input) {
        padded.resize(input.size() + simdjson::SIMDJSON_PADDING);
        std::memcpy(padded.data(), input.data(), input.size());
        std::memset(padded.data() + input.size(), ' ', simdjson::SIMDJSON_PADDING);
        base = padded.data();
        size = input.size();
    }

    // Decodes input[begin, end) as a root document of its own.
    error_code decode_span(size_t begin, size_t end) {
        root_begin = begin;
        root_end = end;
        error_code e = k_ok;
        for (int attempt = 0; attempt < 2; ++attempt) {
            od::document document;
            e = parser.iterate(simdjson::padded_string_view(base + begin, end - begin, padded.size() - begin)).get(document);
            if (e == k_ok) e = parse_root(document);
            if (e != simdjson::UTF8_ERROR || result->utf8_repaired) break;
            repair_utf8(padded.data(), size);
            result->utf8_repaired = true;
        }
        return e;
    }

    // Decodes the documents `next_span` finds from `from` on: it sets [begin, end) of the next one
    // and returns true, false at the end of the input; end == npos is a document that does not end.
    // `where` names a document's place for errors ("line 3", "byte 1200").
    template <class NextSpan, class Where>
    JsonDecodeResult& decode_documents(std::string_view input, size_t from, NextSpan next_span, Where where) {
        copy_padded(input);
        size_t begin = from, end = from;
        while (next_span(input, end, begin, end)) {
            error_code e = end == std::string_view::npos ? simdjson::TAPE_ERROR : decode_span(begin, end);
            if (e != k_ok) {
                result->status = JsonDecodeStatus::invalid;
                result->error = std::string(simdjson::error_message(e)) + " " + where(begin);
                result->resume_offset = begin;
                return *result;
            }
            result->resume_offset = end;
        }
        result->status = result->transcripts > 0 ? JsonDecodeStatus::transcripts : JsonDecodeStatus::not_transcript;
        return *result;
    }

    // JSON Lines: each non-blank line is a document.
    JsonDecodeResult& decode_lines(std::string_view input) {
        auto next_line = [](std::string_view text, size_t at, size_t& begin, size_t& end) {
            while (at < text.size()) {
                size_t line_end = text.find('\n', at);
                if (line_end == std::string_view::npos) line_end = text.size();
                size_t first = at;
                while (first < line_end && is_space(text[first])) ++first;
                if (first < line_end) {
                    begin = first;
                    end = line_end;
                    return true;
                }
                at = line_end + 1;
            }
            return false;
        };
        auto line_of = [input](size_t offset) {
            return "on line " + std::to_string(1 + std::count(input.begin(), input.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
        };
        session.clear();
        v2_turns = 0;
        collect_session = true;
        JsonDecodeResult& r = decode_documents(input, 0, next_line, line_of);
        collect_session = false;
        if (!session.empty()) {
            session.build(root_doc);
            emit(root_doc);
            if (r.status == JsonDecodeStatus::not_transcript) r.status = JsonDecodeStatus::transcripts;
            session.clear();
        }
        return r;
    }

    // Concatenated values (jq output): every value from `from` on, once the first was decoded.
    JsonDecodeResult& decode_more_values(std::string_view input, size_t from) {
        auto next_value = [](std::string_view text, size_t at, size_t& begin, size_t& end) {
            begin = skip_json_space(text, at);
            if (begin == text.size()) return false;
            end = text[begin] == '{' || text[begin] == '[' ? skip_json_value(text, begin) : std::string_view::npos;
            return true;
        };
        auto byte_of = [](size_t offset) { return "near byte " + std::to_string(offset); };
        return decode_documents(input, from, next_value, byte_of);
    }
};

TranscriptJsonDecoder::TranscriptJsonDecoder() : m_impl(std::make_unique<Impl>()) {}

void TranscriptJsonDecoder::set_skip_repeated_words(bool skip) { m_impl->skip_repeated_words = skip; }
TranscriptJsonDecoder::~TranscriptJsonDecoder() = default;

bool looks_like_json_lines(std::string_view input) {
    size_t newline = input.find('\n');
    if (newline == std::string_view::npos) return false;
    size_t begin = 0;
    while (begin < newline && is_space(input[begin])) ++begin;
    if (begin == newline || (input[begin] != '{' && input[begin] != '[')) return false;
    size_t end = newline;
    while (end > begin && is_space(input[end - 1])) --end;
    if (input[end - 1] != '}' && input[end - 1] != ']') return false;
    // More lines must follow before the first line is scanned: a one-line document ending in a
    // newline (`jq -c` output) never pays for that scan.
    if (skip_json_space(input, newline + 1) == input.size()) return false;
    return skip_json_value(input.substr(0, end), begin) == end;
}

JsonDecodeResult TranscriptJsonDecoder::decode(std::string_view input, bool force, const TranscriptCallback& on_transcript) {
    JsonDecodeResult result;
    Impl& impl = *m_impl;
    if (input.size() >= 0xFFFFFFF0u) {
        result.status = JsonDecodeStatus::invalid;
        result.error = "too large for the JSON decoder";
        return result;
    }
    impl.force = force;
    impl.callback = &on_transcript;
    impl.result = &result;
    if (looks_like_json_lines(input)) return impl.decode_lines(input);
    od::document document;
    error_code e = k_ok;
    bool started = false;
    // First try in place: simdjson reads up to SIMDJSON_PADDING bytes past the end, which is safe
    // (whatever those bytes hold) when they are on the same memory page. Otherwise, or when the
    // input is not valid UTF-8 and must be repaired, decode a padded copy.
    // A UTF-8 byte order mark (Windows tools write one) is not JSON: the copy holds three spaces
    // in its place, so every offset still points into the input.
    const bool bom = input.starts_with("\xEF\xBB\xBF");
    for (int attempt = 0; attempt < 3; ++attempt) {
        const char* data = input.data();
        size_t capacity = 0;
        if (attempt == 0) {
            if (bom || !in_place_is_safe(input)) continue;
            capacity = input.size() + simdjson::SIMDJSON_PADDING;
        } else {
            impl.padded.resize(input.size() + simdjson::SIMDJSON_PADDING);
            std::memcpy(impl.padded.data(), input.data(), input.size());
            std::memset(impl.padded.data() + input.size(), ' ', simdjson::SIMDJSON_PADDING);
            if (bom) std::memset(impl.padded.data(), ' ', 3);
            if (attempt == 2) {
                repair_utf8(impl.padded.data(), input.size());
                result.utf8_repaired = true;
            }
            data = impl.padded.data();
            capacity = impl.padded.size();
        }
        impl.base = data;
        impl.size = input.size();
        impl.root_begin = bom ? 3 : 0;
        impl.root_end = input.size();
        e = impl.parser.iterate(simdjson::padded_string_view(data, input.size(), capacity)).get(document);
        if (e == simdjson::UTF8_ERROR && attempt < 2) {
            attempt = 1;  // next: the repaired copy
            continue;
        }
        break;
    }
    started = e == k_ok;
    if (started) e = impl.parse_root(document);
    // Values after the first ("jq '.transcripts[]'" prints one pretty-printed object after
    // another): each is decoded as a document of its own. Only after a root that was read to its
    // end (an object, or an array of transcripts).
    const char* next = nullptr;
    if (e == k_ok && result.transcripts > 0 && document.current_location().get(next) == k_ok && next > impl.base &&
        next < impl.base + impl.size) {
        return impl.decode_more_values(input, static_cast<size_t>(next - impl.base));
    }
    if (e != k_ok) {
        result.status = JsonDecodeStatus::invalid;
        result.error = simdjson::error_message(e);
        const char* at = nullptr;
        if (started && document.current_location().get(at) == k_ok && at > impl.base && at <= impl.base + impl.size) {
            result.error += " near byte " + std::to_string(at - impl.base);
        }
        return result;
    }
    result.status = result.transcripts > 0 ? JsonDecodeStatus::transcripts : JsonDecodeStatus::not_transcript;
    return result;
}

}  // namespace aaiscan
