#include "tamga/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>

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

}  // namespace

bool Normalizer::fold_token(std::string_view token, Lang lang, std::string& out) {
  if (!detail::has_script_rules(lang)) return fold_case(token, lang, out);
  auto& folded = impl_->folded;
  folded.clear();
  bool mixed = fold_case(token, lang, folded);
  detail::apply_script_rules(lang, folded, out);
  return mixed;
}

bool Normalizer::fold_case(std::string_view token, Lang lang, std::string& out) {
  const bool turkic = uses_turkic_casing(lang);
  bool ascii = true;
  for (unsigned char c : token) {
    if (c >= 0x80) { ascii = false; break; }
  }
  if (ascii) {
    bool unchanged = std::none_of(token.begin(), token.end(), [](char ch) { return (ch >= 'A' && ch <= 'Z') || ch == '`'; });
    if (unchanged) {
      out.append(token);
      return false;
    }
    for (char ch : token) {
      if (ch >= 'A' && ch <= 'Z') {
        if (turkic && ch == 'I') out += "\xC4\xB1";  // ı
        else out += static_cast<char>(ch - 'A' + 'a');
      } else if (ch == '`') {
        out += kApostrophe;
      } else {
        out += ch;
      }
    }
    return false;
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
