#include "detail/morphology.h"

#include <algorithm>
#include <array>
#include <string>

#include "detail/utf8.h"

namespace tamga::detail {
namespace {

// ---------------------------------------------------------------------------------------------------
// Turkic morphotactics. Suffix templates are written with archiphonemes, realized from the preceding
// letters: A = low vowel (a/e), I = high vowel (ı/i/u/ü), D = d/t, C = c/ç; "(y)", "(n)", "(s)" are
// buffer consonants present only after a vowel, "(I)" a vowel present only after a consonant.
// ---------------------------------------------------------------------------------------------------

enum State : unsigned char {
  kNounStart, kNounPlural, kNounPossessed, kNounCase, kNounCaseKi, kNounKi, kNounCopula, kEnd,
  kVerbStart, kVerbVoice, kVerbNegative, kVerbTense, kVerbPast, kVerbTense2, kStateCount
};

struct Arc {
  State from;
  const char* suffix;  // template, UTF-8
  State to;
  bool negative;
};

struct Phonology {
  std::u32string back_unrounded, back_rounded, front_unrounded, front_rounded;
  std::u32string voiceless;
  char32_t a_back, a_front;
  std::array<char32_t, 4> high;  // back-unrounded, back-rounded, front-unrounded, front-rounded
  char32_t d_voiced, d_voiceless, c_voiced, c_voiceless;
  // Final consonants that soften before a vowel (kitap → kitabı): pairs of (hard, soft).
  std::u32string hard, soft;
};

struct Grammar {
  Phonology ph;
  std::vector<Arc> arcs;
  std::array<std::vector<std::pair<std::u32string, const Arc*>>, kStateCount> by_state;
};

// Arcs shared by the Oghuz languages (Turkish, Azerbaijani, Turkmen) differ only in letters; Turkish is
// written out here.
std::vector<Arc> turkish_arcs() {
  std::vector<Arc> a;
  auto add = [&](std::initializer_list<State> from, std::initializer_list<const char*> suffixes, State to,
                 bool negative = false) {
    for (State f : from)
      for (const char* s : suffixes) a.push_back({f, s, to, negative});
  };
  // Nouns (and adjectives, participles, verbal nouns).
  add({kNounStart}, {"lAr"}, kNounPlural);
  add({kNounStart, kNounPlural}, {"(I)m", "(I)n", "(s)I", "(I)mIz", "(I)nIz"}, kNounPossessed);
  add({kNounStart}, {"lArI"}, kNounPossessed);
  add({kNounStart, kNounPlural}, {"(y)I", "(y)A", "DAn", "(y)lA", "CA"}, kNounCase);
  add({kNounStart, kNounPlural}, {"DA", "(n)In"}, kNounCaseKi);
  add({kNounPossessed}, {"(n)I", "(n)A", "(n)DAn", "(y)lA", "(n)CA"}, kNounCase);
  add({kNounPossessed}, {"(n)DA", "(n)In"}, kNounCaseKi);
  add({kNounCaseKi}, {"ki"}, kNounKi);
  add({kNounKi}, {"lAr"}, kNounPlural);
  add({kNounKi}, {"(n)I", "(n)A", "(n)DA", "(n)DAn", "(n)In", "(y)lA"}, kNounCase);
  add({kNounStart, kNounPlural, kNounPossessed, kNounCase, kNounCaseKi},
      {"(y)Im", "sIn", "(y)Iz", "sInIz", "DIr", "DIrlAr", "(y)DI", "(y)mIş", "(y)sA", "(y)ken"}, kNounCopula);
  add({kNounCopula}, {"m", "n", "k", "nIz", "lAr", "Im", "sIn", "Iz", "sInIz", "DIr"}, kEnd);
  // Verbs: voice, negation, tense/aspect/mood, person; then the nominal forms, which inflect as nouns.
  add({kVerbStart}, {"(I)l", "(I)n"}, kVerbVoice);
  add({kVerbStart, kVerbVoice}, {"(y)Abil"}, kVerbVoice);
  add({kVerbStart, kVerbVoice, kVerbNegative}, {"mAk", "mA", "(y)An", "DIk", "(y)AcAk", "(y)Iş", "mAzlIk"}, kNounStart);
  add({kVerbStart, kVerbVoice, kVerbNegative}, {"(y)Ip", "(y)ArAk", "(y)IncA", "mAdAn", "(y)ken", "(y)All"}, kEnd);
  add({kVerbStart, kVerbVoice, kVerbNegative}, {"DI", "(y)sA"}, kVerbPast);
  add({kVerbStart, kVerbVoice, kVerbNegative}, {"mIş", "(y)AcAk", "mAlI", "(y)A"}, kVerbTense);
  add({kVerbStart, kVerbVoice}, {"Iyor", "(I)r", "Ar"}, kVerbTense);
  add({kVerbStart, kVerbVoice, kVerbNegative}, {"(y)In", "(y)InIz", "sIn", "sInlAr"}, kEnd);
  add({kVerbStart, kVerbVoice}, {"mA", "(y)AmA"}, kVerbNegative, true);
  add({kVerbStart, kVerbVoice}, {"mIyor", "mAz", "(y)AmIyor", "(y)AmAz"}, kVerbTense, true);
  add({kVerbNegative}, {"z"}, kVerbTense);
  add({kVerbTense}, {"(y)Im", "sIn", "(y)Iz", "sInIz", "lAr", "DIr", "DIrlAr"}, kEnd);
  add({kVerbTense}, {"(y)DI", "(y)sA"}, kVerbPast);
  add({kVerbTense}, {"lArDI", "lArmIş", "lArsA"}, kEnd);
  add({kVerbTense}, {"(y)mIş"}, kVerbTense2);
  add({kVerbPast}, {"m", "n", "k", "nIz", "lAr"}, kEnd);
  add({kVerbTense2}, {"(y)Im", "sIn", "(y)Iz", "sInIz", "lAr"}, kEnd);
  return a;
}

Grammar make_grammar(Phonology ph, std::vector<Arc> arcs) {
  Grammar g{std::move(ph), std::move(arcs), {}};
  for (const Arc& arc : g.arcs) g.by_state[arc.from].emplace_back(to_u32(arc.suffix), &arc);
  return g;
}

const Grammar& turkish() {
  static const Grammar g = make_grammar(
      Phonology{U"aı", U"ou", U"ei", U"öü", U"fstkçşhp", U'a', U'e', {U'ı', U'u', U'i', U'ü'}, U'd', U't', U'c', U'ç',
                U"pçtk", U"bcdğ"},
      turkish_arcs());
  return g;
}

const Grammar* grammar_for(Lang lang) {
  switch (lang) {
    case Lang::kTr: return &turkish();
    default: return nullptr;
  }
}

struct Context {
  char32_t last_vowel = 0;
  char32_t last = 0;
};

bool contains(const std::u32string& set, char32_t c) { return set.find(c) != std::u32string::npos; }

bool is_vowel(const Phonology& ph, char32_t c) {
  return contains(ph.back_unrounded, c) || contains(ph.back_rounded, c) || contains(ph.front_unrounded, c) ||
         contains(ph.front_rounded, c);
}

Context context_of(const Phonology& ph, std::u32string_view s) {
  Context ctx;
  if (!s.empty()) ctx.last = s.back();
  for (size_t i = s.size(); i-- > 0;) {
    if (is_vowel(ph, s[i])) { ctx.last_vowel = s[i]; break; }
  }
  return ctx;
}

bool is_back(const Phonology& ph, char32_t v) { return contains(ph.back_unrounded, v) || contains(ph.back_rounded, v); }
bool is_rounded(const Phonology& ph, char32_t v) { return contains(ph.back_rounded, v) || contains(ph.front_rounded, v); }

// Realizes `templ` after `ctx` into `out` (all candidates). With `lenient`, the first harmonizing vowel
// may also take the front variant (loanwords ending in l, t, k break backness harmony: saat-i, hal-i,
// kontrol-ü, idrak-i) and the first D/C either value (abbreviations, foreign names).
void realize(const Phonology& ph, std::u32string_view templ, Context ctx, bool lenient, std::u32string& prefix,
             std::vector<std::u32string>& out) {
  if (templ.empty()) {
    out.push_back(prefix);
    return;
  }
  auto emit = [&](char32_t c, std::u32string_view rest, bool still_lenient) {
    prefix.push_back(c);
    Context next{is_vowel(ph, c) ? c : ctx.last_vowel, c};
    realize(ph, rest, next, still_lenient, prefix, out);
    prefix.pop_back();
  };
  char32_t t = templ[0];
  if (t == U'(' && templ.size() >= 3 && templ[2] == U')') {
    char32_t buffer = templ[1];
    std::u32string_view rest = templ.substr(3);
    bool after_vowel = ctx.last != 0 && is_vowel(ph, ctx.last);
    if (buffer == U'I') {
      if (after_vowel) realize(ph, rest, ctx, lenient, prefix, out);
      else realize(ph, std::u32string(U"I") + std::u32string(rest), ctx, lenient, prefix, out);
    } else {
      if (after_vowel) emit(buffer, rest, lenient);
      else realize(ph, rest, ctx, lenient, prefix, out);
    }
    return;
  }
  std::u32string_view rest = templ.substr(1);
  bool back = ctx.last_vowel == 0 || is_back(ph, ctx.last_vowel);
  bool round = ctx.last_vowel != 0 && is_rounded(ph, ctx.last_vowel);
  bool voiceless = contains(ph.voiceless, ctx.last);
  switch (t) {
    case U'A':
      emit(back ? ph.a_back : ph.a_front, rest, false);
      if (lenient && back) emit(ph.a_front, rest, false);
      return;
    case U'I':
      emit(ph.high[(back ? 0 : 2) + (round ? 1 : 0)], rest, false);
      if (lenient && back) emit(ph.high[2 + (round ? 1 : 0)], rest, false);
      return;
    case U'D':
      if (lenient) { emit(ph.d_voiced, rest, true); emit(ph.d_voiceless, rest, true); }
      else emit(voiceless ? ph.d_voiceless : ph.d_voiced, rest, lenient);
      return;
    case U'C':
      if (lenient) { emit(ph.c_voiced, rest, true); emit(ph.c_voiceless, rest, true); }
      else emit(voiceless ? ph.c_voiceless : ph.c_voiced, rest, lenient);
      return;
    default:
      emit(t, rest, lenient);
  }
}

bool walk(const Grammar& g, State state, std::u32string_view rest, Context ctx, int depth, bool first, bool& negative) {
  if (rest.empty()) return true;
  if (depth >= 8) return false;
  std::vector<std::u32string> candidates;
  std::u32string prefix;
  const bool at_stem = depth == 0;
  for (const auto& [templ, arc] : g.by_state[state]) {
    // A bare aorist -r right after a vowel-final stem mostly makes other words (beka → bekar): skip it.
    if (at_stem && templ == U"(I)r" && ctx.last != 0 && is_vowel(g.ph, ctx.last)) continue;
    candidates.clear();
    realize(g.ph, templ, ctx, first, prefix, candidates);
    for (const std::u32string& r : candidates) {
      if (r.empty() || r.size() > rest.size()) continue;
      bool direct = rest.substr(0, r.size()) == r;
      // A suffix-final k softens before a vowel: -AcAk + Im → -acağım.
      bool softened = false;
      if (!direct && rest.size() > r.size()) {
        size_t hard = g.ph.hard.find(r.back());
        if (hard != std::u32string::npos && rest.substr(0, r.size() - 1) == std::u32string_view(r).substr(0, r.size() - 1) &&
            rest[r.size() - 1] == g.ph.soft[hard] && is_vowel(g.ph, rest[r.size()]))
          softened = true;
      }
      if (!direct && !softened) continue;
      std::u32string_view consumed = rest.substr(0, r.size());
      Context next = context_of(g.ph, consumed);
      if (next.last_vowel == 0) next.last_vowel = ctx.last_vowel;
      bool neg = false;
      if (walk(g, arc->to, rest.substr(r.size()), next, depth + 1, false, neg)) {
        negative = neg || arc->negative;
        return true;
      }
    }
  }
  return false;
}

// --- English -----------------------------------------------------------------------------------------

bool english_ending(std::string_view key, StemCondition condition, std::string_view rest) {
  auto one_of = [&](std::initializer_list<std::string_view> set) {
    for (auto s : set)
      if (rest == s) return true;
    return false;
  };
  switch (condition) {
    case StemCondition::kEnIes: return one_of({"es", "ed", "es'", "er", "est"});
    case StemCondition::kEnDropE: return one_of({"ing"});
    case StemCondition::kEnDoubled: return one_of({"ed", "ing"});
    default: break;
  }
  if (one_of({"s", "'s", "s'", "'", "ing"})) return true;
  char last = key.empty() ? 0 : key.back();
  if (rest == "d" || rest == "d's") return last == 'e';
  if (rest == "ed") return last != 'e';
  if (rest == "es" || rest == "es'") return last == 's' || last == 'x' || last == 'z' || last == 'h' || last == 'o';
  return false;
}

bool is_english_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

}  // namespace

bool has_inflection_rules(Lang lang) { return lang == Lang::kEn || grammar_for(lang) != nullptr; }

void stem_variants(Lang lang, std::string_view stem, std::vector<StemVariant>& out) {
  out.push_back({std::string(stem), StemCondition::kNone});
  if (lang == Lang::kEn) {
    size_t n = stem.size();
    if (n >= 3 && stem[n - 1] == 'y' && !is_english_vowel(stem[n - 2]))
      out.push_back({std::string(stem.substr(0, n - 1)) + "i", StemCondition::kEnIes});
    if (n >= 4 && stem[n - 1] == 'e' && stem[n - 2] != 'e')
      out.push_back({std::string(stem.substr(0, n - 1)), StemCondition::kEnDropE});
    if (n >= 3 && !is_english_vowel(stem[n - 1]) && is_english_vowel(stem[n - 2]) && !is_english_vowel(stem[n - 3]) &&
        std::string_view("wxy").find(stem[n - 1]) == std::string_view::npos)
      out.push_back({std::string(stem) + stem[n - 1], StemCondition::kEnDoubled});
    return;
  }
  const Grammar* g = grammar_for(lang);
  if (!g) return;
  const Phonology& ph = g->ph;
  std::u32string s = to_u32(stem);
  if (s.size() < 2) return;
  size_t vowels = 0;
  for (char32_t c : s) vowels += is_vowel(ph, c);
  auto add = [&](const std::u32string& v, StemCondition c) {
    std::string key = to_utf8(v);
    for (const auto& existing : out)
      if (existing.key == key && existing.condition == c) return;
    out.push_back({std::move(key), c});
  };
  auto soften = [&](std::u32string v) {
    size_t hard = ph.hard.find(v.back());
    if (hard == std::u32string::npos) return v;
    // After n, k becomes g (renk → rengi), elsewhere the language's soft letter (ğ).
    if (v.back() == U'k' && v.size() >= 2 && v[v.size() - 2] == U'n') v.back() = U'g';
    else v.back() = ph.soft[hard];
    return v;
  };
  char32_t last = s.back();
  if (!is_vowel(ph, last)) {
    if (ph.hard.find(last) != std::u32string::npos) add(soften(s), StemCondition::kNextVowel);
    // Vowel loss in the last syllable before a vowel: şehir → şehri, akıl → aklı, kayıp → kaybı.
    if (vowels >= 2 && s.size() >= 4) {
      char32_t v = s[s.size() - 2];
      bool high = v == ph.high[0] || v == ph.high[1] || v == ph.high[2] || v == ph.high[3];
      if (high && !is_vowel(ph, s[s.size() - 3])) {
        std::u32string dropped = s.substr(0, s.size() - 2) + s.back();
        add(dropped, StemCondition::kDroppedVowel);
        add(soften(dropped), StemCondition::kDroppedVowel);
      }
    }
    // Gemination in one-syllable loanwords: hak → hakkı, zan → zannı, ret → reddi.
    if (vowels == 1) {
      add(s + last, StemCondition::kNextVowel);
      add(soften(s) + soften(s).back(), StemCondition::kNextVowel);
    }
  } else if (last == ph.a_back || last == ph.a_front) {
    // karala → karalıyor, bekle → bekliyor, söyle → söylüyor, de → diyor.
    char32_t before = 0;
    for (size_t i = s.size() - 1; i-- > 0;) {
      if (is_vowel(ph, s[i])) { before = s[i]; break; }
    }
    std::u32string narrowed = s.substr(0, s.size() - 1);
    if (before == 0) narrowed += last == ph.a_back ? ph.high[0] : ph.high[2];
    else narrowed += ph.high[(is_back(ph, before) ? 0 : 2) + (is_rounded(ph, before) ? 1 : 0)];
    add(narrowed, StemCondition::kNextYor);
  }
}

void compound_head_variants(Lang lang, std::string_view word, std::vector<StemVariant>& out) {
  const Grammar* g = grammar_for(lang);
  if (!g) return;
  const Phonology& ph = g->ph;
  std::u32string s = to_u32(word);
  if (s.size() < 4) return;
  auto is_high = [&](char32_t c) { return std::find(ph.high.begin(), ph.high.end(), c) != ph.high.end(); };
  if (!is_high(s.back())) return;
  std::u32string head = s.substr(0, s.size() - 1);
  if (head.back() == U's' && head.size() >= 3 && is_vowel(ph, head[head.size() - 2])) head.pop_back();  // lobi-si
  else if (is_vowel(ph, head.back())) return;
  out.push_back({to_utf8(head), StemCondition::kCompoundHead});
  // kitab-ı → kitap-ları: the head hardens again before a consonant.
  size_t soft = ph.soft.find(head.back());
  if (soft != std::u32string::npos) {
    head.back() = ph.hard[soft];
    out.push_back({to_utf8(head), StemCondition::kCompoundHead});
  }
}

InflectionParse parse_inflection(Lang lang, std::string_view key, StemCondition condition, std::string_view rest) {
  InflectionParse r;
  if (rest.empty()) {
    r.ok = condition == StemCondition::kNone;
    return r;
  }
  // Any suffix after an apostrophe: Türkiye'nin, Ankara'da, Obama's.
  if (rest.front() == '\'' && condition == StemCondition::kNone && rest.size() > 1) {
    r.ok = lang != Lang::kEn || rest == "'s" || rest == "'";
    if (lang != Lang::kEn) return r;
  }
  if (lang == Lang::kEn) {
    r.ok = english_ending(key, condition, rest);
    return r;
  }
  const Grammar* g = grammar_for(lang);
  if (!g) return r;
  std::u32string stem = to_u32(key), ending = to_u32(rest);
  Context ctx = context_of(g->ph, stem);
  if ((condition == StemCondition::kNextVowel || condition == StemCondition::kDroppedVowel) &&
      !is_vowel(g->ph, ending.front()))
    return r;
  if (condition == StemCondition::kDroppedVowel) {
    // The lost vowel was one of the high vowels; harmony follows it.
    for (char32_t v : g->ph.high) {
      Context dropped{v, ctx.last};
      bool neg = false;
      if (walk(*g, kNounStart, ending, dropped, 0, false, neg) || walk(*g, kVerbStart, ending, dropped, 0, false, neg)) {
        r.ok = true;
        r.negative = neg;
        return r;
      }
    }
    return r;
  }
  if (condition == StemCondition::kCompoundHead) {
    // The compound keeps a 3rd-person possessive: -(s)I or -lArI, then case and copula endings.
    std::vector<std::u32string> heads;
    std::u32string prefix;
    for (const char* p : {"(s)I", "lArI"}) realize(g->ph, to_u32(p), ctx, false, prefix, heads);
    for (const auto& h : heads) {
      if (ending.compare(0, h.size(), h) != 0) continue;
      Context next = context_of(g->ph, h);
      bool neg = false;
      if (walk(*g, kNounPossessed, std::u32string_view(ending).substr(h.size()), next, 1, false, neg)) {
        r.ok = true;
        return r;
      }
    }
    return r;
  }
  if (condition == StemCondition::kNextYor) {
    if (ending.substr(0, 3) != U"yor") return r;
    ending = ending.substr(3);
    r.ok = walk(*g, kVerbTense, ending, Context{U'o', U'r'}, 1, false, r.negative);
    return r;
  }
  // Backness exceptions only occur after a final l, t or k (saat-i, hal-i, kontrol-ü).
  bool lenient = ctx.last == U'l' || ctx.last == U't' || ctx.last == U'k';
  bool neg = false;
  if (walk(*g, kNounStart, ending, ctx, 0, lenient, neg)) {
    r.ok = true;
    r.negative = neg;
    return r;
  }
  neg = false;
  if (walk(*g, kVerbStart, ending, ctx, 0, lenient, neg)) {
    r.ok = true;
    r.negative = neg;
  }
  return r;
}

InflectionParse inflected_match(Lang lang, const std::vector<StemVariant>& variants, std::string_view token) {
  for (const StemVariant& v : variants) {
    if (token.size() < v.key.size() || token.compare(0, v.key.size(), v.key) != 0) continue;
    InflectionParse p = parse_inflection(lang, v.key, v.condition, token.substr(v.key.size()));
    if (p.ok) return p;
  }
  return {};
}

}  // namespace tamga::detail
