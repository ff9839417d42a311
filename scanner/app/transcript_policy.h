// What a team requires of transcript exports (`.aaiscan.yaml` `transcripts:`), passed to the
// transcript decoders so findings get their verdict (redaction failure / not covered /
// unredacted) and retention checks know the limit.
#pragma once

#include <string>
#include <vector>

namespace aaiscan {

struct TranscriptPolicy {
    std::vector<std::string> required_policies;
    int retention_days = 30;
    bool force_transcript = false;  // treat every text input as a transcript (--transcripts)
};

}  // namespace aaiscan
