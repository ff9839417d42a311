// Compiled-database cache files (see database_cache.h). Layout, all integers little-endian u64:
//   magic "AAISDB03" | key (64 hex chars) | scope count | per scope: size, bytes |
//   rule count | per rule: window | sha256 of everything before it except the database bytes
// The database bytes are Hyperscan's serialized form, which carries its own CRC-32C that
// hs_deserialize_database verifies: hashing them again cost ~1.7 ms of every start.
#include "match/database_cache.h"

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

#include "util/atomic_file.h"
#include "util/cache_dir.h"
#include "util/sha256.h"

namespace aaiscan::detail {
namespace {

constexpr char k_magic[8] = {'A', 'A', 'I', 'S', 'D', 'B', '0', '3'};
constexpr uint64_t k_max_entry = 512ull << 20;

void put_u64(std::string& out, uint64_t v) {
    for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}

class Reader {
public:
    explicit Reader(std::string_view data) : m_data(data) {}
    bool u64(uint64_t& v) {
        if (m_data.size() - m_pos < 8) return false;
        v = 0;
        for (int i = 0; i < 8; ++i) v |= static_cast<uint64_t>(static_cast<uint8_t>(m_data[m_pos + i])) << (8 * i);
        m_pos += 8;
        return true;
    }
    bool bytes(size_t n, std::string_view& out) {
        if (m_data.size() - m_pos < n) return false;
        out = m_data.substr(m_pos, n);
        m_pos += n;
        return true;
    }
    size_t position() const { return m_pos; }

private:
    std::string_view m_data;
    size_t m_pos = 0;
};

std::filesystem::path entry_path(const std::string& dir, const std::string& key) {
    return std::filesystem::path(dir) / ("rules-" + key.substr(0, 32) + ".hsdb");
}

}  // namespace

std::optional<CachedDatabasesView> read_database_cache(const std::string& cache_dir, const std::string& key) {
    if (cache_dir.empty()) return std::nullopt;
    CachedDatabasesView entry;
    entry.file = map_private_cache_file(entry_path(cache_dir, key), k_max_entry);
    if (!entry.file) return std::nullopt;
    std::string_view data = entry.file->bytes();
    if (data.size() < sizeof(k_magic) + 64 + 32 || std::memcmp(data.data(), k_magic, sizeof(k_magic)) != 0) {
        return std::nullopt;
    }
    std::string_view body(data.data(), data.size() - 32);
    Sha256 frame;  // everything but the database bytes, in order
    size_t framed_from = 0;

    Reader r(body);
    std::string_view skip, stored_key;
    if (!r.bytes(sizeof(k_magic), skip) || !r.bytes(64, stored_key) || stored_key != key) return std::nullopt;
    uint64_t scopes = 0;
    if (!r.u64(scopes) || scopes > 64) return std::nullopt;
    for (uint64_t i = 0; i < scopes; ++i) {
        uint64_t size = 0;
        std::string_view db;
        if (!r.u64(size) || size > k_max_entry) return std::nullopt;
        frame.update(body.substr(framed_from, r.position() - framed_from));
        if (!r.bytes(size, db)) return std::nullopt;
        framed_from = r.position();
        entry.scope_databases.push_back(db);
    }
    uint64_t rules = 0;
    if (!r.u64(rules) || rules > (1u << 24)) return std::nullopt;
    entry.windows.reserve(rules);
    for (uint64_t i = 0; i < rules; ++i) {
        uint64_t w = 0;
        if (!r.u64(w) || w > (1u << 24)) return std::nullopt;  // 0: a file rule (no window)
        entry.windows.push_back(static_cast<uint32_t>(w));
    }
    if (r.position() != body.size()) return std::nullopt;
    auto digest = frame.update(body.substr(framed_from)).digest();
    if (std::memcmp(digest.data(), data.data() + body.size(), 32) != 0) return std::nullopt;
    return entry;
}

void write_database_cache(const std::string& cache_dir, const std::string& key, const CachedDatabases& entry) {
    if (cache_dir.empty() || key.size() != 64 || !ensure_private_cache_dir(cache_dir)) return;
    std::string data(k_magic, sizeof(k_magic));
    data += key;
    put_u64(data, entry.scope_databases.size());
    Sha256 frame;  // everything but the database bytes (see the layout above)
    size_t framed_from = 0;
    for (const auto& db : entry.scope_databases) {
        put_u64(data, db.size());
        frame.update(std::string_view(data).substr(framed_from));
        data += db;
        framed_from = data.size();
    }
    put_u64(data, entry.windows.size());
    for (uint32_t w : entry.windows) put_u64(data, w);
    auto digest = frame.update(std::string_view(data).substr(framed_from)).digest();
    data.append(reinterpret_cast<const char*>(digest.data()), digest.size());
    (void)write_file_atomically(entry_path(cache_dir, key), data, 0600);
    prune_cache_dir(cache_dir, "rules-", 8);
}

}  // namespace aaiscan::detail
