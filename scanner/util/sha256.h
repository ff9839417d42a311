// SHA-256 helpers (OpenSSL libcrypto) for fingerprints and cache keys.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace aaiscan {

// Incremental SHA-256. Cheap to construct; not copyable because it owns an OpenSSL context.
class Sha256 {
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;

    Sha256& update(std::string_view bytes);
    // Adds `bytes` followed by a NUL separator, so ("ab","c") and ("a","bc") differ.
    Sha256& field(std::string_view bytes);
    std::array<uint8_t, 32> digest();
    std::string hex_digest();

private:
    void* m_context;
};

std::string sha256_hex(std::string_view bytes);
std::string to_hex(const uint8_t* data, size_t size);

}  // namespace aaiscan
