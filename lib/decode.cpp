#include "tamga/decode.h"

#include <fmt/format.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstring>
#include <memory>

namespace tamga {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

enum class Utf16Guess { kNone, kLE, kBE };

// UTF-16 text without a BOM: Latin and Cyrillic text has a zero (or small) high byte in most units.
Utf16Guess sniff_utf16(std::string_view bytes) {
  size_t n = std::min<size_t>(bytes.size(), 8192) & ~size_t{1};
  if (n < 4) return Utf16Guess::kNone;
  size_t zero_even = 0, zero_odd = 0;
  for (size_t i = 0; i < n; i += 2) {
    zero_even += bytes[i] == 0;
    zero_odd += bytes[i + 1] == 0;
  }
  size_t units = n / 2;
  if (zero_odd * 10 >= units * 4 && zero_even * 20 < units) return Utf16Guess::kLE;
  if (zero_even * 10 >= units * 4 && zero_odd * 20 < units) return Utf16Guess::kBE;
  return Utf16Guess::kNone;
}

struct Bom {
  const char* encoding;
  size_t length;
};

Bom detect_bom(std::string_view b) {
  auto starts = [&](std::string_view p) { return b.substr(0, p.size()) == p; };
  using namespace std::string_view_literals;
  if (starts("\xEF\xBB\xBF"sv)) return {"UTF-8", 3};
  if (starts("\xFF\xFE\x00\x00"sv)) return {"UTF-32LE", 4};
  if (starts("\x00\x00\xFE\xFF"sv)) return {"UTF-32BE", 4};
  if (starts("\xFF\xFE"sv)) return {"UTF-16LE", 2};
  if (starts("\xFE\xFF"sv)) return {"UTF-16BE", 2};
  return {nullptr, 0};
}

struct Utf8Scan {
  size_t invalid = 0;
  size_t multibyte = 0;
};

// Length of the valid UTF-8 sequence at `i`, or 0 with `*bad` set to the length of the maximal invalid
// subpart (Unicode's "substitution of maximal subparts").
size_t utf8_sequence(std::string_view s, size_t i, size_t* bad) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char b = byte(i);
  if (b < 0x80) return 1;
  size_t need;
  unsigned char lo = 0x80, hi = 0xBF;
  if (b >= 0xC2 && b <= 0xDF) need = 1;
  else if (b == 0xE0) { need = 2; lo = 0xA0; }
  else if ((b >= 0xE1 && b <= 0xEC) || b == 0xEE || b == 0xEF) need = 2;
  else if (b == 0xED) { need = 2; hi = 0x9F; }
  else if (b == 0xF0) { need = 3; lo = 0x90; }
  else if (b >= 0xF1 && b <= 0xF3) need = 3;
  else if (b == 0xF4) { need = 3; hi = 0x8F; }
  else { *bad = 1; return 0; }
  for (size_t k = 1; k <= need; ++k) {
    if (i + k >= s.size()) { *bad = k; return 0; }
    unsigned char c = byte(i + k);
    unsigned char l = k == 1 ? lo : 0x80, h = k == 1 ? hi : 0xBF;
    if (c < l || c > h) { *bad = k; return 0; }
  }
  return need + 1;
}

Utf8Scan scan_utf8(std::string_view s) {
  Utf8Scan r;
  for (size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) { ++i; continue; }
    size_t bad = 0, len = utf8_sequence(s, i, &bad);
    if (len) { ++r.multibyte; i += len; }
    else { ++r.invalid; i += bad; }
  }
  return r;
}

void decode_utf8(std::string_view s, size_t base, const DecodeOptions& opt, DecodedText& out) {
  out.text.reserve(s.size());
  size_t reported = 0, invalid = 0;
  size_t i = 0;
  while (i < s.size()) {
    // Copy the ASCII run at once.
    size_t j = i;
    while (j < s.size() && static_cast<unsigned char>(s[j]) < 0x80) ++j;
    out.text.append(s.data() + i, j - i);
    i = j;
    if (i >= s.size()) break;
    size_t bad = 0, len = utf8_sequence(s, i, &bad);
    if (len) {
      out.text.append(s.data() + i, len);
      i += len;
      continue;
    }
    ++invalid;
    if (reported < opt.max_warnings) {
      std::string hex;
      for (size_t k = 0; k < bad; ++k) hex += fmt::format("{}{:02X}", k ? " 0x" : "0x", static_cast<unsigned char>(s[i + k]));
      out.warnings.push_back({"invalid-utf8",
                              fmt::format("invalid UTF-8 ({}) at byte {}, replaced with U+FFFD", hex, base + i),
                              static_cast<long long>(base + i)});
      ++reported;
    }
    out.text.append(kReplacement);
    i += bad;
  }
  if (invalid > reported) {
    out.warnings.push_back({"invalid-utf8",
                            fmt::format("{} more invalid UTF-8 sequences replaced with U+FFFD", invalid - reported), -1});
  }
}

Status convert_with_icu(std::string_view bytes, const char* encoding, DecodedText& out) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> conv(ucnv_open(encoding, &err), &ucnv_close);
  if (U_FAILURE(err)) return {StatusCode::kInvalidArgument, fmt::format("unknown encoding '{}'", encoding)};
  icu::UnicodeString u(bytes.data(), static_cast<int32_t>(bytes.size()), conv.get(), err);
  if (U_FAILURE(err)) return {StatusCode::kDataError, fmt::format("cannot decode as {}: {}", encoding, u_errorName(err))};
  out.text.clear();
  u.toUTF8String(out.text);
  out.encoding = ucnv_getName(conv.get(), &err);
  return Status::Ok();
}

// ICU's charset detector, used only when the bytes are not UTF-8.
std::string detect_legacy(std::string_view bytes) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> det(ucsdet_open(&err), &ucsdet_close);
  if (U_FAILURE(err)) return {};
  ucsdet_setText(det.get(), bytes.data(), static_cast<int32_t>(std::min<size_t>(bytes.size(), 1 << 20)), &err);
  const UCharsetMatch* match = ucsdet_detect(det.get(), &err);
  if (U_FAILURE(err) || !match) return {};
  const char* name = ucsdet_getName(match, &err);
  if (U_FAILURE(err) || !name || ucsdet_getConfidence(match, &err) < 20) return {};
  return name;
}

}  // namespace

bool looks_binary(std::string_view bytes) {
  std::string_view head = bytes.substr(0, 8192);
  if (head.find('\0') == std::string_view::npos) return false;
  if (detect_bom(head).encoding) return false;
  return sniff_utf16(head) == Utf16Guess::kNone;
}

Result<DecodedText> decode(std::string_view bytes, const DecodeOptions& options) {
  DecodedText out;
  std::string requested = options.encoding;
  std::transform(requested.begin(), requested.end(), requested.begin(), [](unsigned char c) { return std::tolower(c); });
  bool automatic = requested.empty() || requested == "auto";

  Bom bom = detect_bom(bytes);
  if (automatic && bom.encoding) {
    std::string_view body = bytes.substr(bom.length);
    if (std::strcmp(bom.encoding, "UTF-8") == 0) {
      out.encoding = "UTF-8";
      decode_utf8(body, bom.length, options, out);
      return out;
    }
    Status s = convert_with_icu(body, bom.encoding, out);
    if (!s.ok()) return s;
    out.encoding = bom.encoding;
    return out;
  }
  if (!automatic && requested != "utf-8" && requested != "utf8") {
    Status s = convert_with_icu(bytes, options.encoding.c_str(), out);
    if (!s.ok()) return s;
    return out;
  }
  if (automatic && bytes.find('\0') != std::string_view::npos) {
    Utf16Guess g = sniff_utf16(bytes);
    if (g != Utf16Guess::kNone) {
      const char* enc = g == Utf16Guess::kLE ? "UTF-16LE" : "UTF-16BE";
      Status s = convert_with_icu(bytes, enc, out);
      if (!s.ok()) return s;
      out.encoding = enc;
      out.warnings.push_back({"encoding-guessed", fmt::format("no byte-order mark; decoded as {}", enc), 0});
      return out;
    }
  }
  Utf8Scan scan = scan_utf8(bytes);
  // Text with valid multi-byte sequences is UTF-8 with a few damaged bytes; text with none is a legacy
  // single-byte encoding (Windows-1254, ISO-8859-9, Windows-1251, KOI8-R, ...).
  // A handful of stray bytes in ASCII text is damaged UTF-8, not evidence of another encoding.
  if (automatic && scan.invalid >= 4 && scan.invalid > scan.multibyte) {
    std::string legacy = detect_legacy(bytes);
    if (!legacy.empty() && legacy != "UTF-8" && legacy.rfind("UTF-", 0) != 0) {
      Status s = convert_with_icu(bytes, legacy.c_str(), out);
      if (s.ok()) {
        out.encoding = legacy;
        out.warnings.push_back({"encoding-detected", fmt::format("not UTF-8; decoded as {} (detected)", legacy), -1});
        return out;
      }
      out = DecodedText{};
    }
  }
  out.encoding = "UTF-8";
  decode_utf8(bytes, 0, options, out);
  return out;
}

}  // namespace tamga
