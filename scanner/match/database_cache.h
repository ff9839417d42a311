// On-disk cache of compiled Hyperscan databases, so start-up (the pre-commit path) never
// recompiles. A cache file is keyed by a hash of the rules, the Hyperscan version and the CPU;
// it is written atomically with mode 0600 and checksummed, and anything that does not verify is
// ignored (and later overwritten), never trusted. Internal to match/.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/cache_dir.h"

namespace aaiscan::detail {

struct CachedDatabases {
    std::vector<std::string> scope_databases;  // serialized bytes per database; empty = no rules
    std::vector<uint32_t> windows;             // confirm window per rule index
};

// A verified cache entry, read in place from the mapped file (no copies of the databases).
struct CachedDatabasesView {
    std::shared_ptr<const MappedCacheFile> file;     // keeps the views below alive
    std::vector<std::string_view> scope_databases;  // serialized bytes per database; empty = no rules
    std::vector<uint32_t> windows;                  // confirm window per rule index
};

// Maps and verifies the cache entry for `key` (hex). nullopt when absent or not trustworthy.
std::optional<CachedDatabasesView> read_database_cache(const std::string& cache_dir, const std::string& key);

// Stores an entry; failures are silent (the cache is an optimisation).
void write_database_cache(const std::string& cache_dir, const std::string& key,
                          const CachedDatabases& entry);

}  // namespace aaiscan::detail
