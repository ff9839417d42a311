// Makes untrusted strings (paths, JSON paths, rule text) safe to print on a terminal: control
// characters, escape sequences and invalid UTF-8 become visible escapes like \n, \x1b.
#pragma once

#include <string>
#include <string_view>

namespace aaiscan {

// Returns `text` unchanged when it is printable UTF-8; otherwise an escaped copy.
std::string escape_for_terminal(std::string_view text);

// True when `text` is well-formed UTF-8.
bool is_valid_utf8(std::string_view text);

// Replaces invalid UTF-8 sequences with U+FFFD so the result can go into JSON.
std::string to_valid_utf8(std::string_view text);

}  // namespace aaiscan
