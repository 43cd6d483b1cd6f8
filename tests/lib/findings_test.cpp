#include "tamga/findings.h"

#include <doctest/doctest.h>

#include "../support.h"

using namespace tamga;

namespace {
const char* kLexicon = "pattern\ttechnique\tgloss\nhoax\tDoubt\tx\nthug\tName_Calling,Labeling\ty\n";
}

TEST_CASE("fingerprints do not change when lines are inserted above a finding") {
  auto lex = test::lexicon_from(kLexicon, Lang::kEn);
  auto a = test::scan_text(lex, "A hoax. Thugs came.", Lang::kEn);
  auto b = test::scan_text(lex, "New first line.\n\nAnother one.\nA hoax. Thugs came.", Lang::kEn);
  a.id = b.id = "draft.md";
  CHECK(fingerprints(a) == fingerprints(b));
  auto c = test::scan_text(lex, "A hoax. A hoax.", Lang::kEn);
  c.id = "draft.md";
  auto fps = fingerprints(c);
  CHECK(fps[0] != fps[1]);  // the second occurrence is a different finding
}

TEST_CASE("the baseline and the allow-list remove accepted findings and count them") {
  auto lex = test::lexicon_from(kLexicon, Lang::kEn);
  auto doc = test::scan_text(lex, "A hoax. Thugs came.", Lang::kEn);
  AllowList allow = AllowList::from_text("# accepted\nTHUGS\n");
  filter_findings(doc, &allow, nullptr);
  REQUIRE(doc.hits.size() == 1);
  CHECK(doc.hits[0].technique == Technique::kDoubt);
  CHECK(doc.suppressed == 1);
  AllowList by_entry = AllowList::from_text("entry:en.doubt.hoax\n");
  filter_findings(doc, &by_entry, nullptr);
  CHECK(doc.hits.empty());
  CHECK(doc.suppressed == 2);
}

TEST_CASE("severities default to warning, Repetition to note") {
  Severities s;
  CHECK(s.of(Technique::kDoubt) == Severity::kWarning);
  CHECK(s.of(Technique::kRepetition) == Severity::kNote);
  CHECK(parse_severity("error") == Severity::kError);
  CHECK_FALSE(parse_severity("fatal"));
}
