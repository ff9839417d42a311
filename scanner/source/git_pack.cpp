// Pack files, the shared cache of built objects and per-thread readers (see git_pack.h).
#include "source/git_pack.h"

#include <fcntl.h>
#include <libdeflate.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <list>
#include <new>
#include <unordered_map>

namespace aaiscan {
namespace {

constexpr uint64_t k_pack_trailer = 20;  // the pack's checksum
constexpr size_t k_max_chain = 10000;    // a cycle of ref_deltas in a damaged pack ends here
constexpr size_t k_max_packs = 1024;     // file descriptors held; objects of further packs go to libgit2

// No zlib stream of n bytes is longer than this, whatever the settings (zlib's conservative
// deflateBound plus the wrapper): reading this much always covers the whole stream.
uint64_t zlib_bound(uint64_t n) { return n + (n >> 3) + (n >> 6) + 64; }

bool pread_all(int fd, char* out, size_t length, uint64_t offset) {
    while (length > 0) {
        ssize_t got = ::pread(fd, out, length, static_cast<off_t>(offset));
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) return false;
        out += got;
        length -= static_cast<size_t>(got);
        offset += static_cast<uint64_t>(got);
    }
    return true;
}

struct Pack {
    int fd = -1;
    uint64_t size = 0;
    void* index_map = nullptr;
    size_t index_size = 0;
    PackIndexView index;

    Pack() = default;
    Pack(const Pack&) = delete;
    Pack& operator=(const Pack&) = delete;
    ~Pack() {
        if (index_map) ::munmap(index_map, index_size);
        if (fd >= 0) ::close(fd);
    }

    // Opens `pack_path` and its index; false (and nothing held) when either is not usable.
    bool open(const std::string& pack_path, const std::string& index_path) {
        fd = ::open(pack_path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) return false;
        struct stat st {};
        char header[12];
        if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || !pread_all(fd, header, sizeof header, 0) ||
            std::memcmp(header, "PACK", 4) != 0 || (header[7] != 2 && header[7] != 3) || header[4] || header[5] ||
            header[6]) {
            return false;
        }
        size = static_cast<uint64_t>(st.st_size);
        int index_fd = ::open(index_path.c_str(), O_RDONLY | O_CLOEXEC);
        if (index_fd < 0) return false;
        struct stat ist {};
        if (::fstat(index_fd, &ist) == 0 && S_ISREG(ist.st_mode) && ist.st_size > 0) {
            index_size = static_cast<size_t>(ist.st_size);
            void* map = ::mmap(nullptr, index_size, PROT_READ, MAP_PRIVATE, index_fd, 0);
            if (map != MAP_FAILED) index_map = map;
        }
        ::close(index_fd);
        return index_map &&
               index.open(std::string_view(static_cast<const char*>(index_map), index_size), size);
    }
};

// An object built from the pack.
struct Built {
    PackEntryType type = PackEntryType::none;
    std::unique_ptr<char[]> data;
    uint64_t size = 0;
    std::string_view bytes() const { return {data.get(), static_cast<size_t>(size)}; }
};

// A buffer of `n` bytes, not zero-filled (it is written once), or false.
bool allocate(std::unique_ptr<char[]>& out, uint64_t n) {
    out.reset(new (std::nothrow) char[n ? n : 1]);
    return out != nullptr;
}

bool is_delta(const PackEntryHeader& header) {
    return header.type == PackEntryType::ofs_delta || header.type == PackEntryType::ref_delta;
}
using BuiltPtr = std::shared_ptr<const Built>;

// Recently built objects by pack position, least recently used dropped first (one thread's).
class BuiltCache {
public:
    explicit BuiltCache(size_t budget) : m_budget(budget) {}

    BuiltPtr get(uint32_t pack, uint64_t offset) {
        if (!cacheable(pack, offset)) return nullptr;
        auto it = m_entries.find(key(pack, offset));
        if (it == m_entries.end()) return nullptr;
        m_order.splice(m_order.begin(), m_order, it->second.position);
        return it->second.value;
    }

    void put(uint32_t pack, uint64_t offset, const BuiltPtr& value) {
        size_t cost = value->size + k_entry_overhead;
        if (!cacheable(pack, offset) || cost > m_budget / 8) return;
        auto [it, fresh] = m_entries.try_emplace(key(pack, offset));
        if (!fresh) return;
        it->second.value = value;
        m_order.push_front(it);
        it->second.position = m_order.begin();
        m_used += cost;
        while (m_used > m_budget) {
            auto victim = m_order.back();
            m_used -= victim->second.value->size + k_entry_overhead;
            m_order.pop_back();
            m_entries.erase(victim);
        }
    }

private:
    static constexpr size_t k_entry_overhead = 96;
    static bool cacheable(uint32_t pack, uint64_t offset) { return pack < (1u << 16) && offset < (uint64_t(1) << 48); }
    static uint64_t key(uint32_t pack, uint64_t offset) { return (uint64_t(pack) << 48) | offset; }

    struct Entry;
    using Map = std::unordered_map<uint64_t, Entry>;
    struct Entry {
        BuiltPtr value;
        std::list<Map::iterator>::iterator position;
    };
    size_t m_budget;
    size_t m_used = 0;
    Map m_entries;
    std::list<Map::iterator> m_order;  // most recently used first
};

}  // namespace

struct PackSet::Impl {
    std::vector<std::unique_ptr<Pack>> packs;
};

PackSet::PackSet(const std::string& objects_dir) : m_impl(std::make_unique<Impl>()) {
    std::error_code ec;
    std::vector<std::string> stems;
    for (const auto& entry : std::filesystem::directory_iterator(objects_dir + "/pack", ec)) {
        std::string name = entry.path().filename().string();
        if (name.size() > 4 && name.compare(name.size() - 4, 4, ".idx") == 0) {
            stems.push_back(entry.path().string().substr(0, entry.path().string().size() - 4));
        }
    }
    std::sort(stems.begin(), stems.end());
    for (const std::string& stem : stems) {
        if (m_impl->packs.size() >= k_max_packs) break;
        auto pack = std::make_unique<Pack>();
        if (pack->open(stem + ".pack", stem + ".idx")) m_impl->packs.push_back(std::move(pack));
    }
}

PackSet::~PackSet() = default;

size_t PackSet::pack_count() const { return m_impl->packs.size(); }

PackLocation PackSet::locate(const GitOid& oid) const {
    for (size_t i = 0; i < m_impl->packs.size(); ++i) {
        uint64_t offset = 0;
        if (m_impl->packs[i]->index.find(oid.bytes.data(), offset)) return {static_cast<uint32_t>(i), offset};
    }
    return {};
}

PackLocation PackSet::locate_in(uint32_t pack, const unsigned char* oid) const {
    uint64_t offset = 0;
    if (pack < m_impl->packs.size() && m_impl->packs[pack]->index.find(oid, offset)) return {pack, offset};
    return {};
}

struct PackReader::Impl {
    std::shared_ptr<const PackSet> packs;
    BuiltCache cache;
    explicit Impl(size_t cache_bytes) : cache(cache_bytes) {}
    libdeflate_decompressor* inflater = nullptr;
    // Pack bytes come through a few small read-only mappings (windows) of each reader's own,
    // least recently used unmapped first: no system call or copy per entry, and the mapped part
    // of a pack stays small however large the pack (its pages count as the process's memory).
    // git replaces pack files and never rewrites one in place, so a mapping stays valid. An
    // entry longer than a window step is read into `large` instead.
    struct Window {
        uint32_t pack = PackLocation::k_no_pack;
        uint64_t begin = 0;
        size_t length = 0;
        char* map = nullptr;
        uint64_t used = 0;
    };
    static constexpr size_t k_window_step = size_t(1) << 19;  // windows start at multiples of this
    std::vector<Window> windows;
    uint64_t clock = 0;
    std::unique_ptr<char[]> large;
    size_t large_capacity = 0;
    std::unique_ptr<char[]> delta;  // the instructions being applied
    size_t delta_capacity = 0;
    BuiltPtr current;  // what the last read returned
    struct Link {
        uint64_t offset;
        PackEntryHeader header;
    };
    std::vector<Link> chain;

    ~Impl() {
        if (inflater) libdeflate_free_decompressor(inflater);
        for (Window& w : windows) {
            if (w.map) ::munmap(w.map, w.length);
        }
    }

    // The pack's bytes [offset, offset + length) (the caller keeps within the pack), valid until
    // the next call; nullptr when they cannot be read.
    const char* bytes_at(uint32_t pack_index, const Pack& pack, uint64_t offset, size_t length) {
        if (length <= k_window_step) {
            uint64_t begin = offset / k_window_step * k_window_step;  // covers [offset, offset + step)
            Window* slot = &windows[0];
            for (Window& w : windows) {
                if (w.pack == pack_index && w.begin == begin && w.map) {
                    w.used = ++clock;
                    return w.map + (offset - begin);
                }
                if (w.used < slot->used) slot = &w;
            }
            if (slot->map) ::munmap(slot->map, slot->length);
            *slot = Window{};
            size_t span = static_cast<size_t>(std::min<uint64_t>(2 * k_window_step, pack.size - begin));
            void* map = ::mmap(nullptr, span, PROT_READ, MAP_PRIVATE, pack.fd, static_cast<off_t>(begin));
            if (map != MAP_FAILED) {
                *slot = Window{pack_index, begin, span, static_cast<char*>(map), ++clock};
                return slot->map + (offset - begin);
            }
        }
        if (length > large_capacity) {
            large.reset(new (std::nothrow) char[length]);
            large_capacity = large ? length : 0;
            if (!large) return nullptr;
        }
        return pread_all(pack.fd, large.get(), length, offset) ? large.get() : nullptr;
    }

    bool read_header(uint32_t pack_index, const Pack& pack, uint64_t offset, PackEntryHeader& header) {
        if (offset >= pack.size - k_pack_trailer) return false;
        size_t length = static_cast<size_t>(std::min<uint64_t>(32, pack.size - k_pack_trailer - offset));
        const char* bytes = bytes_at(pack_index, pack, offset, length);
        return bytes && parse_pack_entry_header(std::string_view(bytes, length), offset, header);
    }

    // Inflates the zlib stream at `at` that must give exactly `size` bytes and ends at or before
    // `end` when that is known (then only the stream is read, not its worst-case length).
    bool inflate(uint32_t pack_index, const Pack& pack, uint64_t at, uint64_t size, char* out, uint64_t end = 0) {
        if (!inflater || at >= pack.size - k_pack_trailer) return false;
        uint64_t available = pack.size - k_pack_trailer - at;
        if (end > at) available = std::min(available, end - at);
        if (size / 1032 > available) return false;  // deflate cannot expand more than ~1032:1
        size_t want = static_cast<size_t>(std::min(available, zlib_bound(size)));
        const char* input = bytes_at(pack_index, pack, at, want);
        if (!input) return false;
        size_t used = 0;
        size_t got = 0;
        return libdeflate_zlib_decompress_ex(inflater, input, want, out, size, &used, &got) ==
                   LIBDEFLATE_SUCCESS &&
               got == size;
    }

    // Builds the entry at `offset` (its `header` read): a whole object is inflated, a delta is
    // inflated and applied to `base`. `size` is set to what it builds when known; false when it
    // cannot be built or would be larger than `max_size`.
    bool build(uint32_t pack_index, const Pack& pack, uint64_t offset, uint64_t end, const PackEntryHeader& header,
               std::string_view base, uint64_t max_size, std::unique_ptr<char[]>& out, uint64_t& size) {
        uint64_t stream = offset + header.header_length;
        if (!is_delta(header)) {
            size = header.size;
            return size <= max_size && allocate(out, size) && inflate(pack_index, pack, stream, size, out.get(), end);
        }
        // Instructions are never much longer than what they build (an insert is at most 127
        // bytes after its 1-byte op): a longer one is damage, not worth allocating for.
        size = 0;
        uint64_t length = header.size;
        if (length > max_size + max_size / 64 + 4096) return false;
        if (length > delta_capacity) {
            delta_capacity = static_cast<size_t>(std::max<uint64_t>(length, 2 * uint64_t(delta_capacity)));
            if (!allocate(delta, delta_capacity)) {
                delta_capacity = 0;
                return false;
            }
        }
        std::string_view instructions(delta.get(), static_cast<size_t>(length));
        return inflate(pack_index, pack, stream, length, delta.get(), end) && delta_target_size(instructions, size) &&
               size <= max_size && allocate(out, size) && apply_delta(base, instructions, out.get(), size);
    }
};

PackReader::PackReader(std::shared_ptr<const PackSet> packs, size_t windows, size_t cache_bytes)
    : m_impl(std::make_unique<Impl>(cache_bytes)) {
    m_impl->packs = std::move(packs);
    m_impl->windows.resize(std::max<size_t>(1, windows));
    m_impl->inflater = libdeflate_alloc_decompressor();
}

PackReader::~PackReader() = default;

PackReader::Result PackReader::read(PackLocation where, uint64_t max_size, PackEntryType& type, std::string_view& data,
                                    uint64_t& size) {
    Impl& r = *m_impl;
    const PackSet::Impl& set = *r.packs->m_impl;
    r.current.reset();
    if (!where.found() || where.pack >= set.packs.size()) return Result::failed;
    const Pack& pack = *set.packs[where.pack];
    // Down the chain to an object that is cached or whole...
    r.chain.clear();
    uint64_t offset = where.offset;
    BuiltPtr base;
    while (true) {
        if ((base = r.cache.get(where.pack, offset))) break;
        PackEntryHeader header;
        if (!r.read_header(where.pack, pack, offset, header)) return Result::failed;
        if (is_delta(header)) {
            if (r.chain.size() >= k_max_chain) return Result::failed;
            r.chain.push_back({offset, header});
            if (header.type == PackEntryType::ofs_delta) {
                offset = header.base_offset;
            } else if (!pack.index.find(header.base_oid, offset)) {
                return Result::failed;  // a thin pack's base is elsewhere: libgit2 finds it
            }
            continue;
        }
        auto built = std::make_shared<Built>();
        built->type = header.type;
        uint64_t end = offset == where.offset ? where.end : 0;
        if (!r.build(where.pack, pack, offset, end, header, {}, max_size, built->data, built->size)) {
            size = built->size;
            return r.chain.empty() && size > max_size ? Result::too_large : Result::failed;
        }
        // A whole object is kept once a delta needed it: whole objects nothing builds on (most
        // trees, every blob of a pack without deltas) would only churn the cache.
        if (!r.chain.empty()) r.cache.put(where.pack, offset, built);
        base = std::move(built);
        break;
    }
    // ...then back up it, applying each delta to what the one below built.
    for (size_t i = r.chain.size(); i-- > 0;) {
        const Impl::Link& link = r.chain[i];
        auto built = std::make_shared<Built>();
        built->type = base->type;
        uint64_t end = link.offset == where.offset ? where.end : 0;
        if (!r.build(where.pack, pack, link.offset, end, link.header, base->bytes(), max_size, built->data,
                     built->size)) {
            size = built->size;
            return i == 0 && size > max_size ? Result::too_large : Result::failed;
        }
        r.cache.put(where.pack, link.offset, built);
        base = std::move(built);
    }
    if (base->size > max_size) {  // found built already, under a larger limit
        size = base->size;
        return Result::too_large;
    }
    r.current = std::move(base);
    type = r.current->type;
    data = r.current->bytes();
    size = data.size();
    return Result::ok;
}

bool PackReader::read_header(PackLocation where, PackEntryHeader& header) {
    const PackSet::Impl& set = *m_impl->packs->m_impl;
    if (!where.found() || where.pack >= set.packs.size()) return false;
    return m_impl->read_header(where.pack, *set.packs[where.pack], where.offset, header);
}

bool PackReader::build(PackLocation where, const PackEntryHeader& header, std::string_view base, uint64_t max_size,
                       std::unique_ptr<char[]>& out, uint64_t& size) {
    const PackSet::Impl& set = *m_impl->packs->m_impl;
    size = 0;
    if (!where.found() || where.pack >= set.packs.size()) return false;
    return m_impl->build(where.pack, *set.packs[where.pack], where.offset, where.end, header, base, max_size, out, size);
}

}  // namespace aaiscan
