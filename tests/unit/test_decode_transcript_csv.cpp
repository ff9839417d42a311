// Unit tests for decode/transcript_csv: which CSV files are transcripts, and rows as segments
// with their speaker, times and exact offsets.
#include <catch2/catch.hpp>

#include "decode/transcript_csv.h"
#include "decode/transcript_detect.h"

using namespace aaiscan;

TEST_CASE("transcript csv: a header with a text column and a speaker or time column") {
    CHECK(looks_like_transcript_csv("speaker,start,end,text\nA,317,2941,Hello\n"));
    CHECK(looks_like_transcript_csv("Start Time\tEnd Time\tTranscript\n00:00:01\t00:00:03\thi\n"));
    CHECK_FALSE(looks_like_transcript_csv("id,name,email\n1,Ann,ann@example.org\n"));
    CHECK_FALSE(looks_like_transcript_csv("text,label\nhello,greeting\n"));  // a text column alone
    CHECK(detect_transcript_format("speaker,start,end,text\nA,1,2,hi\n", "exports/call.csv", false) == TranscriptFormat::csv);
    CHECK(detect_transcript_format("speaker,start,end,text\nA,1,2,hi\n", "exports/call.txt", false) != TranscriptFormat::csv);
}

TEST_CASE("transcript csv: rows become segments, quoted fields keep their offsets") {
    std::string csv =
        "speaker,start,end,text\r\n"
        "A,317,2941,\"Granite Mutual claims, Rebecca Tran speaking.\"\r\n"
        "B,4044,8049,\"She said \"\"call me\"\"\nlater\"\r\n"
        "B,9000,9500,\r\n"
        "A,12.5,13,Okay.\r\n";
    TranscriptDocument doc;
    decode_csv_transcript(csv, doc);
    REQUIRE(doc.segments.size() == 3);  // the empty row is skipped
    const TextSegment& first = doc.segments[0];
    CHECK(doc.text_of(first) == "Granite Mutual claims, Rebecca Tran speaking.");
    CHECK(csv.substr(first.raw_begin, first.raw_end - first.raw_begin) == doc.text_of(first));
    CHECK(first.start_ms == 317);
    CHECK(first.end_ms == 2941);
    CHECK(doc.speaker_name(first) == "A");
    CHECK(doc.text_of(doc.segments[1]) == "She said \"\"call me\"\"\nlater");
    CHECK(doc.speaker_name(doc.segments[1]) == "B");
    CHECK(doc.segments[2].start_ms == 12500);  // seconds with a fraction
    CHECK(doc.segments[2].index == 4);         // the row
}
