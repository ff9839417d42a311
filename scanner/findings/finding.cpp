// Finding helpers: masking, fingerprints, ordering (see finding.h).
#include "findings/finding.h"

#include <tuple>

#include "util/sha256.h"

namespace aaiscan {

std::string_view to_string(Suppression s) {
    switch (s) {
        case Suppression::none: return "";
        case Suppression::inline_comment: return "inline";
        case Suppression::allowlist: return "allowlist";
        case Suppression::baseline: return "baseline";
    }
    return "";
}

std::string mask_value(std::string_view value, Category category) {
    std::string out;
    size_t chars = 0;
    for (unsigned char c : value) chars += (c & 0xC0) != 0x80;
    if (category == Category::secret && value.size() >= 16) {
        size_t keep = 4;
        // Keep a known vendor prefix such as "sk-ant-", "ghp_", "AKIA" visible, never more than 8.
        size_t sep = value.find_first_of("-_", 2);
        if (sep != std::string_view::npos && sep < 8 && value.size() >= 24) keep = sep + 1;
        out.append(value.substr(0, keep));
    }
    out += "\xE2\x80\xA6(";  // "…("
    out += std::to_string(chars);
    out += ')';
    return out;
}

std::string compute_fingerprint(std::string_view rule_id, std::string_view path, std::string_view value) {
    return Sha256().field(rule_id).field(path).field(value).hex_digest();
}

bool finding_less(const Finding& a, const Finding& b) {
    auto key = [](const Finding& f) {
        return std::tie(f.path, f.line, f.column, f.rule->id, f.secret);
    };
    if (key(a) != key(b)) return key(a) < key(b);
    int64_t ta = a.transcript ? a.transcript->start_ms : -1;
    int64_t tb = b.transcript ? b.transcript->start_ms : -1;
    return ta < tb;
}

}  // namespace aaiscan
