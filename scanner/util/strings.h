// Small string helpers with no domain knowledge.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace aaiscan {

std::string to_lower_ascii(std::string_view text);
bool contains_ci(std::string_view haystack, std::string_view needle);  // ASCII case-insensitive
std::vector<std::string> split(std::string_view text, char separator);
std::string_view trim(std::string_view text);
std::string join(const std::vector<std::string>& parts, std::string_view separator);

}  // namespace aaiscan
