// Archive detection by name and signature (see archive_signature.h).
#include "decode/archive_signature.h"

#include <array>
#include <cstdint>

namespace aaiscan {
namespace {

bool ends_with_ci(std::string_view s, std::string_view suffix) {
    if (s.size() < suffix.size()) return false;
    s = s.substr(s.size() - suffix.size());
    for (size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c != suffix[i]) return false;
    }
    return true;
}

std::string_view last_component(std::string_view path) {
    size_t cut = path.find_last_of("/!");
    return cut == std::string_view::npos ? path : path.substr(cut + 1);
}

constexpr std::array<std::string_view, 11> k_archive_suffixes = {".zip", ".tar", ".tgz",  ".tbz", ".tbz2", ".txz",
                                                                 ".tzst", ".gz",  ".bz2", ".xz",  ".zst"};
constexpr std::array<std::string_view, 4> k_compression_suffixes = {".gz", ".bz2", ".xz", ".zst"};

bool starts_with(std::string_view head, std::string_view magic) { return head.substr(0, magic.size()) == magic; }

// A v7/ustar tar header: the checksum field (octal, bytes 148..155) equals the byte sum of the
// header with that field counted as spaces.
bool is_tar_header(std::string_view head) {
    if (head.size() < 512) return false;
    if (head.substr(257, 5) == "ustar") return true;
    if (head[0] == '\0') return false;  // no name: not a v7 header (and not a zero block)
    uint32_t stored = 0;
    int digits = 0;
    for (size_t i = 148; i < 156; ++i) {
        char c = head[i];
        if (c >= '0' && c <= '7') {
            stored = stored * 8 + static_cast<uint32_t>(c - '0');
            ++digits;
        } else if (c == ' ' || c == '\0') {
            if (digits > 0) break;
        } else {
            return false;
        }
    }
    if (digits == 0) return false;
    uint32_t sum = 0;
    for (size_t i = 0; i < 512; ++i) {
        sum += (i >= 148 && i < 156) ? uint32_t(' ') : static_cast<unsigned char>(head[i]);
    }
    return sum == stored;
}

}  // namespace

bool is_archive_file_name(std::string_view path) {
    std::string_view name = last_component(path);
    for (std::string_view suffix : k_archive_suffixes) {
        if (name.size() > suffix.size() && ends_with_ci(name, suffix)) return true;
    }
    return false;
}

bool has_archive_signature(std::string_view head) {
    using namespace std::string_view_literals;
    if (starts_with(head, "PK\x03\x04"sv) || starts_with(head, "PK\x05\x06"sv) || starts_with(head, "PK\x07\x08PK\x03\x04"sv)) {
        return true;
    }
    if (starts_with(head, "\x1f\x8b\x08"sv)) return true;                   // gzip, deflate
    if (starts_with(head, "\xfd" "7zXZ\x00"sv)) return true;                // xz
    if (starts_with(head, "\x28\xb5\x2f\xfd"sv)) return true;               // zstd frame
    if (head.size() >= 10 && starts_with(head, "BZh"sv) && head[3] >= '1' && head[3] <= '9' &&
        head.substr(4, 6) == "\x31\x41\x59\x26\x53\x59"sv) {
        return true;  // bzip2: "BZh" + block size + the first block's magic (pi)
    }
    return is_tar_header(head);
}

std::string_view compressed_member_name(std::string_view name) {
    name = last_component(name);
    for (std::string_view suffix : k_compression_suffixes) {
        if (ends_with_ci(name, suffix)) {
            name.remove_suffix(suffix.size());
            break;
        }
    }
    return name.empty() ? std::string_view("data") : name;
}

}  // namespace aaiscan
