#include <fmt/compile.h>
#include <fmt/format.h>

#include <cmath>

#include "detail/byte_set.h"
#include "detail/json_writer.h"

namespace tamga::detail {

void append_json_string(std::string& out, std::string_view s) {
  // Only these bytes may need escaping: controls, '"', '\\', DEL, and the lead bytes C2 and E2 of the C1
  // controls and of U+2028/U+2029. The scan stops at nothing else.
  static const ByteSet may_need_escape({'"', '\\', 0x7F, 0xC2, 0xE2}, 0x20);
  out += '"';
  size_t run = 0;
  for (size_t i = may_need_escape.find(s, 0); i < s.size(); i = may_need_escape.find(s, i + 1)) {
    auto c = static_cast<unsigned char>(s[i]);
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
