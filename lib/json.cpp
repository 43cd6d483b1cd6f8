#include <fmt/compile.h>
#include <fmt/format.h>

#include <cmath>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "detail/json_writer.h"

namespace tamga::detail {

namespace {

// The offset of the first byte at or after `i` that may need escaping (a control, '"', '\\', DEL, or the
// lead byte C2 or E2 of C1 controls and U+2028/U+2029), or the size; sixteen bytes at a time where SSE2 is.
size_t skip_plain_json(std::string_view s, size_t i) {
#if defined(__SSE2__)
  const __m128i control_max = _mm_set1_epi8(0x1F), quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\'),
                del = _mm_set1_epi8(0x7F), c2 = _mm_set1_epi8(static_cast<char>(0xC2)),
                e2 = _mm_set1_epi8(static_cast<char>(0xE2));
  while (i + 16 <= s.size()) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    __m128i control = _mm_cmpeq_epi8(_mm_max_epu8(v, control_max), control_max);  // v <= 0x1F
    __m128i hit = _mm_or_si128(_mm_or_si128(control, _mm_cmpeq_epi8(v, quote)),
                               _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, backslash), _mm_cmpeq_epi8(v, del)),
                                            _mm_or_si128(_mm_cmpeq_epi8(v, c2), _mm_cmpeq_epi8(v, e2))));
    auto mask = static_cast<unsigned>(_mm_movemask_epi8(hit));
    if (mask) return i + static_cast<size_t>(__builtin_ctz(mask));
    i += 16;
  }
#endif
  return i;
}

}  // namespace

void append_json_string(std::string& out, std::string_view s) {
  out += '"';
  size_t run = 0;
  for (size_t i = skip_plain_json(s, 0); i < s.size(); i = skip_plain_json(s, i + 1)) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7F && c != 0xC2 && c != 0xE2) continue;
    // Every control character is escaped, C1 (U+0080..U+009F) too, and U+2028/U+2029, which end a line
    // in JavaScript and in some JSON Lines readers.
    if (c == 0xC2 || c == 0xE2) {
      auto at = [&](size_t k) { return k < s.size() ? static_cast<unsigned char>(s[k]) : 0; };
      unsigned code = 0;
      size_t length = 0;
      if (c == 0xC2 && at(i + 1) >= 0x80 && at(i + 1) <= 0x9F) {
        code = static_cast<unsigned>(at(i + 1));
        length = 2;
      } else if (c == 0xE2 && at(i + 1) == 0x80 && (at(i + 2) == 0xA8 || at(i + 2) == 0xA9)) {
        code = 0x2000u + static_cast<unsigned>(at(i + 2)) - 0x80u;
        length = 3;
      }
      if (!length) continue;
      out.append(s.data() + run, i - run);
      fmt::format_to(std::back_inserter(out), FMT_COMPILE("\\u{:04x}"), code);
      i += length - 1;
      run = i + 1;
      continue;
    }
    out.append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default: fmt::format_to(std::back_inserter(out), FMT_COMPILE("\\u{:04x}"), c);
    }
  }
  out.append(s.data() + run, s.size() - run);
  out += '"';
}

void append_json_number(std::string& out, double v) {
  if (!std::isfinite(v)) {
    out += '0';
    return;
  }
  double r = std::round(v * 10000.0) / 10000.0;
  if (r == std::floor(r) && std::fabs(r) < 1e15) fmt::format_to(std::back_inserter(out), FMT_COMPILE("{}"), static_cast<long long>(r));
  else fmt::format_to(std::back_inserter(out), FMT_COMPILE("{}"), r);
}

}  // namespace tamga::detail
