// SHA-256 via OpenSSL's EVP interface (see sha256.h).
#include "util/sha256.h"

#include <openssl/evp.h>

#include "util/error.h"

namespace aaiscan {

Sha256::Sha256() : m_context(EVP_MD_CTX_new()) {
    if (m_context == nullptr ||
        EVP_DigestInit_ex(static_cast<EVP_MD_CTX*>(m_context), EVP_sha256(), nullptr) != 1) {
        throw FatalError("cannot initialise SHA-256");
    }
}

Sha256::~Sha256() { EVP_MD_CTX_free(static_cast<EVP_MD_CTX*>(m_context)); }

Sha256& Sha256::update(std::string_view bytes) {
    EVP_DigestUpdate(static_cast<EVP_MD_CTX*>(m_context), bytes.data(), bytes.size());
    return *this;
}

Sha256& Sha256::field(std::string_view bytes) {
    update(bytes);
    return update(std::string_view("\0", 1));
}

std::array<uint8_t, 32> Sha256::digest() {
    std::array<uint8_t, 32> out{};
    unsigned int size = 0;
    EVP_DigestFinal_ex(static_cast<EVP_MD_CTX*>(m_context), out.data(), &size);
    return out;
}

std::string Sha256::hex_digest() {
    auto d = digest();
    return to_hex(d.data(), d.size());
}

std::string sha256_hex(std::string_view bytes) { return Sha256().update(bytes).hex_digest(); }

std::string to_hex(const uint8_t* data, size_t size) {
    static constexpr char k_digits[] = "0123456789abcdef";
    std::string out(size * 2, '0');
    for (size_t i = 0; i < size; ++i) {
        out[2 * i] = k_digits[data[i] >> 4];
        out[2 * i + 1] = k_digits[data[i] & 15];
    }
    return out;
}

}  // namespace aaiscan
