// The Markdown and HTML readers: the prose view keeps the length and every line break of the text (so
// offsets and lines found in it hold in the original), stays valid UTF-8, and only blanks or decodes HTML
// entities; suppression ranges lie inside the text.
#include "fuzz_support.h"
#include "tamga/decode.h"
#include "tamga/markup.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace tamga;
  fuzz::InputReader in(data, size);
  const unsigned selector = in.byte();
  const auto format = static_cast<DocumentFormat>(selector % 3);
  // Documents reach the readers decoded; the raw bytes are tried too, as they must not break the readers.
  std::string text;
  if (selector & 0x80) {
    text = std::string(in.rest());
  } else {
    DecodeOptions utf8;
    utf8.encoding = "utf-8";
    utf8.max_warnings = 0;
    auto decoded = decode(in.rest(), utf8);
    FUZZ_CHECK(decoded.ok());
    text = std::move(decoded->text);
  }
  const bool valid = fuzz::valid_utf8(text);

  std::string view = prose_view(text, format);
  FUZZ_CHECK(view.size() == text.size());
  if (format == DocumentFormat::kText) FUZZ_CHECK(view == text);
  if (valid) FUZZ_CHECK(fuzz::valid_utf8(view));
  for (size_t i = 0; i < text.size(); ++i) {
    // Line breaks stay.
    if (text[i] == '\n') FUZZ_CHECK(view[i] == '\n');
    // A changed byte is blanked, part of a decoded HTML entity (which starts at '&'; "&#10;" is a line
    // break), or in HTML a block tag's paragraph break.
    const bool paragraph_break = format == DocumentFormat::kHtml && view[i] == '\n';
    if (view[i] != text[i] && view[i] != ' ' && !paragraph_break) {
      size_t amp = text.rfind('&', i);
      FUZZ_CHECK(amp != std::string::npos && i - amp < 12);
    }
  }

  for (DocumentFormat f : {format, DocumentFormat::kText}) {
    for (const SuppressionRange& r : find_suppressions(text, f)) {
      FUZZ_CHECK(r.start <= r.end);
      FUZZ_CHECK(r.end <= text.size());
    }
  }
  auto round = parse_document_format(format_name(format));
  FUZZ_CHECK(round && *round == format);
  return 0;
}
