// Which service a nested configuration section belongs to: a 32-hex value under an "AzureSpeech"
// or "[mixpanel]" section is that service's key even when AssemblyAI is configured a few lines
// away. Used by the AssemblyAI rules that accept a key by proximity to a mention.
#pragma once

#include <string_view>

#include "validate/validators.h"

namespace aaiscan {

// The nearest section header above the match (`"AzureSpeech": {`, `azure:`, `[mixpanel]`,
// `deepgram {`), looking back at most 40 lines: false when it names a service other than
// AssemblyAI whose keys can be 32 hex characters; true when it names AssemblyAI. With no header
// naming a service, false when the comment lines the file opens with ("## Datadog Agent config")
// name another service and not AssemblyAI, else true. Other lines (imports, assignments,
// comments further down) never count.
bool validate_not_other_service_section(std::string_view secret, const ValidationContext& context);

}  // namespace aaiscan
