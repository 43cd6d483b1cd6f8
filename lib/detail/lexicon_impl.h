// The compiled form of a lexicon: per-language hash index of first words, stem alternants, regexes.
#pragma once
#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "detail/morphology.h"
#include "tamga/lexicon.h"

namespace tamga {

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

struct Lexicon::Impl {
  struct Candidate {
    unsigned entry;
    PatternKind kind;
    detail::StemCondition condition;
  };
  struct LangIndex {
    std::unordered_map<std::string, std::vector<Candidate>, StringHash, std::equal_to<>> by_key;
    std::vector<unsigned> regex_first;   // entries whose first word is a regular expression
    // A byte trie over the keys of by_key: one walk along a token finds every key that starts it,
    // shortest first, with no hashing. Children of a node are contiguous in `edges`, sorted by byte.
    struct Node {
      uint32_t first_edge = 0, edge_count = 0;
      const std::string* key = nullptr;           // the key ending here, if any
      const std::vector<Candidate>* candidates = nullptr;
    };
    struct Edge {
      unsigned char byte;
      uint32_t node;
    };
    std::vector<Node> nodes;
    std::vector<Edge> edges;
    void build_trie();
    uint32_t child(uint32_t node, unsigned char byte) const {
      const Node& n = nodes[node];
      const Edge* begin = edges.data() + n.first_edge;
      const Edge* end = begin + n.edge_count;
      if (n.edge_count <= 8) {
        for (const Edge* e = begin; e != end; ++e)
          if (e->byte == byte) return e->node;
        return 0;
      }
      const Edge* e = std::lower_bound(begin, end, byte, [](const Edge& a, unsigned char b) { return a.byte < b; });
      return e != end && e->byte == byte ? e->node : 0;  // 0 (the root) is never a child
    }
  };

  std::vector<Entry> entries;
  std::vector<std::unique_ptr<RE2>> regexes;
  // variants[entry][word]: written alternants of each plain word.
  std::vector<std::vector<std::vector<detail::StemVariant>>> variants;
  std::array<LangIndex, kLangCount> index;

  void compile(std::vector<Entry> all, std::vector<std::unique_ptr<RE2>> res);

  // The indexes a token of language `lang` is looked up in: its language's, then language-neutral entries'.
  std::array<const LangIndex*, 2> indexes_for(Lang lang) const {
    return {&index[static_cast<size_t>(lang)], lang == Lang::kUnknown ? nullptr : &index[0]};
  }

  // Calls fn(key, rest, candidate) for every index key that starts `token` at a code point boundary.
  template <typename Fn>
  void for_each_candidate(const LangIndex& idx, std::string_view token, Fn&& fn) const {
    if (idx.nodes.empty()) return;
    uint32_t node = 0;
    for (size_t i = 0; i < token.size(); ++i) {
      node = idx.child(node, static_cast<unsigned char>(token[i]));
      if (node == 0) return;
      const LangIndex::Node& n = idx.nodes[node];
      if (!n.key) continue;
      size_t len = i + 1;
      if (len < token.size() && (static_cast<unsigned char>(token[len]) & 0xC0) == 0x80) continue;
      for (const Candidate& c : *n.candidates) fn(std::string_view(*n.key), token.substr(len), c);
    }
  }
  bool word_matches(unsigned entry, unsigned word, std::string_view token, bool* negative) const;
};

}  // namespace tamga
