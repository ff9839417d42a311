// Unit tests for decode/transcript_json.cpp (with transcript_document.cpp): AssemblyAI shapes,
// exact byte spans of every text field, word lists aliased into their text, detection of
// non-transcripts, and garbage (broken JSON, deep nesting, invalid UTF-8, odd types).
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "decode/json_text.h"
#include "decode/transcript_json.h"

using namespace aaiscan;

namespace {

// Decodes `json` and keeps a copy of every transcript handed over.
struct Decoded {
    JsonDecodeResult result;
    std::vector<TranscriptDocument> docs;
    std::vector<std::string> blobs;
};

Decoded decode(const std::string& json, bool force = false) {
    static TranscriptJsonDecoder decoder;
    Decoded d;
    d.result = decoder.decode(json, force, [&](TranscriptDocument& doc) {
        d.blobs.emplace_back(doc.blob());
        d.docs.push_back(doc);
    });
    return d;
}

const TextSegment* find(const TranscriptDocument& doc, FieldKind kind, uint32_t index = k_no_index,
                        uint32_t sub = k_no_index) {
    for (const auto& s : doc.segments) {
        if (s.kind == kind && (index == k_no_index || s.index == index) && (sub == k_no_index || s.sub_index == sub)) {
            return &s;
        }
    }
    return nullptr;
}

std::string text_of(const Decoded& d, size_t doc, const TextSegment& s) {
    return d.blobs[doc].substr(s.begin, s.end - s.begin);
}

const std::string k_transcript = R"({
  "id": "tr_1", "status": "completed", "audio_url": "https://example.com/a.mp3",
  "text": "Hi Dana. Call me at 312-555-0147.",
  "words": [
    {"text": "Hi", "start": 100, "end": 300, "confidence": 0.9, "speaker": "A"},
    {"text": "Dana.", "start": 350, "end": 700, "confidence": 0.9, "speaker": "A"},
    {"text": "Call", "start": 900, "end": 1100, "confidence": 0.9, "speaker": "B"},
    {"text": "me", "start": 1150, "end": 1200, "confidence": 0.9, "speaker": "B"},
    {"text": "at", "start": 1250, "end": 1300, "confidence": 0.9, "speaker": "B"},
    {"text": "312-555-0147.", "start": 1350, "end": 2600, "confidence": 0.9, "speaker": "B"}
  ],
  "utterances": [
    {"speaker": "A", "start": 100, "end": 700, "text": "Hi Dana.", "words": [
      {"text": "Hi", "start": 100, "end": 300, "speaker": "A"}, {"text": "Dana.", "start": 350, "end": 700, "speaker": "A"}]},
    {"speaker": "B", "start": 900, "end": 2600, "text": "Call me at 312-555-0147.", "words": [
      {"text": "Call", "start": 900, "end": 1100, "speaker": "B"}, {"text": "me", "start": 1150, "end": 1200, "speaker": "B"},
      {"text": "at", "start": 1250, "end": 1300, "speaker": "B"}, {"text": "312-555-0147.", "start": 1350, "end": 2600, "speaker": "B"}]}
  ],
  "redact_pii": true, "redact_pii_policies": ["person_name"], "redact_pii_sub": "hash",
  "entities": [{"entity_type": "person_name", "text": "Dana", "start": 350, "end": 700}],
  "chapters": [{"summary": "A call.", "headline": "Call", "gist": "call", "start": 100, "end": 2600}],
  "summary": "Dana asks for a call back."
})";

}  // namespace

TEST_CASE("transcript json: every text field is a segment with its exact byte span") {
    Decoded d = decode(k_transcript);
    REQUIRE(d.result.status == JsonDecodeStatus::transcripts);
    REQUIRE(d.docs.size() == 1);
    const TranscriptDocument& doc = d.docs[0];
    CHECK(doc.id == "tr_1");
    CHECK(doc.redact_pii == true);
    CHECK(doc.policies_listed);
    CHECK(doc.redact_policies == std::vector<std::string>{"person_name"});
    CHECK(doc.redact_sub == "hash");
    for (const TextSegment& s : doc.segments) {
        INFO(doc.json_path(s));
        CHECK(k_transcript.substr(s.raw_begin, s.raw_end - s.raw_begin) == text_of(d, 0, s));
    }
    const TextSegment* word = find(doc, FieldKind::utterance_word, 1, 3);
    REQUIRE(word != nullptr);
    CHECK(text_of(d, 0, *word) == "312-555-0147.");
    CHECK(word->start_ms == 1350);
    CHECK(word->end_ms == 2600);
    CHECK(doc.speaker_name(*word) == "B");
    CHECK(doc.json_path(*word) == "utterances[1].words[3].text");
    const TextSegment* utterance = find(doc, FieldKind::utterance_text, 1);
    REQUIRE(utterance != nullptr);
    CHECK(utterance->start_ms == 900);
    CHECK(doc.speaker_name(*utterance) == "B");
    REQUIRE(doc.entities.size() == 1);
    CHECK(doc.entities[0].type == "person_name");
    CHECK(find(doc, FieldKind::chapter_gist, 0) != nullptr);
    CHECK(find(doc, FieldKind::summary) != nullptr);
}

TEST_CASE("transcript json: words and utterances that repeat `text` are scanned once") {
    Decoded d = decode(k_transcript);
    const std::string& blob = d.blobs[0];
    // text once, then entity, chapter and summary fields: the number appears once.
    CHECK(blob.find("312-555-0147") == blob.rfind("312-555-0147"));
    const TextSegment* text = find(d.docs[0], FieldKind::text);
    const TextSegment* word = find(d.docs[0], FieldKind::word, 5);
    const TextSegment* utterance = find(d.docs[0], FieldKind::utterance_text, 1);
    REQUIRE((text && word && utterance));
    CHECK(word->begin > text->begin);
    CHECK(word->end <= text->end);
    CHECK(utterance->begin >= text->begin);
    CHECK(blob.substr(utterance->begin, utterance->end - utterance->begin) == "Call me at 312-555-0147.");
}

TEST_CASE("transcript json: redacted text with unredacted words keeps both copies") {
    std::string json = R"({"id": "t", "audio_url": "x", "text": "Hi ####.",
      "words": [{"text": "Hi", "start": 1, "end": 2}, {"text": "Dana.", "start": 3, "end": 4}]})";
    Decoded d = decode(json);
    REQUIRE(d.docs.size() == 1);
    CHECK(d.blobs[0].find("Hi ####.") != std::string::npos);
    CHECK(d.blobs[0].find("Hi Dana.") != std::string::npos);
}

TEST_CASE("transcript json: escaped strings are decoded and keep their raw span") {
    std::string json = R"({"id": "t", "audio_url": "x", "text": "caf\u00e9 \"q\" a\nb \ud83d\ude00 end", "words": []})";
    Decoded d = decode(json);
    REQUIRE(d.docs.size() == 1);
    const TextSegment* text = find(d.docs[0], FieldKind::text);
    REQUIRE(text != nullptr);
    CHECK(text->escaped);
    CHECK(text_of(d, 0, *text) == "caf\xC3\xA9 \"q\" a\nb \xF0\x9F\x98\x80 end");
    std::string_view raw = std::string_view(json).substr(text->raw_begin, text->raw_end - text->raw_begin);
    CHECK(raw == R"(caf\u00e9 \"q\" a\nb \ud83d\ude00 end)");
    CHECK(json_raw_offset(raw, 5) == 9);    // after "caf\u00e9" (5 decoded bytes)
    CHECK(json_raw_offset(raw, 7) == 12);   // after the escaped quote
    CHECK(json_raw_offset(raw, 17) == 33);  // after the emoji (4 bytes from 12 raw)
}

TEST_CASE("transcript json: list shapes carry their JSON path prefix") {
    std::string one = R"({"id": "a", "audio_url": "x", "text": "one", "words": [{"text": "one", "start": 1, "end": 2}]})";
    std::string two = R"({"id": "b", "audio_url": "x", "text": "two", "words": [{"text": "two", "start": 1, "end": 2}]})";
    Decoded array = decode("[" + one + "," + two + "]");
    REQUIRE(array.docs.size() == 2);
    CHECK(array.docs[1].id == "b");
    CHECK(array.docs[1].json_path(*find(array.docs[1], FieldKind::word, 0)) == "[1].words[0].text");
    Decoded page = decode(R"({"page_details": {"limit": 2}, "transcripts": [)" + one + "," + two + "]}");
    REQUIRE(page.docs.size() == 2);
    CHECK(page.docs[0].json_path(*find(page.docs[0], FieldKind::text)) == "transcripts[0].text");
    // The real GET /v2/transcript page holds no text: nothing to scan, and not an error.
    Decoded meta = decode(R"({"page_details": {}, "transcripts": [{"id": "a", "status": "completed", "audio_url": "x"}]})");
    CHECK(meta.result.status == JsonDecodeStatus::not_transcript);
}

TEST_CASE("transcript json: sentences, paragraphs and unredacted_* fields") {
    Decoded s = decode(R"({"sentences": [{"text": "Hi there.", "start": 10, "end": 900, "speaker": "A",
        "words": [{"text": "Hi", "start": 10, "end": 300}, {"text": "there.", "start": 400, "end": 900}]}],
        "id": "t", "confidence": 0.9, "audio_duration": 1})");
    REQUIRE(s.docs.size() == 1);
    CHECK(s.docs[0].json_path(*find(s.docs[0], FieldKind::sentence_text, 0)) == "sentences[0].text");
    Decoded p = decode(R"({"paragraphs": [{"text": "Hi.", "start": 1, "end": 2, "words": []}], "id": "t",
        "confidence": 0.9, "audio_duration": 1})");
    REQUIRE(p.docs.size() == 1);
    CHECK(find(p.docs[0], FieldKind::paragraph_text, 0) != nullptr);
    std::string json = R"({"id": "t", "audio_url": "x", "redact_pii": true, "text": "Hi ####",
        "unredacted_text": "Hi Dana", "unredacted_words": [{"text": "Hi", "start": 1, "end": 2}], "unredacted_note": 1})";
    Decoded u = decode(json);
    REQUIRE(u.docs.size() == 1);
    REQUIRE(u.docs[0].unredacted.size() == 3);
    CHECK(u.docs[0].unredacted[0].name == "unredacted_text");
    CHECK(json.substr(u.docs[0].unredacted[0].raw_key, 17) == "\"unredacted_text\"");
    CHECK(find(u.docs[0], FieldKind::unredacted_text) != nullptr);
}

TEST_CASE("transcript json: JSON that is not a transcript is left to the plain scan") {
    CHECK(decode(R"({"id": 1, "text": "hello"})").result.status == JsonDecodeStatus::not_transcript);
    CHECK(decode(R"({"name": "pkg", "version": "1.0.0"})").result.status == JsonDecodeStatus::not_transcript);
    CHECK(decode("[1, 2, 3]").result.status == JsonDecodeStatus::not_transcript);
    CHECK(decode("[]").result.status == JsonDecodeStatus::not_transcript);
    // --transcripts: any object with a text field is one.
    CHECK(decode(R"({"id": 1, "text": "hello"})", true).result.status == JsonDecodeStatus::transcripts);
}

TEST_CASE("transcript json: garbage gives a status, never a crash") {
    CHECK(decode("{\"words\": [{\"text\": ").result.status == JsonDecodeStatus::invalid);
    CHECK(decode("not json at all").result.status != JsonDecodeStatus::transcripts);
    std::string deep = "{\"audio_url\": \"x\", \"words\": " + std::string(100000, '[') + std::string(100000, ']') + "}";
    Decoded d = decode(deep);  // AssemblyAI-shaped, with nothing to read in its words
    CHECK(d.result.status == JsonDecodeStatus::transcripts);
    CHECK(d.blobs.at(0).size() < 16);
    std::string unclosed = "{\"words\": " + std::string(100000, '[');
    CHECK(decode(unclosed).result.status == JsonDecodeStatus::invalid);
    // Invalid UTF-8 is read as '?', offsets unchanged.
    std::string bad = "{\"id\": \"t\", \"audio_url\": \"x\", \"text\": \"Dana \xff\xfe Whitfield\", \"words\": []}";
    Decoded b = decode(bad);
    REQUIRE(b.docs.size() == 1);
    CHECK(b.result.utf8_repaired);
    CHECK(b.blobs[0].find("Dana ?? Whitfield") != std::string::npos);
    // Wrong types are skipped; array indexes stay those of the JSON.
    Decoded t = decode(R"({"id": 5, "audio_url": null, "text": null, "words": [1, "x", {"text": 3},
        {"text": "ok", "start": 1.5, "end": 2e3}], "redact_pii": "yes", "redact_pii_policies": [1, null, "url"]})");
    REQUIRE(t.docs.size() == 1);
    const TextSegment* ok = find(t.docs[0], FieldKind::word, 3);
    REQUIRE(ok != nullptr);
    CHECK(ok->start_ms == 1);
    CHECK(ok->end_ms == 2000);
    CHECK_FALSE(t.docs[0].redact_pii.has_value());
    CHECK(t.docs[0].redact_policies == std::vector<std::string>{"url"});
    // A huge string.
    std::string huge = "{\"id\": \"t\", \"audio_url\": \"x\", \"text\": \"" + std::string(20 << 20, 'a') + "\", \"words\": []}";
    Decoded h = decode(huge);
    REQUIRE(h.docs.size() == 1);
    CHECK(h.blobs[0].size() > (20u << 20));
}

TEST_CASE("transcript json: word lists with escapes or nested values take the slow path, same result") {
    std::string json = R"({"id": "t", "audio_url": "x", "text": "say \"hi\" now",
      "words": [{"text": "say", "start": 1, "end": 2, "speaker": "A"},
                {"text": "\"hi\"", "start": 3, "end": 4, "speaker": "A", "extra": {"nested": [1, 2]}},
                {"text": "now", "start": 5, "end": 6, "speaker": "A"}]})";
    Decoded d = decode(json);
    REQUIRE(d.docs.size() == 1);
    const TranscriptDocument& doc = d.docs[0];
    size_t words = static_cast<size_t>(std::count_if(doc.segments.begin(), doc.segments.end(),
                                                     [](const TextSegment& s) { return s.kind == FieldKind::word; }));
    CHECK(words == 3);  // the fast path gave up without leaving half a word list behind
    const TextSegment* quoted = find(doc, FieldKind::word, 1);
    REQUIRE(quoted != nullptr);
    CHECK(text_of(d, 0, *quoted) == "\"hi\"");
    CHECK(quoted->escaped);
    CHECK(quoted->start_ms == 3);
    // Aliased into `text`: the blob holds the sentence once.
    CHECK(d.blobs[0].find("say \"hi\" now") == d.blobs[0].rfind("say \"hi\" now"));
}

TEST_CASE("transcript json: an exported list of utterances is a list of timed pieces") {
    std::string json = R"([
  {"speaker": "A", "text": "Hi, my name is Dana.", "start": 100, "end": 2100, "confidence": 0.97},
  {"speaker": "B", "text": "Thanks.", "start": 2200, "end": 4100}
])";
    Decoded d = decode(json);
    CHECK(d.result.status == JsonDecodeStatus::transcripts);
    REQUIRE(d.docs.size() == 2);
    const TextSegment* text = find(d.docs[1], FieldKind::text);
    REQUIRE(text);
    CHECK(text->start_ms == 2200);
    CHECK(text->end_ms == 4100);
    CHECK(d.docs[1].speaker_name(*text) == "B");
    CHECK(d.docs[1].json_path(*text) == "[1].text");
    CHECK(d.docs[1].fragment);
    CHECK(json.substr(text->raw_begin, text->raw_end - text->raw_begin) == "Thanks.");

    // Without times the same objects are not a transcript (a note list, a CMS export).
    CHECK(decode(R"([{"text": "Hi, my name is Dana.", "start": "2024-01-02"}])").docs.empty());
    CHECK(decode(R"({"text": "hello", "author": "x"})").docs.empty());
}

TEST_CASE("transcript json: LeMUR responses carry generated text about a transcript") {
    std::string task = R"({"request_id": "5e1b27c2", "response": "The caller, Dana Whitfield, gave 512-38-4721.", "usage": {"input_tokens": 2}})";
    Decoded d = decode(task);
    REQUIRE(d.docs.size() == 1);
    const TextSegment* response = find(d.docs[0], FieldKind::lemur_response);
    REQUIRE(response);
    CHECK(d.docs[0].json_path(*response) == "response");
    CHECK(d.blobs[0].find("512-38-4721") != std::string::npos);
    CHECK(d.docs[0].fragment);

    std::string qa = R"({"request_id": "0b4b", "response": [{"question": "Email?", "answer": "dana@example.com"},
        {"question": "Name?", "answer": "Dana"}], "usage": {}})";
    d = decode(qa);
    REQUIRE(d.docs.size() == 1);
    const TextSegment* answer = find(d.docs[0], FieldKind::lemur_answer, 1);
    REQUIRE(answer);
    CHECK(d.docs[0].json_path(*answer) == "response[1].answer");
    CHECK(qa.substr(answer->raw_begin, answer->raw_end - answer->raw_begin) == "Dana");

    // "response" alone (any API's reply) is not LeMUR.
    CHECK(decode(R"({"response": "ok"})").docs.empty());
    // A full transcript is never a fragment.
    Decoded full = decode(R"({"id": "t", "text": "Hi", "audio_duration": 3, "words": [{"text": "Hi", "start": 1, "end": 2}]})");
    REQUIRE(full.docs.size() == 1);
    CHECK_FALSE(full.docs[0].fragment);
}

TEST_CASE("transcript json: utterance words that repeat their text are skipped only when scanning asks") {
    std::string json = R"({"id": "t", "audio_duration": 9, "text": "Hi there. Call me.",
  "words": [{"text": "Hi", "start": 1, "end": 2, "speaker": "A"}, {"text": "there.", "start": 3, "end": 4, "speaker": "A"},
            {"text": "Call", "start": 5, "end": 6, "speaker": "B"}, {"text": "me.", "start": 7, "end": 8, "speaker": "B"}],
  "utterances": [
    {"speaker": "A", "text": "Hi there.", "start": 1, "end": 4, "words": [
        {"text": "Hi", "start": 1, "end": 2, "speaker": "A"}, {"text": "there.", "start": 3, "end": 4, "speaker": "A"}]},
    {"speaker": "B", "text": "Call me.", "start": 5, "end": 8, "words": [
        {"text": "Call", "start": 5, "end": 6, "speaker": "B"}, {"text": "555-0100", "start": 7, "end": 8, "speaker": "B"}]}
  ]})";
    TranscriptJsonDecoder decoder;
    auto count_utterance_words = [](const TranscriptDocument& doc) {
        return std::count_if(doc.segments.begin(), doc.segments.end(),
                             [](const TextSegment& s) { return s.kind == FieldKind::utterance_word; });
    };
    std::vector<std::pair<uint64_t, uint64_t>> skipped;
    long full_words = 0, lazy_words = 0;
    std::string full_blob, lazy_blob;
    decoder.decode(json, false, [&](TranscriptDocument& doc) {
        full_words = count_utterance_words(doc);
        full_blob = std::string(doc.blob());
        CHECK(doc.repeated_word_arrays.empty());
    });
    decoder.set_skip_repeated_words(true);
    decoder.decode(json, false, [&](TranscriptDocument& doc) {
        lazy_words = count_utterance_words(doc);
        lazy_blob = std::string(doc.blob());
        skipped = doc.repeated_word_arrays;
    });
    CHECK(full_words == 4);
    // The first utterance's words repeat its text and are skipped; the second's differ (a number
    // the text does not have) and are decoded, so the leak is still scanned.
    CHECK(lazy_words == 2);
    REQUIRE(skipped.size() == 1);
    std::string_view array(json.data() + skipped[0].first, skipped[0].second - skipped[0].first);
    CHECK(array.front() == '[');
    CHECK(array.back() == ']');
    CHECK(array.find("there.") != std::string_view::npos);
    CHECK(array.find("Call") == std::string_view::npos);
    CHECK(lazy_blob == full_blob);
    CHECK(lazy_blob.find("555-0100") != std::string::npos);

    // Without top-level words the utterance words carry the only word times: never skipped.
    std::string no_top = R"({"id": "t", "audio_duration": 9, "text": "Hi there.", "utterances": [
        {"speaker": "A", "text": "Hi there.", "start": 1, "end": 4, "words": [
            {"text": "Hi", "start": 1, "end": 2}, {"text": "there.", "start": 3, "end": 4}]}]})";
    decoder.decode(no_top, false, [&](TranscriptDocument& doc) {
        CHECK(count_utterance_words(doc) == 2);
        CHECK(doc.repeated_word_arrays.empty());
    });
    // Escapes, nesting or a missing text make the raw check give up (the words are decoded).
    for (const char* words : {R"([{"text": "Hi\u0021", "start": 1}])", R"([{"text": "Hi", "x": {"y": 1}}])",
                              R"([{"start": 1}, {"text": "Hi"}])", R"([{"text": null}])"}) {
        std::string doc_json = std::string(R"({"id": "t", "audio_duration": 9, "text": "Hi", "words": [{"text": "Hi", "start": 1, "end": 2}], "utterances": [{"text": "Hi", "start": 1, "end": 2, "words": )") +
                               words + "}]}";
        decoder.decode(doc_json, false, [&](TranscriptDocument& doc) {
            INFO(words);
            CHECK(doc.repeated_word_arrays.empty());
        });
    }
}

TEST_CASE("transcript json: JSON Lines hold one transcript per line, with spans into the whole file") {
    const std::string line1 = R"({"id":"t1","status":"completed","text":"Email me at dana.w@example.com","words":[],"audio_url":"https://x/a.mp3"})";
    const std::string line2 = R"({"id":"t2","status":"completed","text":"My card is 4111","words":[],"audio_url":"https://x/b.mp3"})";
    const std::string jsonl = line1 + "\n\n" + line2 + "\n";
    CHECK(looks_like_json_lines(jsonl));
    Decoded d = decode(jsonl);
    REQUIRE(d.result.status == JsonDecodeStatus::transcripts);
    REQUIRE(d.docs.size() == 2);
    CHECK(d.docs[0].id == "t1");
    CHECK(d.docs[1].id == "t2");
    CHECK(d.docs[0].raw_begin == 0);
    CHECK(d.docs[0].raw_end == line1.size());
    CHECK(d.docs[1].raw_begin == line1.size() + 2);
    const TextSegment* text = find(d.docs[1], FieldKind::text);
    REQUIRE(text != nullptr);
    CHECK(jsonl.substr(text->raw_begin, text->raw_end - text->raw_begin) == "My card is 4111");

    // A broken line stops the decoding there; what follows is left to the plain scan.
    Decoded broken = decode(line1 + "\n{\"id\": \"t2\", \"text\": \n" + line2 + "\n");
    CHECK(broken.result.status == JsonDecodeStatus::invalid);
    CHECK(broken.result.transcripts == 1);
    CHECK(broken.result.resume_offset == line1.size() + 1);
    CHECK(broken.result.error.find("line 2") != std::string::npos);
}

TEST_CASE("transcript json: only a first line that is one whole value makes JSON Lines") {
    CHECK_FALSE(looks_like_json_lines("{\n  \"id\": \"t1\",\n  \"text\": \"hi\"\n}\n"));  // pretty-printed
    CHECK_FALSE(looks_like_json_lines("{\"id\": \"t1\", \"text\": \"hi\"}\n"));             // one line only
    CHECK_FALSE(looks_like_json_lines("{\"text\": \"a } b\"} {\"x\": 1}\n{\"y\": 2}"));     // two values on line 1
    CHECK(looks_like_json_lines("{\"text\": \"a } \\\" { b\"}\n{\"text\": \"c\"}"));          // brackets inside strings
    CHECK(looks_like_json_lines("[{\"text\": \"a\"}]\r\n[{\"text\": \"b\"}]\r\n"));
}

TEST_CASE("transcript json: concatenated objects (jq output) are each a transcript") {
    const std::string first = "{\n  \"id\": \"t1\",\n  \"text\": \"Email dana.w@example.com\",\n  \"words\": [],\n  \"audio_url\": \"u\"\n}";
    const std::string second = "{\n  \"id\": \"t2\",\n  \"text\": \"Card 4111\",\n  \"words\": [],\n  \"audio_url\": \"u\"\n}";
    const std::string stream = first + "\n" + second + "\n";
    CHECK_FALSE(looks_like_json_lines(stream));
    Decoded d = decode(stream);
    REQUIRE(d.result.status == JsonDecodeStatus::transcripts);
    REQUIRE(d.docs.size() == 2);
    CHECK(d.docs[1].id == "t2");
    CHECK(d.docs[1].raw_begin == first.size() + 1);
    CHECK(d.docs[1].raw_end == stream.size() - 1);
    const TextSegment* text = find(d.docs[1], FieldKind::text);
    REQUIRE(text != nullptr);
    CHECK(stream.substr(text->raw_begin, text->raw_end - text->raw_begin) == "Card 4111");

    // One object and trailing whitespace is one transcript. Trailing text that is not JSON makes
    // the input invalid from the start (simdjson checks the whole input): it is all scanned as text.
    CHECK(decode(first + "\n\n  \n").docs.size() == 1);
    Decoded trailing = decode(first + "\nnot json at all, card 4111 1111 1111 1111\n");
    CHECK(trailing.result.status == JsonDecodeStatus::invalid);
    CHECK(trailing.result.resume_offset == 0);
    // A third value that is cut short stops there, after the two before it.
    Decoded cut = decode(stream + "{\n  \"id\": \"t3\",\n  \"text\": \"x\"");
    CHECK(cut.result.status == JsonDecodeStatus::invalid);
    CHECK(skip_json_value(stream, 0) == first.size());
    CHECK(skip_json_value("{\"a\": \"}\"", 0) == std::string::npos);
}

TEST_CASE("transcript json: a streaming session log is one transcript of its final turns") {
    auto word = [](const char* text, int start) {
        return std::string("{\"start\": ") + std::to_string(start) + ", \"end\": " + std::to_string(start + 300) +
               ", \"text\": \"" + text + "\", \"confidence\": 0.9, \"word_is_final\": true}";
    };
    std::string log =
        "{\"type\": \"Begin\", \"id\": \"589b04f3\", \"expires_at\": 1719856449}\n"
        // turn 0: a partial, the unformatted final, then the formatted final
        "{\"turn_order\": 0, \"end_of_turn\": false, \"transcript\": \"whats the card\", \"words\": [" + word("whats", 10) + "], \"type\": \"Turn\"}\n"
        "{\"turn_order\": 0, \"end_of_turn\": true, \"turn_is_formatted\": false, \"transcript\": \"whats the card number\", \"words\": [" +
        word("whats", 10) + ", " + word("number", 400) + "], \"type\": \"Turn\"}\n"
        "{\"turn_order\": 0, \"end_of_turn\": true, \"turn_is_formatted\": true, \"transcript\": \"What's the card number?\", \"words\": [" +
        word("What's", 10) + ", " + word("card", 200) + ", " + word("number?", 400) + "], \"type\": \"Turn\"}\n"
        // turn 1: the answer
        "{\"turn_order\": 1, \"end_of_turn\": true, \"turn_is_formatted\": true, \"transcript\": \"4111.\", \"words\": [" +
        word("4111", 900) + "], \"type\": \"Turn\"}\n"
        "{\"type\": \"Termination\", \"audio_duration_seconds\": 12}\n";
    Decoded d = decode(log);
    CHECK(d.result.status == JsonDecodeStatus::transcripts);
    REQUIRE(d.docs.size() == 1);
    CHECK(d.blobs[0] == "What's card number? 4111\n");
    // Every word keeps its offsets into the log and its time.
    const TranscriptDocument& doc = d.docs[0];
    const TextSegment& last = doc.segments.back();
    CHECK(log.substr(last.raw_begin, last.raw_end - last.raw_begin) == "4111");
    CHECK(last.start_ms == 900);
}

TEST_CASE("transcript json: the repeated-words check agrees with decoding on random layouts") {
    // Word texts with brackets and braces (inside strings: not structure), escapes (the check
    // gives up), whitespace runs that put tokens across 64-byte blocks, and utterance texts that
    // differ from their words by one character.
    const std::vector<std::string> pool = {"Hi", "[laughs]", "{uh}", "ok]", "call", "me", "555-0100", "there.",
                                           "[inaudible]", "}{"};
    const std::vector<std::string> escaped_words = {"a\\\"b", "x\\\\y"};
    uint64_t state = 0x2545F4914F6CDD1Dull;
    auto next = [&](uint64_t below) {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state % below;
    };
    auto gap = [&] { return std::string(next(4) == 0 ? next(70) : next(2), next(2) ? ' ' : '\n'); };
    TranscriptJsonDecoder decoder;
    int skipped_cases = 0;
    for (int round = 0; round < 400; ++round) {
        size_t count = 1 + next(30);
        std::vector<std::string> raw;  // as written in JSON
        std::string joined;            // decoded texts joined by spaces
        bool escaped = false;
        for (size_t i = 0; i < count; ++i) {
            const std::string& w = next(40) == 0 ? escaped_words[next(2)] : pool[next(pool.size())];
            raw.push_back(w);
            escaped = escaped || w.find('\\') != std::string::npos;
            std::string decoded;
            for (size_t k = 0; k < w.size(); ++k) decoded.push_back(w[k] == '\\' ? w[++k] : w[k]);
            if (i) joined.push_back(' ');
            joined.append(decoded);
        }
        std::string utterance_text = joined;
        bool differs = next(4) == 0;
        if (differs) utterance_text.back() = utterance_text.back() == 'Q' ? 'R' : 'Q';
        auto words_json = [&] {
            std::string out("[");
            out.append(gap());
            for (size_t i = 0; i < raw.size(); ++i) {
                for (const std::string& part : {std::string("{"), gap(), std::string("\"text\""), gap(), std::string(":"),
                                                gap(), "\"" + raw[i] + "\",", gap(), "\"start\": " + std::to_string(i * 10) + ",",
                                                gap(), "\"end\": " + std::to_string(i * 10 + 5), gap(), std::string("}")}) {
                    out.append(part);
                }
                if (i + 1 < raw.size()) out.push_back(',');
                out.append(gap());
            }
            out.push_back(']');
            return out;
        };
        auto quoted = [](const std::string& s) {
            std::string out(1, '"');
            for (char c : s) {
                if (c == '"' || c == '\\') out.push_back('\\');
                out.push_back(c);
            }
            out.push_back('"');
            return out;
        };
        std::string json("{\"id\": \"t\", \"audio_duration\": 9, \"text\": ");
        for (const std::string& part : {quoted(joined), std::string(", \"words\": "), words_json(),
                                        std::string(", \"utterances\": [{\"speaker\": \"A\", \"text\": "),
                                        quoted(utterance_text), std::string(", \"start\": 0, \"end\": 9, \"words\": "),
                                        words_json(), std::string("}]}")}) {
            json.append(part);
        }
        std::string full_blob, lazy_blob;
        size_t skipped = 99;
        decoder.set_skip_repeated_words(false);
        decoder.decode(json, false, [&](TranscriptDocument& doc) { full_blob = std::string(doc.blob()); });
        decoder.set_skip_repeated_words(true);
        decoder.decode(json, false, [&](TranscriptDocument& doc) {
            lazy_blob = std::string(doc.blob());
            skipped = doc.repeated_word_arrays.size();
        });
        INFO(json);
        REQUIRE(!full_blob.empty());
        CHECK(lazy_blob == full_blob);
        CHECK(skipped == (!escaped && !differs ? 1u : 0u));
        skipped_cases += skipped == 1;
    }
    CHECK(skipped_cases > 100);
}
