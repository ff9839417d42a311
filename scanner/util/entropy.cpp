// Shannon entropy (see entropy.h).
#include "util/entropy.h"

#include <array>
#include <cmath>

namespace aaiscan {

double shannon_entropy(std::string_view text) {
    if (text.empty()) return 0.0;
    std::array<unsigned, 256> counts{};
    for (unsigned char c : text) ++counts[c];
    double entropy = 0.0;
    const double n = static_cast<double>(text.size());
    for (unsigned count : counts) {
        if (count == 0) continue;
        double p = count / n;
        entropy -= p * std::log2(p);
    }
    return entropy;
}

}  // namespace aaiscan
