// Whose key is a hard-coded 32-hex value? AssemblyAI keys look like MD5 sums and like the keys of
// a dozen other services (Azure Speech, Twilio auth tokens, Mixpanel, Datadog...), and teams name
// them anything (`_sttKey`, `TRANSCRIBE_KEY`, `speechKey`). This follows the name the value is
// assigned to through the file: the code around each later use (an Authorization header beside
// api.assemblyai.com, `new AssemblyAI({apiKey: ...})`, `twilio(sid, token)`,
// `SpeechConfig.fromSubscription(key, region)`) says which service gets it.
#pragma once

#include <string_view>

#include "validate/validators.h"

namespace aaiscan {

// True when the value is AssemblyAI's: the name it is assigned to never names another service,
// and either its nearest uses are with AssemblyAI, or (no use says) the file talks to AssemblyAI
// (a mention, its API host, base64 of either) and the name is not an id, hash or cache key.
// False when its uses go to another service. The name is the identifier the match starts with.
bool validate_used_with_assemblyai(std::string_view secret, const ValidationContext& context);

// For built bundles, where names are a minifier's: true when the name the value is assigned to
// (`const Wt="..."`, `{speechToken:"..."}`, `k=atob("...")`, even one letter) is sent somewhere
// in the file as a credential (an authorization header, an apiKey or token option) with
// AssemblyAI's host beside that use, and never beside another service's. Stricter than validate_used_with_assemblyai: a bundle that
// contains the SDK talks to AssemblyAI whatever its other 32-hex constants are.
bool validate_sent_to_assemblyai(std::string_view secret, const ValidationContext& context);

// The identifier a name-value match starts with, without quotes, sigils and object prefixes:
// `$speechKey = '...'` -> "speechKey", `process.env.VOICE_API_KEY ?? "..."` -> "VOICE_API_KEY",
// `"aai-token": "..."` -> "aai-token"; in a name/value pair, the name field's value:
// `"Name": "/prod/transcriber/aai_key", "Value": "..."` -> "aai_key". Empty when the match does
// not start with one.
std::string_view assigned_name(std::string_view match);

}  // namespace aaiscan
