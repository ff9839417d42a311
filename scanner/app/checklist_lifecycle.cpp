// Transcription requests and transcript deletion in code (see checklist_lifecycle.h).
#include "app/checklist_lifecycle.h"

#include <initializer_list>

namespace aaiscan {
namespace {

bool identifier_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$';
}

// True when one of `needles` occurs in `text`; a needle that starts with a letter must start a
// name there ("Transcriber(" is not the end of "StreamingTranscriber(", a streaming session that
// stores no transcript).
bool contains_any(std::string_view text, std::initializer_list<std::string_view> needles) {
    for (std::string_view needle : needles) {
        bool starts_name = !needle.empty() && identifier_char(needle.front());
        for (size_t at = text.find(needle); at != std::string_view::npos; at = text.find(needle, at + 1)) {
            if (!starts_name || at == 0 || !identifier_char(text[at - 1])) return true;
        }
    }
    return false;
}

// The transcript endpoint, written whole or as a base URL plus a path
// (BASE = "https://api.assemblyai.com/v2"; f"{BASE}/transcript").
bool mentions_transcript_endpoint(std::string_view text) {
    if (text.find("api.assemblyai.com/v2/transcript") != std::string_view::npos) return true;
    return text.find("api.assemblyai.com") != std::string_view::npos && text.find("/transcript") != std::string_view::npos;
}

}  // namespace

bool sends_transcription_request(std::string_view text) {
    return contains_any(text, {"TranscriptionConfig(", "Transcriber(", ".transcripts.transcribe(",
                               ".transcripts.submit(", ".transcripts().transcribe(", ".transcripts().submit(",
                               ".Transcripts.Transcribe", ".Transcripts.Submit"}) ||
           mentions_transcript_endpoint(text);
}

bool deletes_transcripts(std::string_view text) {
    if (contains_any(text, {".transcripts.delete(", ".transcripts().delete(", "delete_by_id(", ".Transcripts.Delete",
                            "Transcript.delete("})) {
        return true;
    }
    if (text.find("/v2/transcript") == std::string_view::npos && !mentions_transcript_endpoint(text)) return false;
    // REST: the endpoint and a DELETE in one file.
    return contains_any(text, {"-X DELETE", "--request DELETE", "requests.delete(", "httpx.delete(", "axios.delete(",
                               "method: 'DELETE'", "method: \"DELETE\"", "method=\"DELETE\"", "method='DELETE'",
                               "http.MethodDelete", "\"DELETE\""});
}

}  // namespace aaiscan
