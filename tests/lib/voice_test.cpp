#include "detail/voice.h"

#include <doctest/doctest.h>

#include "../support.h"

using namespace tamga;
using tamga::test::lexicon_from;
using tamga::test::scan_text;

namespace {
std::string voices(const Document& doc) {
  std::string out;
  for (const Hit& h : doc.hits)
    if (h.technique != Technique::kRepetition) out += h.voice == Voice::kQuoted ? 'q' : 'a';
  return out;
}
const char* kEnglish = "pattern\ttechnique\tgloss\nthug\tName_Calling,Labeling\tx\n";
const char* kTurkish = "pattern\ttechnique\tgloss\nhain\tName_Calling,Labeling\tx\n";
}  // namespace

TEST_CASE("hits inside each kind of quotation mark are quoted") {
  auto lex = lexicon_from(kEnglish, Lang::kEn);
  for (const char* text : {"Thugs. “Thugs,” they wrote.", "Thugs. «Thugs» they wrote.", "Thugs. „Thugs“ they wrote.",
                           "Thugs. \"Thugs\" they wrote.", "Thugs. ‹Thugs› they wrote.", "Thugs. 'Thugs' they wrote.",
                           "Thugs. ‘Thugs’ they wrote."}) {
    CAPTURE(std::string(text));
    CHECK(voices(scan_text(lex, text, Lang::kEn)) == "aq");
  }
}

TEST_CASE("apostrophes inside words do not open quotations") {
  auto lex = lexicon_from(kTurkish, Lang::kTr);
  CHECK(voices(scan_text(lex, "Türkiye'nin hainleri ve Ankara'nın hainleri", Lang::kTr)) == "aa");
}

TEST_CASE("a stray quotation mark is closed at the next blank line") {
  auto lex = lexicon_from(kEnglish, Lang::kEn);
  CHECK(voices(scan_text(lex, "He said “thugs\n\nThugs everywhere.", Lang::kEn)) == "qa");
}

TEST_CASE("clearly reported statements are quoted, the outlet's own sentences are not") {
  auto lex = lexicon_from(kEnglish, Lang::kEn);
  CHECK(voices(scan_text(lex, "The minister said the protesters were thugs.", Lang::kEn)) == "q");
  CHECK(voices(scan_text(lex, "They are thugs, the minister said.", Lang::kEn)) == "q");
  CHECK(voices(scan_text(lex, "According to the police, thugs attacked.", Lang::kEn)) == "q");
  CHECK(voices(scan_text(lex, "The thugs attacked the office.", Lang::kEn)) == "a");

  auto tr = lexicon_from(kTurkish, Lang::kTr);
  CHECK(voices(scan_text(tr, "Bakan, muhalefetin hain olduğunu söyledi.", Lang::kTr)) == "q");
  CHECK(voices(scan_text(tr, "Bakan'a göre muhalefet haindir.", Lang::kTr)) == "q");
  CHECK(voices(scan_text(tr, "Buna göre hainler kaybedecek.", Lang::kTr)) == "a");
  CHECK(voices(scan_text(tr, "Hainler yine sahnede.", Lang::kTr)) == "a");
}

TEST_CASE("quoted ranges are byte ranges of the quotation") {
  auto r = detail::quoted_ranges("a “b” c");
  REQUIRE(r.size() == 1);
  CHECK(r[0].first == 2);
  CHECK(r[0].second == 9);
}

TEST_CASE("quotation marks are found at every position of a long text, across the 16-byte blocks scanned at once") {
  // Each kind of mark at each offset 0..40, after plain ASCII or two-byte letters: the block scan must
  // stop at exactly the mark, and the letter before an apostrophe is decoded backwards correctly.
  for (std::string pad_unit : {std::string("x"), std::string("ş")}) {
    for (size_t pad = 0; pad <= 40; ++pad) {
      std::string padding;
      for (size_t k = 0; k < pad; ++k) padding += pad_unit;
      for (auto [open, close] : {std::pair<std::string, std::string>{"“", "”"}, {"«", "»"}, {"\"", "\""}, {" '", "' "}}) {
        std::string text = padding + open + "quoted words" + close + " tail";
        CAPTURE(text);
        auto r = detail::quoted_ranges(text);
        REQUIRE(r.size() == 1);
        size_t open_at = padding.size() + (open[0] == ' ' ? 1 : 0);
        CHECK(r[0].first == open_at);
        CHECK(r[0].second == text.find(close, open_at + 1) + (close[0] == '\'' ? 1 : close.size()));
      }
      // An apostrophe inside a word, right after a letter, opens nothing.
      CHECK(detail::quoted_ranges(padding + pad_unit + "'s text that goes on and on").empty());
      // A blank line closes what is open.
      std::string open_text = padding + "“open\n  \nafter";
      auto r = detail::quoted_ranges(open_text);
      REQUIRE(r.size() == 1);
      CHECK(r[0].second == open_text.find("\n  \n") + 3);
    }
  }
}

TEST_CASE("a quotation still open at the last hit is quoted though it closes lines later, and marks after it change nothing") {
  // Quotation marks are read only up to the line of the last sentence with a hit: what comes after must
  // not change the voices before it.
  auto lex = lexicon_from(kEnglish, Lang::kEn);
  CHECK(voices(scan_text(lex, "Thugs. “They called us thugs.\nAnd worse.\nIn every paper,” she said.", Lang::kEn)) == "aq");
  CHECK(voices(scan_text(lex, "Thugs. They called us thugs.\nLater: “nothing” and a stray “ mark.", Lang::kEn)) == "aa");
}

TEST_CASE("line ends outside a quotation are passed over, and a blank line still closes an open one") {
  // Outside a quotation line ends are not looked at; inside one, a blank line closes it where it starts.
  const std::string text = "one\n\ntwo\n“open\nstill open\n \nafter\n\n«closed» x\n";
  auto r = detail::quoted_ranges(text);
  REQUIRE(r.size() == 2);
  CHECK(r[0].first == text.find("“"));
  CHECK(r[0].second == text.find("\n \n") + 2);
  CHECK(r[1].first == text.find("«"));
  CHECK(r[1].second == text.find("»") + 2);
}
