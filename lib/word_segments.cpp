#include "detail/word_segments.h"

#include <unicode/rbbi.h>

#include <cstdint>

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
  return Cls::kUnknown;
}

struct Point {
  Cls cls;
  unsigned offset;  // byte offset of the code point
};

bool is_mid_letter(Cls c) { return c == Cls::kMidLetter || c == Cls::kMidBoth; }
bool is_mid_num(Cls c) { return c == Cls::kMidNum || c == Cls::kMidBoth; }

}  // namespace

bool fast_word_segments(std::string_view text, size_t begin, size_t end, std::vector<WordSegment>& out) {
  out.clear();
  thread_local std::vector<Point> points;  // reused: no allocation per call once grown
  points.clear();
  for (size_t i = begin; i < end;) {
    unsigned at = static_cast<unsigned>(i);
    char32_t c = next_code_point(text.substr(0, end), i);
    Cls cls = classify(c);
    if (cls == Cls::kUnknown) return false;
    points.push_back({cls, at});
  }
  const size_t n = points.size();
  auto cls = [&](size_t k) { return k < n ? points[k].cls : Cls::kOther; };
  // No break between points[i - 1] and points[i]? (rules WB5 to WB13b; WB3 and WB4 cannot arise here)
  auto joined = [&](size_t i) {
    Cls a = cls(i - 1), b = cls(i);
    if (a == Cls::kLetter && b == Cls::kLetter) return true;                                               // WB5
    if (a == Cls::kLetter && is_mid_letter(b) && cls(i + 1) == Cls::kLetter) return true;                  // WB6
    if (i >= 2 && cls(i - 2) == Cls::kLetter && is_mid_letter(a) && b == Cls::kLetter) return true;        // WB7
    if ((a == Cls::kDigit || a == Cls::kLetter) && (b == Cls::kDigit || b == Cls::kLetter)) return true;   // WB8-10
    if (i >= 2 && cls(i - 2) == Cls::kDigit && is_mid_num(a) && b == Cls::kDigit) return true;            // WB11
    if (a == Cls::kDigit && is_mid_num(b) && cls(i + 1) == Cls::kDigit) return true;                       // WB12
    if ((a == Cls::kLetter || a == Cls::kDigit || a == Cls::kExtendNum) && b == Cls::kExtendNum) return true;  // WB13a
    if (a == Cls::kExtendNum && (b == Cls::kLetter || b == Cls::kDigit)) return true;                      // WB13b
    return false;
  };
  size_t first = 0;
  for (size_t i = 1; i <= n; ++i) {
    if (i < n && joined(i)) continue;
    // ICU gives a segment the status of the last rule that joined it: in effect, of its last letter or
    // digit (an underscore at the end keeps the status of what it follows).
    Cls last = points[i - 1].cls;
    if (last == Cls::kExtendNum && i - 1 > first) last = points[i - 2].cls == Cls::kDigit ? Cls::kDigit : Cls::kLetter;
    if (last == Cls::kLetter || last == Cls::kDigit) {
      unsigned seg_end = i < n ? points[i].offset : static_cast<unsigned>(end);
      out.push_back({points[first].offset, seg_end, last == Cls::kDigit});
    }
    first = i;
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
