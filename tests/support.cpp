#include "support.h"

#include <doctest/doctest.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

namespace tamga::test {

std::shared_ptr<const Lexicon> lexicon_from(std::string_view tsv, Lang lang) {
  LexiconBuilder builder;
  builder.add_text(tsv, "test.tsv", lang);
  for (const auto& e : builder.errors()) FAIL_CHECK(e.to_string());
  return builder.build();
}

Document scan_text(const std::shared_ptr<const Lexicon>& lexicon, std::string_view text, Lang lang) {
  ScanOptions options;
  options.force_lang = lang;
  auto scanner = Scanner::create(lexicon, options);
  REQUIRE(scanner.ok());
  Document doc;
  doc.id = "test";
  doc.text = std::string(text);
  scanner.value()->scan(doc);
  return doc;
}

std::string surfaces(const Document& doc, std::string_view technique) {
  std::string out;
  for (const Hit& h : doc.hits) {
    if (!technique.empty() && technique_name(h.technique) != technique) continue;
    if (!out.empty()) out += '|';
    out += doc.text.substr(h.start, h.end - h.start);
  }
  return out;
}

std::string encode(std::string_view utf8, const char* encoding) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  UErrorCode err = U_ZERO_ERROR;
  UConverter* conv = ucnv_open(encoding, &err);
  REQUIRE(U_SUCCESS(err));
  std::string out(static_cast<size_t>(u.length()) * 4 + 4, '\0');
  int32_t n = ucnv_fromUChars(conv, out.data(), static_cast<int32_t>(out.size()), u.getBuffer(), u.length(), &err);
  ucnv_close(conv);
  REQUIRE(U_SUCCESS(err));
  out.resize(static_cast<size_t>(n));
  return out;
}

}  // namespace tamga::test
