// Unit tests for app/checklist_browser: which files run in the browser, which on a server.
#include <catch2/catch.hpp>

#include "app/checklist_browser.h"

using namespace aaiscan;

TEST_CASE("checklist browser: browser code") {
    CHECK(classify_code_runtime("web/dist/assets/index-8f3c2a1d.js", "") == CodeRuntime::browser);
    CHECK(classify_code_runtime(".next/static/chunks/app.js", "") == CodeRuntime::browser);
    CHECK(classify_code_runtime("src/components/Recorder.tsx", "") == CodeRuntime::browser);
    CHECK(classify_code_runtime("src/App.vue", "") == CodeRuntime::browser);
    CHECK(classify_code_runtime("src/routes/Live.svelte", "") == CodeRuntime::browser);
    CHECK(classify_code_runtime("frontend/src/stream.ts", "") == CodeRuntime::browser);
    CHECK(classify_code_runtime("public/recorder.js", "") == CodeRuntime::browser);
    CHECK(classify_code_runtime("src/hooks/useTranscriber.ts", "") == CodeRuntime::browser);
    CHECK(classify_code_runtime("app/live/page.tsx", "'use client';\nimport x from 'y';") ==
          CodeRuntime::browser);
    CHECK(classify_code_runtime("lib/stream.ts", "\"use client\"\n") == CodeRuntime::browser);
}

TEST_CASE("checklist browser: server code") {
    CHECK(classify_code_runtime("pages/api/token.ts", "") == CodeRuntime::server);
    CHECK(classify_code_runtime("app/api/token/route.ts", "") == CodeRuntime::server);
    CHECK(classify_code_runtime("src/server/relay.ts", "") == CodeRuntime::server);
    CHECK(classify_code_runtime("src/routes/token/+server.ts", "") == CodeRuntime::server);
    CHECK(classify_code_runtime("app/lib/stream.server.ts", "") == CodeRuntime::server);
    CHECK(classify_code_runtime("netlify/functions/token.js", "") == CodeRuntime::server);
    CHECK(classify_code_runtime("worker/main.py", "") == CodeRuntime::server);
    CHECK(classify_code_runtime("cmd/transcribe/main.go", "") == CodeRuntime::server);
    CHECK(classify_code_runtime("app/actions.ts", "'use server';\n") == CodeRuntime::server);
    // A server marker wins over a browser-looking extension.
    CHECK(classify_code_runtime("pages/api/token.tsx", "") == CodeRuntime::server);
}

TEST_CASE("checklist browser: undecidable files stay unknown") {
    CHECK(classify_code_runtime("src/stream.ts", "") == CodeRuntime::unknown);
    CHECK(classify_code_runtime("index.js", "") == CodeRuntime::unknown);
    // Next.js app router files are server components unless they say "use client".
    CHECK(classify_code_runtime("app/live/page.tsx", "import x from 'y';") == CodeRuntime::unknown);
    // The directive must be a quoted string, not a mention.
    CHECK(classify_code_runtime("lib/stream.ts", "// we use client certificates\n") ==
          CodeRuntime::unknown);
}
