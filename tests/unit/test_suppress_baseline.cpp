// Unit tests for suppress/baseline: parsing (objects or bare fingerprints, strict errors),
// deterministic sorted output that round-trips, add/prune bookkeeping.
#include <catch2/catch.hpp>

#include "ruleset/rule.h"
#include "suppress/baseline.h"
#include "util/error.h"

using namespace aaiscan;

namespace {

Finding finding(const Rule& rule, const std::string& path, const std::string& value) {
    Finding f;
    f.rule = &rule;
    f.project_path = path;
    f.secret = value;
    f.fingerprint = compute_fingerprint(rule.id, path, value);
    return f;
}

}  // namespace

TEST_CASE("baseline: output is sorted, one entry per line, and independent of insertion order") {
    Rule a;
    a.id = "acme.key";
    Rule b;
    b.id = "beta.token";
    Baseline first;
    CHECK(first.add(finding(b, "src/z.py", "v1")));
    CHECK(first.add(finding(a, "src/z.py", "v2")));
    CHECK(first.add(finding(a, "lib/a.py", "v3")));
    CHECK_FALSE(first.add(finding(a, "lib/a.py", "v3")));
    Baseline second;
    second.add(finding(a, "lib/a.py", "v3"));
    second.add(finding(a, "src/z.py", "v2"));
    second.add(finding(b, "src/z.py", "v1"));
    CHECK(first.to_json() == second.to_json());
    std::string text = first.to_json();
    CHECK(text.find("\"version\": 1") != std::string::npos);
    size_t lib = text.find("lib/a.py");
    size_t acme_z = text.find("\"rule_id\":\"acme.key\",\"path\":\"src/z.py\"");
    size_t beta_z = text.find("\"rule_id\":\"beta.token\"");
    CHECK(lib < acme_z);
    CHECK(acme_z < beta_z);
    CHECK(text.find("v1") == std::string::npos);  // values never stored
    CHECK(text.back() == '\n');

    Baseline reread = Baseline::parse(text, "b.json");
    CHECK(reread.size() == 3);
    CHECK(reread.to_json() == text);
    CHECK(reread.contains(compute_fingerprint("acme.key", "lib/a.py", "v3")));
    CHECK(Baseline().to_json() == "{\n  \"version\": 1,\n  \"fingerprints\": []\n}\n");
}

TEST_CASE("baseline: prune keeps only what is still present") {
    Rule a;
    a.id = "acme.key";
    Baseline baseline;
    Finding keep = finding(a, "a.py", "kept");
    Finding drop = finding(a, "b.py", "gone");
    baseline.add(keep);
    baseline.add(drop);
    CHECK(baseline.prune({keep.fingerprint}) == 1);
    CHECK(baseline.size() == 1);
    CHECK(baseline.contains(keep.fingerprint));
    CHECK_FALSE(baseline.contains(drop.fingerprint));
    CHECK(baseline.to_json().find("b.py") == std::string::npos);
}

TEST_CASE("baseline: parsing accepts bare fingerprints and rejects anything else") {
    Baseline bare = Baseline::parse(R"({"version": 1, "fingerprints": ["abc", {"fingerprint": "def"}, "abc"]})", "f");
    CHECK(bare.size() == 2);
    CHECK(bare.contains("abc"));
    CHECK(bare.contains("def"));
    CHECK_THROWS_WITH(Baseline::parse("not json", "x.json"), Catch::Contains("x.json: not a baseline file"));
    CHECK_THROWS_AS(Baseline::parse("[]", "f"), Error);
    CHECK_THROWS_WITH(Baseline::parse(R"({"version": 2, "fingerprints": []})", "f"), Catch::Contains("version"));
    CHECK_THROWS_AS(Baseline::parse(R"({"version": 1})", "f"), Error);
    CHECK_THROWS_WITH(Baseline::parse(R"({"version": 1, "fingerprints": [3]})", "f"), Catch::Contains("entry 0"));
    CHECK_THROWS_AS(Baseline::parse(R"({"version": 1, "fingerprints": [""]})", "f"), Error);
    CHECK_THROWS_WITH(Baseline::load("/nonexistent/baseline.json"), Catch::Contains("cannot read"));
}
