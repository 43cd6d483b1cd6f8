// Per-language cue words for voice (reported speech) and hit modifiers (negation, intensifiers).
// Cues are compared with normalized tokens; a cue ending in '*' matches any token starting with it.
#pragma once
#include <string_view>
#include <vector>

#include "tamga/language.h"

namespace tamga::detail {

struct ModifierCue {
  std::string_view cue;
  double factor;
};

struct LanguageRules {
  std::vector<ModifierCue> negation_before;     // "not", "never", "asla"
  std::vector<ModifierCue> negation_after;      // Turkish "değil" follows what it negates
  std::vector<ModifierCue> intensifier_before;  // "utterly", "çok"
  unsigned window = 3;                          // tokens before (and 2 after) a hit, same sentence
  // Reported speech. A reporting verb makes what it reports "quoted": after it ("said that ...") or,
  // when it closes the sentence ("..., he said." / "... dedi."), the sentence before it.
  std::vector<std::string_view> reporting_verbs;
  // English puts the speaker after a comma ("Traitors, he said."); Turkish reports end in the verb.
  bool speaker_after_comma = false;
  // A source phrase makes the whole sentence reported ("according to", "X'e göre").
  std::vector<std::vector<std::string_view>> source_phrases;
  std::vector<std::string_view> source_heads;     // tokens that may precede "göre" to name a source
};

const LanguageRules& rules_for(Lang lang);
bool cue_matches(std::string_view cue, std::string_view token);

}  // namespace tamga::detail
