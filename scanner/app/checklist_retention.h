// The `retention` item: when a transcript export was made, from the transcript's own timestamps
// (`created`, `completed`, ... of AssemblyAI's transcript and list responses) when it has them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace aaiscan {

// Seconds since the Unix epoch for an ISO 8601 date-time ("2024-03-11T21:27:51.174146",
// "2024-03-11 21:27:51Z", "2024-03-11T21:27:51+02:00") or a bare date ("2024-03-11"). No offset
// means UTC. Returns nullopt for anything else, including impossible dates (2024-02-30).
std::optional<int64_t> parse_iso_timestamp(std::string_view text);

// The oldest timestamp in an AssemblyAI transcript JSON (an object, a list of them, or a list
// response {"transcripts": [...]}), from the fields `created`, `completed`, `created_at`,
// `completed_at`; `field` names the field it came from.
struct TranscriptTimestamp {
    int64_t seconds = 0;
    std::string field;
};
std::optional<TranscriptTimestamp> oldest_transcript_timestamp(std::string_view json_text);

// "2024-03-11" for a Unix time (UTC).
std::string format_utc_date(int64_t seconds);

}  // namespace aaiscan
