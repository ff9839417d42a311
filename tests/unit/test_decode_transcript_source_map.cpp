// Unit tests for decode/transcript_source_map.cpp and transcript_positions.cpp: where a blob range
// is reported (JSON path, audio time, speaker, file line/column), in any order.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "decode/transcript_json.h"
#include "decode/transcript_positions.h"
#include "decode/transcript_source_map.h"

using namespace aaiscan;

namespace {

const std::string k_json = R"({"id": "tr_9", "audio_url": "x",
 "text": "Hi Dana. Call 312-555-0147.",
 "words": [
  {"text": "Hi", "start": 100, "end": 300, "speaker": "A"},
  {"text": "Dana.", "start": 350, "end": 700, "speaker": "A"},
  {"text": "Call", "start": 900, "end": 1100, "speaker": "B"},
  {"text": "312-555-0147.", "start": 1350, "end": 2600, "speaker": "B"}],
 "utterances": [
  {"speaker": "A", "start": 100, "end": 700, "text": "Hi Dana."},
  {"speaker": "B", "start": 900, "end": 2600, "text": "Call 312-555-0147."}],
 "summary": "Dana wants a call."})";

}  // namespace

TEST_CASE("transcript source map: a match in text gets the utterance path, word times and speaker") {
    TranscriptJsonDecoder decoder;
    TranscriptPositions positions(k_json);
    int seen = 0;
    decoder.decode(k_json, false, [&](TranscriptDocument& doc) {
        ++seen;
        TranscriptSourceMap map(doc, k_json, positions);
        std::string blob(doc.blob());
        size_t at = blob.find("312-555-0147");
        REQUIRE(at != std::string::npos);
        Finding f;
        map.locate(at, at + 12, f);
        REQUIRE(f.transcript.has_value());
        CHECK(f.transcript->id == "tr_9");
        CHECK(f.transcript->json_path == "utterances[1].text");
        CHECK(f.transcript->start_ms == 1350);
        CHECK(f.transcript->end_ms == 2600);
        CHECK(f.transcript->speaker == "B");
        // The reported place is in utterances[1].text, line 10 of the file.
        CHECK(f.line == 10);
        size_t raw = k_json.find("312-555-0147.\"}]");
        CHECK(f.column == raw - k_json.rfind('\n', raw));
        // The summary has no words: no time, its own path.
        size_t s = blob.rfind("Dana");
        Finding g;
        map.locate(s, s + 4, g);
        CHECK(g.transcript->json_path == "summary");
        CHECK(g.transcript->start_ms == -1);
        // Words at a time.
        size_t b = 0, e = 0;
        REQUIRE(map.blob_range_at_time(350, 700, b, e));
        CHECK(blob.substr(b, e - b) == "Dana.");
        CHECK_FALSE(map.blob_range_at_time(-1, 5, b, e));
    });
    CHECK(seen == 1);
}

TEST_CASE("transcript positions: lines and code-point columns for any offset order") {
    std::string text = "ab\nc\xC3\xA9z\n";
    text += std::string(5000, 'x') + "\n" + std::string(3000, 'y') + "\xC3\xA9q";
    TranscriptPositions p(text);
    CHECK(p.position(text.size() - 1).line == 4);
    CHECK(p.position(text.size() - 1).column == 3002);
    CHECK(p.position(6).line == 2);
    CHECK(p.position(6).column == 3);  // é is one column
    CHECK(p.position(0).column == 1);
    CHECK(p.position(text.find('y') + 2999).column == 3000);
    TranscriptPositions empty("");
    CHECK(empty.position(10).line == 1);
}

TEST_CASE("transcript positions: every offset agrees with a naive count") {
    // Lines of random lengths (some longer than a checkpoint block), two-byte and three-byte UTF-8.
    std::string text;
    uint32_t seed = 12345;
    auto next = [&] { return seed = seed * 1103515245u + 12345u, (seed >> 16) & 0x7FFF; };
    while (text.size() < 6000) {
        uint32_t r = next() % 100;
        if (r < 3) text += '\n';
        else if (r < 8) text += "\xC3\xA9";
        else if (r < 10) text += "\xE2\x82\xAC";
        else if (r < 12 && text.size() % 7 == 0) text += std::string(1500, 'z');
        else text += static_cast<char>('a' + r % 26);
    }
    TranscriptPositions positions(text);
    // Backwards first (checkpoints built once, queries in any order), then forwards.
    std::vector<size_t> offsets;
    for (size_t o = text.size() + 1; o-- > 0;) offsets.push_back(o);
    for (size_t o = 0; o <= text.size(); o += 3) offsets.push_back(o);
    for (size_t offset : offsets) {
        size_t line = 1, column = 1;
        for (size_t i = 0; i < offset; ++i) {
            if (text[i] == '\n') {
                ++line;
                column = 1;
            } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
                ++column;
            }
        }
        TextPosition got = positions.position(offset);
        if (got.line != line || got.column != column) {
            INFO("offset " << offset);
            CHECK(got.line == line);
            CHECK(got.column == column);
        }
    }
}
