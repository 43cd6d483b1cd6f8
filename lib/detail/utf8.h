// Small UTF-8 helpers shared inside the library.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace tamga::detail {

// Decodes the code point at `i` of valid UTF-8 and advances `i`.
inline char32_t next_code_point(std::string_view s, size_t& i) {
  auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = b(i);
  if (c < 0x80) { ++i; return c; }
  if (c < 0xE0 && i + 1 < s.size()) { char32_t r = ((c & 0x1Fu) << 6) | (b(i + 1) & 0x3Fu); i += 2; return r; }
  if (c < 0xF0 && i + 2 < s.size()) {
    char32_t r = ((c & 0x0Fu) << 12) | ((b(i + 1) & 0x3Fu) << 6) | (b(i + 2) & 0x3Fu);
    i += 3;
    return r;
  }
  if (i + 3 < s.size()) {
    char32_t r = ((c & 0x07u) << 18) | ((b(i + 1) & 0x3Fu) << 12) | ((b(i + 2) & 0x3Fu) << 6) | (b(i + 3) & 0x3Fu);
    i += 4;
    return r;
  }
  ++i;
  return 0xFFFD;
}

// Writes c as UTF-8 into `out` (room for 4 bytes); returns the byte count.
inline size_t encode_utf8(char32_t c, char* out) {
  if (c < 0x80) {
    out[0] = static_cast<char>(c);
    return 1;
  }
  if (c < 0x800) {
    out[0] = static_cast<char>(0xC0 | (c >> 6));
    out[1] = static_cast<char>(0x80 | (c & 0x3F));
    return 2;
  }
  if (c < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (c >> 12));
    out[1] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (c & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (c >> 18));
  out[1] = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (c & 0x3F));
  return 4;
}

inline void append_utf8(std::string& out, char32_t c) {
  char buffer[4];
  out.append(buffer, encode_utf8(c, buffer));
}

inline std::u32string to_u32(std::string_view s) {
  std::u32string r;
  for (size_t i = 0; i < s.size();) r += next_code_point(s, i);
  return r;
}

inline std::string to_utf8(std::u32string_view s) {
  std::string r;
  for (char32_t c : s) append_utf8(r, c);
  return r;
}

// Number of code points in valid UTF-8.
inline size_t code_point_count(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

inline bool is_apostrophe(char32_t c) {
  return c == U'\'' || c == U'\u2019' || c == U'\u02BC' || c == U'\u02BB' || c == U'\u2018' || c == U'`' ||
         c == U'\u00B4' || c == U'\u02B9' || c == U'\uFF07';
}

}  // namespace tamga::detail
