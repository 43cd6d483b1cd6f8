#include "tamga/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "detail/byte_set.h"
#include "detail/scripts.h"
#include "detail/utf8.h"

namespace tamga {

using detail::append_utf8;
using detail::is_apostrophe;
using detail::next_code_point;

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
  // Per mode, for each two-byte code point whose fold is two bytes and needs nothing more (a Latin,
  // Cyrillic or other plain letter): the fold's bytes (low 16 bits) and kPair* flags; else 0. Such a
  // letter folds in place, so a run of them and ASCII folds sixteen bytes at a time.
  static constexpr uint32_t kPairInPlace = 1u << 16, kPairLatin = 1u << 17, kPairCyrillic = 1u << 18;
  // Indexed by any two-byte code point (below U+0800): no range check.
  static constexpr char32_t kPairSize = 0x800;
  std::array<std::array<uint32_t, kPairSize>, 3> pair{};
  // Per mode, for each code point of one or two bytes: its fold as one letter for the script rules'
  // one-pass path (detail::fold_with_script_rules), the same as fold_fast gives.
  std::array<std::array<uint32_t, detail::kFoldEntries>, 3> letter{};

  explicit FoldTables(const icu::Normalizer2* nfc) {
    for (auto& mode_letters : letter) mode_letters.fill(detail::kFoldGeneral);  // past the block: the general path
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
      for (size_t mode = 0; mode < 3; ++mode) {
        const char32_t f = folded[mode];
        letter[mode][c] = kind[c] == kSpecial || f >= 0x800 ? detail::kFoldGeneral
                          : kind[c] == kApostrophe                          ? static_cast<uint32_t>(tamga::kApostrophe)
                                                                            : static_cast<uint32_t>(f) | (kind[c] == kLatin ? detail::kFoldLatin : 0) |
                                                                                  (kind[c] == kCyrillic ? detail::kFoldCyrillic : 0);
      }
      for (size_t mode = 0; mode < 3; ++mode) {
        if (c < 0x80 || utf8_length[mode][c] != 2 || kind[c] == kSpecial || kind[c] == kApostrophe) continue;
        pair[mode][c] = static_cast<unsigned char>(utf8[mode][c][0]) |
                        (static_cast<uint32_t>(static_cast<unsigned char>(utf8[mode][c][1])) << 8) | kPairInPlace |
                        (kind[c] == kLatin ? kPairLatin : 0) | (kind[c] == kCyrillic ? kPairCyrillic : 0);
      }
    }
  }
};

// Which of FoldTables' per-mode tables a language folds with: default, Turkic, Turkish.
size_t fold_mode(Lang lang) { return lang == Lang::kTr ? 2 : uses_turkic_casing(lang) ? 1 : 0; }

const FoldTables& fold_tables(const icu::Normalizer2* nfc) {
  static const FoldTables tables(nfc);
  return tables;
}

}  // namespace

struct Normalizer::Impl {
  const icu::Normalizer2* nfc = nullptr;
  const FoldTables* tables = nullptr;  // held here: no static-guard check per token
  std::u32string cps;       // reused buffer
  icu::UnicodeString utf16; // reused for the rare tokens that need NFC
  icu::UnicodeString composed;
  std::string folded;
  Lang rules_lang = Lang::kUnknown;  // the language lang_has_rules was looked up for
  bool lang_has_rules = detail::has_script_rules(Lang::kUnknown);
  // With them, the one-pass path's rules and fold table.
  const detail::ScriptRuleSet* rule_set = nullptr;
  const uint32_t* letter_folds = nullptr;
  // The language whose tokens may take fold_token_into's ASCII step: rules_lang when it has no script
  // rules, else none (one compare per token instead of two).
  static constexpr auto kNoLang = static_cast<Lang>(0xFF);
  Lang ascii_step_lang = lang_has_rules ? kNoLang : rules_lang;
  bool turkic_casing = uses_turkic_casing(rules_lang);  // of rules_lang, looked up once per run
  size_t fold_mode = tamga::fold_mode(rules_lang);
  // Tokens come in runs of one language: whether it has script rules is looked up once per run.
  bool has_rules(Lang lang) {
    if (lang != rules_lang) {
      rules_lang = lang;
      lang_has_rules = detail::has_script_rules(lang);
      rule_set = lang_has_rules ? detail::script_rule_set(lang) : nullptr;
      letter_folds = tables->letter[lang == Lang::kTr ? 2 : uses_turkic_casing(lang) ? 1 : 0].data();
      ascii_step_lang = lang_has_rules ? kNoLang : lang;
      turkic_casing = uses_turkic_casing(lang);
      fold_mode = tamga::fold_mode(lang);
    }
    return lang_has_rules;
  }
};

Normalizer::Normalizer() : impl_(new Impl) {
  UErrorCode err = U_ZERO_ERROR;
  impl_->nfc = icu::Normalizer2::getNFCInstance(err);  // ICU data is linked in; this cannot fail in practice
  impl_->tables = &fold_tables(impl_->nfc);
}
Normalizer::~Normalizer() { delete impl_; }

namespace {

#if defined(__SSE2__)
// Sixteen bytes folded as ASCII: A-Z lowercased, ` to the apostrophe, other bytes kept.
[[gnu::always_inline]] inline __m128i fold_ascii16(__m128i v) {
  const __m128i from_a = _mm_sub_epi8(v, _mm_set1_epi8('A'));
  const __m128i upper = _mm_cmpeq_epi8(_mm_min_epu8(from_a, _mm_set1_epi8(25)), from_a);  // A-Z, unsigned
  const __m128i r = _mm_add_epi8(v, _mm_and_si128(upper, _mm_set1_epi8(0x20)));
  const __m128i backtick = _mm_cmpeq_epi8(v, _mm_set1_epi8('`'));
  return _mm_xor_si128(r, _mm_and_si128(backtick, _mm_set1_epi8(static_cast<char>('`' ^ kApostrophe))));
}

// A bit per byte that fold_ascii16 does not fold: bytes past 0x7F, NUL, and with Turkic casing I (to
// ı, two bytes).
[[gnu::always_inline]] inline unsigned ascii_stops16(__m128i v, bool turkic) {
  __m128i stop = _mm_cmpeq_epi8(v, _mm_setzero_si128());
  if (turkic) stop = _mm_or_si128(stop, _mm_cmpeq_epi8(v, _mm_set1_epi8('I')));
  return static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(stop, v)));  // v's sign bit: past 0x7F
}

// Copies the n bytes at `p` (1 to 16) to `to`: for a token near the end of its text, so that it can
// still be folded sixteen bytes at a time.
inline void copy_short(const char* p, size_t n, char* to) {
  if (n >= 8) {
    std::memcpy(to, p, 8);
    std::memcpy(to + n - 8, p + n - 8, 8);
  } else if (n >= 4) {
    std::memcpy(to, p, 4);
    std::memcpy(to + n - 4, p + n - 4, 4);
  } else {
    to[0] = p[0];
    to[n / 2] = p[n / 2];
    to[n - 1] = p[n - 1];
  }
}

// Folds the longest prefix of the sixteen bytes at `p` (no more than `limit`) made of ASCII that
// fold_ascii16 folds and of two-byte letters that fold in place (FoldTables::pair), writing sixteen
// bytes at `w`; returns its length and ORs the kPair* script flags of its letters into `flags`.
// Basic Cyrillic (U+0400-U+045F: lead D0, or D1 before A0) is folded by arithmetic, the other two-byte
// letters by table.
[[gnu::always_inline]] inline size_t fold_block16(const char* p, size_t limit, char* w, bool turkic,
                                                   const std::array<uint32_t, FoldTables::kPairSize>& pair,
                                                   uint32_t& flags) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  __m128i r = fold_ascii16(v);
  const unsigned stop = ascii_stops16(v, turkic);
  // Signed compares: 80-BF are below (char)0xC0; leads C2-DF, unsigned, are 0-0x1D past C2.
  const auto cont = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmplt_epi8(v, _mm_set1_epi8(static_cast<char>(0xC0)))));
  const __m128i from_c2 = _mm_sub_epi8(v, _mm_set1_epi8(static_cast<char>(0xC2)));
  const auto lead = static_cast<unsigned>(
      _mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(from_c2, _mm_set1_epi8(0x1D)), from_c2)));
  const unsigned pairs = lead & (cont >> 1);
  const unsigned good = (~stop & 0xFFFFu) | pairs | (cont & (pairs << 1));
  size_t n = static_cast<unsigned>(__builtin_ctz(~good));  // bit 16 of ~good is set
  if (n > limit) n = limit;
  unsigned in = (1u << n) - 1;
  // The letters among the folded ASCII are Latin.
  if (detail::ascii_letter_mask(p) & in) flags |= FoldTables::kPairLatin;
  // A lead whose second byte is past the prefix (a token cut inside a letter) is not part of it.
  if (pairs & in & ~(in >> 1)) in >>= 1, --n;
  unsigned todo = pairs & in;
  if (todo) {
    const __m128i d0 = _mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(0xD0)));
    const auto lead_d0 = static_cast<unsigned>(_mm_movemask_epi8(d0));
    const auto lead_d1 = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(0xD1)))));
    const __m128i below_a0 = _mm_cmplt_epi8(v, _mm_set1_epi8(static_cast<char>(0xA0)));  // 80-9F
    const unsigned cyrillic = todo & (lead_d0 | (lead_d1 & (static_cast<unsigned>(_mm_movemask_epi8(below_a0)) >> 1)));
    if (cyrillic) {
      flags |= FoldTables::kPairCyrillic;
      todo &= ~cyrillic;
      if (lead_d0 & in) {
        // After D0: 80-8F +0x10 and lead D1, 90-9F +0x20, A0-AF -0x20 and lead D1, B0-BF kept.
        const __m128i after_d0 = _mm_slli_si128(d0, 1);
        const __m128i below_90 = _mm_cmplt_epi8(v, _mm_set1_epi8(static_cast<char>(0x90)));
        const __m128i below_b0 = _mm_cmplt_epi8(v, _mm_set1_epi8(static_cast<char>(0xB0)));
        const __m128i band_9 = _mm_andnot_si128(below_90, below_a0);
        const __m128i band_a = _mm_andnot_si128(below_a0, below_b0);
        const __m128i add = _mm_or_si128(_mm_and_si128(below_90, _mm_set1_epi8(0x10)),
                                         _mm_or_si128(_mm_and_si128(band_9, _mm_set1_epi8(0x20)),
                                                      _mm_and_si128(band_a, _mm_set1_epi8(static_cast<char>(0xE0)))));
        const __m128i moves = _mm_and_si128(_mm_or_si128(below_90, band_a), after_d0);
        r = _mm_add_epi8(r, _mm_or_si128(_mm_and_si128(add, after_d0),
                                         _mm_and_si128(_mm_srli_si128(moves, 1), _mm_set1_epi8(1))));
      }
    }
  }
  _mm_storeu_si128(reinterpret_cast<__m128i*>(w), r);
  // The other two-byte letters in place, until one that does not fold so (it ends the prefix).
  for (; todo; todo &= todo - 1) {
    const auto k = static_cast<unsigned>(__builtin_ctz(todo));
    const char32_t c = (static_cast<char32_t>(static_cast<unsigned char>(p[k]) & 0x1F) << 6) |
                       (static_cast<unsigned char>(p[k + 1]) & 0x3F);
    const uint32_t e = pair[c];
    if (!e) {
      n = k;
      break;
    }
    flags |= e;
    w[k] = static_cast<char>(e);
    w[k + 1] = static_cast<char>(e >> 8);
  }
  return n;
}
#endif

// The fast paths of case folding: Latin and Cyrillic tokens in one script (below U+0530, apostrophes
// unified): ASCII and two-byte letters that fold in place sixteen bytes at a time (read from the text
// where `readable` bytes from the token's start allow it, else from a copy of the token's end), the rest
// by table. The key is at most twice the token (I to ı; a folded letter below U+0530 is at most two
// bytes, or three from two); `base` has room for 2 * token.size() + kFoldSlack bytes, as sixteen-byte
// steps write junk past the key. Returns the byte count, or npos when the token needs the general path
// (NFC, ignorables, mixed scripts, other blocks).
// `turkic` and `mode` are the language's casing and fold table (fold_mode).
[[gnu::always_inline]] inline size_t fold_fast(std::string_view token, size_t readable, bool turkic, size_t mode,
                                               const FoldTables& tables, char* const base) {
  const auto& utf8 = tables.utf8[mode];
  const auto& utf8_length = tables.utf8_length[mode];
  static constexpr uint32_t kBoth = FoldTables::kPairLatin | FoldTables::kPairCyrillic;
  uint32_t flags = 0;
  char* w = base;
  size_t pos = 0;
  while (pos < token.size()) {
#if defined(__SSE2__)
    const char* from = token.data() + pos;
    char tail[16];
    if (pos + 16 > readable && token.size() - pos <= 16) {
      std::memset(tail, 0, sizeof tail);
      copy_short(from, token.size() - pos, tail);
      from = tail;
    }
    if (from == tail || pos + 16 <= readable) {
      const size_t n = fold_block16(from, token.size() - pos, w, turkic, tables.pair[mode], flags);
      if ((flags & kBoth) == kBoth) return std::string_view::npos;
      pos += n;
      w += n;
      if (n) continue;
    }
#endif
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
      case FoldTables::kLatin: flags |= FoldTables::kPairLatin; break;
      case FoldTables::kCyrillic: flags |= FoldTables::kPairCyrillic; break;
      case FoldTables::kPlain: break;
      case FoldTables::kApostrophe: *w++ = kApostrophe; continue;
    }
    if ((flags & kBoth) == kBoth) return std::string_view::npos;
    // Two bytes stored whatever the length (it decides how many count), the third only when there is one.
    w[0] = utf8[c][0];
    w[1] = utf8[c][1];
    if (utf8_length[c] == 3) w[2] = utf8[c][2];
    w += utf8_length[c];
  }
  return static_cast<size_t>(w - base);
}

}  // namespace

bool Normalizer::fold_token(std::string_view token, Lang lang, std::string& out) {
  if (!impl_->has_rules(lang)) return fold_case(token, lang, out);
  // The common case folded and put through the rules in one pass, on the stack; else folded on the
  // stack and handed to the script rules: no string between.
  char local[512];
  size_t key = detail::fold_with_script_rules(impl_->rule_set, token, impl_->letter_folds, local, sizeof local);
  if (key != std::string_view::npos) {
    out.append(local, key);
    return false;
  }
  if (2 * token.size() + kFoldSlack <= sizeof local) {
    size_t n = fold_fast(token, token.size(), uses_turkic_casing(lang), fold_mode(lang), *impl_->tables, local);
    if (n != std::string_view::npos) {
      detail::apply_script_rules(lang, std::string_view(local, n), out);
      return false;
    }
  }
  auto& folded = impl_->folded;
  folded.clear();
  bool mixed = fold_case(token, lang, folded);
  detail::apply_script_rules(lang, folded, out);
  return mixed;
}

size_t Normalizer::fold_token_into(std::string_view token, size_t readable, Lang lang, char* out) {
#if defined(__SSE2__)
  // Most tokens: ASCII, without Turkic I, in one sixteen-byte step. A leaf, so the call stays cheap;
  // anything else starts over in fold_token_general.
  if (token.size() - 1 < 16 && lang == impl_->ascii_step_lang) {
    const char* from = token.data();
    char tail[16];
    if (readable < 16) {  // near the end of the text
      std::memset(tail, 0, sizeof tail);
      copy_short(from, token.size(), tail);
      from = tail;
    }
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(from));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(out), fold_ascii16(v));
    const unsigned stop = ascii_stops16(v, impl_->turkic_casing);
    if ((stop & ((1u << token.size()) - 1)) == 0) return token.size();
  }
#endif
  return fold_token_general(token, readable, lang, out);
}

// Out of line, so that fold_token_into stays a leaf that saves no registers.
[[gnu::noinline]] size_t Normalizer::fold_token_general(std::string_view token, size_t readable, Lang lang, char* out) {
  if (impl_->has_rules(lang)) return std::string_view::npos;
  return fold_fast(token, readable, impl_->turkic_casing, impl_->fold_mode, *impl_->tables, out);  // has_rules set them
}

bool Normalizer::fold_case(std::string_view token, Lang lang, std::string& out) {
  const bool turkic = uses_turkic_casing(lang);
  // A token of ordinary length is folded on the stack and appended once, a longer one in place.
  const size_t mark = out.size();
  char local[256 + kFoldSlack];
  if (2 * token.size() + kFoldSlack <= sizeof local) {
    size_t n = fold_fast(token, token.size(), uses_turkic_casing(lang), fold_mode(lang), *impl_->tables, local);
    if (n != std::string_view::npos) {
      out.append(local, n);
      return false;
    }
  } else {
    out.resize(mark + 2 * token.size() + kFoldSlack);
    size_t n = fold_fast(token, token.size(), uses_turkic_casing(lang), fold_mode(lang), *impl_->tables, out.data() + mark);
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
