// Glob matching of repository-relative paths ('/'-separated), with gitignore-style semantics:
// `*` and `?` stay within one path component, `**` spans components, `[...]` is a class, and a
// pattern without '/' matches the last component anywhere in the tree.
#pragma once

#include <string>
#include <string_view>

namespace aaiscan {

// True when `path` (relative, '/'-separated, no leading "./") matches `pattern`.
// Costs O(len(pattern) * len(path)) in the worst case; no allocation.
bool glob_match(std::string_view pattern, std::string_view path);

// The longest run of plain characters (no wildcard, class, escape or '/') that every path
// `pattern` matches must contain, e.g. ".env" for "**/.env.*"; "" when there is none. A cheap
// substring test on it rules most paths out before glob_match runs.
std::string glob_required_literal(std::string_view pattern);

}  // namespace aaiscan
