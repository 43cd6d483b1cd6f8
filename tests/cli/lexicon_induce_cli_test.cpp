// tamga lexicon induce as users run it: a draft lexicon on standard output that `lexicon check` flags until
// reviewed, and exit status 2 for usage and data errors. The fixture is tests/data/induce/ (see
// tests/lib/induce_test.cpp for its hand-computed figures).
#include <doctest/doctest.h>

#include <fstream>
#include <string>
#include <vector>

#include "cli_support.h"

using namespace tamga::test;

namespace {

const std::string kFixture = kSource + "/tests/data/induce";

std::string induce_cmd(const std::string& extra) {
  return tamga_cmd("lexicon induce --labels '" + kFixture + "/labels.tsv' --articles '" + kFixture + "/articles' " + extra);
}

// The entry lines (neither comments, blank, nor the header row).
std::vector<std::string> entry_lines(const std::string& tsv) {
  std::vector<std::string> out;
  std::istringstream in(tsv);
  bool header = false;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    if (!header) {
      header = true;
      continue;
    }
    out.push_back(line);
  }
  return out;
}

}  // namespace

TEST_CASE("lexicon induce writes a draft lexicon, best candidate first, with score and count columns") {
  Run r = run(induce_cmd("--technique Loaded_Language --min-count 1"));
  CHECK(r.status == 0);
  CHECK(r.err == "");
  CHECK(r.out.rfind("# DRAFT lexicon, to review", 0) == 0);
  CHECK(r.out.find("\n#@ lang: en\npattern\tweight\tgloss\tnote\tz\tlog_odds\tin_spans\telsewhere\tarticles\n") !=
        std::string::npos);
  CHECK(r.out.find("#@ technique: Loaded_Language\n") != std::string::npos);
  CHECK(r.out.find("Name_Calling") == std::string::npos);
  auto entries = entry_lines(r.out);
  REQUIRE(entries.size() == 6);
  // z = 1.652609, delta = 1.168571 (computed by hand in tests/lib/induce_test.cpp); empty gloss and note.
  CHECK(entries[0] == "vile\t1\t\t\t1.653\t1.169\t3\t0\t2");
  CHECK(entries[1].rfind("vile thugs\t1\t\t\t1.487\t", 0) == 0);
}

TEST_CASE("the induced draft loads as a lexicon, and check reports every entry's gloss as missing") {
  Run r = run(induce_cmd("--min-count 1"));
  REQUIRE(r.status == 0);
  auto draft = scratch("induced-draft.tsv");
  std::ofstream(draft) << r.out;
  Run check = run(tamga_cmd("lexicon check '" + draft.string() + "'"));
  CHECK(check.status == 0);  // loads without errors
  const size_t entries = entry_lines(r.out).size();
  CHECK(entries == 7);  // six Loaded_Language candidates, one Name_Calling,Labeling
  size_t missing = 0;
  for (size_t at = check.out.find("has no gloss"); at != std::string::npos; at = check.out.find("has no gloss", at + 1))
    ++missing;
  CHECK(missing == entries);
  CHECK(check.err.find(std::to_string(entries) + " entries, 0 errors") != std::string::npos);
  CHECK(run(tamga_cmd("lexicon check --strict '" + draft.string() + "'")).status == 2);
}

TEST_CASE("lexicon induce: every labelled technique by default, --top and --min-count limit each") {
  Run all = run(induce_cmd("--min-count 1"));
  CHECK(all.status == 0);
  CHECK(all.out.find("#@ technique: Loaded_Language\n") < all.out.find("#@ technique: Name_Calling,Labeling\n"));
  CHECK(all.out.find("Doubt") == std::string::npos);
  CHECK(entry_lines(run(induce_cmd("--technique Loaded_Language --min-count 1 --top 2")).out).size() == 2);
  // Default min count 3: only "vile" is inside spans three times.
  auto defaults = entry_lines(run(induce_cmd("--technique loaded_language")).out);
  REQUIRE(defaults.size() == 1);
  CHECK(defaults[0].rfind("vile\t", 0) == 0);
}

TEST_CASE("lexicon induce: usage errors exit 2 with a message") {
  for (const std::string& args :
       {std::string("lexicon induce"), "lexicon induce --articles '" + kFixture + "/articles'",
        "lexicon induce --labels '" + kFixture + "/labels.tsv'", std::string("lexicon induce --nope")}) {
    CAPTURE(args);
    Run r = run(tamga_cmd(args));
    CHECK(r.status == 2);
    CHECK(r.err != "");
    CHECK(r.out == "");
  }
  for (const char* extra : {"--technique Nope", "--lang xx", "--top many", "--top -1", "--min-count -2"}) {
    CAPTURE(extra);
    Run r = run(induce_cmd(extra));
    CHECK(r.status == 2);
    CHECK(r.err != "");
  }
}

TEST_CASE("lexicon induce: data errors exit 2, and what can be counted still is") {
  // Span-identification labels have no technique.
  auto si = scratch("induce-si.labels");
  std::ofstream(si) << "1\t9\t19\n";
  Run r = run(tamga_cmd("lexicon induce --labels '" + si.string() + "' --articles '" + kFixture + "/articles'"));
  CHECK(r.status == 2);
  CHECK(r.err.find("technique") != std::string::npos);

  // A malformed line names its line.
  auto bad = scratch("induce-bad.labels");
  std::ofstream(bad) << "1\tLoaded_Language\t9\t19\n1\tLoaded_Language\tnine\t19\n";
  r = run(tamga_cmd("lexicon induce --labels '" + bad.string() + "' --articles '" + kFixture + "/articles'"));
  CHECK(r.status == 2);
  CHECK(r.err.find(":2:") != std::string::npos);

  // Labels of an article that is not in the folder, and a span beyond its article's end: reported, exit 2,
  // the rest still ranked.
  auto extra = scratch("induce-extra.labels");
  std::ofstream(extra) << "1\tLoaded_Language\t9\t19\n2\tLoaded_Language\t29\t33\n2\tLoaded_Language\t50\t900\n"
                          "7\tLoaded_Language\t0\t4\n";
  r = run(tamga_cmd("lexicon induce --min-count 1 --labels '" + extra.string() + "' --articles '" + kFixture +
                    "/articles'"));
  CHECK(r.status == 2);
  CHECK(r.err.find("article7.txt") != std::string::npos);
  CHECK(r.err.find("beyond the text") != std::string::npos);
  auto entries = entry_lines(r.out);
  REQUIRE(!entries.empty());
  CHECK(entries[0].rfind("vile\t", 0) == 0);

  // No articles at all.
  r = run(tamga_cmd("lexicon induce --labels '" + kFixture + "/labels.tsv' --articles '" + kFixture + "'"));
  CHECK(r.status == 2);
  CHECK(r.err.find("no article") != std::string::npos);
}
