// Unit tests for decode/speaker_names and the decoders' speaker positions: "Name:" prefixes in
// subtitles and plain text, voice tags, JSON speaker fields, and the name-versus-label test.
#include <catch2/catch.hpp>

#include <string>

#include "decode/speaker_names.h"
#include "decode/transcript_json.h"
#include "decode/transcript_subtitles.h"
#include "decode/transcript_text.h"

using namespace aaiscan;

TEST_CASE("speaker names: 'First Last:' prefixes") {
    size_t length = 0;
    CHECK(named_speaker_prefix("Roger Bingham: Hi there", length) == "Roger Bingham");
    CHECK(length == 15);
    CHECK(named_speaker_prefix("Mary Anne O'Neil: yes", length) == "Mary Anne O'Neil");
    CHECK(named_speaker_prefix("José Álvarez: hola", length) == "José Álvarez");
    CHECK(named_speaker_prefix("Roger Bingham:", length) == "Roger Bingham");
    CHECK(length == 14);
    CHECK(named_speaker_prefix("Note: call back", length).empty());          // one word
    CHECK(named_speaker_prefix("Re:Budget Review", length).empty());
    CHECK(named_speaker_prefix("Meeting Time:10:30", length).empty());       // no space after ':'
    CHECK(named_speaker_prefix("the Manager: hi", length).empty());
    CHECK(named_speaker_prefix("Roger Bingham said: hi", length).empty());
    CHECK(named_speaker_prefix("A B C D: hi", length).empty());
}

TEST_CASE("speaker names: people versus labels and roles") {
    for (const char* name : {"Dana Whitfield", "Priya", "Marcus Oyelaran", "Anne-Marie Duval", "Sean O'Connor",
                             "Dr Okonkwo", "José Álvarez", "Ronald McDonald"}) {
        INFO(name);
        CHECK(is_person_like_speaker(name));
    }
    for (const char* name : {"A", "B", "1", "Speaker A", "Speaker 2", "SPEAKER_00", "spk_1", "Agent", "Customer",
                             "channel 1", "Unknown Speaker", "Interviewer", "Host", "", "agent smith", "AB"}) {
        INFO(name);
        CHECK_FALSE(is_person_like_speaker(name));
    }
}

TEST_CASE("speaker names: decoders record the first place each speaker is named") {
    TranscriptDocument doc;
    std::string vtt = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v.loud Maria Lopez>Hello.\n\n"
                      "00:00:03.000 --> 00:00:04.000\nRoger Bingham: My email is r@example.com\n";
    REQUIRE(decode_subtitles(vtt, TranscriptFormat::vtt, doc));
    REQUIRE(doc.speakers.size() == 2);
    CHECK(doc.speakers[0] == "Maria Lopez");
    CHECK(vtt.substr(doc.speaker_raw[0], 11) == "Maria Lopez");
    CHECK(doc.speakers[1] == "Roger Bingham");
    CHECK(vtt.substr(doc.speaker_raw[1], 13) == "Roger Bingham");
    // The prefix is the speaker, not text of the cue.
    CHECK(doc.blob().find("Roger Bingham") == std::string_view::npos);
    CHECK(doc.blob().find("My email is r@example.com") != std::string_view::npos);

    std::string txt = "[00:01] Dana Whitfield: hi\n[00:02] Speaker B: hello\n";
    decode_plain_transcript(txt, doc);
    REQUIRE(doc.speakers.size() == 2);
    CHECK(doc.speakers[0] == "Dana Whitfield");
    CHECK(txt.substr(doc.speaker_raw[0], 14) == "Dana Whitfield");
    CHECK(doc.speakers[1] == "B");

    std::string json = R"({"id": "t1", "text": "Hi there", "audio_duration": 3, "words": [
        {"text": "Hi", "start": 10, "end": 200, "confidence": 0.9, "speaker": "Dana Whitfield"},
        {"text": "there", "start": 210, "end": 400, "confidence": 0.9, "speaker": "Dana Whitfield"}]})";
    TranscriptJsonDecoder decoder;
    size_t seen = 0;
    auto result = decoder.decode(json, false, [&](TranscriptDocument& d) {
        ++seen;
        REQUIRE(d.speakers.size() == 1);
        CHECK(d.speakers[0] == "Dana Whitfield");
        CHECK(json.substr(d.speaker_raw[0], 14) == "Dana Whitfield");
        CHECK(json.find("Dana Whitfield") == d.speaker_raw[0]);
    });
    CHECK(result.status == JsonDecodeStatus::transcripts);
    CHECK(seen == 1);
}

TEST_CASE("speaker names: every place a name stands as a label, and nowhere else") {
    std::string vtt = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Maria Lopez>Hi, Maria Lopez here.\n\n"
                      "00:00:03.000 --> 00:00:04.000\n<v.loud Maria Lopez>Again.\nMaria Lopez: third\n";
    auto spans = speaker_name_spans(vtt, 0, vtt.size(), "Maria Lopez", TranscriptFormat::vtt);
    REQUIRE(spans.size() == 3);  // two voice tags and the prefix, not the text "Hi, Maria Lopez here."
    for (const auto& [b, e] : spans) CHECK(vtt.substr(b, e - b) == "Maria Lopez");
    CHECK(vtt[spans[0].first - 1] == ' ');
    CHECK(vtt[spans[0].second] == '>');
    CHECK(vtt[spans[2].second] == ':');

    std::string json = R"({"text": "Dana Whitfield called", "speaker": "Dana Whitfield",
        "words": [{"text": "Dana", "speaker" :  "Dana Whitfield"}], "summary": "\"Dana Whitfield\""})";
    spans = speaker_name_spans(json, 0, json.size(), "Dana Whitfield", TranscriptFormat::assemblyai_json);
    REQUIRE(spans.size() == 2);
    for (const auto& [b, e] : spans) CHECK(json.substr(b - 1, e - b + 2) == "\"Dana Whitfield\"");
    // Bounded to the transcript's own bytes.
    CHECK(speaker_name_spans(json, 0, 40, "Dana Whitfield", TranscriptFormat::assemblyai_json).empty());

    std::string txt = "[00:01] Dana Whitfield: hi\nI told Dana Whitfield: no\n";
    spans = speaker_name_spans(txt, 0, txt.size(), "Dana Whitfield", TranscriptFormat::plain_text);
    REQUIRE(spans.size() == 1);
    CHECK(spans[0].first == 8);
}
