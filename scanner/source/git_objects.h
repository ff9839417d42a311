// Git object ids, where a pack stores an object, and blob reading for the git sources. A
// GitObjectReader owns (or borrows) one repository handle, so each worker thread of a history
// scan opens its own: libgit2 handles must not be shared between threads. libgit2 types never
// appear in this header.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>

namespace aaiscan {

class GitRepo;

struct GitOid {
    std::array<unsigned char, 20> bytes{};
    std::string hex() const;
    bool operator==(const GitOid&) const = default;
};

// Where a pack stores an object (PackSet::locate); pack == k_no_pack when no pack read here has it.
struct PackLocation {
    static constexpr uint32_t k_no_pack = UINT32_MAX;
    uint32_t pack = k_no_pack;
    uint64_t offset = 0;
    uint64_t end = 0;  // when known (> offset): the entry ends at or before this offset
    bool found() const { return pack != k_no_pack; }
    bool operator<(const PackLocation& o) const { return pack != o.pack ? pack < o.pack : offset < o.offset; }
};

enum class BlobStatus { ok, too_large, unreadable };

class GitObjectReader {
public:
    // Borrows `repo` (use it on the repo's thread only).
    explicit GitObjectReader(GitRepo& repo);
    // Opens its own handle on the repository whose git directory is `git_dir`; ok() says
    // whether that worked and error() why not.
    explicit GitObjectReader(const std::string& git_dir);
    ~GitObjectReader();
    GitObjectReader(const GitObjectReader&) = delete;
    GitObjectReader& operator=(const GitObjectReader&) = delete;

    bool ok() const { return m_odb != nullptr; }
    const std::string& error() const { return m_error; }

    // Reads blob `oid` into `out` (replacing its contents) unless it is larger than `max_size`
    // (`size` is set either way when known). `unreadable` sets error(): missing or corrupt.
    // With `size_first` the size is read from the object header before the content, so an
    // oversized blob is never inflated; without (a third faster in history scans, where every
    // read resolves a delta chain) an oversized blob is inflated, then dropped.
    BlobStatus read_blob(const GitOid& oid, uint64_t max_size, std::string& out, uint64_t& size,
                         bool size_first = true);

private:
    void* m_owned_repo = nullptr;  // git_repository* when opened here
    void* m_odb = nullptr;         // git_odb*
    std::string m_error;
};

}  // namespace aaiscan
