// Unit tests for app/checklist_evaluate: verdicts from synthetic findings and inventories (browser
// exposure by where the file runs, transcript verdicts grouped per file, retention by age,
// suppressed findings ignored).
#include <catch2/catch.hpp>

#include "app/checklist_evaluate.h"

using namespace aaiscan;

namespace {

Rule make_rule(std::string id, Category category, std::string checklist,
               Severity severity = Severity::info) {
    Rule r;
    r.id = std::move(id);
    r.category = category;
    r.checklist = std::move(checklist);
    r.severity = severity;
    return r;
}

Finding finding_of(const Rule& rule, std::string path, size_t line, std::string secret = "x") {
    Finding f;
    f.rule = &rule;
    f.severity = rule.severity;
    f.path = f.project_path = std::move(path);
    f.line = line;
    f.secret = std::move(secret);
    f.message = rule.id;
    return f;
}

// A copy: callers often pass a temporary report.
ChecklistItem item(const ChecklistReport& report, std::string_view id) {
    for (const auto& i : report.items) {
        if (i.id == id) return i;
    }
    FAIL("no item " << id);
    return {};
}

constexpr int64_t k_now = 1767225600;  // 2026-01-01

}  // namespace

TEST_CASE("checklist evaluate: an empty tree") {
    ChecklistReport report = evaluate_checklist({}, ChecklistInventory{}, 30, k_now);
    REQUIRE(report.items.size() == 9);
    CHECK(report.items[0].id == "keys-in-env");
    CHECK(report.items[8].id == "ci-secrets");
    CHECK(item(report, "keys-in-env").status == ChecklistStatus::pass);
    CHECK(item(report, "keys-in-env").fix.empty());
    CHECK(item(report, "separate-keys").status == ChecklistStatus::manual);
}

TEST_CASE("checklist evaluate: a streaming transcriber with apiKey depends on where it runs") {
    Rule lint = make_rule("assemblyai.streaming-transcriber.api-key", Category::config,
                          "temp-tokens-browser");
    std::vector<Finding> findings = {finding_of(lint, "web/Recorder.tsx", 5),
                                     finding_of(lint, "server/relay.ts", 9),
                                     finding_of(lint, "lib/stream.ts", 3)};
    ChecklistInventory inventory;
    inventory.runtimes = {{"web/Recorder.tsx", CodeRuntime::browser},
                          {"server/relay.ts", CodeRuntime::server},
                          {"lib/stream.ts", CodeRuntime::unknown}};
    const ChecklistItem tokens =
        item(evaluate_checklist(findings, inventory, 30, k_now), "temp-tokens-browser");
    CHECK(tokens.status == ChecklistStatus::fail);
    REQUIRE(tokens.evidence.size() == 2);
    CHECK(tokens.evidence[0].path == "web/Recorder.tsx");
    CHECK(tokens.evidence[0].status == ChecklistStatus::fail);
    CHECK(tokens.evidence[1].path == "lib/stream.ts");
    CHECK(tokens.evidence[1].status == ChecklistStatus::warn);
    CHECK(tokens.evidence[1].value.empty());  // config findings carry no value
}

TEST_CASE("checklist evaluate: a key in browser code fails two items, masked") {
    Rule key = make_rule("assemblyai.api-key.assignment", Category::secret, "keys-in-env",
                         Severity::critical);
    std::vector<Finding> findings = {
        finding_of(key, "src/components/Live.tsx", 4, "5d41c0e8b7a94f2e8c3b6a1d9f0e7c24")};
    ChecklistInventory inventory;
    inventory.runtimes = {{"src/components/Live.tsx", CodeRuntime::browser}};
    ChecklistReport report = evaluate_checklist(findings, inventory, 30, k_now);
    CHECK(item(report, "keys-in-env").status == ChecklistStatus::fail);
    const ChecklistItem tokens = item(report, "temp-tokens-browser");
    CHECK(tokens.status == ChecklistStatus::fail);
    REQUIRE(tokens.evidence.size() == 1);
    CHECK(tokens.evidence[0].value == "5d41\xE2\x80\xA6(32)");

    findings[0].suppressed = Suppression::baseline;
    ChecklistReport suppressed = evaluate_checklist(findings, inventory, 30, k_now);
    CHECK(item(suppressed, "keys-in-env").status == ChecklistStatus::pass);
    CHECK(item(suppressed, "temp-tokens-browser").status == ChecklistStatus::pass);
}

TEST_CASE("checklist evaluate: transcript PII is grouped per file and verdict") {
    Rule email = make_rule("pii.email", Category::pii, "pii-redaction");
    email.pii_policy = "email_address";
    Rule phone = make_rule("pii.phone", Category::pii, "pii-redaction");
    phone.pii_policy = "phone_number";
    auto in_transcript = [](Finding f, std::string verdict) {
        f.transcript = TranscriptRef{};
        f.transcript->verdict = std::move(verdict);
        return f;
    };
    std::vector<Finding> findings = {
        in_transcript(finding_of(email, "a.json", 3), "unredacted"),
        in_transcript(finding_of(email, "a.json", 4), "unredacted"),
        in_transcript(finding_of(phone, "a.json", 5), "unredacted"),
        in_transcript(finding_of(phone, "b.json", 7), "not_covered"),
        finding_of(phone, "c.txt", 2),  // no verdict: unredacted
    };
    const ChecklistItem pii =
        item(evaluate_checklist(findings, ChecklistInventory{}, 30, k_now), "pii-redaction");
    CHECK(pii.status == ChecklistStatus::fail);
    REQUIRE(pii.evidence.size() == 3);
    CHECK(pii.evidence[0].path == "a.json");
    CHECK(pii.evidence[0].line == 3);
    CHECK(pii.evidence[0].message.find("3 PII values") != std::string::npos);
    CHECK(pii.evidence[0].message.find("email_address 2, phone_number 1") != std::string::npos);
    CHECK(pii.evidence[1].status == ChecklistStatus::warn);
    CHECK(pii.evidence[2].path == "c.txt");
    CHECK(pii.evidence[2].status == ChecklistStatus::fail);
    CHECK(pii.evidence[2].message.find("redaction off") != std::string::npos);
}

TEST_CASE("checklist evaluate: retention by age and configured days") {
    ChecklistInventory inventory;
    inventory.transcripts = {{"old.json", k_now - 31 * 86400, "`created` field", true},
                             {"new.srt", k_now - 29 * 86400, "file modification time", false}};
    const ChecklistItem thirty = item(evaluate_checklist({}, inventory, 30, k_now), "retention");
    CHECK(thirty.status == ChecklistStatus::warn);
    REQUIRE(thirty.evidence.size() == 1);
    CHECK(thirty.evidence[0].path == "old.json");
    CHECK(thirty.evidence[0].message.find("`created` field") != std::string::npos);
    CHECK(item(evaluate_checklist({}, inventory, 31, k_now), "retention").status ==
          ChecklistStatus::pass);
    CHECK(item(evaluate_checklist({}, inventory, 10, k_now), "retention").evidence.size() == 2);
}

TEST_CASE("checklist evaluate: transcription requests without any deletion are MANUAL for retention") {
    ChecklistInventory inventory;
    inventory.request_files = {"app/transcribe.py", "app/worker.py"};
    const ChecklistItem kept = item(evaluate_checklist({}, inventory, 30, k_now), "retention");
    CHECK(kept.status == ChecklistStatus::manual);
    REQUIRE(kept.evidence.size() == 2);  // every requesting file, the first with the explanation
    CHECK(kept.evidence[0].path == "app/transcribe.py");
    CHECK(kept.evidence[0].message.find("2 files") != std::string::npos);
    CHECK(kept.evidence[1].path == "app/worker.py");
    inventory.deleting_files = {"jobs/purge.sh"};
    const ChecklistItem deleted = item(evaluate_checklist({}, inventory, 30, k_now), "retention");
    CHECK(deleted.status == ChecklistStatus::pass);
    CHECK(deleted.summary.find("jobs/purge.sh") != std::string::npos);
}

TEST_CASE("checklist evaluate: secrets in CI files and webhook lints") {
    Rule generic = make_rule("generic.api-key", Category::secret, "keys-in-env", Severity::high);
    Rule webhook = make_rule("assemblyai.webhook-unauthenticated", Category::config, "webhook-auth",
                             Severity::low);
    Rule safety = make_rule("assemblyai.request.no-content-safety.python-sdk", Category::config,
                            "content-safety");
    std::vector<Finding> findings = {
        finding_of(generic, ".github/workflows/ci.yml", 9, "Mz7qR2vXk9Lp4Tn8Wd3s"),
        finding_of(generic, "src/app.py", 2, "Mz7qR2vXk9Lp4Tn8Wd3s"),
        finding_of(webhook, "submit.ts", 10), finding_of(safety, "t.py", 7)};
    ChecklistReport report = evaluate_checklist(findings, ChecklistInventory{}, 30, k_now);
    const ChecklistItem ci = item(report, "ci-secrets");
    CHECK(ci.status == ChecklistStatus::fail);
    REQUIRE(ci.evidence.size() == 1);
    CHECK(ci.evidence[0].path == ".github/workflows/ci.yml");
    CHECK(item(report, "webhook-auth").status == ChecklistStatus::fail);
    CHECK(item(report, "content-safety").status == ChecklistStatus::manual);
    CHECK(item(report, "keys-in-env").evidence.size() == 2);
}

TEST_CASE("checklist evaluate: shared env values fail separate-keys without printing them") {
    ChecklistInventory inventory;
    inventory.env_files = {
        {".env.development", "development", {{"ASSEMBLYAI_API_KEY", "hash-a", 1}}},
        {".env.production", "production", {{"ASSEMBLYAI_API_KEY", "hash-a", 2}}}};
    const ChecklistItem keys = item(evaluate_checklist({}, inventory, 30, k_now), "separate-keys");
    CHECK(keys.status == ChecklistStatus::fail);
    REQUIRE(keys.evidence.size() == 1);
    CHECK(keys.evidence[0].value.empty());
    CHECK(keys.evidence[0].message.find("hash-a") == std::string::npos);
    CHECK(keys.evidence[0].message.find(".env.production:2 (production)") != std::string::npos);

    inventory.env_files[1].assignments[0].value_hash = "hash-b";
    CHECK(item(evaluate_checklist({}, inventory, 30, k_now), "separate-keys").status ==
          ChecklistStatus::pass);
}
