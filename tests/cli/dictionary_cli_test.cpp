// tamga lexicon import|export as users run them: files and standard input, -o, exit codes, messages.
#include <doctest/doctest.h>

#include "cli_support.h"

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

using namespace tamga::test;

namespace {
const std::string kDictionaries = kSource + "/tests/data/dictionaries/";
}

TEST_CASE("lexicon import writes a lexicon that lexicon check loads without errors") {
  std::string out = scratch("imported.tsv").string();
  Run r = run(tamga_cmd("lexicon import --from liwc " + kDictionaries +
                        "sample.dic --map negemo=Loaded_Language --map anger=name_calling "
                        "--map 'certain=Exaggeration,Minimisation' --lang en -o " + out));
  CHECK(r.status == 0);
  CHECK(r.out == "");
  CHECK(r.err.find("sample.dic:11: conditional category codes of 'like'") != std::string::npos);
  CHECK(r.err.find("7 entries from 3 categories") != std::string::npos);
  std::string tsv = read_file(out);
  CHECK(tsv.find("#@ lang: en\n") != std::string::npos);
  CHECK(tsv.find("lying scum\tName_Calling,Labeling\tLIWC category anger\n") != std::string::npos);
  Run check = run(tamga_cmd("lexicon check " + out));
  CHECK(check.status == 0);
  CHECK(check.err.find("7 entries, 0 errors") != std::string::npos);
}

TEST_CASE("lexicon import of an unmapped category exits 2 naming the file, line and category, and writes nothing") {
  Run r = run(tamga_cmd("lexicon import " + kDictionaries + "sample.dic --map negemo=Loaded_Language"));
  CHECK(r.status == 2);
  CHECK(r.out == "");
  CHECK(r.err.find("sample.dic:3: category 'anger' has no technique") != std::string::npos);
  CHECK(r.err.find("sample.dic:4: category 'certain' has no technique") != std::string::npos);
}

TEST_CASE("lexicon import reads each format, by --from or by the file's extension, and standard input") {
  for (const char* file : {"sample.dic", "sample.dicx", "sample.yml", "sample.lc3", "sample.cat"}) {
    CAPTURE(file);
    Run r = run(tamga_cmd("lexicon import --technique Doubt --keep-categories " + kDictionaries + file));
    CHECK(r.status == 0);
    CHECK(r.out.find("\tcategory\n") != std::string::npos);
  }
  Run in = run(tamga_cmd("lexicon import --from lexicoder --map negative=Loaded_Language --only-mapped -"),
               read_file(kDictionaries + "sample.lc3"));
  CHECK(in.status == 0);
  CHECK(in.out.find("hoax\tLoaded_Language\tLexicoder category negative\n") != std::string::npos);
  CHECK(in.out.find("absolutely") == std::string::npos);
  CHECK(in.err.find("<stdin>: 1 category with no mapping skipped (--only-mapped): certainty") != std::string::npos);
}

TEST_CASE("lexicon import errors in the dictionary exit 2 with file:line messages") {
  std::string bad = scratch("bad.yml").string();
  std::ofstream(bad) << "loaded:\n  - hoax\n\t- liar\n";
  Run r = run(tamga_cmd("lexicon import --technique Doubt " + bad));
  CHECK(r.status == 2);
  CHECK(r.out == "");
  CHECK(r.err.find(bad + ":3: a tab in the indentation") != std::string::npos);
}

TEST_CASE("lexicon import usage errors exit 2 with a message") {
  std::string dic = kDictionaries + "sample.dic";
  for (const std::string& args : std::vector<std::string>{"lexicon import", "lexicon import " + dic + " " + dic,
                           "lexicon import --map negemo=Nope " + dic, "lexicon import --map negemo " + dic,
                           "lexicon import --from excel " + dic, "lexicon import --technique Doubt -",
                           "lexicon import --technique Nope " + dic, "lexicon import --lang xx --technique Doubt " + dic,
                           "lexicon import --technique Doubt /no/such.dic"}) {
    CAPTURE(args);
    Run r = run(tamga_cmd(args));
    CHECK(r.status == 2);
    CHECK(r.err != "");
    CHECK(r.out == "");
  }
}

TEST_CASE("lexicon export writes the shipped lexicons as a LIWC dictionary, warning about regexes on stderr") {
  Run shipped = run(tamga_cmd("lexicon export --to liwc --lang en"));
  CHECK(shipped.status == 0);
  CHECK(shipped.out.rfind("%\n1\tLoaded_Language\n", 0) == 0);
  CHECK(shipped.out.find("re:") == std::string::npos);

  std::string lexicon = scratch("with-regex.tsv").string();
  std::ofstream(lexicon) << "#@ lang: en\npattern\ttechnique\tgloss\nhoax\tDoubt\tg\nre:^x+$\tDoubt\tg\n";
  Run r = run(tamga_cmd("lexicon export --to liwc " + lexicon));
  CHECK(r.status == 0);
  CHECK(r.out == "%\n1\tDoubt\n%\nhoax\t1\n");
  CHECK(r.err.find(lexicon + ":4: regular expression pattern 're:^x+$' has no LIWC equivalent; skipped (warning)") !=
        std::string::npos);
}

TEST_CASE("lexicon export then import round-trips a lexicon through quanteda and LIWC files") {
  std::string lexicon = test_lexicon();
  for (const char* to : {"quanteda", "liwc"}) {
    CAPTURE(to);
    std::string exported = scratch(std::string("exported.") + (std::string(to) == "liwc" ? "dic" : "yml")).string();
    Run e = run(tamga_cmd(std::string("lexicon export --to ") + to + " -o " + exported + " " + lexicon));
    CHECK(e.status == 0);
    Run i = run(tamga_cmd("lexicon import --lang en " + exported));
    CHECK(i.status == 0);
    for (const char* pattern : {"\nhoax\tDoubt\t", "\nso-called\tDoubt\t", "\nalleged\tDoubt\t"})
      CHECK(i.out.find(pattern) != std::string::npos);
  }
}

TEST_CASE("lexicon export usage errors exit 2") {
  for (const char* args : {"lexicon export", "lexicon export --to wordstat", "lexicon export --to liwc --lang xx"}) {
    CAPTURE(args);
    Run r = run(tamga_cmd(args));
    CHECK(r.status == 2);
    CHECK(r.err != "");
    CHECK(r.out == "");
  }
}
