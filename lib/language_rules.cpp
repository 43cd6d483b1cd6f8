#include "detail/language_rules.h"

#include <array>
#include <sstream>

#include "detail/embedded_data.h"
#include "detail/utf8.h"
#include "tamga/normalize.h"

namespace tamga::detail {

void CueSet::add(std::string cue) {
  if (buckets_.empty()) buckets_.resize(kBuckets);
  auto index = static_cast<uint32_t>(cues_.size());
  const bool prefix = !cue.empty() && cue.back() == '*';
  std::string text = prefix ? cue.substr(0, cue.size() - 1) : cue;
  if (text.size() < 2) short_.push_back(index);
  else buckets_[bucket(text)].push_back(index);
  keys_.push_back({std::move(text), prefix});
  cues_.push_back(std::move(cue));
}

namespace {

// A cue word as a matching key, keeping a trailing '*'.
std::string cue_key(std::string_view word, Lang lang) {
  bool prefix = !word.empty() && word.back() == '*';
  if (prefix) word.remove_suffix(1);
  std::string key = fold(word, lang);
  if (prefix) key += '*';
  return key;
}

void parse_rules(std::string_view text, Lang lang, LanguageRules& r) {
  std::istringstream in{std::string(text)};
  std::string line;
  size_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (size_t hash = line.find('#'); hash != std::string::npos) line.resize(hash);
    size_t colon = line.find(':');
    if (colon == std::string::npos) {
      if (line.find_first_not_of(" \t\r") != std::string::npos && r.error.empty())
        r.error = "line " + std::to_string(line_no) + ": expected 'key: items'";
      continue;
    }
    std::string key = line.substr(0, colon);
    std::istringstream items(line.substr(colon + 1));
    std::vector<std::string> words;
    for (std::string w; items >> w;) words.push_back(w);
    auto cues = [&](std::vector<ModifierCue>& out, CueFilter& filter) {
      for (const auto& w : words) {
        size_t eq = w.find('=');
        double factor = eq == std::string::npos ? 1.0 : std::strtod(w.c_str() + eq + 1, nullptr);
        out.push_back({cue_key(w.substr(0, eq), lang), factor});
        filter.add(out.back().cue);
      }
    };
    if (key == "window") r.window = words.empty() ? 3 : static_cast<unsigned>(std::stoul(words[0]));
    else if (key == "negation-before") cues(r.negation_before, r.negation_before_cues);
    else if (key == "negation-after") cues(r.negation_after, r.negation_after_cues);
    else if (key == "intensifier-before") cues(r.intensifier_before, r.intensifier_before_cues);
    else if (key == "reporting-verbs") {
      for (const auto& w : words) {
        std::string cue = cue_key(w, lang);
        r.voice_cues.add(cue);
        r.reporting_verbs.add(std::move(cue));
      }
    }
    else if (key == "speaker-after-comma") r.speaker_after_comma = !words.empty() && words[0] == "yes";
    else if (key == "source-postposition") {
      r.source_postposition = words.empty() ? "" : cue_key(words[0], lang);
      if (!r.source_postposition.empty()) r.voice_cues.add(r.source_postposition);
    }
    else if (key == "source-heads") for (const auto& w : words) r.source_heads.add(cue_key(w, lang));
    else if (key == "alphabet") for (const auto& w : words) r.alphabet += to_u32(w);
    else if (key == "source-phrases") {
      for (const auto& w : words) {
        std::vector<std::string> phrase;
        std::istringstream parts(w);
        for (std::string part; std::getline(parts, part, '_');) phrase.push_back(cue_key(part, lang));
        if (!phrase.empty()) {
          r.voice_cues.add(phrase.front());
          r.source_phrase_starts.add(phrase.front());
        }
        r.source_phrases.push_back(std::move(phrase));
      }
    } else if (r.error.empty()) {
      r.error = "line " + std::to_string(line_no) + ": unknown key '" + key + "'";
    }
  }
}

}  // namespace

const LanguageRules& rules_for(Lang lang) {
  // A function-local static: after the first call, one guard check (std::call_once costs a call into
  // libstdc++ every time, and this is asked per hit and per sentence with a hit).
  static const std::array<LanguageRules, kLangCount> all = [] {
    std::array<LanguageRules, kLangCount> rules;
    for (int l = 1; l < kLangCount; ++l) {
      auto language = static_cast<Lang>(l);
      std::string_view text = embedded_file("rules/" + std::string(lang_code(language)) + ".txt");
      if (!text.empty()) parse_rules(text, language, rules[static_cast<size_t>(l)]);
    }
    return rules;
  }();
  return all[static_cast<size_t>(lang)];
}

}  // namespace tamga::detail
