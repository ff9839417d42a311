// Transcription requests and transcript deletion in code (see checklist_lifecycle.h).
#include "app/checklist_lifecycle.h"

#include <initializer_list>

namespace aaiscan {
namespace {

bool contains_any(std::string_view text, std::initializer_list<std::string_view> needles) {
    for (std::string_view needle : needles) {
        if (text.find(needle) != std::string_view::npos) return true;
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
