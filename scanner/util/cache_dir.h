// The per-user cache directory (compiled rule databases, parsed rules): created 0700, entries are
// regular files owned by the user with no group/other permissions, and it is pruned so it never
// grows without bound.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace aaiscan {

// $AAISCAN_CACHE_DIR, else $XDG_CACHE_HOME/aaiscan, else ~/.cache/aaiscan ("" when none).
std::string default_cache_dir();

// Creates the directory (mode 0700) when missing; an existing one keeps its mode. False when it
// cannot be used (not a directory, not ours).
bool ensure_private_cache_dir(const std::string& dir);

// Reads a cache entry only if it is a regular file owned by us, mode without group/other bits,
// and at most `max_bytes`. False otherwise (the caller then rebuilds).
bool read_private_cache_file(const std::filesystem::path& path, uint64_t max_bytes, std::string& out);

// A cache entry mapped read-only (pages faulted in by the kernel in one go, not one by one).
class MappedCacheFile {
public:
    MappedCacheFile(const void* data, size_t size) : m_data(data), m_size(size) {}
    ~MappedCacheFile();
    MappedCacheFile(const MappedCacheFile&) = delete;
    MappedCacheFile& operator=(const MappedCacheFile&) = delete;
    std::string_view bytes() const { return {static_cast<const char*>(m_data), m_size}; }

private:
    const void* m_data;
    size_t m_size;
};

// read_private_cache_file's checks, then maps the file instead of copying it; null when the
// file is missing, not trustworthy, empty or cannot be mapped.
std::shared_ptr<const MappedCacheFile> map_private_cache_file(const std::filesystem::path& path, uint64_t max_bytes);

// Keeps the `keep` most recently modified entries whose names start with `prefix`.
void prune_cache_dir(const std::string& dir, const std::string& prefix, size_t keep);

}  // namespace aaiscan
