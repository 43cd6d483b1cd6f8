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

  // Appends the normalized form of `token` to `out` (which is not cleared). Reuses internal buffers:
  // no allocation once they have grown. Returns false if the token had mixed-script look-alike letters
  // that were mapped (reserved; always true for now).
  void fold_token(std::string_view token, Lang lang, std::string& out);

  // Whole-text normalization with a map back to the original: `offsets[i]` is the byte offset in
  // `text` of the code point that produced byte i of `normalized` (plus one final entry for the end).
  struct Mapped {
    std::string normalized;
    std::vector<unsigned> offsets;
  };
  Mapped normalize_mapped(std::string_view text, Lang lang);

 private:
  struct Impl;
  Impl* impl_;
};

// Convenience for tests and one-off use.
std::string fold(std::string_view token, Lang lang);

}  // namespace tamga
