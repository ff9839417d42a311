// Checkpointed line/column lookup (see transcript_positions.h).
#include "decode/transcript_positions.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace aaiscan {
namespace {

// Bytes of p[0, n) for which `hit` is set: SSE2 (baseline on x86-64) with byte-lane counters
// flushed before they can overflow, then a scalar tail.
template <typename Vector, typename Scalar>
size_t count_bytes(const char* p, size_t n, Vector hit, Scalar scalar_hit) {
    size_t count = 0;
    size_t i = 0;
#if defined(__SSE2__)
    const __m128i zero = _mm_setzero_si128();
    while (i + 16 <= n) {
        __m128i acc = zero;
        size_t stop = std::min(i + 16 * 255, n - (n - i) % 16);
        for (; i < stop; i += 16) acc = _mm_sub_epi8(acc, hit(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i))));
        __m128i sum = _mm_sad_epu8(acc, zero);
        count += static_cast<size_t>(_mm_cvtsi128_si32(sum) + _mm_extract_epi16(sum, 4));
    }
#else
    (void)hit;
#endif
    for (; i < n; ++i) count += scalar_hit(static_cast<unsigned char>(p[i]));
    return count;
}

size_t count_newlines(const char* p, size_t n) {
#if defined(__SSE2__)
    const __m128i newline = _mm_set1_epi8('\n');
    auto vector_hit = [&](__m128i v) { return _mm_cmpeq_epi8(v, newline); };
#else
    auto vector_hit = 0;
#endif
    return count_bytes(p, n, vector_hit, [](unsigned char c) { return c == '\n'; });
}

// UTF-8 continuation bytes (10xxxxxx), which do not start a column.
size_t count_continuations(const char* p, size_t n) {
#if defined(__SSE2__)
    const __m128i below = _mm_set1_epi8(-64);  // continuation bytes are -128..-65 as int8
    auto vector_hit = [&](__m128i v) { return _mm_cmplt_epi8(v, below); };
#else
    auto vector_hit = 0;
#endif
    return count_bytes(p, n, vector_hit, [](unsigned char c) { return (c & 0xC0) == 0x80; });
}

}  // namespace

void TranscriptPositions::extend(size_t upto) {
    const char* p = m_text.data();
    while (m_scanned <= upto && m_scanned < m_text.size()) {
        size_t block = m_scanned;
        m_checkpoints.push_back({m_line, m_column});
        size_t end = std::min(m_text.size(), block + k_step);
        const void* last_nl = memrchr(p + block, '\n', end - block);
        size_t from = last_nl ? static_cast<size_t>(static_cast<const char*>(last_nl) - p) + 1 - block : 0;
        size_t newlines = count_newlines(p + block, end - block);
        size_t continuations = count_continuations(p + block + from, end - block - from);
        m_line += newlines;
        size_t points = (end - block - from) - continuations;
        m_column = last_nl ? 1 + points : m_column + points;
        m_scanned = end;
    }
}

TextPosition TranscriptPositions::position(size_t offset) {
    offset = std::min(offset, m_text.size());
    if (m_text.empty()) return {1, 1};
    extend(offset);
    size_t k = std::min(offset / k_step, m_checkpoints.size() - 1);
    size_t line = m_checkpoints[k].line, column = m_checkpoints[k].column;
    // From the checkpoint to `offset`, the way extend() counts a block: newlines, then the code
    // points after the last one.
    const char* p = m_text.data();
    size_t block = k * k_step;
    size_t n = offset - block;
    const void* last_nl = n ? memrchr(p + block, '\n', n) : nullptr;
    if (last_nl) {
        line += count_newlines(p + block, n);
        size_t from = static_cast<size_t>(static_cast<const char*>(last_nl) - p) + 1;
        column = 1 + (offset - from) - count_continuations(p + from, offset - from);
    } else {
        column += n - count_continuations(p + block, n);
    }
    return {line, column};
}

}  // namespace aaiscan
