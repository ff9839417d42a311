// Pack entry headers, .idx lookups and delta application (see git_pack_format.h).
#include "source/git_pack_format.h"

#include <cstring>

namespace aaiscan {
namespace {

constexpr size_t k_idx_header = 8;           // magic + version
constexpr size_t k_idx_fanout = 256 * 4;
constexpr size_t k_idx_trailer = 40;         // pack checksum + index checksum
constexpr uint64_t k_pack_trailer = 20;      // pack checksum

uint32_t be32(const unsigned char* p) {
    return (uint32_t(p[0]) << 24) | (uint32_t(p[1]) << 16) | (uint32_t(p[2]) << 8) | uint32_t(p[3]);
}

uint64_t be64(const unsigned char* p) { return (uint64_t(be32(p)) << 32) | be32(p + 4); }

// Little-endian base-128 size (delta headers). False when it runs out of bytes or overflows.
bool read_varint(std::string_view bytes, size_t& pos, uint64_t& value) {
    value = 0;
    for (unsigned shift = 0; shift < 64; shift += 7) {
        if (pos >= bytes.size()) return false;
        auto c = static_cast<unsigned char>(bytes[pos++]);
        value |= uint64_t(c & 0x7f) << shift;
        if (!(c & 0x80)) return shift < 63 || (c & 0x7f) <= 1;
    }
    return false;
}

}  // namespace

bool parse_pack_entry_header(std::string_view bytes, uint64_t offset, PackEntryHeader& out) {
    auto byte = [&](size_t i) { return static_cast<unsigned char>(bytes[i]); };
    size_t pos = 0;
    if (bytes.empty()) return false;
    unsigned char c = byte(pos++);
    unsigned type = (c >> 4) & 7;
    uint64_t size = c & 15;
    for (unsigned shift = 4; c & 0x80; shift += 7) {
        if (pos >= bytes.size() || shift > 57) return false;
        c = byte(pos++);
        size |= uint64_t(c & 0x7f) << shift;
    }
    out = PackEntryHeader{};
    out.size = size;
    switch (type) {
        case 1: case 2: case 3: case 4:
            out.type = static_cast<PackEntryType>(type);
            break;
        case 6: {
            if (pos >= bytes.size()) return false;
            c = byte(pos++);
            uint64_t distance = c & 0x7f;
            while (c & 0x80) {
                if (pos >= bytes.size() || distance >= (uint64_t(1) << 56)) return false;
                c = byte(pos++);
                distance = ((distance + 1) << 7) | (c & 0x7f);
            }
            if (distance == 0 || distance > offset) return false;
            out.type = PackEntryType::ofs_delta;
            out.base_offset = offset - distance;
            break;
        }
        case 7:
            if (bytes.size() - pos < 20) return false;
            std::memcpy(out.base_oid, bytes.data() + pos, 20);
            pos += 20;
            out.type = PackEntryType::ref_delta;
            break;
        default:
            return false;
    }
    out.header_length = static_cast<uint32_t>(pos);
    return true;
}

bool delta_target_size(std::string_view delta, uint64_t& size) {
    size_t pos = 0;
    uint64_t source = 0;
    return read_varint(delta, pos, source) && read_varint(delta, pos, size);
}

bool apply_delta(std::string_view base, std::string_view delta, uint64_t max_size, std::string& out) {
    uint64_t target_size = 0;
    if (!delta_target_size(delta, target_size) || target_size > max_size) return false;
    out.resize(target_size);
    return apply_delta(base, delta, out.data(), target_size);
}

bool apply_delta(std::string_view base, std::string_view delta, char* target, uint64_t out_size) {
    size_t pos = 0;
    uint64_t source_size = 0;
    uint64_t target_size = 0;
    if (!read_varint(delta, pos, source_size) || !read_varint(delta, pos, target_size)) return false;
    if (source_size != base.size() || target_size != out_size) return false;
    uint64_t written = 0;
    while (pos < delta.size()) {
        auto op = static_cast<unsigned char>(delta[pos++]);
        if (op & 0x80) {  // copy from the base: offset and length bytes as flagged
            uint64_t from = 0;
            uint64_t length = 0;
            for (unsigned k = 0; k < 7; ++k) {
                if (!(op & (1u << k))) continue;
                if (pos >= delta.size()) return false;
                auto b = static_cast<unsigned char>(delta[pos++]);
                if (k < 4) {
                    from |= uint64_t(b) << (8 * k);
                } else {
                    length |= uint64_t(b) << (8 * (k - 4));
                }
            }
            if (length == 0) length = 0x10000;
            if (from > base.size() || length > base.size() - from || length > target_size - written) return false;
            std::memcpy(target + written, base.data() + from, length);
            written += length;
        } else if (op != 0) {  // insert the next `op` bytes of the delta
            if (op > delta.size() - pos || op > target_size - written) return false;
            std::memcpy(target + written, delta.data() + pos, op);
            pos += op;
            written += op;
        } else {
            return false;  // reserved
        }
    }
    return written == target_size;
}

bool PackIndexView::open(std::string_view bytes, uint64_t pack_size) {
    m_data = nullptr;
    if (bytes.size() < k_idx_header + k_idx_fanout + k_idx_trailer) return false;
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    if (std::memcmp(p, "\377tOc", 4) != 0 || be32(p + 4) != 2) return false;
    const unsigned char* fanout = p + k_idx_header;
    uint32_t previous = 0;
    for (int i = 0; i < 256; ++i) {
        uint32_t v = be32(fanout + 4 * i);
        if (v < previous) return false;
        previous = v;
    }
    uint64_t count = previous;
    uint64_t fixed = k_idx_header + k_idx_fanout + count * (20 + 4 + 4) + k_idx_trailer;
    if (fixed > bytes.size() || (bytes.size() - fixed) % 8 != 0) return false;
    if (pack_size < 12 + k_pack_trailer) return false;
    m_large_count = (bytes.size() - fixed) / 8;
    m_count = static_cast<uint32_t>(count);
    m_pack_size = pack_size;
    m_data = p;
    return true;
}

bool PackIndexView::find(const unsigned char* oid, uint64_t& offset) const {
    if (!m_data) return false;
    const unsigned char* fanout = m_data + k_idx_header;
    uint32_t lo = oid[0] == 0 ? 0 : be32(fanout + 4 * (oid[0] - 1));
    uint32_t hi = be32(fanout + 4 * oid[0]);
    const unsigned char* names = fanout + k_idx_fanout;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        int cmp = std::memcmp(names + size_t(mid) * 20, oid, 20);
        if (cmp == 0) {
            const unsigned char* offsets = names + size_t(m_count) * 24;  // after names and CRCs
            uint32_t small = be32(offsets + size_t(mid) * 4);
            uint64_t at = small;
            if (small & 0x80000000u) {
                uint64_t index = small & 0x7fffffffu;
                if (index >= m_large_count) return false;
                at = be64(offsets + size_t(m_count) * 4 + index * 8);
            }
            if (at < 12 || at >= m_pack_size - k_pack_trailer) return false;
            offset = at;
            return true;
        }
        if (cmp < 0) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return false;
}

}  // namespace aaiscan
