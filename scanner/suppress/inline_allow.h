// Inline suppression comments: `aaiscan:allow` on the line of a finding (also `gitleaks:allow`
// and `pragma: allowlist secret`, for teams that migrate), or `aaiscan:allow-next-line` on the
// line above it.
#pragma once

#include <string_view>
#include <vector>

namespace aaiscan {

// True when the lines spanned by text[begin, end) carry an allow marker, or the line before
// them carries `aaiscan:allow-next-line`. Cost: a search of those lines only.
bool has_inline_allow(std::string_view text, size_t begin, size_t end);

// False when no allow marker can be anywhere in `text` (no "allow" right after ':' or ': '):
// one memmem pass, stopping at the first. (InlineAllowMarkers finds them all.)
bool may_hold_inline_allow(std::string_view text);

// The places in one text where an allow marker may start, found once. A text with many findings
// and long lines (a transcript on one line, a minified bundle) then searches the lines of only
// the findings that have a marker near them, not of every finding.
class InlineAllowMarkers {
public:
    explicit InlineAllowMarkers(std::string_view text);
    bool empty() const { return m_offsets.empty(); }
    // has_inline_allow(text, begin, end), without reading the text when no marker is near.
    bool allows(size_t begin, size_t end) const;

private:
    std::string_view m_text;
    std::vector<size_t> m_offsets;  // of each "allow" that follows ':' or ': ', ascending
};

}  // namespace aaiscan
