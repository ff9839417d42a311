// Unit tests for app/redact_transcript.cpp and app/redact_plan.cpp with the embedded rules:
// the same span in text, words, utterances and the other fields; a multi-word entity over its
// words; escaped strings; unredacted_* removal; settings; lists; subtitles; broken input.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <memory>

#include "app/engine.h"
#include "app/redact_transcript.h"
#include "ruleset/rule.h"

using namespace aaiscan;
using nlohmann::json;

namespace {

const Engine& engine() {
    static std::unique_ptr<Engine> e = std::make_unique<Engine>(EngineOptions{}, Config{});
    return *e;
}

RedactOptions options(Substitution sub, std::vector<std::string> policies = {"email_address", "person_name",
                                                                             "phone_number"}) {
    RedactOptions o;
    o.substitution = sub;
    o.policies = std::move(policies);
    o.matcher = &engine().matcher();
    return o;
}

// A transcript whose words repeat its text, with AssemblyAI's usual keys.
json transcript(const std::string& text) {
    json words = json::array();
    int64_t t = 100;
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find(' ', start);
        if (end == std::string::npos) end = text.size();
        words.push_back({{"text", text.substr(start, end - start)}, {"start", t}, {"end", t + 250},
                         {"confidence", 0.9}, {"speaker", "A"}});
        t += 300;
        start = end + 1;
    }
    return json{{"id", "tr_unit"}, {"status", "completed"}, {"text", text}, {"words", words},
                {"redact_pii", false}, {"redact_pii_policies", nullptr}, {"redact_pii_sub", nullptr}};
}

BufferRedaction run(const std::string& input, const RedactOptions& o, const std::string& path = "t.json") {
    TranscriptRedactor redactor(o);
    BufferRedaction out;
    redactor.redact(input, path, out);
    return out;
}

const std::string k_text = "Sure, my name is Dana Whitfield and my email is dana.whitfield@example.com today.";

}  // namespace

TEST_CASE("a multi-word name is replaced in text and in each word it covers", "[redact][transcript]") {
    json in = transcript(k_text);
    std::string input = in.dump(2);
    SECTION("entity_name: every covered word becomes the token; times untouched") {
        BufferRedaction r = run(input, options(Substitution::entity_name));
        REQUIRE(r.status == RedactStatus::redacted);
        json out = json::parse(r.output);
        CHECK(out["text"] == "Sure, my name is [PERSON_NAME] and my email is [EMAIL_ADDRESS] today.");
        CHECK(out["words"][4]["text"] == "[PERSON_NAME]");
        CHECK(out["words"][5]["text"] == "[PERSON_NAME]");
        CHECK(out["words"][10]["text"] == "[EMAIL_ADDRESS]");
        for (size_t i = 0; i < in["words"].size(); ++i) {
            CHECK(out["words"][i]["start"] == in["words"][i]["start"]);
            CHECK(out["words"][i]["end"] == in["words"][i]["end"]);
            CHECK(out["words"][i]["confidence"] == in["words"][i]["confidence"]);
            CHECK(out["words"][i]["speaker"] == in["words"][i]["speaker"]);
        }
        CHECK(out["redact_pii"] == true);
        CHECK(out["redact_pii_sub"] == "entity_name");
        CHECK(out["redact_pii_policies"] == json({"email_address", "person_name", "phone_number"}));
    }
    SECTION("hash: same length, spaces kept, words still join up to text") {
        BufferRedaction r = run(input, options(Substitution::hash));
        json out = json::parse(r.output);
        CHECK(out["text"] == "Sure, my name is #### ######### and my email is ####.#########@#######.### today.");
        std::string joined;
        for (const auto& w : out["words"]) {
            if (!joined.empty()) joined += ' ';
            joined += w["text"].get<std::string>();
        }
        CHECK(joined == out["text"]);
        CHECK(r.output.size() == input.size() + std::string("true").size() - std::string("false").size() +
                                     std::string("[\"email_address\", \"person_name\", \"phone_number\"]").size() -
                                     4 + std::string("\"hash\"").size() - 4);
    }
    SECTION("the output scans clean and the reports name policy and place") {
        BufferRedaction r = run(input, options(Substitution::hash));
        CHECK(r.residual.empty());
        REQUIRE(r.redacted.size() == 2);
        CHECK(r.redacted[0].policy == "person_name");
        CHECK(r.redacted[0].value == "Dana Whitfield");
        CHECK(r.redacted[0].location.starts_with("text"));
    }
}

TEST_CASE("only the requested policies are applied", "[redact][transcript]") {
    BufferRedaction r = run(transcript(k_text).dump(), options(Substitution::entity_name, {"email_address"}));
    json out = json::parse(r.output);
    CHECK(out["text"] == "Sure, my name is Dana Whitfield and my email is [EMAIL_ADDRESS] today.");
    CHECK(out["redact_pii_policies"] == json({"email_address"}));
}

TEST_CASE("a UTF-8 byte order mark is kept and the JSON after it is redacted", "[redact][transcript]") {
    const std::string bom = "\xEF\xBB\xBF";
    BufferRedaction r = run(bom + transcript(k_text).dump(2), options(Substitution::entity_name, {"email_address"}));
    REQUIRE(r.output.starts_with(bom));
    json out = json::parse(r.output.substr(3));
    CHECK(out["text"] == "Sure, my name is Dana Whitfield and my email is [EMAIL_ADDRESS] today.");
    CHECK(out["redact_pii"] == true);
}

TEST_CASE("escaped strings are edited at the right raw bytes and re-encoded", "[redact][transcript]") {
    // \u00e9 inside the name, \" before it: raw and decoded offsets differ.
    std::string input =
        "{\"id\": \"t\", \"status\": \"completed\", \"text\": \"He said \\\"hi\\\". My name is Ren\\u00e9e Dubois and my "
        "email is rd@example.com.\", \"redact_pii\": false, \"entities\": [{\"entity_type\": \"person_name\", \"text\": "
        "\"Ren\\u00e9e Dubois\", \"start\": 1, \"end\": 2}], \"audio_url\": \"https://example.com/a.mp3\"}";
    BufferRedaction r = run(input, options(Substitution::hash));
    REQUIRE(r.status == RedactStatus::redacted);
    REQUIRE(json::accept(r.output));
    json out = json::parse(r.output);
    CHECK(out["text"] == "He said \"hi\". My name is ##### ###### and my email is ##@#######.###.");
    CHECK(out["entities"][0]["text"] == "##### ######");
    CHECK(r.output.find("He said \\\"hi\\\".") != std::string::npos);  // untouched escapes stay as written
}

TEST_CASE("unredacted_* fields go, summary and chapters are redacted too, keys are added", "[redact][transcript]") {
    std::string input = R"({"id": "t", "status": "completed", "text": ")";
    input += k_text;
    input += R"(",
 "unredacted_text": ")";
    input += k_text;
    input += R"(",
 "summary": "Dana Whitfield asked about email.",
 "chapters": [{"headline": "Dana Whitfield calls", "start": 1, "end": 2}],
 "audio_url": "https://example.com/a.mp3"})";
    BufferRedaction r = run(input, options(Substitution::entity_name));
    REQUIRE(r.status == RedactStatus::redacted);
    REQUIRE(json::accept(r.output));
    json out = json::parse(r.output);
    CHECK_FALSE(out.contains("unredacted_text"));
    CHECK(r.removed_fields == 1);
    CHECK(out["summary"] == "[PERSON_NAME] asked about email.");
    CHECK(out["chapters"][0]["headline"] == "[PERSON_NAME] calls");
    CHECK(out["redact_pii"] == true);
    CHECK(out["redact_pii_sub"] == "entity_name");
    CHECK(r.output.find("\"https://example.com/a.mp3\", \"redact_pii\": true, \"redact_pii_policies\": [") != std::string::npos);
}

TEST_CASE("lists of transcripts: every transcript is redacted and gets its settings", "[redact][transcript]") {
    json list = json{{"transcripts", json::array({transcript(k_text), transcript("Call me at (312) 555-0147 please.")})},
                     {"page_details", {{"limit", 2}}}};
    BufferRedaction r = run(list.dump(1), options(Substitution::entity_name));
    REQUIRE(r.status == RedactStatus::redacted);
    CHECK(r.transcripts == 2);
    json out = json::parse(r.output);
    CHECK(out["transcripts"][1]["text"] == "Call me at [PHONE_NUMBER] please.");
    CHECK(out["transcripts"][0]["redact_pii"] == true);
    CHECK(out["transcripts"][1]["redact_pii_sub"] == "entity_name");
    CHECK(out["page_details"]["limit"] == 2);
    json array = json::array({transcript(k_text)});
    BufferRedaction a = run(array.dump(), options(Substitution::hash));
    CHECK(json::parse(a.output)[0]["redact_pii"] == true);
}

TEST_CASE("SRT keeps cue numbers and times; text is redacted in place", "[redact][transcript]") {
    std::string srt = "1\n00:00:00,500 --> 00:00:02,000\nHi, my name is Dana\n\n2\n00:00:02,100 --> 00:00:04,000\n"
                      "Whitfield. Email dana.whitfield@example.com\n";
    BufferRedaction r = run(srt, options(Substitution::entity_name), "call.srt");
    REQUIRE(r.status == RedactStatus::redacted);
    CHECK(r.format == TranscriptFormat::srt);
    CHECK(r.output == "1\n00:00:00,500 --> 00:00:02,000\nHi, my name is [PERSON_NAME]\n\n2\n00:00:02,100 --> "
                      "00:00:04,000\n[PERSON_NAME]. Email [EMAIL_ADDRESS]\n");
    std::string txt = "Speaker A: my email is dana.whitfield@example.com\n";
    BufferRedaction t = run(txt, options(Substitution::hash), "call_transcript.txt");
    CHECK(t.output == "Speaker A: my email is ####.#########@#######.###\n");
}

TEST_CASE("broken and foreign inputs are reported, never half-redacted", "[redact][transcript]") {
    std::string full = transcript(k_text).dump(2);
    BufferRedaction truncated = run(full.substr(0, full.size() / 2), options(Substitution::hash));
    CHECK(truncated.status == RedactStatus::invalid);
    CHECK(truncated.output.empty());
    CHECK_FALSE(truncated.problem.empty());
    std::vector<Diagnostic> diagnostics;
    CHECK_FALSE(redact_transcript_buffer(full.substr(0, 100), "t.json", options(Substitution::hash), diagnostics));
    REQUIRE(diagnostics.size() == 1);
    CHECK(diagnostics[0].level == DiagnosticLevel::error);
    diagnostics.clear();
    CHECK_FALSE(redact_transcript_buffer("{\"name\": \"package\"}", "package.json", options(Substitution::hash), diagnostics));
    CHECK(run("{\"name\": \"package\"}", options(Substitution::hash), "package.json").status == RedactStatus::not_transcript);
    // Broken where the transcript decoder does not look: still refused.
    std::string tail_garbage = full.substr(0, full.rfind('}')) + ", \"extra\": [1, 2,, 3], \"flag\": tru}";
    BufferRedaction garbage = run(tail_garbage, options(Substitution::hash));
    CHECK(garbage.status == RedactStatus::invalid);
    auto ok = redact_transcript_buffer(full, "t.json", options(Substitution::hash), diagnostics);
    REQUIRE(ok);
    CHECK(ok->find("Whitfield") == std::string::npos);
}
