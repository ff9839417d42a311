// Byte-exact editing of JSON text for `redact`: a list of raw edits applied in one pass (so
// everything outside the edited spans stays byte-identical), a tolerant reader of one object's
// members with their exact key and value spans, string-content escaping, and the edits that drop
// members (`unredacted_*`) while keeping the commas valid and set or add `redact_pii*` keys.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "decode/json_text.h"  // skip_json_value

namespace aaiscan {

// Replace input[begin, end) by `replacement` (begin == end inserts).
struct RawEdit {
    uint64_t begin = 0;
    uint64_t end = 0;
    std::string replacement;
};

// Applies `edits` (sorted here by begin, then end) to `input`. Returns false, leaving `out`
// unspecified, when two edits overlap or one lies outside the input.
bool apply_edits(std::string_view input, std::vector<RawEdit>& edits, std::string& out);

// One member of a JSON object, as offsets into the input.
struct JsonMember {
    uint64_t key_begin = 0;    // the key's opening quote
    uint64_t key_end = 0;      // just after its closing quote
    uint64_t value_begin = 0;  // first byte of the value
    uint64_t value_end = 0;    // just after the value
    std::string_view name;     // the key's raw content (escapes not decoded)
};

// Reads the members of the object whose '{' is the first non-space byte at or after `at`.
// `object_open` / `object_close` receive the offsets of its braces. False when malformed.
bool read_json_members(std::string_view input, size_t at, std::vector<JsonMember>& members, size_t& object_open,
                       size_t& object_close);

// The content of a JSON string (without quotes) holding `text`: '"', '\\' and control bytes
// escaped; valid UTF-8 kept as is (callers pass substitutions and policy names: ASCII).
std::string json_escape_content(std::string_view text);

// Edits that turn the object into one without the members `remove` selects and with each
// `(key, json value)` of `set`: an existing kept member gets the new value, a missing one is
// appended after the last kept member in the object's own layout (separator and key/value
// spacing copied from its first members). `add_missing` false: only existing members are set.
void plan_object_edits(std::string_view input, const std::vector<JsonMember>& members, size_t object_open,
                       const std::function<bool(std::string_view name)>& remove,
                       const std::vector<std::pair<std::string, std::string>>& set, bool add_missing,
                       std::vector<RawEdit>& edits);

}  // namespace aaiscan
