// Unit tests for ruleset/rule_loader: strict schema checks with file:line:column messages.
#include <catch2/catch.hpp>

#include "ruleset/rule_loader.h"
#include "util/error.h"

using namespace aaiscan;

namespace {
const char* k_valid = R"(rules:
  - id: vendor.token
    name: Vendor token
    category: secret
    severity: high
    scopes: [code, env]
    pattern: 'vnd_(?P<secret>[a-z0-9]{20})'
    keywords: [vnd_]
    min_entropy: 3.5
    validators: [not_placeholder]
    context: {require: 'vendor', lines: 2}
    checklist: keys-in-env
    message: A vendor token
    examples: ['vnd_abcdefghij0123456789']
    negative_examples: ['vnd_short']
  - id: env.file
    kind: file
    category: config
    severity: high
    paths: ['**/.env']
    condition: tracked
    examples: ['.env']
    negative_examples: ['.env.example']
)";

std::string error_of(const std::string& yaml) {
    try {
        parse_rule_file(yaml, "r.yaml");
    } catch (const Error& e) {
        return e.what();
    }
    return "";
}
}  // namespace

TEST_CASE("rule loader: a valid file yields typed rules") {
    auto rules = parse_rule_file(k_valid, "r.yaml");
    REQUIRE(rules.size() == 2);
    const Rule& r = rules[0];
    CHECK(r.id == "vendor.token");
    CHECK(r.kind == RuleKind::content);
    CHECK(r.severity == Severity::high);
    CHECK(r.applies_to(Scope::code));
    CHECK(r.applies_to(Scope::env));
    CHECK_FALSE(r.applies_to(Scope::transcript));
    CHECK(r.min_entropy == Approx(3.5));
    CHECK(r.context.require == "vendor");
    CHECK(r.context.lines == 2);
    CHECK(r.pattern_origin.line == 7);
    CHECK(r.origin.line == 2);
    CHECK(rules[1].kind == RuleKind::file);
    CHECK(rules[1].condition == FileCondition::tracked);
}

TEST_CASE("rule loader: unknown keys are errors with line and column") {
    std::string yaml = k_valid;
    yaml.replace(yaml.find("    keywords:"), 4, "    patern: 'x'\n    ");
    std::string message = error_of(yaml);
    CHECK(message.find("r.yaml:8:5") != std::string::npos);
    CHECK(message.find("rule 'vendor.token'") != std::string::npos);
    CHECK(message.find("unknown key 'patern'") != std::string::npos);
}

TEST_CASE("rule loader: missing examples, duplicate ids, bad values") {
    CHECK(error_of("rules:\n  - id: a\n    category: secret\n    severity: high\n    scopes: [code]\n    pattern: 'x'\n"
                   "    negative_examples: ['y']\n")
              .find("at least one example is required") != std::string::npos);
    std::string dup = "rules:\n  - id: a\n    category: secret\n    severity: high\n    scopes: [code]\n    pattern: 'x'\n"
                      "    examples: ['x']\n    negative_examples: ['y']\n";
    dup += dup.substr(7);
    CHECK(error_of(dup).find("duplicate rule id") != std::string::npos);
    CHECK(error_of("rules:\n  - id: a\n    category: secret\n    severity: severe\n    scopes: [code]\n    pattern: 'x'\n"
                   "    examples: ['x']\n    negative_examples: ['y']\n")
              .find("r.yaml:4:15") != std::string::npos);
    CHECK(error_of("rules:\n  - id: a\n    category: secret\n    severity: high\n    scopes: [kode]\n    pattern: 'x'\n"
                   "    examples: ['x']\n    negative_examples: ['y']\n")
              .find("unknown scope 'kode'") != std::string::npos);
    CHECK(error_of("rules:\n  - id: A B\n    category: secret\n    severity: high\n    scopes: [code]\n    pattern: 'x'\n"
                   "    examples: ['x']\n    negative_examples: ['y']\n")
              .find("id must be") != std::string::npos);
    CHECK(error_of("rules:\n  - id: a\n    kind: file\n    category: config\n    severity: high\n    paths: ['.env']\n"
                   "    pattern: 'x'\n    examples: ['x']\n    negative_examples: ['y']\n")
              .find("not allowed in a file rule") != std::string::npos);
    CHECK(error_of("rules:\n  - id: a\n    category: secret\n    severity: high\n    scopes: [code]\n    pattern: 'x'\n"
                   "    pii_policy: shoe_size\n    examples: ['x']\n    negative_examples: ['y']\n")
              .find("unknown AssemblyAI PII policy") != std::string::npos);
}

TEST_CASE("rule loader: context.exclude_before_secret is a boolean") {
    std::string yaml = k_valid;
    yaml.replace(yaml.find("lines: 2}"), 9, "lines: 2, exclude_before_secret: true}");
    CHECK(parse_rule_file(yaml, "r.yaml")[0].context.exclude_before_secret);
    CHECK_FALSE(parse_rule_file(k_valid, "r.yaml")[0].context.exclude_before_secret);
    std::string bad = k_valid;
    bad.replace(bad.find("lines: 2}"), 9, "lines: 2, exclude_before_secret: sometimes}");
    std::string message = error_of(bad);
    CHECK(message.find("r.yaml:11:") != std::string::npos);
    CHECK(message.find("exclude_before_secret must be true or false") != std::string::npos);
}

TEST_CASE("rule loader: invalid YAML names the position") {
    std::string message = error_of("rules:\n  - id: [unclosed\n");
    CHECK(message.find("r.yaml:") == 0);
    CHECK(message.find("invalid YAML") != std::string::npos);
    CHECK(error_of("rulez: []\n").find("unknown top-level key 'rulez'") != std::string::npos);
}

TEST_CASE("rule loader: ten thousand rules load") {
    std::string yaml = "rules:\n";
    for (int i = 0; i < 10000; ++i) {
        yaml += "  - id: r" + std::to_string(i) + "\n    category: secret\n    severity: low\n    scopes: [code]\n"
                "    pattern: 'tok" + std::to_string(i) + "_[a-z]{8}'\n    examples: ['x']\n    negative_examples: ['y']\n";
    }
    CHECK(parse_rule_file(yaml, "big.yaml").size() == 10000);
}
