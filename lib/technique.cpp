#include "tamga/technique.h"

namespace tamga {
namespace {

struct TechniqueNames {
  std::string_view name;
  std::string_view slug;
};

constexpr std::array<TechniqueNames, kTechniqueCount> kNames{{
    {"Loaded_Language", "loaded_language"},
    {"Name_Calling,Labeling", "name_calling"},
    {"Repetition", "repetition"},
    {"Exaggeration,Minimisation", "exaggeration"},
    {"Doubt", "doubt"},
    {"Appeal_to_fear-prejudice", "fear"},
    {"Flag-Waving", "flag_waving"},
    {"Causal_Oversimplification", "causal"},
    {"Appeal_to_Authority", "authority"},
    {"Slogans", "slogans"},
    {"Whataboutism,Straw_Men,Red_Herring", "whataboutism"},
    {"Black-and-White_Fallacy", "black_white"},
    {"Thought-terminating_Cliches", "cliches"},
    {"Bandwagon,Reductio_ad_hitlerum", "bandwagon"},
}};

}  // namespace

std::string_view technique_name(Technique t) { return kNames[static_cast<size_t>(t)].name; }
std::string_view technique_slug(Technique t) { return kNames[static_cast<size_t>(t)].slug; }

std::optional<Technique> parse_technique(std::string_view name) {
  for (size_t i = 0; i < kNames.size(); ++i) {
    if (kNames[i].name == name || kNames[i].slug == name) return static_cast<Technique>(i);
  }
  return std::nullopt;
}

const std::array<Technique, kTechniqueCount>& all_techniques() {
  static const auto kAll = [] {
    std::array<Technique, kTechniqueCount> all{};
    for (int i = 0; i < kTechniqueCount; ++i) all[static_cast<size_t>(i)] = static_cast<Technique>(i);
    return all;
  }();
  return kAll;
}

}  // namespace tamga
