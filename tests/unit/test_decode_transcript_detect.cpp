// Unit tests for decode/transcript_detect.cpp and decode/transcript_text.cpp: format recognition
// by content and path, and plain-text transcript lines.
#include <catch2/catch.hpp>

#include "decode/transcript_detect.h"
#include "decode/transcript_text.h"

using namespace aaiscan;

TEST_CASE("transcript detect: by content first, whatever the extension") {
    CHECK(detect_transcript_format(R"({"id": "t", "audio_url": "x", "text": "hi"})", "a.json", false) ==
          TranscriptFormat::assemblyai_json);
    CHECK(detect_transcript_format(R"({"id": "t", "words": []})", "export.txt", false) ==
          TranscriptFormat::assemblyai_json);
    CHECK(detect_transcript_format(R"([{"text": "hi", "words": []}])", "t_123", false) ==
          TranscriptFormat::assemblyai_json);
    CHECK(detect_transcript_format("1\n00:00:01,000 --> 00:00:02,000\nhi\n", "captions", false) == TranscriptFormat::srt);
    CHECK(detect_transcript_format("WEBVTT\n\n00:01.000 --> 00:02.000\nhi\n", "a.txt", false) == TranscriptFormat::vtt);
    CHECK(detect_transcript_format("Speaker A: hi\n\nSpeaker B: hello\n", "call.txt", false) ==
          TranscriptFormat::plain_text);
}

TEST_CASE("transcript detect: ordinary files stay ordinary") {
    CHECK(detect_transcript_format(R"({"name": "pkg", "version": "1.0.0"})", "package.json", false) == TranscriptFormat::none);
    CHECK(detect_transcript_format("hello world\n", "notes.txt", false) == TranscriptFormat::none);
    CHECK(detect_transcript_format("int main() {}\n", "transcript.cpp", false) == TranscriptFormat::none);
    CHECK(detect_transcript_format("", "transcript.txt", false) == TranscriptFormat::none);
    CHECK(detect_transcript_format("[00:00:01] Dana: hi\n", "call_transcript.txt", false) == TranscriptFormat::plain_text);
    CHECK(has_assemblyai_markers(R"({"audio_url": "x", "text": )"));
    CHECK_FALSE(has_assemblyai_markers(R"({"text": "x"})"));
}

TEST_CASE("transcript detect: --transcripts makes any text a transcript") {
    CHECK(detect_transcript_format("hello world\n", "notes.txt", true) == TranscriptFormat::plain_text);
    CHECK(detect_transcript_format(R"({"text": "hi"})", "a.json", true) == TranscriptFormat::assemblyai_json);
}

TEST_CASE("transcript text: lines carry the speaker and time they announce") {
    std::string text = "[00:00:05] Speaker A: Hi.\nStill A here.\n\n[00:01:00] Speaker B: Hello.\n";
    TranscriptDocument doc;
    decode_plain_transcript(text, doc);
    // The lines read as one text: no line breaks, times or "Speaker X:" labels between them.
    CHECK(doc.blob() == "Hi. Still A here. Hello.\n");
    REQUIRE(doc.segments.size() == 3);
    CHECK(doc.segments[1].raw_begin == text.find("Still"));
    CHECK(doc.text_of(doc.segments[2]) == "Hello.");
    CHECK(doc.segments[2].raw_begin == text.find("Hello."));
    CHECK(doc.speaker_name(doc.segments[0]) == "A");
    CHECK(doc.segments[0].start_ms == 5000);
    CHECK(doc.segments[1].start_ms == 5000);
    CHECK(doc.segments[1].end_ms == 60000);
    CHECK(doc.speaker_name(doc.segments[1]) == "A");
    CHECK(doc.speaker_name(doc.segments[2]) == "B");
    CHECK(doc.segments[2].start_ms == 60000);
}

TEST_CASE("transcript text: a named speaker prefix stays text, CRLF line ends are dropped") {
    std::string text = "Dana Whitfield: hello\r\nSPEAKER 2: hi\r\n";
    TranscriptDocument doc;
    decode_plain_transcript(text, doc);
    CHECK(doc.blob() == "Dana Whitfield: hello hi\n");
    REQUIRE(doc.segments.size() == 2);
    CHECK(doc.speaker_name(doc.segments[1]) == "2");
}

TEST_CASE("transcript detect: export names, Markdown notes and project files") {
    const char* one_line = "Hi, this is Dana calling about my claim.";
    // A file named after a transcript id (a UUID) is an export of `transcript.text`.
    CHECK(detect_transcript_format(one_line, "out/5551722f-f677-48a4-9e69-1a9b4a9d2c3e.txt", false) ==
          TranscriptFormat::plain_text);
    CHECK(detect_transcript_format(one_line, "out/5551722f-f677-48a4-9e69-1a9b4a9d2c3.txt", false) ==
          TranscriptFormat::none);
    CHECK(detect_transcript_format(one_line, "calls/transcription-0412.txt", false) == TranscriptFormat::plain_text);
    CHECK(detect_transcript_format(one_line, "captions/ep12.txt", false) == TranscriptFormat::plain_text);
    CHECK(detect_transcript_format(one_line, "voicemail/0412.txt", false) == TranscriptFormat::plain_text);
    // Code folders named after the work they do are not transcript folders; extensionless files
    // are transcripts by their content only.
    CHECK(detect_transcript_format(one_line, "transcribe-worker/notes.txt", false) == TranscriptFormat::none);
    CHECK(detect_transcript_format("-----BEGIN RSA PRIVATE KEY-----\n", "transcripts/id_rsa", false) ==
          TranscriptFormat::none);
    CHECK(detect_transcript_format(one_line, "exports/2024-05-01-transcript.txt", false) == TranscriptFormat::plain_text);
    // A repository named after transcription still has ordinary project files.
    CHECK(detect_transcript_format("requests==2.31.0\n", "transcription-service/requirements.txt", false) ==
          TranscriptFormat::none);
    CHECK(detect_transcript_format("project(x)\n", "transcriber/CMakeLists.txt", false) == TranscriptFormat::none);
    CHECK(detect_transcript_format("run:\n\tpython a.py\n", "transcriber/Makefile", false) == TranscriptFormat::none);
    // Source code that opens with '{' and names transcript fields is code.
    const char* haskell = "{-# LANGUAGE OverloadedStrings #-}\nbody = object [\"audio_url\" .= url, \"words\" .= w]\n";
    CHECK(detect_transcript_format(haskell, "src/Transcribe.hs", false) == TranscriptFormat::none);
    CHECK(detect_transcript_format(R"({"audio_url": "x", "words": []})", "t.ts", false) == TranscriptFormat::none);
    CHECK(detect_transcript_format(R"({"audio_url": "x", "words": []})", "t.json", false) == TranscriptFormat::assemblyai_json);
    CHECK(detect_transcript_format(R"({"audio_url": "x", "words": []})", "t", false) == TranscriptFormat::assemblyai_json);
    // Markdown made of speaker lines is a transcript; documentation quoting two lines is not.
    std::string notes = "# Standup\n\n**Speaker A:** Morning.\n\n**Speaker B**: Hi.\n\n- Speaker A: one\n> Speaker B (00:01:02): two\n";
    CHECK(detect_transcript_format(notes, "notes/standup.md", false) == TranscriptFormat::plain_text);
    CHECK(detect_transcript_format("# Format\n\nSpeaker A: hi\nSpeaker B: hello\n", "README.md", false) ==
          TranscriptFormat::none);
}

TEST_CASE("transcript text: Markdown and timed speaker labels are structure, not text") {
    size_t length = 0;
    CHECK(speaker_label("**Speaker A:** Morning.", length) == "A");
    CHECK(length == std::string_view("**Speaker A:** ").size() - 1);
    CHECK(speaker_label("- **Speaker B**: Hi.", length) == "B");
    CHECK(length == std::string_view("- **Speaker B**:").size());
    CHECK(speaker_label("Speaker A (00:01:02): two", length) == "A");
    CHECK(length == std::string_view("Speaker A (00:01:02):").size());
    CHECK(speaker_label("Speakers agreed: fine", length).empty());
    CHECK(speaker_label("Speaker A said hello", length).empty());
    std::string text = "**Speaker A:** My email is\n**Speaker B:** dana@example.org\n";
    TranscriptDocument doc;
    decode_plain_transcript(text, doc);
    CHECK(doc.blob() == "My email is dana@example.org\n");
    CHECK(doc.speaker_name(doc.segments[1]) == "B");
}

TEST_CASE("transcript text: a time in backticks after the label, a heading of its own") {
    size_t length = 0;
    CHECK(speaker_label("**Speaker A** `[00:00:04]`: Hi, is this Aisha?", length) == "A");
    CHECK(length == std::string_view("**Speaker A** `[00:00:04]`:").size());
    CHECK(speaker_label("### Speaker B \xE2\x80\x94 00:00:05", length) == "B");
    CHECK(length == std::string_view("### Speaker B \xE2\x80\x94 00:00:05").size());
    // Not a heading: the label needs its colon; a number is not a time.
    CHECK(speaker_label("Speaker B \xE2\x80\x94 00:00:05", length).empty());
    CHECK(speaker_label("### Speaker B said 12 things", length).empty());
    std::string notes = "### Speaker A \xE2\x80\x94 00:00:00\n\nWhat's your name?\n\n### Speaker B \xE2\x80\x94 00:00:05\n\nRobert.\n";
    TranscriptDocument doc;
    decode_plain_transcript(notes, doc);
    CHECK(doc.blob() == "What's your name? Robert.\n");
    REQUIRE(doc.segments.size() >= 2);
    CHECK(doc.speaker_name(doc.segments.back()) == "B");
    CHECK(detect_transcript_format(notes + notes, "notes/call.md", false) == TranscriptFormat::plain_text);
}

TEST_CASE("transcript text: an HTML page of speaker lines, its tags blanked") {
    std::string html = "<h2>Transcript</h2>\n";
    for (int i = 0; i < 4; ++i) {
        html += "<p><strong>Speaker " + std::string(i % 2 ? "B" : "A") + "</strong> <span class=\"ts\">[00:00:0" +
                std::to_string(i) + "]</span> Line " + std::to_string(i) + ".</p>\n";
    }
    CHECK(detect_transcript_format(html, "notes/call.html", false) == TranscriptFormat::html);
    CHECK(detect_transcript_format(html, "notes/call.txt", false) != TranscriptFormat::html);
    CHECK(detect_transcript_format("<p>Speaker A said hi</p>", "page.html", false) == TranscriptFormat::none);
    std::string text;
    blank_html_tags(html, text);
    REQUIRE(text.size() == html.size());  // offsets stay the page's
    CHECK(text.find('<') == std::string::npos);
    TranscriptDocument doc;
    decode_plain_transcript(text, doc);
    CHECK(doc.blob() == "Transcript Line 0. Line 1. Line 2. Line 3.\n");  // the heading is text too
    const TextSegment& last = doc.segments.back();
    CHECK(html.substr(last.raw_begin, last.raw_end - last.raw_begin) == "Line 3.");
    CHECK(doc.speaker_name(last) == "B");
    CHECK(last.start_ms == 3000);
}

TEST_CASE("transcript detect: a .txt of two people talking, without labels, is a transcript") {
    const std::string call =
        "G'day, thanks for calling Southern Cross Air, you're speaking with Mitchell. How can I help? Hi, "
        "Mitchell. Our flight tonight was cancelled and I need to rebook, the app keeps crashing. Sorry about "
        "that. Do you have your booking reference? Yes, it's HX7-22K. Thank you. And the name on the booking? "
        "Priya Raman. And my daughter's on it as well. Yep, I can see Raman, two passengers, on SX 412 to "
        "Melbourne, departing 6:45 pm. That one's been cancelled due to the weather, I'm sorry. Yeah. We really "
        "need to get there tonight if possible. Okay, let me see what I can do for you.";
    CHECK(detect_transcript_format(call, "exports/txt/c08_airline.txt", false) == TranscriptFormat::plain_text);
    // One paragraph per utterance reads the same.
    std::string per_line = call;
    for (size_t at = per_line.find("? "); at != std::string::npos; at = per_line.find("? ", at)) per_line[at + 1] = '\n';
    CHECK(detect_transcript_format(per_line, "out/call.txt", false) == TranscriptFormat::plain_text);
    // Not .txt, or a project file: no.
    CHECK(detect_transcript_format(call, "exports/c08_airline", false) == TranscriptFormat::none);
    CHECK(detect_transcript_format(call, "exports/README.txt", false) == TranscriptFormat::none);
    // Documentation that addresses the reader, a list, a log: not speech.
    const std::string docs =
        "To install the tool you need Python 3.10 or later. Run the installer and follow the prompts. If you "
        "want to use a proxy, set HTTPS_PROXY before you start. Your configuration lives in the config folder "
        "of your home directory; you can edit it with any editor. The service reads it at start-up and again "
        "when it receives SIGHUP. Logs are written to the log folder and rotated daily. Do you need more? See "
        "the manual for every option, and the FAQ for common problems. Which version should you use? The "
        "latest release is recommended for production deployments and for new projects.";
    CHECK(detect_transcript_format(docs, "docs/install.txt", false) == TranscriptFormat::none);
    std::string list;
    for (int i = 0; i < 40; ++i) list += "okay thank you, are you there? I am\n";
    CHECK(detect_transcript_format(list, "chat/log.txt", false) == TranscriptFormat::none);
    std::string code = call;
    for (int i = 0; i < 30; ++i) code += " x = f(y); { z; }";
    CHECK(detect_transcript_format(code, "snippets/call.txt", false) == TranscriptFormat::none);
}
