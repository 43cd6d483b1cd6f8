// Normalized forms used for matching: NFC, language-aware case folding, unified apostrophes.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "tamga/language.h"

namespace tamga {

// The apostrophe all variants (’ ' ʼ ʻ ‘ ` ´) are folded to.
inline constexpr char kApostrophe = '\'';

class Normalizer {
 public:
  Normalizer();
  ~Normalizer();
  Normalizer(const Normalizer&) = delete;
  Normalizer& operator=(const Normalizer&) = delete;

  // Appends the normalized form (the matching key) of `token` to `out`, which is not cleared: NFC, case
  // folding for `lang`, unified apostrophes, look-alike letters of another script mapped to the token's
  // main script, then the language's script rules (Kazakh, Kyrgyz, Uzbek, Azerbaijani and Turkmen
  // Cyrillic and Latin spellings give the same key). Returns true when the token mixed Latin and
  // Cyrillic letters. Reuses internal buffers.
  bool fold_token(std::string_view token, Lang lang, std::string& out);
  // fold_token's common case without a string, for a token inside a longer text: writes the key to
  // `out` and returns its length, or returns std::string_view::npos when the token needs fold_token
  // (NFC, mixed scripts, script rules, code points past the Latin and Cyrillic blocks). Never
  // mixed-script. `readable` bytes from token.data() may be read (at least token.size()), and `out` has
  // room for 2 * token.size() + kFoldSlack bytes (bytes past the key may be overwritten): the fold
  // reads and writes sixteen bytes at a time.
  static constexpr size_t kFoldSlack = 16;
  size_t fold_token_into(std::string_view token, size_t readable, Lang lang, char* out);

  // Whole-text normalization with a map back to the original: `offsets[i]` is the byte offset in
  // `text` of the code point that produced byte i of `normalized` (plus one final entry for the end).
  struct Mapped {
    std::string normalized;
    std::vector<unsigned> offsets;
  };
  Mapped normalize_mapped(std::string_view text, Lang lang);

 private:
  bool fold_case(std::string_view token, Lang lang, std::string& out);
  size_t fold_token_general(std::string_view token, size_t readable, Lang lang, char* out);
  struct Impl;
  Impl* impl_;
};

// Convenience for tests and one-off use.
std::string fold(std::string_view token, Lang lang);

}  // namespace tamga
