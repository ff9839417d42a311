// Unit tests for app/config: strict parsing with located errors, upward discovery.
#include <catch2/catch.hpp>

#include "app/config.h"
#include "test_support.h"
#include "util/error.h"

using namespace aaiscan;
using namespace aaiscan::testing;

namespace {
std::string error_of(const std::string& text) {
    try {
        parse_config(text, "c.yaml");
    } catch (const Error& e) {
        return e.what();
    }
    return "";
}
}  // namespace

TEST_CASE("config: every documented key parses") {
    Config c = parse_config(R"(rules: [extra/rules.yaml]
disable: [generic.api-key]
fail_on: high
max_file_size: 10M
allow:
  paths: ['fixtures/**']
  regexes: ['^test_']
  stopwords: [example]
transcripts:
  required_policies: [email_address, person_name]
  phone_region: GB
  retention_days: 7
)", "/repo/.aaiscan.yaml");
    CHECK(c.rule_paths == std::vector<std::string>{"/repo/extra/rules.yaml"});
    CHECK(c.disable == std::vector<std::string>{"generic.api-key"});
    CHECK(c.fail_on == Severity::high);
    CHECK(c.max_file_size == 10u << 20);
    CHECK(c.allow.paths.size() == 1);
    CHECK(c.transcripts.phone_region == "GB");
    CHECK(c.transcripts.retention_days == 7);
    CHECK(c.transcripts.required_policies.size() == 2);
}

TEST_CASE("config: mistakes are errors naming file:line:column") {
    CHECK(error_of("alow:\n  paths: []\n").find("c.yaml:1:1: unknown key 'alow'") != std::string::npos);
    CHECK(error_of("allow:\n  path: []\n").find("c.yaml:2:3: unknown key 'allow.path'") != std::string::npos);
    CHECK(error_of("fail_on: severe\n").find("c.yaml:1:10") != std::string::npos);
    CHECK(error_of("transcripts:\n  required_policies: [shoe_size]\n").find("unknown AssemblyAI PII policy") != std::string::npos);
    CHECK(error_of("max_file_size: lots\n").find("max_file_size") != std::string::npos);
    CHECK(error_of("rules: 3\n").find("must be a list") != std::string::npos);
    CHECK(error_of("allow: [\n").find("invalid YAML") != std::string::npos);
    CHECK(error_of("allow:\n  regexes: ['ok', '(unclosed']\n").find("c.yaml:2:19: allow.regexes: invalid regex") !=
          std::string::npos);
    for (const char* region : {"usa", "gb", "XXX", "1", "XX", "QZ"}) {  // XX, QZ: well formed, unknown
        CHECK(error_of(std::string("transcripts:\n  phone_region: ") + region + "\n").find("c.yaml:2:17: transcripts.phone_region") !=
              std::string::npos);
    }
    for (const char* days : {"0", "-5", "30abc", "1.5", "thirty", "1000000"}) {
        CHECK(error_of(std::string("transcripts:\n  retention_days: ") + days + "\n").find("c.yaml:2:19: transcripts.retention_days") !=
              std::string::npos);
    }
}

TEST_CASE("config: found upwards, nearest first") {
    TempDir dir;
    write_file(dir / ".aaiscan.yaml", "{}\n");
    write_file(dir / "a/b/file.txt", "x");
    CHECK(find_config_upwards((dir / "a/b").string()) == (dir / ".aaiscan.yaml").string());
    write_file(dir / "a/.aaiscan.yml", "{}\n");
    CHECK(find_config_upwards((dir / "a/b/file.txt").string()) == (dir / "a/.aaiscan.yml").string());
}

TEST_CASE("config: a rule file that does not exist is named at its entry") {
    TempDir dir;
    write_file(dir / "team-rules.yaml", "rules: []\n");
    write_file(dir / ".aaiscan.yaml", "rules:\n  - team-rules.yaml\n  - missing-rules.yaml\n");
    std::string message;
    try {
        load_config_file((dir / ".aaiscan.yaml").string());
    } catch (const Error& e) {
        message = e.what();
    }
    CHECK(message.find(".aaiscan.yaml:3:5: rule file or directory not found") != std::string::npos);
    CHECK(message.find("missing-rules.yaml") != std::string::npos);
    write_file(dir / ".aaiscan.yaml", "rules:\n  - team-rules.yaml\n");
    CHECK(load_config_file((dir / ".aaiscan.yaml").string()).rule_paths.size() == 1);
}
