#include "shard.h"

#include <fmt/format.h>

#include <charconv>

#include "common.h"
#include "detail/hash.h"

namespace tamga::app {

Shard parse_shard(std::string_view spec) {
  auto bad = [&] {
    return UsageError(fmt::format("--shard must be K/N with 1 <= K <= N (e.g. 1/4, 4/4), not '{}'", spec));
  };
  size_t slash = spec.find('/');
  if (slash == std::string_view::npos) throw bad();
  auto number = [&](std::string_view text, uint64_t& value) {
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    return !text.empty() && ec == std::errc() && end == text.data() + text.size();
  };
  uint64_t k = 0, n = 0;
  if (!number(spec.substr(0, slash), k) || !number(spec.substr(slash + 1), n) || n == 0 || k == 0 || k > n) throw bad();
  return Shard{k - 1, n};
}

uint64_t shard_hash(std::string_view id) {
  uint64_t h = 14695981039346656037ULL;
  for (unsigned char c : id) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return detail::mix64(h);
}

}  // namespace tamga::app
