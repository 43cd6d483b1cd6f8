// Per-language cue words for voice (reported speech) and hit modifiers (negation, intensifiers), read
// from data/rules/<lang>.txt. Cues are matching keys (normalized like text); a cue ending in '*' matches
// any token starting with it.
#pragma once
#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "tamga/language.h"

namespace tamga::detail {

struct ModifierCue {
  std::string cue;
  double factor;
};

// Whether `token` is the cue, or starts with it when the cue ends in '*'. Inline: modifiers ask it of the
// words around every hit.
inline bool cue_matches(std::string_view cue, std::string_view token) {
  if (!cue.empty() && cue.back() == '*') {
    cue.remove_suffix(1);
    return token.substr(0, cue.size()) == cue;
  }
  return token == cue;
}

// Cue words bucketed by their first two bytes, so a token is compared only with the few cues that could
// match it (a cue ending in '*' matches any token starting with it). Inline: it is asked of every token of
// a sentence with a hit.
class CueSet {
 public:
  void add(std::string cue);
  bool matches(std::string_view token) const {
    for (uint32_t k : short_)
      if (keys_[k].matches(token)) return true;
    if (token.size() < 2 || buckets_.empty()) return false;  // no longer cue can match a shorter token
    for (uint32_t k : buckets_[bucket(token)])
      if (keys_[k].matches(token)) return true;
    return false;
  }
  const std::vector<std::string>& cues() const { return cues_; }

 private:
  static constexpr size_t kBuckets = 512;
  static size_t bucket(std::string_view s) {
    return (static_cast<unsigned char>(s[0]) * 31u + static_cast<unsigned char>(s[1])) % kBuckets;
  }
  // A cue as it is compared: without its '*', and whether it had one.
  struct Key {
    std::string text;
    bool prefix;
    bool matches(std::string_view token) const {
      return prefix ? token.size() >= text.size() && token.compare(0, text.size(), text) == 0 : token == text;
    }
  };
  std::vector<std::string> cues_;
  std::vector<Key> keys_;                       // cues_ as compared
  std::vector<std::vector<uint32_t>> buckets_;  // by the first two bytes of the cue
  std::vector<uint32_t> short_;                 // cues of fewer than two bytes (without the '*')
};

// Whether a token could be one of a list of cues (a language's voice cues: reporting verbs, source phrases'
// first words, the source postposition; or one modifier list), from its first bytes and length: most
// tokens are none of them, and one bit test spares them the lookups. It may pass tokens that match no
// cue, never the reverse.
class CueFilter {
 public:
  // A cue as in the rules: a trailing '*' makes it a prefix.
  void add(std::string_view cue) {
    const bool prefix = !cue.empty() && cue.back() == '*';
    if (prefix) cue.remove_suffix(1);
    cues_.push_back({std::string(cue), prefix});
    // The bytes looked at: two, or fewer when a cue is shorter. Rebuilt on each cue (a few dozen).
    prefix_ = kMaxPrefix;
    for (const auto& c : cues_) prefix_ = std::min(prefix_, c.text.size());
    lengths_.fill(0);
    for (const auto& c : cues_) {
      // The token lengths the cue can match: its own, or (a prefix) any at least as long.
      const size_t length = std::min(c.text.size(), kLongest);
      lengths_[slot(c.text)] |= static_cast<uint16_t>(c.prefix ? (0xFFFFu << length) : (1u << length));
    }
  }
  bool may_match(std::string_view token) const {
    // A cue matches only tokens at least as long as itself, so as long as the bytes looked at.
    return token.size() >= prefix_ && (lengths_[slot(token)] >> std::min(token.size(), kLongest) & 1);
  }

 private:
  static constexpr size_t kMaxPrefix = 2;
  static constexpr size_t kLongest = 15;  // lengths from 15 bytes on count as one
  // The low six bits of each of the first two bytes: they tell ASCII letters, and the second bytes of
  // two-byte letters, apart.
  size_t slot(std::string_view s) const {
    auto low_bits = [&](size_t k) { return static_cast<size_t>(static_cast<unsigned char>(s[k]) & 0x3F); };
    if (prefix_ == kMaxPrefix) return low_bits(0) << 6 | low_bits(1);  // the usual case
    return prefix_ == 1 ? low_bits(0) : 0;
  }
  struct Cue {
    std::string text;
    bool prefix;
  };
  std::vector<Cue> cues_;
  std::array<uint16_t, 1 << 12> lengths_{};  // by slot: bit n, a token of n bytes may match
  size_t prefix_ = 0;
};

struct LanguageRules {
  std::vector<ModifierCue> negation_before;
  std::vector<ModifierCue> negation_after;
  std::vector<ModifierCue> intensifier_before;
  // Filters of the three lists: most words near a hit are no cue, and are not compared with each.
  CueFilter negation_before_cues, negation_after_cues, intensifier_before_cues;
  unsigned window = 3;
  CueSet reporting_verbs;
  bool speaker_after_comma = false;
  std::vector<std::vector<std::string>> source_phrases;
  std::string source_postposition;
  CueSet source_heads;
  CueSet source_phrase_starts;  // the first word of each source phrase
  CueFilter voice_cues;         // reporting verbs, source phrase starts and the source postposition
  std::u32string alphabet;  // the letters entries of this language are written with (for lint)
  std::string error;  // non-empty when the data did not parse
};

const LanguageRules& rules_for(Lang lang);

}  // namespace tamga::detail
