// Glob matching of repository-relative paths ('/'-separated), with gitignore-style semantics:
// `*` and `?` stay within one path component, `**` spans components, `[...]` is a class, and a
// pattern without '/' matches the last component anywhere in the tree.
#pragma once

#include <string_view>

namespace aaiscan {

// True when `path` (relative, '/'-separated, no leading "./") matches `pattern`.
// Costs O(len(pattern) * len(path)) in the worst case; no allocation.
bool glob_match(std::string_view pattern, std::string_view path);

}  // namespace aaiscan
