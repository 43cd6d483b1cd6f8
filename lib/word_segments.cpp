#include "detail/word_segments.h"

#include <unicode/rbbi.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <array>
#include <cstdint>

#include "detail/byte_set.h"
#include "detail/utf8.h"


namespace tamga::detail {
namespace {

// Word_Break classes the fast path knows (UAX #29, with ICU root's tailoring: ':' is not MidLetter, '@'
// is a letter).
enum class Cls : uint8_t {
  kOther,      // spaces, line ends and punctuation that always break on both sides
  kLetter,     // ALetter
  kDigit,      // Numeric
  kMidLetter,  // MidLetter (·)
  kMidNum,     // MidNum (, ;)
  kMidBoth,    // MidNumLet or Single_Quote (. ' ‘ ’)
  kExtendNum,  // ExtendNumLet (_)
  kUnknown,    // anything else: ICU decides
};

Cls classify_by_property(char32_t c);

Cls classify(char32_t c) {
  if (c < 0x80) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return Cls::kLetter;
    if (c >= '0' && c <= '9') return Cls::kDigit;
    switch (c) {
      case '.': case '\'': return Cls::kMidBoth;
      case ',': case ';': return Cls::kMidNum;
      case '_': return Cls::kExtendNum;
      case '@': return Cls::kLetter;  // ICU root counts @ as a letter, so e-mail addresses stay whole
      case ' ': case '\t': case '\n': case '\r': return Cls::kOther;
      default: break;
    }
    if (c < 0x20 || c == 0x7F) return Cls::kUnknown;  // other controls (vertical tab, form feed are line breaks)
    return Cls::kOther;                                 // the rest of ASCII punctuation and symbols
  }
  if (c < 0xA0) return Cls::kUnknown;  // C1 controls (NEL is a line break)
  if (c < 0xC0) {
    switch (c) {
      case 0xAA: case 0xB5: case 0xBA: return Cls::kLetter;
      case 0xB7: return Cls::kMidLetter;
      case 0xAD: return Cls::kUnknown;  // soft hyphen: Format
      default: return Cls::kOther;
    }
  }
  if (c <= 0x2AF) return (c == 0xD7 || c == 0xF7) ? Cls::kOther : Cls::kLetter;  // Latin-1 to IPA letters
  if (c <= 0x2FF) {  // spacing modifier letters: ʻ ʼ (Uzbek oʻ, gʻ) are letters; the accents are not
    if ((c >= 0x2B0 && c <= 0x2C1) || (c >= 0x2C6 && c <= 0x2D1) || (c >= 0x2E0 && c <= 0x2E4) || c == 0x2EC || c == 0x2EE)
      return Cls::kLetter;
    return Cls::kUnknown;
  }
  if (c >= 0x400 && c <= 0x52F) return (c >= 0x482 && c <= 0x489) ? Cls::kUnknown : Cls::kLetter;  // Cyrillic
  if (c >= 0x1E00 && c <= 0x1EFF) return Cls::kLetter;  // Latin Extended Additional
  if (c >= 0x2010 && c <= 0x203E) {
    switch (c) {
      case 0x2018: case 0x2019: case 0x2024: return Cls::kMidBoth;
      case 0x2027: return Cls::kMidLetter;
      case 0x2028: case 0x2029: case 0x202A: case 0x202B: case 0x202C: case 0x202D: case 0x202E: case 0x202F:
        return Cls::kUnknown;  // line/paragraph separators, bidi controls, narrow no-break space
      default: return Cls::kOther;  // dashes, quotation marks, ellipsis, per mille, guillemets
    }
  }
  return classify_by_property(c);
}

// The rest by their Word_Break property, as ICU's root rules use it, where a class alone decides: symbols
// (№ ™ € arrows, math signs, emoji), Greek letters, other digits. ICU keeps what needs more than a
// class: dictionary scripts (Han, Kana, Thai and the other complex-context scripts), Hebrew letters,
// regional indicators, and the Extend, Format and ZWJ characters (WB4; an emoji joins only after a ZWJ,
// WB3c, so one standing alone is a symbol like any other).
Cls classify_by_property(char32_t c) {
  const auto cp = static_cast<UChar32>(c);
  if (u_getIntPropertyValue(cp, UCHAR_LINE_BREAK) == U_LB_COMPLEX_CONTEXT) return Cls::kUnknown;
  UErrorCode err = U_ZERO_ERROR;
  UScriptCode script = uscript_getScript(cp, &err);
  if (U_FAILURE(err) || script == USCRIPT_HAN || script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA)
    return Cls::kUnknown;
  switch (u_getIntPropertyValue(cp, UCHAR_WORD_BREAK)) {
    case U_WB_OTHER:  // symbols, punctuation and spaces; letters, numbers, marks and controls of class Other (〆 ² ZWSP) are ICU's
      return (U_GET_GC_MASK(cp) & (U_GC_L_MASK | U_GC_N_MASK | U_GC_M_MASK | U_GC_C_MASK)) ? Cls::kUnknown : Cls::kOther;
    case U_WB_ALETTER: return Cls::kLetter;
    case U_WB_NUMERIC: return Cls::kDigit;
    case U_WB_MIDLETTER: return c == 0xFE55 || c == 0xFF1A ? Cls::kOther : Cls::kMidLetter;  // ICU: colons do not join
    case U_WB_MIDNUM: return Cls::kMidNum;
    case U_WB_MIDNUMLET: return Cls::kMidBoth;
    case U_WB_EXTENDNUMLET: return Cls::kExtendNum;
    default: return Cls::kUnknown;
  }
}

bool is_mid_letter(Cls c) { return c == Cls::kMidLetter || c == Cls::kMidBoth; }
bool is_mid_num(Cls c) { return c == Cls::kMidNum || c == Cls::kMidBoth; }
bool is_letter_or_digit(Cls c) { return c == Cls::kLetter || c == Cls::kDigit; }

const std::array<Cls, 128>& ascii_classes() {
  static const std::array<Cls, 128> table = [] {
    std::array<Cls, 128> t{};
    for (char32_t c = 0; c < 128; ++c) t[c] = classify(c);
    return t;
  }();
  return table;
}

// What the fast path asks of a byte, by byte (0 for every byte of a multi-byte character).
struct ByteRoles {
  // After a run of letters: 1 where the byte ends the word (Other, MidNum), 2 where it ends it unless a
  // letter follows (MidNumLet: . '), 0 where ICU or the general path decides.
  std::array<uint8_t, 256> word_end{};
  // After a MidNumLet: 1 where the byte does not join it to the letters before (neither letter nor unknown).
  std::array<uint8_t, 256> after_mid{};
  // A byte of class Other: breaks on both sides and is never part of a segment, so it is skipped.
  std::array<uint8_t, 256> gap{};
};

const ByteRoles& byte_roles() {
  static const ByteRoles roles = [] {
    ByteRoles r;
    const auto& ascii = ascii_classes();
    for (size_t b = 0; b < 0x80; ++b) {
      const Cls c = ascii[b];
      r.word_end[b] = (c == Cls::kOther || c == Cls::kMidNum) ? 1 : c == Cls::kMidBoth ? 2 : 0;
      r.after_mid[b] = c != Cls::kLetter && c != Cls::kUnknown;
      r.gap[b] = c == Cls::kOther;
    }
    return r;
  }();
  return roles;
}

// A two-byte code point (lead b, continuation b2) that classify() calls a letter, in the ranges that
// prose uses: Latin-1 letters, Latin Extended-A and -B, IPA extensions and modifier letters to U+02BF,
// Cyrillic to U+052F (without the combining marks U+0483-U+0489 and the thousands sign U+0482).
inline bool is_two_byte_letter(unsigned char b, unsigned char b2) {
  return (b >= 0xC4 && b <= 0xCA) || (b == 0xC3 && b2 != 0x97 && b2 != 0xB7) || b == 0xD0 || b == 0xD1 || b == 0xD3 ||
         (b == 0xD2 && (b2 < 0x82 || b2 > 0x89)) || (b == 0xD4 && b2 < 0xB0);
}

#if defined(__SSE2__)
// Bits k and k + 1 set when bytes k and k + 1 of the sixteen at `p` are a two-byte letter of
// is_two_byte_letter (a letter cut by the end of the sixteen bytes is not marked).
inline unsigned two_byte_letter_mask(const char* p) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const __m128i next = _mm_srli_si128(v, 1);  // byte k + 1 at k; 0 past the end
  auto set = [](unsigned char b) { return _mm_set1_epi8(static_cast<char>(b)); };
  auto eq = [&](__m128i x, unsigned char b) { return _mm_cmpeq_epi8(x, set(b)); };
  // Unsigned x - from <= span: min_epu8 leaves it unchanged.
  auto in_range = [&](__m128i x, unsigned char from, unsigned char span) {
    const __m128i d = _mm_sub_epi8(x, set(from));
    return _mm_cmpeq_epi8(_mm_min_epu8(d, set(span)), d);
  };
  const __m128i cont = _mm_cmplt_epi8(v, set(0xC0));  // 80-BF, signed
  const __m128i next_cont = _mm_srli_si128(cont, 1);
  __m128i lead = _mm_or_si128(in_range(v, 0xC4, 6), _mm_or_si128(eq(_mm_or_si128(v, set(1)), 0xD1), eq(v, 0xD3)));
  lead = _mm_or_si128(lead, _mm_andnot_si128(_mm_or_si128(eq(next, 0x97), eq(next, 0xB7)), eq(v, 0xC3)));
  lead = _mm_or_si128(lead, _mm_andnot_si128(in_range(next, 0x82, 7), eq(v, 0xD2)));
  lead = _mm_or_si128(lead, _mm_and_si128(_mm_cmplt_epi8(next, set(0xB0)), eq(v, 0xD4)));
  const auto first = static_cast<unsigned>(_mm_movemask_epi8(_mm_and_si128(lead, next_cont)));
  return first | (first << 1);
}
#endif

}  // namespace

bool fast_word_segments(std::string_view text, size_t begin, size_t end, std::vector<WordSegment>& out) {
  out.clear();
  const std::string_view view = text.substr(0, end);
  const auto& ascii = ascii_classes();
  const ByteRoles& roles = byte_roles();
  // The class of the code point at k; k moves past it.
  auto next = [&](size_t& k) -> Cls {
    auto byte = static_cast<unsigned char>(view[k]);
    if (byte < 0x80) {
      ++k;
      return ascii[byte];
    }
    return classify(next_code_point(view, k));
  };
  // One pass, rules WB5 to WB13b (WB3 and WB4 cannot arise here): a segment starts at a letter, digit or
  // underscore and grows while the next code point joins it; a MidLetter or MidNum joins only with the
  // letter or digit after it, which is looked at once.
  for (size_t i = begin; i < end;) {
#if defined(__SSE2__)
    // Most words: a run of letters that a space, line end or punctuation other than a mid letter ends,
    // all within sixteen bytes. Then the segment and the byte that ends it are known at once.
    if (i + 16 <= end) {
      const char* p = view.data() + i;
      unsigned letters = ascii_letter_mask(p, '@');
      const auto high = static_cast<unsigned>(_mm_movemask_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p))));
      if (high & ~letters & (letters + 1)) letters |= two_byte_letter_mask(p);  // the first non-ASCII-letter byte is not ASCII
      if (letters & 1) {
        auto n = static_cast<unsigned>(__builtin_ctz(~letters));
        // At 15 or 16 the run may go on (at 15 a letter may be cut by the block): a long word (most
        // Cyrillic ones of eight letters or more) is followed block by block from there.
        size_t run = i;
        while (n >= 15 && run + n + 16 <= end) {
          run += n;
          p = view.data() + run;
          letters = ascii_letter_mask(p, '@');
          if (letters != 0xFFFF && (static_cast<unsigned>(_mm_movemask_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p)))) &
                                    ~letters & (letters + 1)))
            letters |= two_byte_letter_mask(p);
          n = static_cast<unsigned>(__builtin_ctz(~letters));
        }
        // A MidNum (, ;) joins only digits, so after letters it ends the word like a space; so does a
        // MidNumLet (. ') that no letter follows (WB6-7).
        if (n < 15) {
          const auto after = static_cast<unsigned char>(p[n + 1]);
          unsigned ends = roles.word_end[static_cast<unsigned char>(p[n])];
          if (ends == 2) ends = roles.after_mid[after];
          if (ends == 1) {
            out.push_back({static_cast<unsigned>(i), static_cast<unsigned>(run + n), false});
            // A space after a comma or full stop is skipped with it (n + 2 <= 16: within the block).
            i = run + n + 1 + roles.gap[after];
            continue;
          }
        }
      }
    }
#endif
    // Spaces and punctuation between words: skipped without a turn of the loop each.
    if (roles.gap[static_cast<unsigned char>(view[i])]) {
      do ++i;
      while (i < end && roles.gap[static_cast<unsigned char>(view[i])]);
      continue;
    }
    const size_t start = i;
    Cls previous = next(i);
    if (previous == Cls::kUnknown) return false;
    if (!is_letter_or_digit(previous) && previous != Cls::kExtendNum) continue;  // breaks on both sides
    Cls before_previous = Cls::kOther;
    bool single = true;
    size_t resume = 0;  // past the code point that ended the segment, when one did
    while (i < end) {
      // Most of a word is letters after letters: ASCII, and the two-byte Latin (U+00C0-U+024F, IPA
      // and modifier letters to U+02BF) and Cyrillic (U+0400-U+052F) letters, skipped without decoding.
      if (previous == Cls::kLetter) {
        size_t run = i;
        bool stopped = false;  // at a code point that is not such a letter
#if defined(__SSE2__)
        // Sixteen bytes at a time: the run's end is found without a branch per byte or letter.
        while (run + 16 <= end) {
          const char* p = view.data() + run;
          unsigned letters = ascii_letter_mask(p, '@');  // ICU: @ is a letter
          if (letters != 0xFFFF && (static_cast<unsigned>(_mm_movemask_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p)))) &
                                    ~letters & (letters + 1)))  // the first non-ASCII-letter byte is not ASCII
            letters |= two_byte_letter_mask(p);
          const auto n = static_cast<unsigned>(__builtin_ctz(~letters));  // bit 16 of ~letters is set
          run += n;
          if (n < 15) {  // a byte that does not continue the run (at 15 it may be a letter cut by the block)
            stopped = true;
            break;
          }
        }
#endif
        while (!stopped && run < end) {
          auto b = static_cast<unsigned char>(view[run]);
          if (b < 0x80) {
            if (ascii[b] != Cls::kLetter) break;
            ++run;
            continue;
          }
          if (run + 1 >= end) break;
          auto b2 = static_cast<unsigned char>(view[run + 1]);
          if ((b2 & 0xC0) != 0x80) break;
          if (!is_two_byte_letter(b, b2)) break;
          run += 2;
        }
        if (run > i) {
          before_previous = Cls::kLetter;
          i = run;
          single = false;
          if (i >= end) break;
          // The run ended at a code point these tables do not know as a letter: classified below.
        }
      }
      size_t k = i;
      Cls c = next(k);
      if (c == Cls::kUnknown) return false;
      bool join = (is_letter_or_digit(previous) && is_letter_or_digit(c)) ||                        // WB5, WB8-10
                  ((is_letter_or_digit(previous) || previous == Cls::kExtendNum) && c == Cls::kExtendNum) ||  // WB13a
                  (previous == Cls::kExtendNum && is_letter_or_digit(c));                           // WB13b
      if (!join && k < end && ((previous == Cls::kLetter && is_mid_letter(c)) || (previous == Cls::kDigit && is_mid_num(c)))) {
        size_t k2 = k;
        Cls after = next(k2);
        if (after == Cls::kUnknown) return false;
        if (after == previous) {  // WB6-7 (letter, mid, letter) and WB11-12 (digit, mid, digit)
          before_previous = c;
          previous = after;
          i = k2;
          single = false;
          continue;
        }
      }
      if (!join) {
        // What ends a segment is never a letter, digit or underscore, so it would only be skipped on
        // the next round: skipped here.
        resume = k;
        break;
      }
      before_previous = previous;
      previous = c;
      i = k;
      single = false;
    }
    // ICU gives a segment the status of the last rule that joined it: in effect, of its last letter or
    // digit (an underscore at the end keeps the status of what it follows).
    Cls last = previous;
    if (last == Cls::kExtendNum && !single) last = before_previous == Cls::kDigit ? Cls::kDigit : Cls::kLetter;
    if (is_letter_or_digit(last)) out.push_back({static_cast<unsigned>(start), static_cast<unsigned>(i), last == Cls::kDigit});
    if (resume) i = resume;
  }
  return true;
}

void icu_word_segments(icu::BreakIterator& words, UText& text_buffer, std::string_view text, size_t begin, size_t end,
                       std::vector<WordSegment>& out) {
  out.clear();
  UErrorCode err = U_ZERO_ERROR;
  utext_openUTF8(&text_buffer, text.data() + begin, static_cast<int64_t>(end - begin), &err);
  if (U_FAILURE(err)) return;
  words.setText(&text_buffer, err);
  if (U_FAILURE(err)) return;
  const auto base = static_cast<int32_t>(begin);
  int32_t start = words.first() + base;
  for (int32_t next = words.next(); next != icu::BreakIterator::DONE; next = words.next()) {
    int32_t stop = next + base;
    int32_t status = words.getRuleStatus();
    if (status >= UBRK_WORD_NONE_LIMIT)
      out.push_back({static_cast<unsigned>(start), static_cast<unsigned>(stop), status < UBRK_WORD_NUMBER_LIMIT});
    start = stop;
  }
}

}  // namespace tamga::detail
