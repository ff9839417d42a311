// Inline suppression comments: `aaiscan:allow` on the line of a finding (also `gitleaks:allow`
// and `pragma: allowlist secret`, for teams that migrate), or `aaiscan:allow-next-line` on the
// line above it.
#pragma once

#include <string_view>

namespace aaiscan {

// True when the lines spanned by text[begin, end) carry an allow marker, or the line before
// them carries `aaiscan:allow-next-line`. Cost: a search of those lines only.
bool has_inline_allow(std::string_view text, size_t begin, size_t end);

// False when no allow marker can be anywhere in `text` (none holds "allow"): one memmem over
// the blob, so blobs with many findings and no marker skip every per-finding line search.
bool may_hold_inline_allow(std::string_view text);

}  // namespace aaiscan
