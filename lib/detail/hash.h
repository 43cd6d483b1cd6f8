// A fast hash of short byte strings for the library's flat lookup tables (not a stable format: tables
// are built and queried by the same binary).
#pragma once
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

// Words are short: a few loads cover one whole (two overlapping 4-byte reads up to 8 bytes, 8-byte
// reads past that), then the finalizer, so that the low bits (the table slot) depend on
// every byte. The length is mixed in first, which makes the overlapping reads unambiguous.
// hash_bytes(s) == mix64(unmixed_hash(s)).
inline uint64_t unmixed_hash(std::string_view s) {
  const char* p = s.data();
  const size_t n = s.size();
  uint64_t h = (n + 1) * 0x9E3779B97F4A7C15ull;
  if (n >= 8) {
    for (size_t i = 0; i + 8 < n; i += 8) h = (h ^ load64(p + i)) * 0xff51afd7ed558ccdull;
    h ^= load64(p + n - 8);
  } else if (n >= 4) {
    h ^= (load32(p) << 32) | load32(p + n - 4);
  } else if (n > 0) {
    auto byte = [&](size_t k) { return static_cast<uint64_t>(static_cast<unsigned char>(p[k])); };
    h ^= (byte(0) << 16) | (byte(n / 2) << 8) | byte(n - 1);
  }
  return h;
}

inline uint64_t hash_bytes(std::string_view s) { return mix64(unmixed_hash(s)); }

// Sixteen bits of an unmixed hash for a prefilter: one multiply, whose top bits depend on every bit of
// its input, instead of the whole finalizer.
inline unsigned prefilter_bits(uint64_t unmixed) { return static_cast<unsigned>((unmixed * 0x9E3779B97F4A7C15ull) >> 48); }

}  // namespace tamga::detail
