// Script rules (data/scripts/<lang>.tsv): turn a folded token into the language's matching key, so
// Cyrillic and Latin spellings of a word compare equal. Also look-alike letters across scripts.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "tamga/language.h"

namespace tamga::detail {

bool has_script_rules(Lang lang);
// Rewrites `token` (folded, valid UTF-8) through the language's tables into `out` (appended).
void apply_script_rules(Lang lang, std::string_view token, std::string& out);
// The same, always by the general path (each table in turn over code points), for tests.
void apply_script_rules_general(Lang lang, std::string_view token, std::string& out);
// The same by the letter-by-letter fast path only: false (and `out` untouched) when the token needs
// the general path, for tests.
bool script_rules_fast_path(Lang lang, std::string_view token, std::string& out);
// Every letter the language's rules name (in a `from`, a `to` or a vowel list), for tests.
std::u32string script_rule_letters(Lang lang);
// For fold_with_script_rules, by the code point of a letter of one or two UTF-8 bytes, or by the lead
// byte's low six bits and the next byte's low six bits for a longer one (0x800 and up): the letter's
// case fold (a code point below 0x800) and its script, or kFoldGeneral when folding it needs more than
// a table lookup (always from 0x800 up).
inline constexpr char32_t kFoldEntries = 0x1000;
inline constexpr uint32_t kFoldLatin = 1u << 16, kFoldCyrillic = 1u << 17, kFoldGeneral = 1u << 31;
// The key of an unfolded token in one pass: each letter folded by `fold` (kFoldEntries entries), then
// the script rules letter by letter. Writes at most `room` bytes at `out` and returns the key's
// length, or npos when the token needs the general paths: a letter of three or four bytes or marked
// kFoldGeneral, Latin and Cyrillic letters together, a rule with a context or of several letters that
// might fire, too little room.
// `rules`: from script_rule_set, looked up once for a run of tokens of one language (null: npos).
struct ScriptRuleSet;
const ScriptRuleSet* script_rule_set(Lang lang);
size_t fold_with_script_rules(const ScriptRuleSet* rules, std::string_view token, const uint32_t* fold, char* out,
                              size_t room);
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
