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

constexpr std::array<std::string_view, kTechniqueCount> kDescriptions{{
    "Words or phrases with strong emotional implications, used to influence the audience.",
    "Labelling the object of the propaganda as something the audience fears, hates or finds undesirable, or loves and praises.",
    "Repeating the same message over and over so that the audience accepts it.",
    "Representing something as excessive or much more than it is, or downplaying it as less important than it is.",
    "Questioning the credibility of someone or something.",
    "Building support for an idea by instilling anxiety or panic about an alternative, or by prejudice.",
    "Playing on strong national feeling (or feeling for any group) to justify or promote an action or idea.",
    "Assuming one cause when there are several behind an issue, or blaming one person or group.",
    "Stating that a claim is true because a valid authority or expert said so, without other evidence.",
    "A brief and striking phrase that may include labelling and stereotyping.",
    "Discrediting an opponent by charging hypocrisy, misrepresenting their position, or introducing irrelevant material.",
    "Presenting two alternatives as the only possibilities when more exist.",
    "Words or phrases that discourage critical thought and useful discussion of a topic.",
    "Persuading that an action is right because everyone does it, or wrong because a hated group favours it.",
}};

}  // namespace

std::string_view technique_description(Technique t) { return kDescriptions[static_cast<size_t>(t)]; }

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
