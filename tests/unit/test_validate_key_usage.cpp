// Unit tests for validate/key_usage: the name a value is assigned to, and whose key the value is
// by where that name is used (AssemblyAI, or Twilio, Azure Speech, Mixpanel...).
#include <catch2/catch.hpp>

#include <string>

#include "validate/key_usage.h"

using namespace aaiscan;

namespace {

// Runs the validator on a match from `name` (on the line of `key`) to the end of `key`, as the
// rules match: from the name the value is assigned to.
bool used_with_assemblyai(const std::string& text, const std::string& name, const std::string& key) {
    size_t value = text.find(key);
    REQUIRE(value != std::string::npos);
    size_t line = text.rfind('\n', value);
    size_t begin = text.find(name, line == std::string::npos ? 0 : line + 1);
    REQUIRE(begin < value);
    ValidationContext ctx{text, begin, value + key.size()};
    return validate_used_with_assemblyai(key, ctx);
}

const std::string k_key = "f72adcb8ef5099245f166eabace485b9";

}  // namespace

TEST_CASE("key usage: the assigned name without sigils, quotes and object prefixes") {
    CHECK(assigned_name("$speechKey = 'f72a'") == "speechKey");
    CHECK(assigned_name("process.env.VOICE_API_KEY ?? \"f72a\"") == "VOICE_API_KEY");
    CHECK(assigned_name("\"aai-token\": \"f72a\"") == "aai-token");
    CHECK(assigned_name(" authToken = \"f72a\"") == "authToken");
    CHECK(assigned_name("\"Name\": \"/prod/transcriber/aai_key\", \"Type\": \"SecureString\", \"Value\": \"f72a\"") ==
          "aai_key");
    CHECK(assigned_name("\"key\": \"config/transcriber/provider_key\", \"value\": \"ZDA1\"") == "provider_key");
}

TEST_CASE("key usage: a value used with AssemblyAI is AssemblyAI's, whatever its name") {
    std::string fsharp = "let private baseUrl = \"https://api.assemblyai.com/v2/\"\nlet private speechKey = \"" + k_key +
                         "\"\nclient.DefaultRequestHeaders.Add(\"Authorization\", speechKey)\n";
    CHECK(used_with_assemblyai(fsharp, "speechKey", k_key));
    // Far from any mention, but its one use sits beside the AssemblyAI client.
    std::string used = "const TRANSCRIBE_KEY = \"" + k_key + "\";\n" + std::string(400, '/') +
                       "\nconst client = new AssemblyAI({ apiKey: TRANSCRIBE_KEY });\n";
    CHECK(used_with_assemblyai(used, "TRANSCRIBE_KEY", k_key));
    // No use at all: the file talks to AssemblyAI (here only through a base64 base URL).
    std::string k8s = "data:\n  base-url: aHR0cHM6Ly9hcGkuYXNzZW1ibHlhaS5jb20=\n  provider_key: " + k_key + "\n";
    CHECK(used_with_assemblyai(k8s, "provider_key", k_key));
}

TEST_CASE("key usage: a value handed to another service is not AssemblyAI's") {
    std::string twilio = "import twilio from \"twilio\";\nimport { AssemblyAI } from \"assemblyai\";\n\nconst accountSid = \"AC6726\";\n"
                         "const authToken = \"" + k_key + "\";\nconst tw = twilio(accountSid, authToken);\n"
                         "const aai = new AssemblyAI({ apiKey: process.env.ASSEMBLYAI_API_KEY });\n"
                         "app.post(\"/twilio/recording\", twilio.webhook(authToken), handler);\n";
    CHECK_FALSE(used_with_assemblyai(twilio, "authToken", k_key));
    std::string azure = "import * as sdk from \"microsoft-cognitiveservices-speech-sdk\";\n\nconst speechKey = \"" + k_key +
                        "\";\nconst speechRegion = \"westeurope\";\n\nexport function azureRecognizer() {\n"
                        "  const cfg = sdk.SpeechConfig.fromSubscription(speechKey, speechRegion);\n}\n\n"
                        "// AssemblyAI is only called from our backend (/api/aai/*), which holds its key.\n";
    CHECK_FALSE(used_with_assemblyai(azure, "speechKey", k_key));
    // The name says so, or says it is no credential at all.
    CHECK_FALSE(used_with_assemblyai("import assemblyai as aai\nMIXPANEL_TOKEN = \"" + k_key + "\"\n", "MIXPANEL_TOKEN", k_key));
    CHECK_FALSE(used_with_assemblyai("import assemblyai as aai\ncache_key = \"" + k_key + "\"\n", "cache_key", k_key));
    CHECK_FALSE(used_with_assemblyai("import assemblyai as aai\nupload_key_id = \"" + k_key + "\"\n", "upload_key_id", k_key));
    // Nothing in the file points at AssemblyAI.
    CHECK_FALSE(used_with_assemblyai("const transcriptKey = \"" + k_key + "\";\n", "transcriptKey", k_key));
}

TEST_CASE("key usage: AssemblyAI's own abbreviation in the name is enough") {
    CHECK(used_with_assemblyai("stringData:\n  aai-token: \"" + k_key + "\"\n", "aai-token", k_key));
    CHECK(used_with_assemblyai("const aaiSecret = \"" + k_key + "\";\n", "aaiSecret", k_key));
}

TEST_CASE("key usage: a bundle constant counts when the bundle sends it to AssemblyAI as a credential") {
    auto sent = [](const std::string& text) {
        size_t value = text.find(k_key);
        REQUIRE(value != std::string::npos);
        ValidationContext ctx{text, value > 12 ? value - 12 : 0, value + k_key.size()};
        return validate_sent_to_assemblyai(std::string_view(text).substr(value, k_key.size()), ctx);
    };
    const std::string far(30000, ';');
    // Used as the authorization header of an AssemblyAI call, 30 KB later.
    CHECK(sent("const Wt=\"" + k_key + "\";" + far +
               "fetch(\"https://api.assemblyai.com/v2/upload\",{method:\"POST\",headers:{authorization:Wt}})"));
    // Through an object path, and as a token query parameter.
    CHECK(sent("const E$={speechToken:\"" + k_key + "\"};" + far +
               "fetch(\"https://api.assemblyai.com/v2/transcript\",{headers:{authorization:E$.speechToken}})"));
    CHECK(sent("let XH=\"" + k_key + "\";" + far + "new WebSocket(\"wss://streaming.assemblyai.com/v3/ws?token=\"+XH)"));
    // Sent nowhere as a credential, sent to another service too, a one-letter name, no AssemblyAI.
    CHECK_FALSE(sent("const Wt=\"" + k_key + "\";" + far +
                     "fetch(\"https://api.assemblyai.com/v2/upload\",{headers:{authorization:t},etag:Wt})"));
    CHECK_FALSE(sent("const Wt=\"" + k_key + "\";" + far + "mixpanel.init({token:Wt});" + far +
                     "fetch(\"https://api.assemblyai.com/v2/upload\",{headers:{authorization:Wt}})"));
    // One letter counts too, as the credential beside AssemblyAI's host.
    CHECK(sent("const W=\"" + k_key + "\";" + far +
               "fetch(\"https://api.assemblyai.com/v2/upload\",{headers:{authorization:W}})"));
    CHECK_FALSE(sent("const Wt=\"" + k_key + "\";" + far + "fetch(\"https://api.example.com/v2/upload\",{headers:{authorization:Wt}})"));
    // Assigned right after a cue word (a token URL in the same object), and ids.
    CHECK_FALSE(sent("const cw={TOKEN_URL:\"/api/aai/token\",BUILD:\"" + k_key + "\"};" + far +
                     "fetch(\"https://api.assemblyai.com/v2/upload\",{headers:{authorization:t}})"));
    CHECK_FALSE(sent("const cw={VITE_BUILD_ID:\"" + k_key + "\"};" + far +
                     "fetch(\"https://api.assemblyai.com/v2/upload\",{headers:{authorization:cw.VITE_BUILD_ID}})"));
    // Names that say hash or another service.
    CHECK_FALSE(sent("const contentHash=\"" + k_key + "\";" + far +
                     "fetch(\"https://api.assemblyai.com/v2/upload\",{headers:{authorization:contentHash}})"));
}
