// The byte formats of git pack files, as pure functions over untrusted bytes: a pack entry's
// header (type, size, delta base), a version 2 .idx lookup, and applying a delta. Every length
// and offset is checked; a malformed input gives false, never a read outside the bytes given.
// See Documentation/gitformat-pack.txt in git for the formats.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace aaiscan {

enum class PackEntryType : uint8_t { none = 0, commit = 1, tree = 2, blob = 3, tag = 4, ofs_delta = 6, ref_delta = 7 };

struct PackEntryHeader {
    PackEntryType type = PackEntryType::none;
    uint64_t size = 0;                // inflated size (for deltas: of the delta instructions)
    uint64_t base_offset = 0;         // ofs_delta: the base's offset in the pack
    unsigned char base_oid[20] = {};  // ref_delta: the base's object id
    uint32_t header_length = 0;       // bytes before the zlib stream
};

// Parses the entry header at `offset` of a pack from `bytes` (the pack's bytes from `offset` on,
// at least the header's; 32 bytes always suffice). False when malformed or when an ofs_delta's
// base is not before the entry.
bool parse_pack_entry_header(std::string_view bytes, uint64_t offset, PackEntryHeader& out);

// The target size a delta declares (its second varint), or false.
bool delta_target_size(std::string_view delta, uint64_t& size);

// Builds `out` from `base` and the delta instructions. False when the delta is malformed, does
// not fit `base`, or would build more than `max_size` bytes.
bool apply_delta(std::string_view base, std::string_view delta, uint64_t max_size, std::string& out);
// The same into `out`, which holds exactly the target size the delta declares (delta_target_size).
bool apply_delta(std::string_view base, std::string_view delta, char* out, uint64_t out_size);

// A version 2 pack index (.idx) held in memory (mapped): checked once by open(), then looked up.
class PackIndexView {
public:
    // False when `bytes` is not a well-formed version 2 index for a pack of `pack_size` bytes.
    bool open(std::string_view bytes, uint64_t pack_size);
    // The pack offset of the object, or false when the index does not list it (or lists an
    // offset outside the pack).
    bool find(const unsigned char* oid, uint64_t& offset) const;
    uint32_t object_count() const { return m_count; }

private:
    const unsigned char* m_data = nullptr;
    uint32_t m_count = 0;
    uint64_t m_large_count = 0;
    uint64_t m_pack_size = 0;
};

}  // namespace aaiscan
