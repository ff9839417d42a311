// Inline suppression markers (see inline_allow.h).
#include "suppress/inline_allow.h"

#include <algorithm>
#include <array>
#include <cstring>

#include "util/text_position.h"

namespace aaiscan {

bool has_inline_allow(std::string_view text, size_t begin, size_t end) {
    static constexpr std::array<std::string_view, 4> k_markers = {
        "aaiscan:allow", "gitleaks:allow", "pragma: allowlist secret", "pragma:allowlist secret"};
    std::string_view lines = surrounding_lines(text, begin, end, 0);
    for (auto marker : k_markers) {
        size_t at = lines.find(marker);
        // "aaiscan:allow-next-line" on the finding's own line is not a same-line allow.
        while (at != std::string_view::npos) {
            std::string_view rest = lines.substr(at + marker.size());
            if (!(marker == "aaiscan:allow" && rest.starts_with("-next-line"))) return true;
            at = lines.find(marker, at + 1);
        }
    }
    size_t line_start = static_cast<size_t>(lines.data() - text.data());
    if (line_start == 0) return false;
    std::string_view previous = surrounding_lines(text, line_start - 1, line_start - 1, 0);
    return previous.find("aaiscan:allow-next-line") != std::string_view::npos;
}

namespace {

// Calls `each(offset)` for every "allow" in `text` that follows ':' or ': ' (every marker has
// one: "aaiscan:allow", "gitleaks:allow", "pragma: allowlist"); stops when it returns false.
template <typename Each>
void for_each_marker_word(std::string_view text, Each&& each) {
    static constexpr std::string_view k_word = "allow";
    const char* data = text.data();
    size_t from = 0;
    while (from < text.size()) {
        const void* hit = memmem(data + from, text.size() - from, k_word.data(), k_word.size());
        if (hit == nullptr) return;
        size_t at = static_cast<size_t>(static_cast<const char*>(hit) - data);
        bool after_colon = (at >= 1 && data[at - 1] == ':') || (at >= 2 && data[at - 1] == ' ' && data[at - 2] == ':');
        if (after_colon && !each(at)) return;
        from = at + k_word.size();
    }
}

}  // namespace

bool may_hold_inline_allow(std::string_view text) {
    bool found = false;
    for_each_marker_word(text, [&](size_t) {
        found = true;
        return false;
    });
    return found;
}

InlineAllowMarkers::InlineAllowMarkers(std::string_view text) : m_text(text) {
    for_each_marker_word(text, [&](size_t at) {
        m_offsets.push_back(at);
        return true;
    });
}

bool InlineAllowMarkers::allows(size_t begin, size_t end) const {
    if (m_offsets.empty()) return false;
    // has_inline_allow reads at most k_line_reach bytes around the finding's lines and as much
    // again for the line above: a marker further away cannot count.
    constexpr size_t k_reach = 2 * k_line_reach + 64;
    size_t low = begin > k_reach ? begin - k_reach : 0;
    auto it = std::lower_bound(m_offsets.begin(), m_offsets.end(), low);
    if (it == m_offsets.end() || *it > end + k_reach) return false;
    return has_inline_allow(m_text, begin, end);
}

}  // namespace aaiscan
