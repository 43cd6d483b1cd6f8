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
  bool word_matches(unsigned entry, unsigned word, std::string_view token, bool* negative) const;
};

}  // namespace tamga
