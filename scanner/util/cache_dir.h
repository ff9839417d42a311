// The per-user cache directory (compiled rule databases, parsed rules): created 0700, entries are
// regular files owned by the user with no group/other permissions, and it is pruned so it never
// grows without bound.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace aaiscan {

// $AAISCAN_CACHE_DIR, else $XDG_CACHE_HOME/aaiscan, else ~/.cache/aaiscan ("" when none).
std::string default_cache_dir();

// Creates the directory (mode 0700) when missing; an existing one keeps its mode. False when it
// cannot be used (not a directory, not ours).
bool ensure_private_cache_dir(const std::string& dir);

// Reads a cache entry only if it is a regular file owned by us, mode without group/other bits,
// and at most `max_bytes`. False otherwise (the caller then rebuilds).
bool read_private_cache_file(const std::filesystem::path& path, uint64_t max_bytes, std::string& out);

// Keeps the `keep` most recently modified entries whose names start with `prefix`.
void prune_cache_dir(const std::string& dir, const std::string& prefix, size_t keep);

}  // namespace aaiscan
