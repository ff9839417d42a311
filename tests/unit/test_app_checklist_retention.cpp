// Unit tests for app/checklist_retention and app/checklist_lifecycle: ISO 8601 parsing (offsets,
// fractions, impossible dates), the oldest timestamp of transcript and list responses, and
// transcription requests and deletions in code.
#include <catch2/catch.hpp>

#include "app/checklist_lifecycle.h"
#include "app/checklist_retention.h"

using namespace aaiscan;

TEST_CASE("checklist retention: ISO 8601 timestamps") {
    CHECK(parse_iso_timestamp("1970-01-01") == 0);
    CHECK(parse_iso_timestamp("1970-01-02T00:00:00Z") == 86400);
    CHECK(parse_iso_timestamp("2024-03-11T21:27:51.174146") == 1710192471);
    CHECK(parse_iso_timestamp("2024-03-11 21:27:51Z") == 1710192471);
    CHECK(parse_iso_timestamp("2024-03-11T23:27:51+02:00") == 1710192471);
    CHECK(parse_iso_timestamp("2024-03-11T16:27:51-0500") == 1710192471);
    CHECK(parse_iso_timestamp("2024-03-11T21:27") == 1710192420);
    CHECK(parse_iso_timestamp("2024-02-29") == 1709164800);  // leap day
    CHECK_FALSE(parse_iso_timestamp("2023-02-29"));
    CHECK_FALSE(parse_iso_timestamp("2024-02-30"));
    CHECK_FALSE(parse_iso_timestamp("2024-13-01"));
    CHECK_FALSE(parse_iso_timestamp("2024-03-11T25:00:00"));
    CHECK_FALSE(parse_iso_timestamp("2024-03-11T21:27:51."));
    CHECK_FALSE(parse_iso_timestamp("2024-03-11T21:27:51 junk"));
    CHECK_FALSE(parse_iso_timestamp("11/03/2024"));
    CHECK_FALSE(parse_iso_timestamp(""));
    CHECK(format_utc_date(1710192471) == "2024-03-11");
    CHECK(format_utc_date(0) == "1970-01-01");
}

TEST_CASE("checklist retention: oldest timestamp of a transcript export") {
    auto list = oldest_transcript_timestamp(R"({"page_details": {"limit": 2}, "transcripts": [
        {"id": "a", "created": "2024-05-02T08:01:12.5", "completed": "2024-05-02T08:02:00"},
        {"id": "b", "created": "2024-03-11T21:27:51.174146", "completed": "2024-03-11T21:28:40"}]})");
    REQUIRE(list);
    CHECK(list->seconds == 1710192471);
    CHECK(list->field == "created");

    auto single = oldest_transcript_timestamp(
        R"({"id": "x", "completed": "2025-01-01T00:00:00Z", "text": "hi"})");
    REQUIRE(single);
    CHECK(single->field == "completed");
    CHECK(format_utc_date(single->seconds) == "2025-01-01");

    auto array = oldest_transcript_timestamp(
        R"([{"created_at": "2023-09-04T17:02:23Z"}, {"created": "nonsense"}])");
    REQUIRE(array);
    CHECK(array->field == "created_at");

    CHECK_FALSE(oldest_transcript_timestamp(R"({"id": "x", "text": "no dates", "words": []})"));
    CHECK_FALSE(oldest_transcript_timestamp(R"({"created": 1710192471})"));  // numbers are not read
    CHECK_FALSE(oldest_transcript_timestamp("not json"));
}

TEST_CASE("checklist lifecycle: transcription requests and transcript deletion in code") {
    CHECK(sends_transcription_request("config = aai.TranscriptionConfig(speaker_labels=True)"));
    CHECK(sends_transcription_request("const t = await client.transcripts.transcribe({ audio })"));
    CHECK(sends_transcription_request("BASE = \"https://api.assemblyai.com/v2\"\nrequests.post(f\"{BASE}/transcript\")"));
    CHECK_FALSE(sends_transcription_request("import openai\nclient.audio.transcriptions.create(file=f)"));
    // A streaming session (temporary token, browser microphone) stores no transcript to delete.
    CHECK_FALSE(sends_transcription_request("const rt = new StreamingTranscriber({ token, sampleRate: 16000 })"));
    CHECK_FALSE(sends_transcription_request("rt = aai.RealtimeTranscriber(on_data=on_data, sample_rate=16000)"));
    CHECK(sends_transcription_request("transcriber = aai.Transcriber(config=config)"));

    CHECK(deletes_transcripts("await client.transcripts.delete(transcript.id)"));
    CHECK(deletes_transcripts("aai.Transcript.delete_by_id(transcript_id)"));
    CHECK(deletes_transcripts("curl -s -X DELETE \"https://api.assemblyai.com/v2/transcript/$id\""));
    CHECK(deletes_transcripts("BASE = \"https://api.assemblyai.com/v2\"\nrequests.delete(f\"{BASE}/transcript/{tid}\")"));
    CHECK_FALSE(deletes_transcripts("requests.get(\"https://api.assemblyai.com/v2/transcript/\" + tid)"));
    CHECK_FALSE(deletes_transcripts("os.remove(path)  # DELETE the local file"));
}
