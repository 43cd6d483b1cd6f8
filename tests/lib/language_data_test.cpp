// The language data in data/ (compiled in) and the per-language test lists in tests/data/: every
// morphology and script file loads; listed inflected forms match, listed look-alikes do not; listed
// Cyrillic/Latin spellings of a word have the same matching key.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "detail/embedded_data.h"
#include "detail/language_rules.h"
#include "detail/morphology.h"
#include "detail/scripts.h"
#include "tamga/normalize.h"

using namespace tamga;
namespace fs = std::filesystem;

namespace {

std::vector<std::vector<std::string>> read_rows(const fs::path& p) {
  std::ifstream in(p);
  std::vector<std::vector<std::string>> rows;
  std::string line;
  bool header = true;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    if (header) {
      header = false;
      continue;
    }
    std::vector<std::string> fields;
    std::stringstream ss(line);
    std::string f;
    while (std::getline(ss, f, '\t')) fields.push_back(f);
    rows.push_back(fields);
  }
  return rows;
}

std::vector<std::pair<Lang, fs::path>> data_files(const char* kind) {
  std::vector<std::pair<Lang, fs::path>> out;
  fs::path dir = fs::path(TAMGA_SOURCE_DIR) / "tests" / "data" / kind;
  if (!fs::is_directory(dir)) return out;
  for (const auto& e : fs::directory_iterator(dir)) {
    auto lang = parse_lang(e.path().stem().string());
    if (lang) out.emplace_back(*lang, e.path());
  }
  return out;
}

}  // namespace

TEST_CASE("every embedded morphology and script file loads") {
  for (int l = 1; l < kLangCount; ++l) {
    Lang lang = static_cast<Lang>(l);
    CAPTURE(std::string(lang_code(lang)));
    CHECK(detail::morphology_error(lang) == "");
    CHECK(detail::script_rules_error(lang) == "");
    CHECK(detail::rules_for(lang).error == "");
  }
  CHECK_FALSE(detail::embedded_file("morphology/tr.txt").empty());
}

TEST_CASE("inflection lists: listed forms match their stem, look-alike words do not") {
  for (const auto& [lang, path] : data_files("inflection")) {
    CAPTURE(path.string());
    size_t matches = 0, rejects = 0;
    for (const auto& row : read_rows(path)) {
      REQUIRE(row.size() >= 3);
      CAPTURE(row[0]);
      CAPTURE(row[1]);
      std::vector<detail::StemVariant> variants;
      detail::stem_variants(lang, fold(row[0], lang), variants);
      auto parse = detail::inflected_match(lang, variants, fold(row[1], lang));
      if (row[2] == "no") {
        CHECK_FALSE(parse.ok);
        ++rejects;
      } else {
        CHECK(parse.ok);
        CHECK(parse.negative == (row[2] == "negative"));
        ++matches;
      }
    }
    CHECK(matches >= 15);
    CHECK(rejects >= 10);
  }
}

TEST_CASE("script lists: both spellings of a word have the same matching key") {
  for (const auto& [lang, path] : data_files("scripts")) {
    CAPTURE(path.string());
    size_t pairs = 0;
    for (const auto& row : read_rows(path)) {
      REQUIRE(row.size() >= 2);
      CAPTURE(row[0]);
      CAPTURE(row[1]);
      CHECK(fold(row[0], lang) == fold(row[1], lang));
      ++pairs;
    }
    CHECK(pairs >= 10);
  }
}

TEST_CASE("a cue set matches exact cues, prefix cues and short cues, and nothing else") {
  detail::CueSet cues;
  cues.add("said");
  cues.add("announc*");
  cues.add("a");
  cues.add("x*");
  CHECK(cues.matches("said"));
  CHECK_FALSE(cues.matches("sai"));
  CHECK_FALSE(cues.matches("saids"));
  CHECK(cues.matches("announced"));
  CHECK(cues.matches("announc"));
  CHECK_FALSE(cues.matches("announ"));
  CHECK(cues.matches("a"));
  CHECK_FALSE(cues.matches("ab"));
  CHECK(cues.matches("x"));
  CHECK(cues.matches("xyz"));
  CHECK_FALSE(cues.matches(""));
  CHECK(cues.cues().size() == 4);
  // Every language's reporting verbs are found through their buckets.
  for (Lang lang : {Lang::kEn, Lang::kTr, Lang::kAz, Lang::kKk, Lang::kKy, Lang::kUz, Lang::kTk}) {
    const auto& rules = detail::rules_for(lang);
    for (const std::string& verb : rules.reporting_verbs.cues()) {
      std::string token = verb.back() == '*' ? verb.substr(0, verb.size() - 1) + "lar" : verb;
      CAPTURE(token);
      CHECK(rules.reporting_verbs.matches(token));
    }
  }
}

TEST_CASE("a cue filter passes every token a cue of its list matches, and turns most other words away") {
  detail::CueFilter filter;
  for (const char* cue : {"not", "never*", "n", "değil", "емес*"}) filter.add(cue);
  for (const char* token : {"not", "never", "nevertheless", "n", "değil", "емес", "еместігі"}) {
    CAPTURE(token);
    CHECK(filter.may_match(token));
  }
  CHECK_FALSE(filter.may_match("bu"));
  CHECK_FALSE(filter.may_match("ol"));
  // Every language's voice and modifier cues pass their filters, as themselves and with a suffix when a
  // prefix cue.
  for (Lang lang : {Lang::kEn, Lang::kTr, Lang::kAz, Lang::kKk, Lang::kKy, Lang::kUz, Lang::kTk}) {
    const auto& rules = detail::rules_for(lang);
    auto token_of = [](const std::string& cue) {
      return cue.back() == '*' ? cue.substr(0, cue.size() - 1) + "lar" : cue;
    };
    for (const std::string& verb : rules.reporting_verbs.cues()) CHECK(rules.voice_cues.may_match(token_of(verb)));
    for (const auto& c : rules.negation_before) CHECK(rules.negation_before_cues.may_match(token_of(c.cue)));
    for (const auto& c : rules.negation_after) CHECK(rules.negation_after_cues.may_match(token_of(c.cue)));
    for (const auto& c : rules.intensifier_before) CHECK(rules.intensifier_before_cues.may_match(token_of(c.cue)));
  }
}
