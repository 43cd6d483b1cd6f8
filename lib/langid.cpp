#include "tamga/langid.h"

#include <cld2/public/compact_lang_det.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <array>
#include <optional>

#include "detail/utf8.h"

namespace tamga {

namespace {

struct LetterCounts {
  size_t latin = 0, cyrillic = 0, other = 0;
  // Letters that single out a language (lowercase and uppercase counted together).
  size_t schwa = 0;           // ə: Azerbaijani
  size_t turkmen = 0;         // ý ň ž: Turkmen
  size_t a_umlaut = 0;        // ä: Turkmen, Kazakh Latin
  size_t kazakh_cyr = 0;      // ұ і: Kazakh only
  size_t schwa_cyr = 0;       // ә: Kazakh, Turkmen and Azerbaijani Cyrillic
  size_t kyrgyz_kazakh = 0;   // ң ө ү: Kyrgyz, Kazakh, Turkmen
  size_t kazakh_uzbek = 0;    // ғ қ: Kazakh and Uzbek (ғ also Azerbaijani) Cyrillic
  size_t uzbek_cyr = 0;       // ў ҳ: Uzbek Cyrillic only
  size_t azerbaijani_cyr = 0; // ҹ ҝ ј: Azerbaijani Cyrillic
  size_t turkmen_cyr = 0;     // җ: Turkmen Cyrillic
  size_t uzbek_lat = 0;       // oʻ gʻ (any apostrophe after o/g), q, x common
  size_t turkish = 0;         // ğ ı ş (also Azerbaijani)
  size_t kazakh_latin = 0;    // ñ ū
  size_t q = 0;               // q: Kazakh, Uzbek and Azerbaijani Latin, never Turkish or Turkmen
  size_t w = 0;               // w: Turkmen (and English), never Turkish, Azerbaijani or Kazakh
  size_t turkic_latin = 0;    // ä ö ü ş ç: some Turkic language written in Latin
};

LetterCounts count_letters(std::string_view text) {
  LetterCounts c;
  char32_t previous = 0;
  size_t limit = std::min<size_t>(text.size(), 1 << 16);
  for (size_t i = 0; i < limit;) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      // ASCII: no ICU property lookups.
      char a = text[i++];
      char lower = (a >= 'A' && a <= 'Z') ? static_cast<char>(a - 'A' + 'a') : a;
      if (lower >= 'a' && lower <= 'z') ++c.latin;
      if (lower == 'q') ++c.q;
      else if (lower == 'w') ++c.w;
      else if (a == '\'' && (previous == U'o' || previous == U'g')) ++c.uzbek_lat;
      previous = static_cast<char32_t>(lower);
      continue;
    }
    char32_t ch = detail::next_code_point(text, i);
    char32_t lower = static_cast<char32_t>(u_tolower(static_cast<UChar32>(ch)));
    if (ch >= 0xC0 && ch <= 0x24F && ch != 0xD7 && ch != 0xF7) {
      ++c.latin;  // Latin-1 and Latin Extended-A/B letters, without ICU lookups
    } else if ((ch >= 0x400 && ch <= 0x481) || (ch >= 0x48A && ch <= 0x52F)) {
      ++c.cyrillic;
    } else if (u_isalpha(static_cast<UChar32>(ch))) {
      UErrorCode err = U_ZERO_ERROR;
      UScriptCode sc = uscript_getScript(static_cast<UChar32>(ch), &err);
      if (sc == USCRIPT_LATIN) ++c.latin;
      else if (sc == USCRIPT_CYRILLIC) ++c.cyrillic;
      else if (sc != USCRIPT_COMMON && sc != USCRIPT_INHERITED) ++c.other;
    }
    switch (lower) {
      case U'ə': ++c.schwa; break;
      case U'ý': case U'ň': case U'ž': ++c.turkmen; break;
      case U'ä': ++c.a_umlaut; ++c.turkic_latin; break;
      case U'ö': case U'ü': case U'ç': ++c.turkic_latin; break;
      case U'ұ': case U'і': ++c.kazakh_cyr; break;
      case U'ә': ++c.schwa_cyr; break;
      case U'ҹ': case U'ҝ': case U'ј': ++c.azerbaijani_cyr; break;
      case U'җ': ++c.turkmen_cyr; break;
      case U'ғ': case U'қ': ++c.kazakh_uzbek; break;
      case U'ң': case U'ө': case U'ү': ++c.kyrgyz_kazakh; break;
      case U'ў': case U'ҳ': ++c.uzbek_cyr; break;
      case U'ğ': case U'ı': case U'ş': ++c.turkish; ++c.turkic_latin; break;
      case U'ñ': case U'ū': ++c.kazakh_latin; break;
      case U'q': ++c.q; break;
      case U'w': ++c.w; break;
      default:
        if ((previous == U'o' || previous == U'g') && detail::is_apostrophe(ch) && ch != U'\'') ++c.uzbek_lat;
        else if ((previous == U'o' || previous == U'g') && ch == U'\'') ++c.uzbek_lat;
    }
    previous = lower;
  }
  return c;
}

// Distinctive letters decide where CLD2 is weak: short texts, Turkmen, Kazakh Latin, and the
// Turkish/Azerbaijani/Turkmen ties.
Lang letter_rule(const LetterCounts& c, Script script, size_t letters) {
  auto per_letter = [&](size_t n) { return static_cast<double>(n) / static_cast<double>(letters); };
  Lang rule = Lang::kUnknown;
  if (script == Script::kCyrillic) {
    if (c.azerbaijani_cyr > 0) rule = Lang::kAz;
    else if (c.uzbek_cyr > 0 && c.kazakh_cyr == 0 && c.schwa_cyr == 0) rule = Lang::kUz;
    else if (c.kazakh_cyr > 0) rule = Lang::kKk;
    else if (c.turkmen_cyr > 0) rule = Lang::kTk;
    else if (c.schwa_cyr > 0) rule = c.kazakh_uzbek > 0 ? Lang::kKk : Lang::kTk;
    else if (c.kyrgyz_kazakh > 0) rule = c.kazakh_uzbek > 0 ? Lang::kKk : Lang::kKy;
  } else if (script == Script::kLatin) {
    if (per_letter(c.schwa) > 0.002) rule = Lang::kAz;
    else if (c.turkmen > 0 && per_letter(c.turkmen + c.a_umlaut) > 0.004) rule = Lang::kTk;
    else if (c.kazakh_latin > 0 || (c.a_umlaut > 0 && c.turkish > 0) || (c.q > 0 && c.turkish > 0)) rule = Lang::kKk;
    else if (c.w > 0 && c.turkic_latin > 0 && c.q == 0) rule = Lang::kTk;
    else if (c.uzbek_lat > 0 && c.turkish == 0) rule = Lang::kUz;
    else if (c.turkish > 0 && per_letter(c.turkish) > 0.003) rule = Lang::kTr;
  }
  return rule;
}

Lang from_cld2(CLD2::Language l) {
  switch (l) {
    case CLD2::ENGLISH: return Lang::kEn;
    case CLD2::TURKISH: return Lang::kTr;
    case CLD2::AZERBAIJANI: return Lang::kAz;
    case CLD2::KAZAKH: return Lang::kKk;
    case CLD2::KYRGYZ: return Lang::kKy;
    case CLD2::UZBEK: return Lang::kUz;
    case CLD2::TURKMEN: return Lang::kTk;
    default: return Lang::kUnknown;
  }
}

}  // namespace

Script detect_script(std::string_view text) {
  LetterCounts c = count_letters(text);
  if (c.latin == 0 && c.cyrillic == 0 && c.other == 0) return Script::kUnknown;
  if (c.latin >= c.cyrillic && c.latin >= c.other) return Script::kLatin;
  if (c.cyrillic >= c.other) return Script::kCyrillic;
  return Script::kOther;
}

LanguageGuess identify_language(std::string_view text) {
  LanguageGuess g;
  LetterCounts c = count_letters(text);
  size_t letters = c.latin + c.cyrillic + c.other;
  if (letters == 0) return g;
  g.script = c.latin >= c.cyrillic && c.latin >= c.other ? Script::kLatin
             : c.cyrillic >= c.other                     ? Script::kCyrillic
                                                         : Script::kOther;
  // Letters alone decide when the text is dense with letters no other language here (nor English)
  // uses: CLD2 could only confirm the answer or be overruled by the letters, so it is not asked.
  // Latin needs 5%: English quoting a few Turkic names (Şuşa, Bakı, Ağdam) reaches 2-3%, while Turkish,
  // Azerbaijani, Turkmen and Kazakh Latin prose has 8-15%. A Cyrillic text's rule wins over CLD2 anyway.
  size_t distinctive = g.script == Script::kCyrillic
                           ? c.kazakh_cyr + c.schwa_cyr + c.kyrgyz_kazakh + c.kazakh_uzbek + c.uzbek_cyr +
                                 c.azerbaijani_cyr + c.turkmen_cyr
                           : c.schwa + c.turkmen + c.turkic_latin + c.kazakh_latin + c.uzbek_lat;
  bool letters_decide = static_cast<double>(distinctive) >=
                        (g.script == Script::kCyrillic ? 0.01 : 0.05) * static_cast<double>(letters);
  Lang rule = letter_rule(c, g.script, letters);
  if (letters_decide && rule != Lang::kUnknown) {
    g.lang = rule;
    g.confidence = 0.95;
    return g;
  }
  CLD2::Language top3[3];
  int percent3[3];
  int text_bytes = 0;
  bool reliable = false;
  std::string_view sample = text.substr(0, 1 << 16);
  // Cut at a code point boundary.
  size_t cut = sample.size();
  while (cut > 0 && cut < text.size() && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  sample = sample.substr(0, cut);
  CLD2::Language l = CLD2::ExtDetectLanguageSummary(sample.data(), static_cast<int>(sample.size()), true, top3,
                                                    percent3, &text_bytes, &reliable);
  Lang cld = from_cld2(l);
  double cld_conf = reliable ? std::min(1.0, percent3[0] / 100.0) : 0.4 * percent3[0] / 100.0;

  if (cld != Lang::kUnknown && reliable) {
    // A reliable CLD2 answer stands, except between Turkic languages, where the letters decide.
    bool tie_break = rule != Lang::kUnknown && rule != cld && is_turkic(rule) && is_turkic(cld);
    g.lang = tie_break ? rule : cld;
    g.confidence = rule == cld ? std::max(cld_conf, 0.95) : tie_break ? 0.8 : cld_conf;
  } else if (rule != Lang::kUnknown) {
    g.lang = rule;
    g.confidence = rule == cld ? 0.9 : 0.7;
  } else if (cld != Lang::kUnknown) {
    g.lang = cld;
    g.confidence = cld_conf;
  } else if (g.script == Script::kLatin && letters >= 3) {
    // Plain ASCII Latin with no Turkic letters and nothing CLD2 recognized: most likely English.
    g.lang = Lang::kEn;
    g.confidence = 0.3;
  }
  return g;
}

std::vector<ParagraphGuess> identify_paragraphs(std::string_view text, bool merge, const LanguageGuess* known_whole) {
  std::vector<ParagraphGuess> out;
  // Split after each blank line (a line with only spaces counts as blank).
  size_t start = 0, i = 0;
  while (i < text.size()) {
    size_t nl = text.find('\n', i);
    if (nl == std::string_view::npos) break;
    size_t j = nl + 1;
    while (j < text.size() && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r')) ++j;
    if (j < text.size() && text[j] == '\n') {
      while (j < text.size() && (text[j] == '\n' || text[j] == ' ' || text[j] == '\t' || text[j] == '\r')) ++j;
      out.push_back({static_cast<unsigned>(start), static_cast<unsigned>(j), {}});
      start = j;
    }
    i = j;
  }
  if (start < text.size() || out.empty()) out.push_back({static_cast<unsigned>(start), static_cast<unsigned>(text.size()), {}});
  // Below this many letters a paragraph is too short to tell on its own.
  constexpr size_t kMinLetters = 40;
  // The whole text's guess is needed only for paragraphs too short to tell (CLD2 is the costly part);
  // a text of one paragraph is its own whole.
  std::optional<LanguageGuess> whole;
  if (known_whole) whole = *known_whole;
  auto whole_guess = [&]() -> const LanguageGuess& {
    if (!whole) whole = identify_language(text);
    return *whole;
  };
  for (auto& p : out) {
    std::string_view para = text.substr(p.start, p.end - p.start);
    size_t letters = 0;
    for (size_t k = 0; k < para.size() && letters < kMinLetters;) {
      char32_t c = detail::next_code_point(para, k);
      letters += u_isalpha(static_cast<UChar32>(c)) != 0;
    }
    if (letters >= kMinLetters) {
      p.guess = identify_language(para);
      if (out.size() == 1) whole = p.guess;
    }
    if (p.guess.lang == Lang::kUnknown) {
      p.guess = whole_guess();
      p.guess.confidence = 0;  // inherited, filled in below from the neighbours when possible
    }
  }
  // Short paragraphs take their previous neighbour's language (a headline its article's).
  for (size_t k = 0; k < out.size(); ++k) {
    if (out[k].guess.confidence > 0) continue;
    for (size_t n = k + 1; n < out.size(); ++n)
      if (out[n].guess.confidence > 0) { out[k].guess = out[n].guess; break; }
    if (out[k].guess.confidence == 0 && k > 0) out[k].guess = out[k - 1].guess;
  }
  if (!merge) return out;
  std::vector<ParagraphGuess> merged;
  for (const auto& p : out) {
    if (!merged.empty() && merged.back().guess.lang == p.guess.lang && merged.back().guess.script == p.guess.script) {
      merged.back().end = p.end;
      merged.back().guess.confidence = std::max(merged.back().guess.confidence, p.guess.confidence);
    } else {
      merged.push_back(p);
    }
  }
  return merged;
}

}  // namespace tamga
