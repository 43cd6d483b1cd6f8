// Inflection: which endings a stem may take in a language, and which written forms the stem itself takes
// before them. Turkic suffixes follow vowel harmony and consonant alternation; English adds plural,
// possessive and verb endings.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "tamga/language.h"

namespace tamga::detail {

enum class StemCondition : unsigned char {
  kNone,         // the stem as written; any valid inflection, or none
  kNextVowel,    // an alternant used only before a vowel-initial suffix (kitap → kitab-ı, renk → reng-i)
  kDroppedVowel, // the same, with the last vowel dropped; harmony follows the lost vowel (zulüm → zulm-ü)
  kCompoundHead, // the head of a compound without its 3rd-person possessive (vatan hain-i → vatan hain-leri)
  kNextYor,      // a Turkish verb stem whose final vowel narrows before -yor (karala → karalı-yor)
  kEnIes,        // enemy → enemi-es, enemi-ed
  kEnDropE,      // hate → hat-ing
  kEnDoubled,    // stop → stopp-ed, stopp-ing
};

struct StemVariant {
  std::string key;
  StemCondition condition = StemCondition::kNone;
};

// Appends the written alternants of `stem` (already normalized) for `lang`, the stem itself first.
void stem_variants(Lang lang, std::string_view stem, std::vector<StemVariant>& out);

struct InflectionParse {
  bool ok = false;
  bool negative = false;  // a negative verb suffix (Turkish -mA-) was part of the ending
};

// Appends the alternants of the last word of a multi-word Turkic entry written with the compound
// possessive (vatan haini, faiz lobisi, tarih kitabı): the head without it, so the compound's plural and
// case forms (vatan hainleri, faiz lobilerine) match too.
void compound_head_variants(Lang lang, std::string_view word, std::vector<StemVariant>& out);

// Is `rest` a valid inflectional ending after `key` (a stem alternant with its condition)?
InflectionParse parse_inflection(Lang lang, std::string_view key, StemCondition condition, std::string_view rest);

// Does `token` (normalized) match the word `stem` (normalized) or one of its inflected forms?
InflectionParse inflected_match(Lang lang, const std::vector<StemVariant>& variants, std::string_view token);

// Why a language's morphology data did not load (empty when it loaded or there is none).
std::string morphology_error(Lang lang);

}  // namespace tamga::detail
