// The 14 propaganda techniques of SemEval-2020 Task 11, spelled as the PTC corpus spells them.
#pragma once
#include <array>
#include <optional>
#include <string_view>

namespace tamga {

enum class Technique : unsigned char {
  kLoadedLanguage,
  kNameCalling,
  kRepetition,
  kExaggeration,
  kDoubt,
  kFear,
  kFlagWaving,
  kCausalOversimplification,
  kAuthority,
  kSlogans,
  kWhataboutism,
  kBlackAndWhite,
  kThoughtTerminatingCliches,
  kBandwagon,
};

inline constexpr int kTechniqueCount = 14;

// Exact SemEval name, e.g. "Name_Calling,Labeling".
std::string_view technique_name(Technique t);
// Short lowercase slug for file names and ids, e.g. "name_calling".
std::string_view technique_slug(Technique t);
// One sentence on what the technique is (after the SemEval-2020 Task 11 definitions).
std::string_view technique_description(Technique t);
// Accepts the exact SemEval name or the slug.
std::optional<Technique> parse_technique(std::string_view name);
const std::array<Technique, kTechniqueCount>& all_techniques();

}  // namespace tamga
