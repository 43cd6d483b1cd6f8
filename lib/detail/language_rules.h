// Per-language cue words for voice (reported speech) and hit modifiers (negation, intensifiers), read
// from data/rules/<lang>.txt. Cues are matching keys (normalized like text); a cue ending in '*' matches
// any token starting with it.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "tamga/language.h"

namespace tamga::detail {

struct ModifierCue {
  std::string cue;
  double factor;
};

struct LanguageRules {
  std::vector<ModifierCue> negation_before;
  std::vector<ModifierCue> negation_after;
  std::vector<ModifierCue> intensifier_before;
  unsigned window = 3;
  std::vector<std::string> reporting_verbs;
  bool speaker_after_comma = false;
  std::vector<std::vector<std::string>> source_phrases;
  std::string source_postposition;
  std::vector<std::string> source_heads;
  std::u32string alphabet;  // the letters entries of this language are written with (for lint)
  std::string error;  // non-empty when the data did not parse
};

const LanguageRules& rules_for(Lang lang);
bool cue_matches(std::string_view cue, std::string_view token);

}  // namespace tamga::detail
