// Parses human sizes such as "512", "64K", "10MB", "1G" (binary multiples) for CLI options.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace aaiscan {

std::optional<uint64_t> parse_size(std::string_view text);

}  // namespace aaiscan
