#include "detail/language_rules.h"

namespace tamga::detail {

bool cue_matches(std::string_view cue, std::string_view token) {
  if (!cue.empty() && cue.back() == '*') {
    cue.remove_suffix(1);
    return token.substr(0, cue.size()) == cue;
  }
  return token == cue;
}

namespace {

LanguageRules english() {
  LanguageRules r;
  r.negation_before = {{"not", 0.5},     {"no", 0.5},      {"never", 0.5},  {"neither", 0.5}, {"nor", 0.5},
                       {"without", 0.5}, {"hardly", 0.6},  {"barely", 0.6}, {"isn't", 0.5},   {"aren't", 0.5},
                       {"wasn't", 0.5},  {"weren't", 0.5}, {"don't", 0.5},  {"doesn't", 0.5}, {"didn't", 0.5},
                       {"won't", 0.5},   {"can't", 0.5},   {"cannot", 0.5}, {"nobody", 0.5},  {"nothing", 0.5}};
  r.intensifier_before = {{"very", 1.5},       {"so", 1.25},      {"utterly", 1.5},    {"absolutely", 1.5},
                          {"totally", 1.5},    {"completely", 1.5}, {"extremely", 1.5}, {"truly", 1.5},
                          {"incredibly", 1.5}, {"deeply", 1.5},   {"downright", 1.5},  {"outright", 1.5},
                          {"thoroughly", 1.5}, {"most", 1.25},    {"really", 1.25},    {"entirely", 1.5}};
  r.reporting_verbs = {"said", "says", "say", "told", "tells", "stated", "states", "claimed", "claims", "declared",
                       "declares", "argued", "argues", "insisted", "insists", "alleged", "alleges", "wrote", "writes",
                       "tweeted", "added", "warned", "warns", "accused", "accuses", "asserted", "asserts",
                       "announced", "announces", "charged", "contended", "maintained", "remarked", "posted"};
  r.speaker_after_comma = true;
  r.source_phrases = {{"according", "to"}, {"in", "the", "words", "of"}, {"quoted", "as", "saying"}};
  return r;
}

LanguageRules turkish() {
  LanguageRules r;
  r.negation_before = {{"asla", 0.5}, {"hiç", 0.5}, {"hiçbir", 0.5}, {"hiçbir*", 0.5}};
  r.negation_after = {{"değil*", 0.5}, {"yok", 0.5}, {"olmadı*", 0.5}, {"olmayan", 0.5}, {"olmaz", 0.5}};
  r.intensifier_before = {{"çok", 1.5},       {"en", 1.25},       {"gerçekten", 1.25}, {"tamamen", 1.5},
                          {"tümüyle", 1.5},    {"bütünüyle", 1.5}, {"resmen", 1.5},     {"düpedüz", 1.5},
                          {"apaçık", 1.5},     {"açıkça", 1.25},   {"katıksız", 1.5},
                          {"derece", 1.5},     {"adeta", 1.25},    {"büsbütün", 1.5},   {"alçakça", 1.5},
                          {"tam", 1.25},       {"bariz", 1.5}};
  r.reporting_verbs = {"dedi",       "demiş*",     "diyor*",     "diye",      "söyle*",    "belirt*",    "kaydet*",
                       "kaydett*",   "vurgula*",   "açıkla*",    "iddia",     "savun*",    "konuştu*",   "ekledi*",
                       "uyardı*",    "ifadeleri*", "sözleri*",   "suçla*",    "yazdı*",    "paylaştı*",  "seslendi*",
                       "nitelendir*", "dile",      "duyurdu*",   "aktardı*",  "bildirdi*", "öne"};
  r.source_phrases = {};
  r.source_heads = {"açıklama*", "iddia*", "rapor*", "kaynak*", "bakan*", "sözcü*", "yetkili*", "habere", "haberlere",
                    "verilere", "uzman*", "iddialara"};
  return r;
}

}  // namespace

const LanguageRules& rules_for(Lang lang) {
  static const LanguageRules en = english();
  static const LanguageRules tr = turkish();
  static const LanguageRules none;
  switch (lang) {
    case Lang::kEn: return en;
    case Lang::kTr: return tr;
    default: return none;
  }
}

}  // namespace tamga::detail
