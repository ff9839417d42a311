// Unit tests for decode/transcript_subtitles.cpp: cue times, multi-line cues, VTT blocks and tags.
#include <catch2/catch.hpp>

#include <string>

#include "decode/transcript_subtitles.h"

using namespace aaiscan;

namespace {

std::string blob_of(const TranscriptDocument& doc, const TextSegment& s) {
    return std::string(doc.blob().substr(s.begin, s.end - s.begin));
}

}  // namespace

TEST_CASE("subtitles: cue timestamps") {
    CHECK(parse_cue_time("00:00:05,400") == 5400);
    CHECK(parse_cue_time("01:02:03.004") == 3723004);
    CHECK(parse_cue_time("02:03.5") == 123500);
    CHECK(parse_cue_time("1:02:03.45") == 3723450);
    CHECK(parse_cue_time("00:61:00.000") == -1);
    CHECK(parse_cue_time("5400") == -1);
    CHECK(parse_cue_time("00:00:05,") == -1);
}

TEST_CASE("subtitles: SRT cues, multi-line text joined into one blob") {
    std::string srt = "\xEF\xBB\xBF" "1\r\n00:00:05,400 --> 00:00:07,550\r\nMy social security\r\nnumber is\r\n\r\n"
                      "2\r\n00:00:07,600 --> 00:00:09,000 X1:10\r\n<i>512-38-4721</i>, thanks.\r\n";
    TranscriptDocument doc;
    REQUIRE(decode_subtitles(srt, TranscriptFormat::srt, doc));
    CHECK(doc.blob() == "My social security number is 512-38-4721 , thanks.\n");
    REQUIRE(doc.segments.size() == 4);
    for (const TextSegment& s : doc.segments) CHECK(srt.substr(s.raw_begin, s.raw_end - s.raw_begin) == blob_of(doc, s));
    CHECK(doc.segments[0].start_ms == 5400);
    CHECK(doc.segments[1].sub_index == 1);
    CHECK(doc.segments[2].index == 2);
    CHECK(doc.segments[2].start_ms == 7600);
    CHECK(doc.segments[2].end_ms == 9000);
    CHECK(blob_of(doc, doc.segments[2]) == "512-38-4721");
}

TEST_CASE("subtitles: VTT header, NOTE/STYLE/REGION blocks, identifiers and voice tags") {
    std::string vtt = "WEBVTT - episode\nKind: captions\n\nNOTE this is\na note\n\nSTYLE\n::cue { color: red }\n\n"
                      "intro\n00:01.000 --> 00:04.000 line:90%\n<v Dana Whitfield>Hello, call me</v>\n\n"
                      "00:00:04.500 --> 00:00:06.000\n<v.loud Marcus>at <c.num>312-555-0147</c>.\n";
    TranscriptDocument doc;
    REQUIRE(decode_subtitles(vtt, TranscriptFormat::vtt, doc));
    CHECK(doc.blob() == "Hello, call me at 312-555-0147 .\n");
    REQUIRE(doc.segments.size() == 4);
    CHECK(doc.speaker_name(doc.segments[0]) == "Dana Whitfield");
    CHECK(doc.segments[0].start_ms == 1000);
    CHECK(doc.speaker_name(doc.segments[2]) == "Marcus");
    CHECK(doc.segments[2].start_ms == 4500);
    CHECK(doc.json_path(doc.segments[0]).empty());
}

TEST_CASE("subtitles: no cues, or only garbage, is not a transcript") {
    TranscriptDocument doc;
    CHECK_FALSE(decode_subtitles("WEBVTT\n\nNOTE only a note\n", TranscriptFormat::vtt, doc));
    CHECK_FALSE(decode_subtitles("", TranscriptFormat::srt, doc));
    std::string junk(5000, '<');
    CHECK(decode_subtitles(junk, TranscriptFormat::srt, doc));  // '<' without '>' is text
}
