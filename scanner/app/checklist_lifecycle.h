// The `retention` item's view of code: whether a file sends transcription requests to AssemblyAI
// and whether it deletes transcripts afterwards (AssemblyAI keeps a transcript until it is deleted).
// Plain substring checks over the SDK calls and REST endpoints of every official SDK; a window of
// text, not a parse, like the lints.
#pragma once

#include <string_view>

namespace aaiscan {

// TranscriptionConfig(...), Transcriber(...), transcripts.transcribe/submit (JS, Ruby, Java,
// Go, C#), or the transcript endpoint (api.assemblyai.com/v2/transcript, also as a base URL
// plus "/transcript").
bool sends_transcription_request(std::string_view text);

// transcripts.delete(...) (JS, Ruby, Java), delete_by_id(...) (Python), Transcripts.Delete (Go,
// C#), or an HTTP DELETE of /v2/transcript/{id} (curl -X DELETE, requests.delete, fetch with
// method "DELETE") in the same file as the endpoint.
bool deletes_transcripts(std::string_view text);

}  // namespace aaiscan
