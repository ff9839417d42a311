// Unit tests for source/scope_classifier: scopes by path, archive members included.
#include <catch2/catch.hpp>

#include "source/scope_classifier.h"

using namespace aaiscan;

TEST_CASE("scopes: env, ci, bundle, transcript, config, code") {
    CHECK(classify_path(".env") == Scope::env);
    CHECK(classify_path("apps/web/.env.production.local") == Scope::env);
    CHECK(classify_path("deploy/prod.env") == Scope::env);
    CHECK(classify_path("src/env.ts") == Scope::code);
    CHECK(classify_path(".github/workflows/ci.yml") == Scope::ci);
    CHECK(classify_path(".gitlab-ci.yml") == Scope::ci);
    CHECK(classify_path(".circleci/config.yml") == Scope::ci);
    CHECK(classify_path("Jenkinsfile") == Scope::ci);
    CHECK(classify_path("web/dist/assets/index-3f2a.js") == Scope::bundle);
    CHECK(classify_path(".next/static/chunks/app.js") == Scope::bundle);
    CHECK(classify_path("vendor/jquery.min.js") == Scope::bundle);
    CHECK(classify_path("site.zip!dist/app.js") == Scope::bundle);
    CHECK(classify_path("frontend/build/static/js/main.3f2a.js") == Scope::bundle);
    CHECK(classify_path("out/_next/static/chunks/app.js") == Scope::bundle);
    // Source below an output-named directory is source again.
    CHECK(classify_path("bench/out/corpus/services/api/src/client.js") == Scope::code);
    CHECK(classify_path("build/tools/lib/helper.js") == Scope::code);
    CHECK(classify_path("src/app.js") == Scope::code);
    CHECK(classify_path("exports/t_1.srt") == Scope::transcript);
    CHECK(classify_path("config/settings.yaml") == Scope::config);
    CHECK(classify_path("docker-compose.yml") == Scope::config);
    CHECK(classify_path("main.go") == Scope::code);
}
