// The compiled form of a lexicon: per-language hash index of first words, stem alternants, regexes.
#pragma once
#include <re2/re2.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "detail/hash.h"
#include "detail/morphology.h"
#include "tamga/lexicon.h"

namespace tamga {

namespace detail {

// Are the n bytes at a and b the same? Words are short: overlapping loads as in unmixed_hash, no call.
inline bool same_bytes(const char* a, const char* b, size_t n) {
  if (n >= 8) {
    for (size_t i = 0; i + 8 < n; i += 8)
      if (load64(a + i) != load64(b + i)) return false;
    return load64(a + n - 8) == load64(b + n - 8);
  }
  if (n >= 4) return ((load32(a) ^ load32(b)) | (load32(a + n - 4) ^ load32(b + n - 4))) == 0;
  for (size_t i = 0; i < n; ++i)
    if (a[i] != b[i]) return false;
  return true;
}

}  // namespace detail

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

struct Lexicon::Impl {
  struct Candidate {
    unsigned entry;
    PatternKind kind;
    detail::StemCondition condition;
    // spread_hash(unmixed_hash()) | 1 of the entry's second word when that word is an exact form, else 0: a phrase whose
    // second word is not the next token is passed over without reading its entry.
    uint64_t next_word_hash = 0;
  };
  using KeyList = std::pair<const std::string*, const std::vector<Candidate>*>;

  // A byte trie over keys: one walk along a token finds every key that starts it, shortest first, with
  // no hashing. Built breadth first: a node's children are consecutive nodes, and the nodes near the
  // root, which every token visits, sit together in memory. One node is half a cache line and holds its
  // children's bytes: one load per step.
  struct Trie {
    struct alignas(32) Node {
      uint32_t first_child = 0;  // the children are nodes [first_child, first_child + child_count)
      uint32_t child_count = 0;
      int32_t dense = -1;        // more than 16 children: their block of 256 in dense_children
      uint32_t terminal = 0;     // 1 + the index in terminals of the key ending here; 0 when none
      unsigned char bytes[16] = {};  // the children's bytes, in order (at most 16 children)
    };
    struct Terminal {
      const std::string* key;
      const std::vector<Candidate>* candidates;
    };
    std::vector<Node> nodes;
    std::vector<Terminal> terminals;
    std::vector<uint32_t> dense_children;  // blocks of 256 child nodes by byte (0: none)

    void build(std::vector<KeyList> keys);
    bool empty() const { return nodes.empty(); }
    uint32_t child(uint32_t node, unsigned char byte) const {
      const Node& n = nodes[node];
      if (n.dense >= 0) return dense_children[static_cast<size_t>(n.dense) * 256 + byte];
#if defined(__SSE2__)
      // The children's bytes compared at once: no branch per child.
      __m128i bytes = _mm_load_si128(reinterpret_cast<const __m128i*>(n.bytes));
      auto mask = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, _mm_set1_epi8(static_cast<char>(byte)))));
      mask &= (1u << n.child_count) - 1;
      return mask ? n.first_child + static_cast<uint32_t>(__builtin_ctz(mask)) : 0;
#else
      for (uint32_t k = 0; k < n.child_count; ++k)
        if (n.bytes[k] == byte) return n.first_child + k;
      return 0;  // 0 (the root) is never a child
#endif
    }
    // Calls fn(key, rest, candidate) for every key that starts `token` at a code point boundary.
    template <typename Fn>
    void for_each_prefix(std::string_view token, Fn&& fn) const {
      if (nodes.empty()) return;
      uint32_t node = 0;
      for (size_t i = 0; i < token.size(); ++i) {
        node = child(node, static_cast<unsigned char>(token[i]));
        if (node == 0) return;
        const Node& n = nodes[node];
        if (!n.terminal) continue;
        size_t len = i + 1;
        if (len < token.size() && (static_cast<unsigned char>(token[len]) & 0xC0) == 0x80) continue;
        const Terminal& t = terminals[n.terminal - 1];
        for (const Candidate& c : *t.candidates) fn(std::string_view(*t.key), token.substr(len), c);
      }
    }
  };

  // Keys whose candidates match only a whole token (exact forms, language-neutral words): one hash and
  // one comparison per token instead of a walk.
  struct WholeKeys {
    // The key's bytes and size sit in the slot: a hit is confirmed with a few loads, no call to memcmp.
    struct Slot {
      uint64_t spread = 0;  // spread_hash(unmixed_hash(key)): its top bits are the slot's index
      const char* key = nullptr;
      size_t key_size = 0;
      // The key's first 16 bytes, zero past its end: a key of at most 16 bytes is confirmed with two
      // compares of words, no branch on its length.
      uint64_t head_lo = 0, head_hi = 0;
      const std::vector<Candidate>* candidates = nullptr;
      // When every candidate is a phrase whose second word is an exact form (a common first word such as
      // "the" starts dozens), one bit per value of the top byte of each second word's hash: a next token
      // whose bit is clear rules out the whole list, without a look at each candidate.
      bool all_next_words = false;
      std::array<uint64_t, 4> next_words{};
      bool may_continue(uint64_t next_hash) const {
        if (!all_next_words) return true;
        const auto b = static_cast<unsigned>(next_hash >> 56);
        return (next_words[b / 64] >> (b % 64)) & 1u;
      }
    };
    std::vector<Slot> slots;
    size_t mask = 0;
    unsigned shift = 64;  // a spread hash's slot: its top bits, spread >> shift
    // One bit per value of 16 bits of the keys' hashes: most tokens are no key, and this 8 KB stays in
    // the first-level cache where the slots would not.
    std::vector<uint64_t> present;

    void build(const std::vector<KeyList>& keys);
    bool empty() const { return slots.empty(); }
    // Sixteen bits of the unmixed hash: most tokens are turned away before the slots are read.
    static size_t present_bit(uint64_t unmixed) { return detail::prefilter_bits(unmixed); }
    const std::vector<Candidate>* find(std::string_view token) const {
      if (slots.empty()) return nullptr;
      const Slot* s = find_unmixed(token, detail::unmixed_hash(token));
      return s ? s->candidates : nullptr;
    }
    // find() given unmixed_hash(token), which the matcher computes once per token for all its indexes.
    // The table must not be empty.
    const Slot* find_unmixed(std::string_view token, uint64_t unmixed) const {
      const size_t bit = present_bit(unmixed);
      if (!((present[bit / 64] >> (bit % 64)) & 1u)) return nullptr;
      const uint64_t spread = detail::spread_hash(unmixed);
      for (size_t k = spread >> shift;; k = (k + 1) & mask) {
        const Slot& s = slots[k];
        if (!s.key) return nullptr;
        if (s.spread == spread && s.key_size == token.size() && detail::same_bytes(s.key, token.data(), token.size()))
          return &s;
      }
    }
    // The same for a token whose present bit is known to be set, given its spread hash and its first
    // 16 bytes as hashed (BufferKeyHasher::head; only read when the token has at most 16 bytes).
    const Slot* find_spread(std::string_view token, uint64_t spread, uint64_t lo, uint64_t hi) const {
      for (size_t k = spread >> shift;; k = (k + 1) & mask) {
        const Slot& s = slots[k];
        if (!s.key) return nullptr;
        if (s.spread == spread && s.key_size == token.size()) {
          if (token.size() <= 16) [[likely]] {
            if (((s.head_lo ^ lo) | (s.head_hi ^ hi)) == 0) return &s;
          } else if (detail::same_bytes(s.key, token.data(), token.size())) {
            return &s;
          }
        }
      }
    }
  };

  struct LangIndex {
    std::unordered_map<std::string, std::vector<Candidate>, StringHash, std::equal_to<>> by_key;
    std::vector<unsigned> regex_first;   // entries whose first word is a regular expression
    Trie all;  // every key with all its candidates: what explain() walks
    // Matching splits each key's candidates: those that need the whole token go to `whole`, those that
    // read past the key (prefixes, inflected words) to the `partial` trie.
    std::unordered_map<std::string_view, std::vector<Candidate>> whole_lists, partial_lists;
    WholeKeys whole;
    Trie partial;
    void build(const Lexicon::Impl& lexicon);
  };

  // Does a candidate match only a token that is its key, nothing more?
  bool needs_whole_token(const Candidate& c) const {
    return c.kind == PatternKind::kExact || (c.kind == PatternKind::kWord && entries[c.entry].lang == Lang::kUnknown);
  }

  std::vector<Entry> entries;
  std::vector<std::unique_ptr<RE2>> regexes;
  // Per regex, the range every full match lies in (RE2::PossibleMatchRange), when RE2 can tell: a token
  // outside it is rejected with two comparisons instead of a match.
  struct MatchRange {
    bool known = false;
    std::string min, max;
    unsigned char min_first = 0, max_first = 0;  // their first bytes (0 when empty): most tokens stop there
  };
  std::vector<MatchRange> regex_ranges;
  bool regex_full_match(size_t regex, std::string_view token) const {
    const MatchRange& r = regex_ranges[regex];
    if (r.known) {
      if (!token.empty()) {
        auto first = static_cast<unsigned char>(token[0]);
        if (first < r.min_first || first > r.max_first) return false;
      }
      if (token < r.min || token > r.max) return false;
    }
    return RE2::FullMatch(token, *regexes[regex]);
  }
  // variants[entry][word]: written alternants of each plain word.
  std::vector<std::vector<std::vector<detail::StemVariant>>> variants;
  std::array<LangIndex, kLangCount> index;

  void compile(std::vector<Entry> all, std::vector<std::unique_ptr<RE2>> res);

  // The indexes a token of language `lang` is looked up in: its language's, then language-neutral entries'.
  std::array<const LangIndex*, 2> indexes_for(Lang lang) const {
    return {&index[static_cast<size_t>(lang)], lang == Lang::kUnknown ? nullptr : &index[0]};
  }

  bool word_matches(unsigned entry, unsigned word, std::string_view token, bool* negative) const;
};

}  // namespace tamga
