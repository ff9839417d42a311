// Unit tests for app/transcript_scan.cpp and app/transcript_findings.cpp through ItemScanner with
// the embedded rules: verdicts, required policies, one finding per PII said once, entities,
// unredacted_* fields, recognition by content, redaction marks.
#include <catch2/catch.hpp>

#include <algorithm>
#include <memory>

#include "app/engine.h"
#include "app/item_scanner.h"
#include "app/transcript_findings.h"
#include "test_support.h"

using namespace aaiscan;
using namespace aaiscan::testing;

namespace {

const Engine& engine(bool without_unredacted_rule = false) {
    auto make = [](std::vector<std::string> disable) {
        EngineOptions options;
        options.disable = std::move(disable);
        return std::make_unique<Engine>(options, Config{});
    };
    static std::unique_ptr<Engine> all = make({});
    static std::unique_ptr<Engine> some = make({"transcript.unredacted-field"});
    return without_unredacted_rule ? *some : *all;
}

ScanOutput scan(const std::string& name, const std::string& content, TranscriptPolicy policy = {},
                bool without_unredacted_rule = false) {
    const Engine& e = engine(without_unredacted_rule);
    ScanSettings settings;
    ScanLimits limits;
    ItemScanner scanner(e.matcher(), settings, limits, policy);
    ScanOutput out;
    ItemInfo item{name, name, nullptr, true, 0};
    scanner.scan_bytes(content, item, out);
    return out;
}

const Finding* by_policy(const ScanOutput& out, std::string_view policy) {
    for (const Finding& f : out.findings) {
        if (f.rule->pii_policy == policy) return &f;
    }
    return nullptr;
}

size_t count_policy(const ScanOutput& out, std::string_view policy) {
    return static_cast<size_t>(std::count_if(out.findings.begin(), out.findings.end(),
                                             [&](const Finding& f) { return f.rule->pii_policy == policy; }));
}

// A transcript whose words repeat its text, with utterances.
std::string transcript(const std::string& extra, const std::string& text = "My card is 4111 1111 1111 1111 and my cell is 312-555-0147.") {
    std::string words, sep;
    int t = 100;
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find(' ', start);
        if (end == std::string::npos) end = text.size();
        words += sep + R"({"text": ")" + text.substr(start, end - start) + R"(", "start": )" + std::to_string(t) +
                 R"(, "end": )" + std::to_string(t + 200) + R"(, "confidence": 0.9, "speaker": "B"})";
        sep = ", ";
        t += 250;
        start = end + 1;
    }
    return R"({"id": "tr_t", "status": "completed", "audio_url": "https://example.com/a.mp3", "text": ")" + text +
           R"(", "words": [)" + words + R"(], "utterances": [{"speaker": "B", "start": 100, "end": )" + std::to_string(t) +
           R"(, "text": ")" + text + R"(", "words": [)" + words + "]}]" + extra + "}";
}

}  // namespace

TEST_CASE("transcript scan: verdicts follow redact_pii and redact_pii_policies") {
    ScanOutput off = scan("t.json", transcript(R"(, "redact_pii": false)"));
    const Finding* card = by_policy(off, "credit_card_number");
    REQUIRE(card != nullptr);
    CHECK(card->transcript->verdict == "unredacted");
    CHECK(card->transcript->json_path == "utterances[0].text");
    CHECK(card->transcript->speaker == "B");
    CHECK(card->transcript->start_ms == 850);

    ScanOutput on = scan("t.json", transcript(R"(, "redact_pii": true, "redact_pii_policies": ["credit_card_number"])"));
    card = by_policy(on, "credit_card_number");
    const Finding* phone = by_policy(on, "phone_number");
    REQUIRE((card && phone));
    CHECK(card->transcript->verdict == "redaction_failure");
    CHECK(card->severity >= Severity::high);
    CHECK(phone->transcript->verdict == "not_covered");
    CHECK(phone->severity == phone->rule->severity);

    ScanOutput all = scan("t.json", transcript(R"(, "redact_pii": true, "redact_pii_policies": null)"));
    CHECK(by_policy(all, "phone_number")->transcript->verdict == "redaction_failure");
}

TEST_CASE("transcript scan: required policies raise what is required and lower the rest") {
    TranscriptPolicy policy;
    policy.required_policies = {"phone_number"};
    ScanOutput out = scan("t.json", transcript(R"(, "redact_pii": true, "redact_pii_policies": ["credit_card_number"])"), policy);
    const Finding* phone = by_policy(out, "phone_number");
    const Finding* card = by_policy(out, "credit_card_number");
    REQUIRE((phone && card));
    CHECK(phone->transcript->verdict == "not_covered");
    CHECK(phone->severity == Severity::high);
    CHECK(phone->message.find("required") != std::string::npos);
    CHECK(card->transcript->verdict == "redaction_failure");  // never lowered
    CHECK(card->severity >= Severity::high);
    ScanOutput off = scan("t.json", transcript(R"(, "redact_pii": false)", "Write to dana@example.com please."), policy);
    const Finding* email = by_policy(off, "email_address");
    REQUIRE(email != nullptr);
    CHECK(email->severity == Severity::info);
}

TEST_CASE("transcript scan: PII in text, utterances and words at one time is one finding") {
    ScanOutput out = scan("t.json", transcript(""));
    CHECK(count_policy(out, "phone_number") == 1);
    CHECK(count_policy(out, "credit_card_number") == 1);
    // Redacted in text, still in the words: found, in the words.
    std::string json = R"({"id": "t", "audio_url": "x", "redact_pii": true, "redact_pii_sub": "hash",
        "text": "My cell is ###-###-####.", "words": [{"text": "My", "start": 1, "end": 2}, {"text": "cell", "start": 3, "end": 4},
        {"text": "is", "start": 5, "end": 6}, {"text": "312-555-0147.", "start": 7, "end": 8}]})";
    ScanOutput leak = scan("t.json", json);
    REQUIRE(count_policy(leak, "phone_number") == 1);
    CHECK(by_policy(leak, "phone_number")->transcript->json_path == "words[3].text");
    CHECK(by_policy(leak, "phone_number")->transcript->verdict == "redaction_failure");
}

TEST_CASE("transcript scan: names AssemblyAI listed as entities are found where they are said") {
    std::string json = transcript(R"(, "entities": [{"entity_type": "person_name", "text": "Rebecca Thornton", "start": 350, "end": 600}])",
                                  "Okay Rebecca Thornton will take notes.");
    ScanOutput out = scan("t.json", json);
    REQUIRE(count_policy(out, "person_name") == 1);
    const Finding* name = by_policy(out, "person_name");
    CHECK(name->secret == "Rebecca Thornton");
    CHECK(name->transcript->json_path == "utterances[0].text");
    CHECK(name->transcript->start_ms == 350);
}

TEST_CASE("transcript scan: unredacted_* fields are critical findings of their own rule") {
    std::string json = transcript(R"(, "redact_pii": true, "unredacted_text": "nothing here")", "Nothing to see.");
    ScanOutput out = scan("t.json", json);
    REQUIRE(out.findings.size() == 1);
    CHECK(out.findings[0].rule->id == "transcript.unredacted-field");
    CHECK(out.findings[0].severity == Severity::critical);
    CHECK(out.findings[0].transcript->json_path == "unredacted_text");
    CHECK(out.findings[0].transcript->verdict == "redaction_failure");
    CHECK(scan("t.json", json, {}, true).findings.empty());
}

TEST_CASE("transcript scan: recognition by content, and plain JSON stays plain") {
    ScanOutput config = scan("package.json", R"({"name": "app", "author": "dana@example.com", "version": "1.2.3.4"})");
    CHECK(by_policy(config, "email_address") == nullptr);
    ScanOutput txt = scan("export.txt", transcript(""));
    CHECK(by_policy(txt, "phone_number") != nullptr);
    ScanOutput srt = scan("captions", "1\n00:00:01,000 --> 00:00:02,000\nMy social security number is\n\n"
                                      "2\n00:00:02,500 --> 00:00:04,000\n512 38 4721, okay?\n");
    const Finding* ssn = by_policy(srt, "us_social_security_number");
    REQUIRE(ssn != nullptr);
    CHECK(ssn->transcript->start_ms == 2500);
    CHECK(ssn->line == 7);
    CHECK(ssn->transcript->verdict == "unredacted");
}

TEST_CASE("transcript scan: redaction marks are never PII and imply redaction in subtitles") {
    ScanOutput marks = scan("t.srt", "1\n00:00:01,000 --> 00:00:05,000\nMy name is [PERSON_NAME], call ###-###-#### or "
                                     "email [EMAIL_ADDRESS]. My password is ########.\n");
    CHECK(marks.findings.empty());
    ScanOutput leak = scan("t.srt", "1\n00:00:01,000 --> 00:00:05,000\nMy name is [PERSON_NAME], my email is "
                                    "dana@example.com and my cell is 312-555-0147.\n\n"
                                    "2\n00:00:06,000 --> 00:00:07,000\nThe address is [EMAIL_ADDRESS].\n");
    REQUIRE(by_policy(leak, "email_address") != nullptr);
    CHECK(by_policy(leak, "email_address")->transcript->verdict == "redaction_failure");
    CHECK(by_policy(leak, "phone_number")->transcript->verdict == "not_covered");
}

TEST_CASE("transcript scan: broken transcript JSON is scanned as text with a warning") {
    ScanOutput out = scan("t.json", R"({"id": "t", "audio_url": "x", "text": "my SSN is 512-38-4721", "words": [{"text": )");
    CHECK(by_policy(out, "us_social_security_number") != nullptr);
    REQUIRE(out.diagnostics.size() == 1);
    CHECK(out.diagnostics[0].level == DiagnosticLevel::warning);
    CHECK(out.stats.errors == 0);
}

TEST_CASE("transcript scan: a plain-text answer on the line after its question is found") {
    std::string text =
        "[00:00:12] Speaker A: Can you confirm your date of birth?\n"
        "[00:00:15] Speaker B: March 3rd, 1985.\n"
        "[00:00:18] Speaker A: And the email on the account?\n"
        "[00:00:20] Speaker B: dana dot whitfield at example dot com\n"
        "[00:00:24] Speaker A: Thanks. The meeting is on March 4th, 2024.\n";
    ScanOutput out = scan("call.txt", text);
    const Finding* birth = by_policy(out, "date_of_birth");
    REQUIRE(birth != nullptr);
    CHECK(birth->line == 2);
    CHECK(birth->column == 23);
    CHECK(birth->secret == "March 3rd, 1985");
    const Finding* email = by_policy(out, "email_address");
    REQUIRE(email != nullptr);
    CHECK(email->line == 4);
    CHECK(count_policy(out, "date_of_birth") == 1);  // the meeting date has no birth cue
}

TEST_CASE("transcript scan: in a /sentences export the answer in the next sentence is found") {
    std::string sentences = R"({"id": "tr_s", "confidence": 0.9, "audio_duration": 30, "sentences": [
        {"text": "Can you confirm your date of birth?", "start": 1000, "end": 3000, "confidence": 0.9, "speaker": "A", "words": []},
        {"text": "19/06/1992.", "start": 3500, "end": 4800, "confidence": 0.9, "speaker": "B", "words": []},
        {"text": "The meeting is on March 4th, 2024.", "start": 5000, "end": 7000, "confidence": 0.9, "speaker": "A", "words": []}]})";
    ScanOutput out = scan("t_sentences.json", sentences);
    const Finding* birth = by_policy(out, "date_of_birth");
    REQUIRE(birth != nullptr);
    CHECK(birth->secret == "19/06/1992");
    CHECK(count_policy(out, "date_of_birth") == 1);
}

TEST_CASE("transcript scan: a UTF-8 byte order mark before the JSON is not an error") {
    ScanOutput out = scan("t_bom.json", "\xEF\xBB\xBF" + transcript(""));
    CHECK(out.diagnostics.empty());
    const Finding* card = by_policy(out, "credit_card_number");
    REQUIRE(card != nullptr);
    REQUIRE(card->transcript);
    CHECK(card->transcript->id == "tr_t");
    CHECK(card->line == 1);
}

TEST_CASE("transcript scan: a text transcript still gets the secret rules of its own scope") {
    std::string text = "Speaker A: Can you read me the key?\nSpeaker B: Sure. export AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYzXq4nC8Wq2\n"
                       "Speaker A: And your email?\nSpeaker B: dana.whitfield@gmail.com\n";
    ScanOutput out = scan("calls/transcript-0412.txt", text);
    CHECK(count_policy(out, "email_address") == 1);
    bool secret = std::any_of(out.findings.begin(), out.findings.end(),
                              [](const Finding& f) { return f.rule->category == Category::secret; });
    CHECK(secret);
    // An extensionless file in a folder named for transcripts is not taken for one by its path.
    ScanOutput key = scan("transcripts/id_rsa", "-----BEGIN RSA PRIVATE KEY-----\n"
                                                "MIIEpAIBAAKCAQEAIOX23ec1ipcMhHT/gKGaZgPD72i2mDlIy52e35OvxqLh1vZ1\n"
                                                "V7tXam/oVALsWz6QFUl8DI4DVUsq+dKjiLlBFkP/+6c4fl6vnskXA6D4GhchaVQ7\n"
                                                "-----END RSA PRIVATE KEY-----\n");
    REQUIRE(key.findings.size() == 1);
    CHECK(key.findings[0].rule->id == "keys.private-key");
}

TEST_CASE("transcript scan: a redaction mark in a WebVTT voice tag says redaction was on") {
    std::string vtt = "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v [PERSON_NAME]>My card is 4111 1111 1111 1111.\n";
    ScanOutput out = scan("vm2.vtt", vtt);
    const Finding* card = by_policy(out, "credit_card_number");
    REQUIRE(card != nullptr);
    REQUIRE(card->transcript);
    CHECK(card->transcript->verdict == "not_covered");
}
