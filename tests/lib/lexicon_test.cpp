#include "tamga/lexicon.h"
#include "tamga/tokenize.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

using namespace tamga;

namespace {
std::vector<std::string> errors_of(std::string_view tsv) {
  LexiconBuilder b;
  b.add_text(tsv, "x.tsv", Lang::kEn);
  std::vector<std::string> out;
  for (const auto& e : b.errors()) out.push_back(e.to_string());
  return out;
}
}  // namespace

TEST_CASE("a lexicon with a header row, comments and defaults loads") {
  LexiconBuilder b;
  b.add_text("# comment\n#@ technique: Doubt\npattern\tweight\tgloss\nso-called\t1.5\tdoubt marker\n\nalleged\t\tclaimed\n",
             "lex.tsv", Lang::kEn);
  CHECK(b.errors().empty());
  auto lex = b.build();
  REQUIRE(lex->entries().size() == 2);
  const Entry& e = lex->entries()[0];
  CHECK(e.technique == Technique::kDoubt);
  CHECK(e.weight == 1.5);
  CHECK(e.lang == Lang::kEn);
  CHECK(e.id == "en.doubt.so_called");
  CHECK(e.line == 4);
  CHECK(e.words.size() == 2);
  CHECK(lex->entries()[1].weight == 1.0);
}

TEST_CASE("lexicon errors name the file, the line and the problem") {
  auto errs = errors_of("pattern\ttechnique\tgloss\nfoo\tNo_Such_Thing\tx\n");
  REQUIRE(errs.size() == 1);
  CHECK(errs[0] == "x.tsv:2: unknown technique 'No_Such_Thing'");

  errs = errors_of("pattern\ttechnique\nre:(unclosed\tDoubt\n");
  REQUIRE(errs.size() == 1);
  CHECK(errs[0].rfind("x.tsv:2: bad regular expression '(unclosed'", 0) == 0);

  errs = errors_of("technique\tgloss\nDoubt\tx\n");
  REQUIRE(errs.size() == 1);
  CHECK(errs[0] == "x.tsv:1: missing column 'pattern' in the header row");

  errs = errors_of("pattern\ttechnique\n\tDoubt\n");
  REQUIRE(errs.size() == 1);
  CHECK(errs[0] == "x.tsv:2: empty pattern");

  errs = errors_of("pattern\ttechnique\tweight\nfoo\tDoubt\t-1\n");
  REQUIRE(errs.size() == 1);
  CHECK(errs[0].find("x.tsv:2: bad weight '-1'") == 0);

  errs = errors_of("pattern\tgloss\nfoo\tbar\n");
  REQUIRE(errs.size() == 1);
  CHECK(errs[0].find("x.tsv:2: missing technique") == 0);

  errs = errors_of("pattern\ttechnique\n...\tDoubt\n");
  REQUIRE(errs.size() == 1);
  CHECK(errs[0].find("x.tsv:2: pattern word '...' has no letters") == 0);
}

TEST_CASE("good entries load even when others in the file are bad") {
  LexiconBuilder b;
  b.add_text("pattern\ttechnique\tgloss\nfoo\tDoubt\tx\nbar\tNope\ty\nbaz\tDoubt\tz\n", "x.tsv", Lang::kEn);
  CHECK(b.errors().size() == 1);
  CHECK(b.build()->entries().size() == 2);
}

TEST_CASE("a spreadsheet-saved lexicon with a BOM and CRLF line ends loads") {
  LexiconBuilder b;
  b.add_text("\xEF\xBB\xBFpattern\ttechnique\tgloss\r\nhoax\tDoubt\ta fabrication\r\n", "x.tsv", Lang::kEn);
  CHECK(b.errors().empty());
  auto lex = b.build();
  REQUIRE(lex->entries().size() == 1);
  CHECK(lex->entries()[0].gloss == "a fabrication");
}

TEST_CASE("duplicates and missing glosses are warnings") {
  LexiconBuilder b;
  b.add_text("pattern\ttechnique\tgloss\nhoax\tDoubt\tx\nHOAX\tDoubt\ty\nfraud\tDoubt\t\n", "x.tsv", Lang::kEn);
  CHECK(b.errors().empty());
  REQUIRE(b.warnings().size() == 2);
  CHECK(b.warnings()[0].to_string().find("x.tsv:3: duplicate of the entry at x.tsv:2") == 0);
  CHECK(b.warnings()[1].to_string() == "x.tsv:4: entry 'fraud' has no gloss");
  CHECK(b.build()->entries().size() == 2);
}

TEST_CASE("a file in a language folder takes that language") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / "tamga-lexicon-test" / "tr";
  fs::create_directories(dir);
  std::ofstream(dir / "x.tsv") << "#@ technique: Doubt\npattern\tgloss\nsözde\tso-called\n";
  LexiconBuilder b;
  b.add_path(dir.parent_path());
  CHECK(b.errors().empty());
  auto lex = b.build();
  REQUIRE(lex->entries().size() == 1);
  CHECK(lex->entries()[0].lang == Lang::kTr);
  fs::remove_all(dir.parent_path());
}

TEST_CASE("a missing lexicon path is an error") {
  LexiconBuilder b;
  b.add_path("/no/such/lexicon.tsv");
  REQUIRE(b.errors().size() == 1);
  CHECK(b.errors()[0].to_string() == "/no/such/lexicon.tsv: no such file or folder");
}

TEST_CASE("lint reports shadowed entries, letters outside the alphabet and short roots") {
  LexiconBuilder b;
  b.add_text("#@ technique: Doubt\npattern\tgloss\npropagand*\tx\npropaganda\ty\nxəbər\tz\nkan\tblood\n=hainler\th\nhain\th\n",
             "l.tsv", Lang::kTr);
  auto lex = b.build();
  std::vector<std::string> messages;
  for (const auto& i : lint(*lex)) messages.push_back(i.to_string());
  REQUIRE(messages.size() == 4);
  CHECK(messages[0].find("l.tsv:4: entry 'propaganda' is shadowed by 'propagand*' (l.tsv:3)") == 0);
  CHECK(messages[1].find("l.tsv:5: 'x' in 'xəbər' is not a letter of the tr alphabet") == 0);
  CHECK(messages[2].find("l.tsv:6: short root 'kan'") == 0);
  CHECK(messages[3].find("l.tsv:7: entry '=hainler' is shadowed by 'hain'") == 0);
}

TEST_CASE("the shipped lexicons have no lint") {
  LexiconBuilder b;
  b.add_path(std::filesystem::path(TAMGA_SOURCE_DIR) / "lexicons");
  auto lex = b.build();
  for (const auto& i : lint(*lex)) FAIL_CHECK(i.to_string());
}

TEST_CASE("explain says why an entry matched or not") {
  LexiconBuilder b;
  b.add_text("#@ technique: Name_Calling,Labeling\npattern\tgloss\nhain\ttraitor\n", "l.tsv", Lang::kTr);
  auto lex = b.build();
  auto tokenizer = Tokenizer::create();
  TokenList tokens;
  tokenizer.value()->tokenize("hainlerin hainane", Lang::kTr, tokens);
  std::vector<Lexicon::Explanation> why;
  lex->explain(tokens, Lang::kTr, why);
  REQUIRE(why.size() == 2);
  CHECK(why[0].matched);
  CHECK(why[0].reason == "'hainlerin' is the stem 'hain' + 'lerin', a valid tr ending");
  CHECK_FALSE(why[1].matched);
  CHECK(why[1].reason == "'hainane' is the stem 'hain' + 'ane', not a valid tr ending");
}

// Found by the lexicon fuzz target: `#@ weight:` took the number at the start of its value ("0abc" gave 0)
// and any number at all (-1, nan, 100), where the weight column accepts only a number above 0, at most 10.
TEST_CASE("a file default weight is held to the weight column's rule") {
  for (std::string_view bad : {"0abc", "0", "-1", "nan", "inf", "11", "1e999", ""}) {
    CAPTURE(bad);
    LexiconBuilder b;
    b.add_text("#@ technique: Doubt\n#@ weight: " + std::string(bad) + "\npattern\tgloss\nfoo\tg\n", "x.tsv", Lang::kEn);
    REQUIRE(b.errors().size() == 1);
    CHECK(b.errors()[0].to_string().find("x.tsv:2: bad weight '" + std::string(bad) + "' (a number above 0, at most 10)") == 0);
    auto lexicon = b.build();
    REQUIRE(lexicon->entries().size() == 1);
    CHECK(lexicon->entries()[0].weight == 1);  // the default weight stays
  }
  LexiconBuilder good;
  good.add_text("#@ technique: Doubt\n#@ weight: 2.5\npattern\tgloss\nfoo\tg\n", "x.tsv", Lang::kEn);
  CHECK(good.errors().empty());
  CHECK(good.build()->entries()[0].weight == 2.5);
}
