// Unit tests for app/blob_scanner: validators, entropy, context, allow lists, cross-rule dedup,
// inline suppression and chunk acceptance ranges.
#include <catch2/catch.hpp>

#include "app/blob_scanner.h"
#include "test_support.h"

using namespace aaiscan;
using namespace aaiscan::testing;

namespace {

const std::string k_rules = R"(rules:
  - id: specific.key
    category: secret
    severity: critical
    scopes: [code]
    pattern: '(?i)acme_?key\s{0,3}=\s{0,3}["'']?(?P<secret>[0-9a-f]{32})\b'
    min_entropy: 3.0
    validators: [not_placeholder, hex_mixed]
    examples: ['x']
    negative_examples: ['y']
  - id: generic.assignment
    category: secret
    severity: medium
    scopes: [code]
    pattern: '(?i)[a-z_]{0,20}key\s{0,3}=\s{0,3}["'']?(?P<secret>[0-9a-f]{32})\b'
    examples: ['x']
    negative_examples: ['y']
  - id: near.host
    category: secret
    severity: high
    scopes: [config]
    pattern: 'Authorization:\s{0,3}(?P<secret>[0-9a-f]{32})\b'
    context: {require: 'api\.acme\.com', exclude: '(?i)\bmd5\b', lines: 2}
    allow: ['^0badc0de']
    examples: ['x']
    negative_examples: ['y']
  - id: lint.call
    category: config
    severity: info
    scopes: [code]
    pattern: '\bclient\.call\(\)'
    except_paths: ['*.md', 'docs/**']
    examples: ['x']
    negative_examples: ['y']
)";

struct Fixture {
    InlineRules rules{k_rules};
    ScanSettings settings;
    BlobScanner scanner{*rules.matcher, settings};

    std::vector<Finding> scan(const std::string& text, Scope scope = Scope::code, size_t from = 0,
                              size_t to = std::string::npos) {
        return scan_at("f.txt", "f.txt", text, scope, from, to);
    }
    std::vector<Finding> scan_at(std::string_view path, std::string_view project_path, const std::string& text,
                                 Scope scope = Scope::code, size_t from = 0, size_t to = std::string::npos) {
        std::vector<Finding> out;
        LineSourceMap map(text);
        scanner.scan(text, scope, map, BlobOrigin{path, project_path, nullptr}, out, from, to);
        return out;
    }
};

}  // namespace

TEST_CASE("blob scanner: the most severe overlapping rule wins, with a position") {
    Fixture f;
    auto findings = f.scan("one\nACME_KEY = \"4c3b1e0f9a8d7c6b5a4f3e2d1c0b9a8f\"\n");
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].rule->id == "specific.key");
    CHECK(findings[0].secret == "4c3b1e0f9a8d7c6b5a4f3e2d1c0b9a8f");
    CHECK(findings[0].line == 2);
    CHECK(findings[0].column == 13);
    CHECK(findings[0].end_column == 45);
}

TEST_CASE("blob scanner: validators and entropy reject placeholders and words") {
    Fixture f;
    // All digits: hex_mixed fails, so only the generic rule (no validators) reports it.
    auto digits = f.scan("acme_key = 12345678901234567890123456789012");
    REQUIRE(digits.size() == 1);
    CHECK(digits[0].rule->id == "generic.assignment");
    // A repeated unit: not_placeholder and the entropy floor reject the specific rule.
    auto repeated = f.scan("acme_key = abababababababababababababababab12");
    for (const auto& finding : repeated) CHECK(finding.rule->id != "specific.key");
}

TEST_CASE("blob scanner: context require/exclude and the rule allow list") {
    Fixture f;
    std::string near = "GET https://api.acme.com/v1\nAuthorization: 4c3b1e0f9a8d7c6b5a4f3e2d1c0b9a8f\n";
    CHECK(f.scan(near, Scope::config).size() == 1);
    std::string far = "GET https://api.acme.com/v1\n\n\n\n\nAuthorization: 4c3b1e0f9a8d7c6b5a4f3e2d1c0b9a8f\n";
    CHECK(f.scan(far, Scope::config).empty());
    std::string vetoed = "api.acme.com md5\nAuthorization: 4c3b1e0f9a8d7c6b5a4f3e2d1c0b9a8f\n";
    CHECK(f.scan(vetoed, Scope::config).empty());
    std::string allowed = "api.acme.com\nAuthorization: 0badc0de9a8d7c6b5a4f3e2d1c0b9a8f\n";
    CHECK(f.scan(allowed, Scope::config).empty());
}

TEST_CASE("blob scanner: inline allow comments suppress but keep the finding") {
    Fixture f;
    for (const char* marker : {"# aaiscan:allow", "// gitleaks:allow", "# pragma: allowlist secret"}) {
        auto findings = f.scan(std::string("acme_key = 4c3b1e0f9a8d7c6b5a4f3e2d1c0b9a8f  ") + marker + "\n");
        REQUIRE(findings.size() == 1);
        CHECK(findings[0].suppressed == Suppression::inline_comment);
    }
    auto next_line = f.scan("# aaiscan:allow-next-line\nacme_key = 4c3b1e0f9a8d7c6b5a4f3e2d1c0b9a8f\n");
    REQUIRE(next_line.size() == 1);
    CHECK(next_line[0].suppressed == Suppression::inline_comment);
    auto other_line = f.scan("# aaiscan:allow\n\nacme_key = 4c3b1e0f9a8d7c6b5a4f3e2d1c0b9a8f\n");
    REQUIRE(other_line.size() == 1);
    CHECK(other_line[0].suppressed == Suppression::none);
    f.settings.inline_ignore = false;
    auto ignored = f.scan("acme_key = 4c3b1e0f9a8d7c6b5a4f3e2d1c0b9a8f # aaiscan:allow\n");
    REQUIRE(ignored.size() == 1);
    CHECK(ignored[0].suppressed == Suppression::none);
}

TEST_CASE("blob scanner: only secrets starting in the accept range are kept") {
    Fixture f;
    std::string text = "acme_key = 4c3b1e0f9a8d7c6b5a4f3e2d1c0b9a8f\nacme_key = 9c3b1e0f9a8d7c6b5a4f3e2d1c0b9a8e\n";
    size_t second = text.find("9c3b");
    CHECK(f.scan(text, Scope::code, 0, second).size() == 1);
    CHECK(f.scan(text, Scope::code, second, std::string::npos).size() == 1);
    CHECK(f.scan(text).size() == 2);
}

TEST_CASE("blob scanner: a rule's except_paths leave those files alone") {
    Fixture f;
    const std::string text = "result = client.call()\n";
    CHECK(f.scan_at("app.py", "app.py", text).size() == 1);
    CHECK(f.scan_at("README.md", "README.md", text).empty());
    CHECK(f.scan_at("pkg/notes/USAGE.md", "pkg/notes/USAGE.md", text).empty());
    CHECK(f.scan_at("docs/guide/run.py", "docs/guide/run.py", text).empty());
    CHECK(f.scan_at("src/docs.py", "src/docs.py", text).size() == 1);
    // An archive member is tested by its displayed path too.
    CHECK(f.scan_at("site.zip!README.md", "site.zip", text).empty());
    // Other rules still report in excluded files.
    CHECK(f.scan_at("README.md", "README.md", "acme_key = \"4c3b1e0f9a8d7c6b5a4f3e2d1c0b9a8f\"\n").size() == 1);
}
