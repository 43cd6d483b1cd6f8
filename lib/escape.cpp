#include "detail/escape.h"

#include <fmt/format.h>

namespace tamga::detail {

void append_html_escaped(std::string& out, std::string_view s) {
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t')
          fmt::format_to(std::back_inserter(out), "\\x{:02X}", static_cast<unsigned char>(c));
        else
          out += c;
    }
  }
}

void append_table_cell(std::string& out, std::string_view v, char separator) {
  std::string s;
  bool formula = !v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@');
  bool number = v.find_first_not_of("0123456789.-") == std::string_view::npos;
  if (formula && !number) s += '\'';
  s += v;
  if (separator == '\t') {
    for (char c : s) {
      if (c == '\t') out += "\\t";
      else if (c == '\n') out += "\\n";
      else if (c == '\r') out += "\\r";
      else if (c == '\\') out += "\\\\";
      else out += c;
    }
    return;
  }
  if (s.find_first_of(",\"\n\r") == std::string::npos) {
    out += s;
    return;
  }
  out += '"';
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

}  // namespace tamga::detail
