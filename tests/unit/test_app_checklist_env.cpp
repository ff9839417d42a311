// Unit tests for app/checklist_env: environment names of env files, credential-like assignments
// (hashed, placeholders and references skipped) and values shared between environments.
#include <catch2/catch.hpp>

#include "app/checklist_env.h"
#include "util/sha256.h"

using namespace aaiscan;

TEST_CASE("checklist env: environment of an env file") {
    CHECK(environment_of_env_file(".env") == "default");
    CHECK(environment_of_env_file(".env.local") == "local");
    CHECK(environment_of_env_file(".env.production") == "production");
    CHECK(environment_of_env_file(".env.production.local") == "production");
    CHECK(environment_of_env_file(".env.prod") == "production");
    CHECK(environment_of_env_file(".env.dev") == "development");
    CHECK(environment_of_env_file(".env.stage") == "staging");
    CHECK(environment_of_env_file("prod.env") == "production");
    CHECK(environment_of_env_file("Staging.ENV") == "staging");
    // Templates are not environments.
    CHECK(environment_of_env_file(".env.example").empty());
    CHECK(environment_of_env_file(".env.production.example").empty());
    CHECK(environment_of_env_file(".env.sample").empty());
    CHECK(environment_of_env_file(".env.template").empty());
    CHECK(environment_of_env_file("env.ts").empty());
    CHECK(environment_of_env_file(".envrc").empty());
}

TEST_CASE("checklist env: credential assignments are kept as hashes") {
    auto found = parse_env_assignments(
        "# comment\n"
        "ASSEMBLYAI_API_KEY=8e3f1a6c2b9d4e7f0a5c8b1d3e6f9a2c\n"
        "export DB_PASSWORD=\"Tr0ub4dor&3-horse\"\n"
        "LOG_LEVEL=debug\n"
        "SOME_ID=c7b2e9d4a1f6083e5d2c9b7a4f1e6d3b\n"
        "STRIPE_KEY='sk_test_abcdefgh' # trailing comment\n");
    REQUIRE(found.size() == 4);
    CHECK(found[0].name == "ASSEMBLYAI_API_KEY");
    CHECK(found[0].line == 2);
    CHECK(found[0].value_hash == sha256_hex("8e3f1a6c2b9d4e7f0a5c8b1d3e6f9a2c"));
    CHECK(found[1].name == "DB_PASSWORD");
    CHECK(found[1].value_hash == sha256_hex("Tr0ub4dor&3-horse"));
    CHECK(found[2].name == "SOME_ID");  // an AssemblyAI-shaped value counts whatever its name
    CHECK(found[3].name == "STRIPE_KEY");
    CHECK(found[3].value_hash == sha256_hex("sk_test_abcdefgh"));
    for (const auto& a : found) CHECK(a.value_hash.find("8e3f1a6c") == std::string::npos);
}

TEST_CASE("checklist env: references and placeholders are not values") {
    auto found = parse_env_assignments(
        "API_KEY=${ASSEMBLYAI_API_KEY}\n"
        "API_TOKEN=$TOKEN\n"
        "SECRET_KEY=your-secret-key-here\n"
        "AUTH_TOKEN=<token>\n"
        "PASSWORD=short\n"
        "EMPTY_KEY=\n"
        "ZERO_KEY=00000000000000000000000000000000\n");
    CHECK(found.empty());
}

TEST_CASE("checklist env: the same value in two environments is shared") {
    const std::string key = sha256_hex("8e3f1a6c2b9d4e7f0a5c8b1d3e6f9a2c");
    const std::string other = sha256_hex("c7b2e9d4a1f6083e5d2c9b7a4f1e6d3b");
    std::vector<EnvFile> files = {
        {".env.development", "development", {{"ASSEMBLYAI_API_KEY", key, 2}}},
        {".env.development.local", "development", {{"ASSEMBLYAI_API_KEY", key, 1}}},
        {".env.production", "production", {{"ASSEMBLYAI_API_KEY", other, 1}}},
        {".env.example", "", {{"ASSEMBLYAI_API_KEY", other, 1}}},
    };
    // Same environment twice, and a template: nothing shared.
    CHECK(find_shared_env_values(files).empty());

    files.push_back({"apps/api/.env.staging", "staging", {{"AAI_KEY", key, 4}}});
    auto shared = find_shared_env_values(files);
    REQUIRE(shared.size() == 1);
    REQUIRE(shared[0].places.size() == 3);
    CHECK(shared[0].places[0].path == ".env.development");
    CHECK(shared[0].places[2].path == "apps/api/.env.staging");
    CHECK(shared[0].places[2].name == "AAI_KEY");
    CHECK(shared[0].places[2].line == 4);
}
