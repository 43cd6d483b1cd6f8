// Decoding and charset detection: any bytes, detected or with a forced encoding, give valid UTF-8;
// valid UTF-8 comes back unchanged; warnings point into the input; decoding the result again changes nothing.
#include <array>

#include "fuzz_support.h"
#include "tamga/decode.h"

namespace {

// The first input byte picks one: detection, or an encoding a user might force with --encoding.
constexpr std::array<const char*, 14> kEncodings = {
    "auto",      "",         "utf-8",   "UTF8",       "windows-1254", "windows-1251", "koi8-r",
    "iso-8859-9", "utf-16le", "utf-16be", "utf-32",    "cp866",        "shift_jis",    "no-such-encoding"};

bool starts_with_bom(std::string_view s) { return s.substr(0, 3) == "\xEF\xBB\xBF"; }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace tamga;
  using tamga::fuzz::valid_utf8;
  fuzz::InputReader in(data, size);
  const unsigned selector = in.byte();
  const std::string_view bytes = in.rest();
  DecodeOptions options;
  options.encoding = kEncodings[selector % kEncodings.size()];
  options.max_warnings = selector / kEncodings.size() % 4;  // 0..3: the limit and the summary line
  const bool automatic = options.encoding.empty() || options.encoding == "auto";
  const bool forced_utf8 = options.encoding == "utf-8" || options.encoding == "UTF8";

  (void)looks_binary(bytes);
  auto decoded = decode(bytes, options);
  if (!decoded.ok()) {
    FUZZ_CHECK(options.encoding == "no-such-encoding" || decoded.status().code() == StatusCode::kDataError);
    return 0;
  }
  FUZZ_CHECK(options.encoding != "no-such-encoding");
  const DecodedText& out = decoded.value();
  FUZZ_CHECK(valid_utf8(out.text));
  FUZZ_CHECK(!out.encoding.empty());
  size_t invalid_warnings = 0;
  for (const Diagnostic& w : out.warnings) {
    FUZZ_CHECK(!w.code.empty() && !w.message.empty());
    FUZZ_CHECK(w.byte >= -1 && w.byte < static_cast<long long>(bytes.size()) + 1);
    invalid_warnings += w.code == "invalid-utf8";
  }
  // At most max_warnings places, plus one line counting the rest.
  FUZZ_CHECK(invalid_warnings <= options.max_warnings + 1);

  const bool input_valid = valid_utf8(bytes);
  if (forced_utf8 && input_valid) FUZZ_CHECK(out.text == bytes);
  if (automatic && input_valid && bytes.find('\0') == std::string_view::npos) {
    // Valid UTF-8 is UTF-8: only a byte-order mark is taken off.
    FUZZ_CHECK(out.encoding == "UTF-8");
    FUZZ_CHECK(out.text == (starts_with_bom(bytes) ? bytes.substr(3) : bytes));
    FUZZ_CHECK(out.warnings.empty());
  }
  // Decoding what came out again gives the same text (a leading U+FEFF would be read as a byte-order mark,
  // and NUL bytes may be read as UTF-16, so those are left out).
  if (!starts_with_bom(out.text) && out.text.find('\0') == std::string::npos) {
    auto again = decode(out.text, {});
    FUZZ_CHECK(again.ok());
    FUZZ_CHECK(again->text == out.text);
  }
  return 0;
}
