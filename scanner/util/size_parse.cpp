// Human size parsing (see size_parse.h).
#include "util/size_parse.h"

#include <cctype>
#include <limits>

namespace aaiscan {

std::optional<uint64_t> parse_size(std::string_view text) {
    size_t i = 0;
    uint64_t value = 0;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
        uint64_t digit = static_cast<uint64_t>(text[i] - '0');
        if (value > (std::numeric_limits<uint64_t>::max() - digit) / 10) return std::nullopt;
        value = value * 10 + digit;
        ++i;
    }
    if (i == 0) return std::nullopt;
    std::string_view unit = text.substr(i);
    uint64_t multiplier = 1;
    auto is = [&](std::string_view a, std::string_view b, std::string_view c) {
        auto eq = [&](std::string_view x) {
            if (x.size() != unit.size()) return false;
            for (size_t k = 0; k < x.size(); ++k) {
                if (std::tolower(static_cast<unsigned char>(unit[k])) != x[k]) return false;
            }
            return true;
        };
        return eq(a) || eq(b) || eq(c);
    };
    if (unit.empty() || is("b", "b", "b")) {
        multiplier = 1;
    } else if (is("k", "kb", "kib")) {
        multiplier = 1ULL << 10;
    } else if (is("m", "mb", "mib")) {
        multiplier = 1ULL << 20;
    } else if (is("g", "gb", "gib")) {
        multiplier = 1ULL << 30;
    } else if (is("t", "tb", "tib")) {
        multiplier = 1ULL << 40;
    } else {
        return std::nullopt;
    }
    if (value > std::numeric_limits<uint64_t>::max() / multiplier) return std::nullopt;
    return value * multiplier;
}

}  // namespace aaiscan
