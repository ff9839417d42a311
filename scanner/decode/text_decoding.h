// Decides what a file's bytes are (text, binary, UTF-16 with a BOM) and turns UTF-16 into UTF-8
// so it is scanned rather than skipped.
#pragma once

#include <string>
#include <string_view>

namespace aaiscan {

enum class ContentKind { text, binary, utf16le, utf16be };

// Looks at the first bytes of a file (ripgrep's rule: a NUL in the first 8 KiB means binary,
// unless a UTF-16 byte-order mark says otherwise).
ContentKind sniff_content(std::string_view head);
inline constexpr size_t k_sniff_bytes = 8192;

// Converts UTF-16 (after the BOM) to UTF-8; unpaired surrogates become U+FFFD.
std::string utf16_to_utf8(std::string_view bytes, bool little_endian);

}  // namespace aaiscan
