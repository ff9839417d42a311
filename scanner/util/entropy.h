// Shannon entropy of a byte string, in bits per character.
#pragma once

#include <string_view>

namespace aaiscan {

// 0 for an empty string; log2(distinct symbols) at most. O(n), no allocation.
double shannon_entropy(std::string_view text);

}  // namespace aaiscan
