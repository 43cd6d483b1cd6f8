// The compiled form of a lexicon: per-language hash index of first words, stem alternants, regexes.
#pragma once
#include <re2/re2.h>

#include <array>
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
    std::vector<unsigned> key_lengths;   // distinct key lengths in bytes, ascending
    std::vector<unsigned> regex_first;   // entries whose first word is a regular expression
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
    for (unsigned len : idx.key_lengths) {
      if (len > token.size()) break;
      if (len < token.size() && (static_cast<unsigned char>(token[len]) & 0xC0) == 0x80) continue;
      auto it = idx.by_key.find(token.substr(0, len));
      if (it == idx.by_key.end()) continue;
      for (const Candidate& c : it->second) fn(std::string_view(it->first), token.substr(len), c);
    }
  }
  bool word_matches(unsigned entry, unsigned word, std::string_view token, bool* negative) const;
};

}  // namespace tamga
