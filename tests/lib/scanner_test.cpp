#include "tamga/scanner.h"

#include <cmath>

#include <doctest/doctest.h>

#include "../support.h"

using namespace tamga;
using tamga::test::lexicon_from;
using tamga::test::scan_text;
using tamga::test::surfaces;

namespace {
const char* kEnglish =
    "pattern\ttechnique\tweight\tgloss\nthug\tName_Calling,Labeling\t1\tx\nhoax\tDoubt\t2\tx\n";
const char* kTurkish = "pattern\ttechnique\tgloss\nhain\tName_Calling,Labeling\tx\nsaldır\tLoaded_Language\tx\n";

const Modifier* modifier(const Hit& h, std::string_view kind) {
  for (const auto& m : h.modifiers)
    if (m.kind == kind) return &m;
  return nullptr;
}
}  // namespace

TEST_CASE("negation before a hit halves its weight and is recorded") {
  auto lex = lexicon_from(kEnglish, Lang::kEn);
  auto doc = scan_text(lex, "They are not thugs.", Lang::kEn);
  REQUIRE(doc.hits.size() == 1);
  const Modifier* m = modifier(doc.hits[0], "negation");
  REQUIRE(m);
  CHECK(m->cue == "not");
  CHECK(doc.hits[0].weight == doctest::Approx(0.5));
  CHECK(doc.hits[0].base_weight == 1);
}

TEST_CASE("an intensifier right before a hit raises its weight") {
  auto lex = lexicon_from(kEnglish, Lang::kEn);
  auto doc = scan_text(lex, "An utterly hoax story.", Lang::kEn);
  REQUIRE(doc.hits.size() == 1);
  REQUIRE(modifier(doc.hits[0], "intensifier"));
  CHECK(doc.hits[0].weight == doctest::Approx(3.0));
}

TEST_CASE("Turkish negation: değil after the hit, asla before it, and the negative verb suffix") {
  auto lex = lexicon_from(kTurkish, Lang::kTr);
  auto after = scan_text(lex, "Onlar hain değil.", Lang::kTr);
  REQUIRE(after.hits.size() == 1);
  CHECK(modifier(after.hits[0], "negation")->cue == "değil");
  auto before = scan_text(lex, "Asla hain olmadılar.", Lang::kTr);
  REQUIRE(before.hits.size() == 1);
  CHECK(modifier(before.hits[0], "negation"));
  auto suffix = scan_text(lex, "Kimseye saldırmadı.", Lang::kTr);
  REQUIRE(suffix.hits.size() == 1);
  CHECK(modifier(suffix.hits[0], "negation")->cue == "negative verb suffix");
  auto plain = scan_text(lex, "Herkese saldırdı.", Lang::kTr);
  REQUIRE(plain.hits.size() == 1);
  CHECK(plain.hits[0].modifiers.empty());
  auto intensified = scan_text(lex, "Çok hain bir plan.", Lang::kTr);
  CHECK(modifier(intensified.hits.at(0), "intensifier"));
}

TEST_CASE("negation does not reach across a sentence") {
  auto lex = lexicon_from(kEnglish, Lang::kEn);
  auto doc = scan_text(lex, "Not today. Thugs came.", Lang::kEn);
  REQUIRE(doc.hits.size() == 1);
  CHECK(doc.hits[0].modifiers.empty());
}

TEST_CASE("a term repeated in a document is also Repetition from its second occurrence") {
  auto lex = lexicon_from(kEnglish, Lang::kEn);
  auto doc = scan_text(lex, "Thugs here. Thugs there. Thugs everywhere.", Lang::kEn);
  CHECK(surfaces(doc, "Name_Calling,Labeling") == "Thugs|Thugs|Thugs");
  CHECK(surfaces(doc, "Repetition") == "Thugs|Thugs");
  for (const Hit& h : doc.hits)
    if (h.technique == Technique::kRepetition) CHECK(h.entry == "rule.repetition:en.name_calling.thug");
  CHECK(surfaces(scan_text(lex, "Thugs and a hoax.", Lang::kEn), "Repetition") == "");
}

TEST_CASE("scores count hits per technique and per voice") {
  auto lex = lexicon_from(kEnglish, Lang::kEn);
  auto doc = scan_text(lex, "A hoax by thugs. “Thugs,” he wrote.", Lang::kEn);
  const Scores& s = doc.scores;
  CHECK(s.tokens == 7);
  CHECK(s.techniques[static_cast<size_t>(Technique::kDoubt)].hits == 1);
  CHECK(s.techniques[static_cast<size_t>(Technique::kNameCalling)].hits == 2);
  CHECK(s.techniques[static_cast<size_t>(Technique::kRepetition)].hits == 1);
  CHECK(s.quoted.hits == 2);  // the quoted "thugs" and its Repetition
  CHECK(s.author.hits == 2);
  CHECK(s.hits_per_1000 == doctest::Approx(1000.0 * 4 / 7));
}

TEST_CASE("the document score depends on density, not length, rises with it and saturates below 100") {
  CHECK(density_score(0, 100) == 0);
  CHECK(density_score(5, 0) == 0);
  CHECK(density_score(2, 100) == doctest::Approx(density_score(20, 1000)));
  CHECK(density_score(2, 100) < density_score(4, 100));
  CHECK(density_score(4, 100) == doctest::Approx(100 * (1 - std::exp(-1.0))));
  CHECK(density_score(1000, 100) <= 100);
  CHECK(density_score(1000, 100) > 99);

  auto lex = lexicon_from("pattern\ttechnique\tgloss\nthug\tName_Calling,Labeling\tx\nhoax\tDoubt\tx\n", Lang::kEn);
  std::string quiet = " Nothing else happened in the town on that long and quiet day.";
  auto short_doc = scan_text(lex, "A hoax came." + quiet, Lang::kEn);
  auto long_doc = scan_text(lex, "A hoax came." + quiet + " A thug came." + quiet, Lang::kEn);
  CHECK(short_doc.scores.author_score == doctest::Approx(long_doc.scores.author_score));
  CHECK(short_doc.scores.author_score < 90);
}

TEST_CASE("quoted speech counts less in the document score than the outlet's own words") {
  auto lex = lexicon_from(kEnglish, Lang::kEn);
  auto own = scan_text(lex, "This is a hoax, and more words follow here.", Lang::kEn);
  auto reported = scan_text(lex, "“This is a hoax,” and more words follow here.", Lang::kEn);
  CHECK(own.scores.score > reported.scores.score);
  CHECK(reported.scores.score > 0);
  CHECK(reported.scores.quoted_score == doctest::Approx(own.scores.author_score));
}

TEST_CASE("a document without letters scores zero and has no hits") {
  auto lex = lexicon_from(kEnglish, Lang::kEn);
  auto doc = scan_text(lex, "  ... !!! ", Lang::kEn);
  CHECK(doc.hits.empty());
  CHECK(doc.scores.tokens == 0);
  CHECK(doc.scores.score == 0);
}

TEST_CASE("each paragraph of a mixed document is matched with its own language's entries and rules") {
  auto lex = lexicon_from("pattern\ttechnique\tlang\tgloss\nhoax\tDoubt\ten\tx\nhain\tName_Calling,Labeling\ttr\tx\n",
                          Lang::kUnknown);
  auto scanner = Scanner::create(lex, {});
  Document doc;
  doc.text =
      "The ministers called the report a hoax and said that the journalists were lying to everyone.\n\n"
      "Bakan, muhalefetin hain olduğunu ve gazetecilerin herkese yalan söylediğini iddia etmedi bile.\n";
  scanner.value()->scan(doc);
  REQUIRE(doc.segments.size() == 2);
  CHECK(doc.segments[0].lang == Lang::kEn);
  CHECK(doc.segments[1].lang == Lang::kTr);
  CHECK(surfaces(doc) == "hoax|hain");
}

TEST_CASE("a blank line is found wherever it falls, across the sixteen bytes looked at together") {
  // Paragraph languages are looked for only when the text has a blank line: "\n\n" or "\n\r\n" at any
  // offset; a line of spaces or a lone CR does not count (as before).
  auto lex = lexicon_from("pattern\ttechnique\tlang\tgloss\nhoax\tDoubt\ten\tx\n", Lang::kUnknown);
  auto scanner = Scanner::create(lex, {});
  const std::string english = "The ministers called the report a hoax and said that the journalists were lying.";
  const std::string turkish = "Bakan, muhalefetin hain olduğunu ve gazetecilerin yalan söylediğini iddia etti.";
  for (size_t pad = 0; pad <= 40; ++pad) {
    for (std::string gap : {"\n\n", "\n\r\n", "\n \n", "\n\r\r\n"}) {
      Document doc;
      doc.text = std::string(pad, 'x') + " " + english + gap + turkish;
      CAPTURE(pad);
      CAPTURE(gap.size());
      scanner.value()->scan(doc);
      const bool blank = gap == "\n\n" || gap == "\n\r\n";
      CHECK(doc.segments.size() == (blank ? 2u : 0u));
    }
  }
}

TEST_CASE("a word mixing Latin and Cyrillic look-alikes matches and is flagged") {
  auto lex = lexicon_from("pattern\ttechnique\tgloss\npropaganda\tLoaded_Language\tx\n", Lang::kEn);
  auto doc = scan_text(lex, "Pure pr\xD0\xBEp\xD0\xB0ganda.", Lang::kEn);  // Cyrillic о and а
  REQUIRE(doc.hits.size() == 1);
  const Modifier* m = modifier(doc.hits[0], "mixed-script");
  REQUIRE(m);
  CHECK(m->cue == "pr\xD0\xBEp\xD0\xB0ganda");
  CHECK(doc.hits[0].weight == 1);
}
