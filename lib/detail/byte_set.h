// A small set of byte values, and the next one of them in a text: sixteen bytes at a time where SSE2 is
// there (every x86-64). For scans that stop only at a few bytes (quotation marks, JSON escapes).
#pragma once
#include <array>
#include <cstddef>
#include <initializer_list>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace tamga::detail {

class ByteSet {
 public:
  // Up to kMaxBytes byte values, and, when `below` is not 0, every byte below it.
  static constexpr size_t kMaxBytes = 6;
  ByteSet(std::initializer_list<unsigned char> bytes, unsigned char below = 0) : below_(below) {
    for (unsigned char b : bytes)
      if (count_ < kMaxBytes) table_[b] = true, bytes_[count_++] = b;
    for (unsigned b = 0; b < below; ++b) table_[b] = true;
  }

  bool contains(unsigned char b) const { return table_[b]; }

  // The offset of the first byte of the set at or after `from`, or the text's size.
  size_t find(std::string_view s, size_t from) const {
    size_t i = from;
    if (count_ == 0 && below_ == 0) return s.size();  // the empty set
#if defined(__SSE2__)
    // Always kMaxBytes comparisons (unused slots repeat a byte of the set), so the loop unrolls; 32 bytes
    // a step.
    __m128i needles[kMaxBytes];
    for (size_t k = 0; k < kMaxBytes; ++k)
      needles[k] = _mm_set1_epi8(static_cast<char>(count_ ? bytes_[k < count_ ? k : 0] : 0));
    const __m128i below_max = _mm_set1_epi8(static_cast<char>(below_ ? below_ - 1 : 0));
    auto hits = [&](const char* p) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
      // v <= below - 1 (unsigned): max(v, below - 1) == below - 1
      __m128i hit = below_ ? _mm_cmpeq_epi8(_mm_max_epu8(v, below_max), below_max) : _mm_setzero_si128();
      for (size_t k = 0; k < kMaxBytes; ++k) hit = _mm_or_si128(hit, _mm_cmpeq_epi8(v, needles[k]));
      return static_cast<unsigned>(_mm_movemask_epi8(hit));
    };
    for (; i + 32 <= s.size(); i += 32) {
      const unsigned mask = hits(s.data() + i) | (hits(s.data() + i + 16) << 16);
      if (mask) return i + static_cast<size_t>(__builtin_ctz(mask));
    }
    if (i + 16 <= s.size()) {
      if (const unsigned mask = hits(s.data() + i)) return i + static_cast<size_t>(__builtin_ctz(mask));
      i += 16;
    }
#endif
    while (i < s.size() && !table_[static_cast<unsigned char>(s[i])]) ++i;
    return i;
  }

 private:
  std::array<bool, 256> table_{};
  std::array<unsigned char, kMaxBytes> bytes_{};
  size_t count_ = 0;
  unsigned char below_;
};

#if defined(__SSE2__)
// Bit k set when byte k of the sixteen at `p` is an ASCII letter (a-z, A-Z), and, with `extra` not 0,
// when it is that byte. Bytes past 0x7F are never letters.
inline unsigned ascii_letter_mask(const char* p, char extra = 0) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  // A letter: (byte | 0x20) - 'a' in 0..25, compared unsigned.
  const __m128i offset = _mm_sub_epi8(_mm_or_si128(v, _mm_set1_epi8(0x20)), _mm_set1_epi8('a'));
  __m128i letter = _mm_cmpeq_epi8(_mm_min_epu8(offset, _mm_set1_epi8(25)), offset);
  if (extra) letter = _mm_or_si128(letter, _mm_cmpeq_epi8(v, _mm_set1_epi8(extra)));
  return static_cast<unsigned>(_mm_movemask_epi8(letter));
}
// Bit k set when byte k of the sixteen at `p` is the ASCII letter `lower` in either case.
inline unsigned caseless_letter_mask(const char* p, char lower) {
  const __m128i v = _mm_or_si128(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p)), _mm_set1_epi8(0x20));
  return static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(lower))));
}
#endif

}  // namespace tamga::detail
