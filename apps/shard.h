// --shard K/N: a stable partition of the input documents by id, so N independent runs (on one machine or
// many) together process every document exactly once.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace tamga::app {

struct Shard {
  uint64_t index = 0;  // 0-based: --shard 1/4 is index 0
  uint64_t count = 1;
};

// Parses "K/N" with 1 <= K <= N (K is 1-based, as people count shards); throws UsageError otherwise.
Shard parse_shard(std::string_view spec);

// FNV-1a 64 of the id's UTF-8 bytes, then MurmurHash3's 64-bit finalizer (fmix64): the same on every
// platform, compiler and run, unlike std::hash. The finalizer matters: the low bits of FNV-1a depend only on
// the low bits of each byte, so without it ids differing in one letter ("a"/"e") would share a shard for N=4.
uint64_t shard_hash(std::string_view id);

// Does the document with this id belong to the shard? (hash mod N == K-1)
inline bool in_shard(std::string_view id, const Shard& shard) { return shard_hash(id) % shard.count == shard.index; }

}  // namespace tamga::app
