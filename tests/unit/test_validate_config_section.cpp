// Unit tests for validate/config_section: a key under another service's configuration section is
// that service's key; AssemblyAI's own section, or none, leaves it to the rule.
#include <catch2/catch.hpp>

#include <string>

#include "validate/config_section.h"

using namespace aaiscan;

namespace {

bool accepted(const std::string& text, const std::string& key = "c0fca6f8b51c3df6d77eb93afb9cfe7a") {
    ValidationContext context;
    context.text = text;
    context.match_begin = text.find(key);
    REQUIRE(context.match_begin != std::string::npos);
    context.match_end = context.match_begin + key.size();
    return validate_not_other_service_section(key, context);
}

}  // namespace

TEST_CASE("config section: another service's section owns the key") {
    CHECK_FALSE(accepted("{\n  \"AzureSpeech\": {\n    \"Key\": \"c0fca6f8b51c3df6d77eb93afb9cfe7a\"\n  },\n"
                         "  \"AssemblyAI\": {\"ApiKey\": \"<KEY>\"}\n}"));
    CHECK_FALSE(accepted("assemblyai:\n  api_key: ${AAI}\nazure:\n  speech:\n    key: c0fca6f8b51c3df6d77eb93afb9cfe7a\n"));
    CHECK_FALSE(accepted("[assemblyai]\napi_key = env\n\n[mixpanel]\ntoken = \"c0fca6f8b51c3df6d77eb93afb9cfe7a\"\n"));
}

TEST_CASE("config section: AssemblyAI's section, or no named section, keeps the key") {
    CHECK(accepted("azure:\n  key: ${AZ}\nassemblyai:\n  api_key: c0fca6f8b51c3df6d77eb93afb9cfe7a\n"));
    CHECK(accepted("{\n  \"AssemblyAI\": {\n    \"ApiKey\": \"c0fca6f8b51c3df6d77eb93afb9cfe7a\"\n  }\n}"));
    CHECK(accepted("[providers]\nassemblyai_key = \"c0fca6f8b51c3df6d77eb93afb9cfe7a\"\n"));
    // Imports and assignments are not sections, whatever they mention.
    CHECK(accepted("import assemblyai as aai\nimport sentry_sdk\n\napi_key = \"c0fca6f8b51c3df6d77eb93afb9cfe7a\"\n"));
    CHECK(accepted("api_key = \"c0fca6f8b51c3df6d77eb93afb9cfe7a\""));
}

TEST_CASE("config section: a file that opens by naming another service owns a top-level key") {
    CHECK_FALSE(accepted("## Datadog Agent config for transcribe hosts\napi_key: c0fca6f8b51c3df6d77eb93afb9cfe7a\n"
                         "tags:\n  - provider:assemblyai\n"));
    CHECK_FALSE(accepted("// Mixpanel analytics\nconst token = 'c0fca6f8b51c3df6d77eb93afb9cfe7a';\n"));
    // A header comment naming AssemblyAI too, or comments further down, do not count.
    CHECK(accepted("# Datadog and AssemblyAI settings\napi_key: c0fca6f8b51c3df6d77eb93afb9cfe7a\n"));
    CHECK(accepted("import os\n# datadog is configured elsewhere\napi_key = 'c0fca6f8b51c3df6d77eb93afb9cfe7a'\n"));
}
