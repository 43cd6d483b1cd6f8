#include "tamga/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>

#include "detail/scripts.h"
#include "detail/utf8.h"

namespace tamga {

using detail::append_utf8;
using detail::is_apostrophe;
using detail::next_code_point;

struct Normalizer::Impl {
  const icu::Normalizer2* nfc = nullptr;
  std::u32string cps;       // reused buffer
  icu::UnicodeString utf16; // reused for the rare tokens that need NFC
  icu::UnicodeString composed;
  std::string folded;
  Lang rules_lang = Lang::kUnknown;  // the language lang_has_rules was looked up for
  bool lang_has_rules = detail::has_script_rules(Lang::kUnknown);
  // Tokens come in runs of one language: whether it has script rules is looked up once per run.
  bool has_rules(Lang lang) {
    if (lang != rules_lang) {
      rules_lang = lang;
      lang_has_rules = detail::has_script_rules(lang);
    }
    return lang_has_rules;
  }
};

Normalizer::Normalizer() : impl_(new Impl) {
  UErrorCode err = U_ZERO_ERROR;
  impl_->nfc = icu::Normalizer2::getNFCInstance(err);  // ICU data is linked in; this cannot fail in practice
}
Normalizer::~Normalizer() { delete impl_; }

namespace {

// Invisible characters that should not split or change a word: soft hyphen, zero-width space/joiners,
// word joiner, byte-order mark, and bidirectional marks, embeddings, overrides and isolates (otherwise a
// word wrapped in them would escape its entry).
bool is_ignorable(char32_t c) {
  return c == 0x00AD || (c >= 0x200B && c <= 0x200F) || (c >= 0x2060 && c <= 0x2064) || c == 0xFEFF || c == 0x061C ||
         (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

char32_t fold_code_point(char32_t c, bool turkic) {
  if (turkic) return static_cast<char32_t>(u_foldCase(static_cast<UChar32>(c), U_FOLD_CASE_EXCLUDE_SPECIAL_I));
  if (c == 0x0130) return U'i';  // İ outside Turkish/Azerbaijani: plain i, no stray combining dot
  return static_cast<char32_t>(u_foldCase(static_cast<UChar32>(c), U_FOLD_CASE_DEFAULT));
}

// Case folding of the Latin and Cyrillic blocks (below U+0530) as flat tables, one per folding mode, so
// the common letters need no ICU call. A letter that needs more than a table lookup (combining marks,
// ignorables, the combining dot of i̇) is marked, and its token takes the general path.
struct FoldTables {
  static constexpr char32_t kSize = 0x530;
  enum Kind : unsigned char { kPlain, kLatin, kCyrillic, kApostrophe, kSpecial };
  // Each fold, per mode (default, Turkic, Turkish, which also drops circumflexes), as UTF-8 ready to
  // store (length in utf8_length): one or two bytes, three for the two letters that fold out of the
  // block (Ⱥ Ⱦ to ⱥ ⱦ), never more than twice their own two bytes.
  std::array<std::array<char[3], kSize>, 3> utf8;
  std::array<std::array<unsigned char, kSize>, 3> utf8_length;
  std::array<Kind, kSize> kind;

  explicit FoldTables(const icu::Normalizer2* nfc) {
    for (char32_t c = 0; c < kSize; ++c) {
      std::array<char32_t, 3> folded;
      folded[0] = fold_code_point(c, false);
      folded[1] = fold_code_point(c, true);
      char32_t t = folded[1];
      folded[2] = t == U'â' ? U'a' : t == U'î' ? U'i' : t == U'û' ? U'u' : t;
      for (size_t mode = 0; mode < 3; ++mode) {
        char bytes[4] = {};
        utf8_length[mode][c] = static_cast<unsigned char>(detail::encode_utf8(folded[mode], bytes));
        for (size_t k = 0; k < 3; ++k) utf8[mode][c][k] = bytes[k];
      }
      // Latin and Cyrillic as detail::map_look_alikes counts them: a token with both takes the general path.
      detail::LetterScript script = detail::letter_script(c);
      bool special = is_ignorable(c) || c == 0x0307 ||
                     (c >= 0x300 && nfc && !nfc->hasBoundaryBefore(static_cast<UChar32>(c)));
      kind[c] = special                                   ? kSpecial
                : is_apostrophe(c)                        ? kApostrophe
                : script == detail::LetterScript::kLatin    ? kLatin
                : script == detail::LetterScript::kCyrillic ? kCyrillic
                                                            : kPlain;
    }
  }
};

const FoldTables& fold_tables(const icu::Normalizer2* nfc) {
  static const FoldTables tables(nfc);
  return tables;
}

}  // namespace

bool Normalizer::fold_token(std::string_view token, Lang lang, std::string& out) {
  if (!impl_->has_rules(lang)) return fold_case(token, lang, out);
  auto& folded = impl_->folded;
  folded.clear();
  bool mixed = fold_case(token, lang, folded);
  detail::apply_script_rules(lang, folded, out);
  return mixed;
}

namespace {

// The fast paths of case folding: ASCII by table, then Latin and Cyrillic tokens in one script (below
// U+0530, apostrophes unified) by table. Writes at most twice the token to `base` (I to ı; a folded
// letter below U+0530 is at most two bytes, or three from two); returns the byte count, or npos when
// the token needs the general path (NFC, ignorables, mixed scripts, other blocks).
[[gnu::always_inline]] inline size_t fold_fast(std::string_view token, Lang lang, const icu::Normalizer2* nfc,
                                               char* const base) {
  const bool turkic = uses_turkic_casing(lang);
  char* w = base;
  size_t pos = 0;
  // ASCII: lowercase letters, ` to the apostrophe, by table; the table's 0 stops at a byte that needs
  // more (Turkic I, anything not ASCII).
  static const auto ascii_fold = [] {
    std::array<std::array<char, 256>, 2> t{};
    for (int turkic_mode = 0; turkic_mode < 2; ++turkic_mode)
      for (int c = 1; c < 0x80; ++c)
        t[turkic_mode][c] = c == '`' ? kApostrophe
                            : (c >= 'A' && c <= 'Z') ? (turkic_mode && c == 'I' ? '\0' : static_cast<char>(c - 'A' + 'a'))
                                                     : static_cast<char>(c);
    return t;
  }();
  const auto& ascii = ascii_fold[turkic ? 1 : 0];
  while (pos < token.size()) {
    char f = ascii[static_cast<unsigned char>(token[pos])];
    if (f) {
      *w++ = f;
      ++pos;
    } else if (token[pos] == 'I') {  // Turkic casing: dotless ı
      *w++ = '\xC4';
      *w++ = '\xB1';
      ++pos;
    } else {
      break;  // not ASCII (or NUL, which the general path keeps)
    }
  }
  if (pos == token.size()) return static_cast<size_t>(w - base);
  const FoldTables& tables = fold_tables(nfc);
  const size_t mode = lang == Lang::kTr ? 2 : turkic ? 1 : 0;
  const auto& utf8 = tables.utf8[mode];
  const auto& utf8_length = tables.utf8_length[mode];
  bool latin = false, cyrillic = false;
  for (size_t k = 0; k < pos; ++k) {
    char ch = token[k];
    latin = latin || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
  }
  while (pos < token.size()) {
    char32_t c;
    auto lead = static_cast<unsigned char>(token[pos]);
    if (lead >= 0xC2 && lead < 0xE0 && pos + 1 < token.size()) {  // two bytes: no general decoding
      c = (static_cast<char32_t>(lead & 0x1F) << 6) | (static_cast<unsigned char>(token[pos + 1]) & 0x3F);
      pos += 2;
    } else {
      c = next_code_point(token, pos);
    }
    if (c >= FoldTables::kSize) {
      if (!is_apostrophe(c)) return std::string_view::npos;
      *w++ = kApostrophe;  // ’ ‘ (Türkiye’nin, oʻzbek): common enough to keep on the fast path
      continue;
    }
    switch (tables.kind[c]) {
      case FoldTables::kSpecial: return std::string_view::npos;
      case FoldTables::kLatin: latin = true; break;
      case FoldTables::kCyrillic: cyrillic = true; break;
      case FoldTables::kPlain: break;
      case FoldTables::kApostrophe: *w++ = kApostrophe; continue;
    }
    if (latin && cyrillic) return std::string_view::npos;
    // Two bytes stored whatever the length (it decides how many count), the third only when there is one.
    w[0] = utf8[c][0];
    w[1] = utf8[c][1];
    if (utf8_length[c] == 3) w[2] = utf8[c][2];
    w += utf8_length[c];
  }
  return static_cast<size_t>(w - base);
}

}  // namespace

size_t Normalizer::fold_token_into(std::string_view token, Lang lang, char* out) {
  if (impl_->has_rules(lang)) return std::string_view::npos;
  return fold_fast(token, lang, impl_->nfc, out);
}

bool Normalizer::fold_case(std::string_view token, Lang lang, std::string& out) {
  const bool turkic = uses_turkic_casing(lang);
  // A token of ordinary length is folded on the stack and appended once, a longer one in place.
  const size_t mark = out.size();
  char local[256];
  if (2 * token.size() <= sizeof local) {
    size_t n = fold_fast(token, lang, impl_->nfc, local);
    if (n != std::string_view::npos) {
      out.append(local, n);
      return false;
    }
  } else {
    out.resize(mark + 2 * token.size());
    size_t n = fold_fast(token, lang, impl_->nfc, out.data() + mark);
    out.resize(n != std::string_view::npos ? mark + n : mark);
    if (n != std::string_view::npos) return false;
  }
  auto& cps = impl_->cps;
  cps.clear();
  bool needs_nfc = false;
  for (size_t i = 0; i < token.size();) {
    char32_t c = next_code_point(token, i);
    // Cyrillic letters and Latin Extended Additional never compose with what precedes them: no ICU call.
    bool starter = (c >= 0x400 && c <= 0x482) || (c >= 0x48A && c <= 0x52F) || (c >= 0x1E00 && c <= 0x1EFF);
    if (c >= 0x300 && !starter && !impl_->nfc->hasBoundaryBefore(static_cast<UChar32>(c))) needs_nfc = true;
    cps += c;
  }
  bool mixed = detail::map_look_alikes(cps);
  if (needs_nfc) {
    auto& u = impl_->utf16;
    u.remove();
    for (char32_t c : cps) u.append(static_cast<UChar32>(c));
    UErrorCode err = U_ZERO_ERROR;
    impl_->nfc->normalize(u, impl_->composed, err);
    if (U_SUCCESS(err)) {
      cps.clear();
      const auto& composed = impl_->composed;
      for (int32_t k = 0; k < composed.length();) {
        UChar32 c = composed.char32At(k);
        cps += static_cast<char32_t>(c);
        k += U16_LENGTH(c);
      }
    }
  }
  char32_t previous = 0;
  for (char32_t c : cps) {
    if (is_ignorable(c)) continue;
    if (is_apostrophe(c)) {
      out += kApostrophe;
      previous = kApostrophe;
      continue;
    }
    // "i̇" (i + combining dot above), left by naive lowercasing of İ, is plain i.
    if (c == 0x0307 && (previous == U'i' || previous == 0x0131)) continue;
    char32_t f = fold_code_point(c, turkic);
    // Turkish circumflex is optional spelling (millî, hâlâ, sahtekâr): fold it away.
    if (lang == Lang::kTr && (f == U'â' || f == U'î' || f == U'û')) f = f == U'â' ? U'a' : f == U'î' ? U'i' : U'u';
    append_utf8(out, f);
    previous = f;
  }
  return mixed;
}

Normalizer::Mapped Normalizer::normalize_mapped(std::string_view text, Lang lang) {
  Mapped m;
  m.normalized.reserve(text.size());
  m.offsets.reserve(text.size() + 1);
  // Fold one base character with its combining marks at a time, so composition stays inside the chunk
  // and every output byte maps to the chunk's first original byte.
  size_t i = 0;
  while (i < text.size()) {
    size_t start = i;
    next_code_point(text, i);
    while (i < text.size()) {
      size_t k = i;
      char32_t c = next_code_point(text, k);
      if (u_getCombiningClass(static_cast<UChar32>(c)) == 0) break;
      i = k;
    }
    size_t before = m.normalized.size();
    fold_token(text.substr(start, i - start), lang, m.normalized);
    m.offsets.insert(m.offsets.end(), m.normalized.size() - before, static_cast<unsigned>(start));
  }
  m.offsets.push_back(static_cast<unsigned>(text.size()));
  return m;
}

std::string fold(std::string_view token, Lang lang) {
  thread_local Normalizer normalizer;
  std::string out;
  normalizer.fold_token(token, lang, out);
  return out;
}

}  // namespace tamga
