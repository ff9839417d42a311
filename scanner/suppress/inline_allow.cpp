// Inline suppression markers (see inline_allow.h).
#include "suppress/inline_allow.h"

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

bool may_hold_inline_allow(std::string_view text) {
    static constexpr std::string_view k_common = "allow";  // in every marker
    return memmem(text.data(), text.size(), k_common.data(), k_common.size()) != nullptr;
}

}  // namespace aaiscan
