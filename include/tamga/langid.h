// Language and script identification: CLD2 with its full tables, plus rules for what it misses.
#pragma once
#include <string_view>
#include <vector>

#include "tamga/language.h"

namespace tamga {

struct LanguageGuess {
  Lang lang = Lang::kUnknown;
  Script script = Script::kUnknown;
  double confidence = 0;  // 0..1
};

Script detect_script(std::string_view text);
LanguageGuess identify_language(std::string_view text);

// Paragraphs (split at blank lines) with their languages; paragraphs too short to tell take the
// language of the text around them. Adjacent paragraphs of one language are merged.
struct ParagraphGuess {
  unsigned start = 0, end = 0;  // byte range, paragraphs and the blank lines after them cover the text
  LanguageGuess guess;
};
// `whole`, when given, is identify_language(text) already computed by the caller.
std::vector<ParagraphGuess> identify_paragraphs(std::string_view text, bool merge = true,
                                                const LanguageGuess* whole = nullptr);

}  // namespace tamga
