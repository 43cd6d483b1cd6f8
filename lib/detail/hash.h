// A fast hash of short byte strings for the library's flat lookup tables (not a stable format: tables
// are built and queried by the same binary).
#pragma once
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace tamga::detail {

// MurmurHash3's 64-bit finalizer: every input bit reaches every output bit.
inline uint64_t mix64(uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ull;
  h ^= h >> 33;
  return h;
}

// Unaligned loads of 8 and 4 bytes (one instruction each on x86-64).
inline uint64_t load64(const char* p) {
  uint64_t v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
inline uint64_t load32(const char* p) {
  uint32_t v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

// A key's hash is computed from its length and its first 16 bytes (zero past its end), read as two
// words, then 8 bytes at a time past 16 (a last overlapping read). Words are short: most keys are
// hashed without a branch on their length (token lengths are random, such a branch mispredicts).
// The length is mixed in first, which makes the zero filling and the overlapping read unambiguous.
inline constexpr uint64_t kLengthFactor = 0x9E3779B97F4A7C15ull;
inline constexpr uint64_t kStepFactor = 0xff51afd7ed558ccdull;

// The hash of a key of at most 16 bytes, from its length and its two head words.
inline uint64_t short_key_hash(size_t n, uint64_t lo, uint64_t hi) { return ((n * kLengthFactor ^ lo) * kStepFactor) ^ hi; }

// The hash of the n > 16 bytes at p.
inline uint64_t long_key_hash(const char* p, size_t n) {
  uint64_t h = short_key_hash(n, load64(p), load64(p + 8));
  for (size_t i = 16; i + 8 < n; i += 8) h = (h * kStepFactor) ^ load64(p + i);
  return (h * kStepFactor) ^ load64(p + n - 8);
}

// 16 bytes of 0xFF then 16 of zero: the 16 bytes at kHeadMask + 16 - m keep the first m bytes of a
// 16-byte read (a byte mask, so the same on any byte order).
alignas(32) inline constexpr unsigned char kHeadMask[32] = {
    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF};

// unmixed_hash of the n bytes at p, given 16 readable bytes at p.
inline uint64_t unmixed_hash_padded(const char* p, size_t n) {
  if (n > 16) [[unlikely]] return long_key_hash(p, n);
  const char* keep = reinterpret_cast<const char*>(kHeadMask) + 16 - n;
  return short_key_hash(n, load64(p) & load64(keep), load64(p + 8) & load64(keep + 8));
}

// The same value, reading no byte past the key.
inline uint64_t unmixed_hash(std::string_view s) {
  if (s.size() > 16) return long_key_hash(s.data(), s.size());
  char head[16] = {};
  std::memcpy(head, s.data(), s.size());
  return short_key_hash(s.size(), load64(head), load64(head + 8));
}

// Hashes keys that lie in one buffer with 16-byte reads and never past the buffer's end: a key that
// starts in its last 16 bytes is read from a zero-padded copy of them. The buffer must outlive the
// hasher and not change under it.
class BufferKeyHasher {
 public:
  explicit BufferKeyHasher(std::string_view buffer)
      : data_(buffer.data()), size_(buffer.size()), tail_offset_(buffer.size() - std::min<size_t>(buffer.size(), 16)) {
    if (size_ > tail_offset_) std::memcpy(tail_, data_ + tail_offset_, size_ - tail_offset_);
  }
  // unmixed_hash(buffer.substr(offset, n)), which must lie in the buffer.
  uint64_t unmixed(size_t offset, size_t n) const {
    if (offset + 16 <= size_) [[likely]] return unmixed_hash_padded(data_ + offset, n);
    return unmixed_hash_padded(tail_ + (offset - tail_offset_), n);  // n <= 16 here
  }
  // The first n <= 16 bytes at offset as two words, zero past them (what unmixed() hashes).
  void head(size_t offset, size_t n, uint64_t& lo, uint64_t& hi) const {
    const char* p = offset + 16 <= size_ ? data_ + offset : tail_ + (offset - tail_offset_);
    const char* keep = reinterpret_cast<const char*>(kHeadMask) + 16 - n;
    lo = load64(p) & load64(keep);
    hi = load64(p + 8) & load64(keep + 8);
  }

 private:
  const char* data_;
  size_t size_;
  size_t tail_offset_;  // where the copied tail starts in the buffer
  char tail_[32] = {};  // the buffer's last (up to) 16 bytes, then zeros: 16 readable bytes at any of them
};

// An unmixed hash times an odd constant: one multiply, whose top bits depend on every bit of its input,
// instead of the whole finalizer. A bijection: two keys' spread hashes are equal when their unmixed
// hashes are.
inline uint64_t spread_hash(uint64_t unmixed) { return unmixed * 0x9E3779B97F4A7C15ull; }

// Sixteen bits of an unmixed hash for a prefilter: the top bits of its spread hash.
inline unsigned prefilter_bits(uint64_t unmixed) { return static_cast<unsigned>(spread_hash(unmixed) >> 48); }

}  // namespace tamga::detail
