// Script rules (data/scripts/<lang>.tsv): turn a folded token into the language's matching key, so
// Cyrillic and Latin spellings of a word compare equal. Also look-alike letters across scripts.
#pragma once
#include <string>
#include <string_view>

#include "tamga/language.h"

namespace tamga::detail {

bool has_script_rules(Lang lang);
// Rewrites `token` (folded, valid UTF-8) through the language's tables into `out` (appended).
void apply_script_rules(Lang lang, std::string_view token, std::string& out);
// Why a language's script data did not load (empty when it loaded or there is none).
std::string script_rules_error(Lang lang);

// The script a code point counts for when a token's scripts are compared: Latin (ASCII letters, Latin-1
// and Latin Extended-A/B letters, and what ICU says is Latin: ª, º, ə ...), Cyrillic, or neither.
enum class LetterScript : unsigned char { kNeither, kLatin, kCyrillic };
LetterScript letter_script(char32_t c);

// Maps look-alike letters of the token's minority script to its majority script (Latin or Cyrillic),
// in place. Returns true when the token mixed the two scripts.
bool map_look_alikes(std::u32string& token);

}  // namespace tamga::detail
