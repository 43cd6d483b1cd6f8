// Language and script identification: CLD2 with its full tables, plus rules for what it misses.
#pragma once
#include <string_view>

#include "tamga/language.h"

namespace tamga {

struct LanguageGuess {
  Lang lang = Lang::kUnknown;
  Script script = Script::kUnknown;
  double confidence = 0;  // 0..1
};

Script detect_script(std::string_view text);
LanguageGuess identify_language(std::string_view text);

}  // namespace tamga
