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

namespace {

// A plain decimal number such as -12 or -0.5: the one thing starting with '-' a spreadsheet may compute.
bool plain_number(std::string_view v) {
  size_t i = !v.empty() && v[0] == '-' ? 1 : 0;
  size_t digits = 0, dots = 0;
  for (; i < v.size(); ++i) {
    if (v[i] >= '0' && v[i] <= '9') ++digits;
    else if (v[i] == '.' && dots == 0 && digits > 0) ++dots;
    else return false;
  }
  return digits > 0 && v.back() != '.';
}

}  // namespace

void append_table_cell(std::string& out, std::string_view v, char separator) {
  std::string s;
  // OWASP's CSV-injection guidance: a cell starting with = + - @ tab or carriage return is made text.
  bool formula = !v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@' || v[0] == '\t' || v[0] == '\r');
  if (formula && !plain_number(v)) s += '\'';
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
