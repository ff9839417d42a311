// A compact "seen" set of git object ids for whole-history walks: an open-addressing table of
// 128-bit oid prefixes (16 bytes a slot, no allocation per entry), so remembering every tree and
// blob of a large history costs ~24-32 bytes per object.
#pragma once

#include <cstdint>
#include <cstring>
#include <vector>

namespace aaiscan {

class OidSet {
public:
    // Adds the object id (20 raw bytes; only the first 16 are kept). True when it was new.
    bool insert(const unsigned char* oid) {
        Key key;
        std::memcpy(&key.a, oid, 8);
        std::memcpy(&key.b, oid + 8, 8);
        if (key.a == 0 && key.b == 0) {  // the empty-slot marker: tracked on the side
            bool fresh = !m_has_zero;
            m_has_zero = true;
            return fresh;
        }
        if ((m_size + 1) * 10 > m_slots.size() * 7) grow();
        if (!place(key, m_slots)) return false;
        ++m_size;
        return true;
    }
    // True when the object id was inserted before (read-only: safe from several threads once no
    // thread inserts any more).
    bool contains(const unsigned char* oid) const {
        Key key;
        std::memcpy(&key.a, oid, 8);
        std::memcpy(&key.b, oid + 8, 8);
        if (key.a == 0 && key.b == 0) return m_has_zero;
        if (m_slots.empty()) return false;
        size_t mask = m_slots.size() - 1;
        for (size_t i = static_cast<size_t>(key.a) & mask;; i = (i + 1) & mask) {
            const Key& slot = m_slots[i];
            if (slot.a == 0 && slot.b == 0) return false;
            if (slot.a == key.a && slot.b == key.b) return true;
        }
    }
    size_t size() const { return m_size + (m_has_zero ? 1 : 0); }

private:
    struct Key {
        uint64_t a = 0;
        uint64_t b = 0;
    };

    // Inserts into `slots` (a power-of-two table). False when already present.
    static bool place(const Key& key, std::vector<Key>& slots) {
        size_t mask = slots.size() - 1;
        for (size_t i = static_cast<size_t>(key.a) & mask;; i = (i + 1) & mask) {
            Key& slot = slots[i];
            if (slot.a == 0 && slot.b == 0) {
                slot = key;
                return true;
            }
            if (slot.a == key.a && slot.b == key.b) return false;
        }
    }

    void grow() {
        std::vector<Key> bigger(m_slots.empty() ? 1024 : m_slots.size() * 2);
        for (const Key& k : m_slots) {
            if (k.a != 0 || k.b != 0) place(k, bigger);
        }
        m_slots.swap(bigger);
    }

    std::vector<Key> m_slots;
    size_t m_size = 0;
    bool m_has_zero = false;
};

}  // namespace aaiscan
