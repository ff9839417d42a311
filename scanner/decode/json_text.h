// Byte-level scanning of JSON text without parsing it: whitespace, strings and whole values, as
// offsets into the input. Used where a value's extent is needed before (or instead of) a parse:
// splitting concatenated transcripts, and redact's byte-exact edits.
#pragma once

#include <cstddef>
#include <string_view>

namespace aaiscan {

inline bool is_json_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

// The first non-whitespace offset at or after `i` (s.size() when there is none).
size_t skip_json_space(std::string_view s, size_t i);

// Just after the closing quote of the string opening at `at`, or npos.
size_t skip_json_string(std::string_view s, size_t at);

// The end (one past) of the JSON value starting at `at` (leading whitespace skipped), or npos
// when it is not a complete value. Strings, nesting and escapes are honoured; scalars are taken
// as the run of bytes up to a delimiter, not validated. Nesting is only counted, so hostile
// depth costs nothing but time.
size_t skip_json_value(std::string_view s, size_t at);

}  // namespace aaiscan
