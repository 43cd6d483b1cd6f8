// The lexicons tamga ships: every file loads cleanly and every entry has a gloss.
#include <doctest/doctest.h>

#include <filesystem>
#include <set>

#include "tamga/lexicon.h"

using namespace tamga;

TEST_CASE("every shipped lexicon loads without errors or warnings, every entry with a gloss") {
  LexiconBuilder b;
  b.add_path(std::filesystem::path(TAMGA_SOURCE_DIR) / "lexicons");
  for (const auto& e : b.errors()) FAIL_CHECK(e.to_string());
  for (const auto& w : b.warnings()) FAIL_CHECK(w.to_string());
  auto lex = b.build();
  CHECK(lex->entries().size() > 1000);
  for (const Entry& e : lex->entries()) {
    CAPTURE(e.file);
    CAPTURE(e.line);
    CHECK_FALSE(e.gloss.empty());
    CHECK(e.lang != Lang::kUnknown);
  }
}

TEST_CASE("the English and Turkish lexicons cover all 14 techniques with at least 400 entries each") {
  for (const char* lang : {"en", "tr"}) {
    CAPTURE(lang);
    LexiconBuilder b;
    b.add_path(std::filesystem::path(TAMGA_SOURCE_DIR) / "lexicons" / lang);
    auto lex = b.build();
    CHECK(lex->entries().size() >= 400);
    std::set<Technique> covered;
    for (const Entry& e : lex->entries()) covered.insert(e.technique);
    CHECK(covered.size() == kTechniqueCount);
  }
}
