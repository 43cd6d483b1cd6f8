// The tamga binary as users and scripts run it: exit codes, output formats, inputs, errors.
#include <doctest/doctest.h>
#include <simdjson.h>

#include "cli_support.h"

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace tamga::test;

TEST_CASE("scan of the shipped corpora succeeds with text output") {
  Run r = run(tamga_cmd("scan --color never " + kSource + "/corpora/en " + kSource + "/corpora/tr"));
  CHECK(r.status == 0);
  CHECK(r.err == "");
  CHECK(r.out.find("corpora/tr/") != std::string::npos);
  CHECK(r.out.find(": score ") != std::string::npos);
}

TEST_CASE("JSON Lines output has one record per document, with every schema field") {
  Run r = run(tamga_cmd("scan --format jsonl " + kSource + "/corpora/tr"));
  REQUIRE(r.status == 0);
  size_t files = 0;
  for (auto& e : fs::directory_iterator(kSource + "/corpora/tr")) files += e.is_regular_file();
  CHECK(count_lines(r.out) == files);
  simdjson::dom::parser parser;
  simdjson::dom::document_stream docs = parser.parse_many(r.out);
  size_t with_hits = 0;
  for (auto doc : docs) {
    simdjson::dom::element rec = doc.value();
    CHECK(std::string_view(rec["lang"]) == "tr");
    CHECK(std::string_view(rec["script"]) == "Latn");
    std::string_view text = rec["text"];
    for (simdjson::dom::element h : simdjson::dom::array(rec["hits"])) {
      ++with_hits;
      int64_t start = h["start"], end = h["end"];
      CHECK(text.substr(static_cast<size_t>(start), static_cast<size_t>(end - start)) == std::string_view(h["surface"]));
      for (const char* field : {"technique", "entry", "line", "col", "weight", "voice", "modifiers"})
        CHECK(h[field].error() == simdjson::SUCCESS);
    }
    CHECK(rec["scores"]["score"].error() == simdjson::SUCCESS);
  }
  CHECK(with_hits > 20);
}

TEST_CASE("standard input is scanned when no path is given, and '-' names it") {
  Run r = run(tamga_cmd("scan --format jsonl --lang en"), "The so-called experts lied.");
  CHECK(r.status == 0);
  CHECK(r.out.find("\"id\":\"<stdin>\"") != std::string::npos);
  CHECK(r.out.find("\"technique\":\"Doubt\"") != std::string::npos);
  Run dash = run(tamga_cmd("scan --format jsonl --lang en -"), "The so-called experts lied.");
  CHECK(dash.out == r.out);
}

TEST_CASE("--fail-above and --fail-on exit 1 when exceeded, 0 otherwise") {
  std::string loaded = kSource + "/corpora/tr/01-opinion.txt";
  CHECK(run(tamga_cmd("scan --fail-above 10 " + loaded)).status == 1);
  CHECK(run(tamga_cmd("scan --fail-above 100 " + loaded)).status == 0);
  CHECK(run(tamga_cmd("scan --fail-on Name_Calling,Labeling " + loaded)).status == 1);
  CHECK(run(tamga_cmd("scan --fail-on name_calling " + loaded)).status == 1);
  CHECK(run(tamga_cmd("scan --lang en --fail-on Slogans -"), "A quiet day at the market.").status == 0);
}

TEST_CASE("usage errors exit 2 with a message") {
  for (const char* args : {"scan --format yaml", "scan --lang xx", "scan --fail-on Nope", "scan --no-such-option",
                           "scan --fail-above 200", "scan --color sometimes", "scan --encoding no-such-enc", "nope"}) {
    CAPTURE(args);
    Run r = run(tamga_cmd(args));
    CHECK(r.status == 2);
    CHECK(r.err != "");
  }
}

TEST_CASE("a missing input is reported and the rest is still scanned, exit 2") {
  Run r = run(tamga_cmd("scan --format jsonl /no/such/file " + kSource + "/corpora/tr/01-opinion.txt"));
  CHECK(r.status == 2);
  CHECK(r.err.find("/no/such/file: no such file or folder") != std::string::npos);
  CHECK(count_lines(r.out) == 1);
}

TEST_CASE("a lexicon error is reported as file:line and exits 2, the good entries still match") {
  fs::path lex = scratch("bad.tsv");
  std::ofstream(lex) << "#@ lang: en\npattern\ttechnique\tgloss\nhoax\tDoubt\tx\nfoo\tBogus\ty\n";
  Run r = run(tamga_cmd("scan --format jsonl -l " + lex.string() + " -"), "A hoax.");
  CHECK(r.status == 2);
  CHECK(r.err.find(lex.string() + ":4: unknown technique 'Bogus'") != std::string::npos);
  CHECK(r.out.find("\"surface\":\"hoax\"") != std::string::npos);
}

TEST_CASE("binary files are skipped with a notice, folders are read recursively") {
  fs::path dir = scratch("tree");
  fs::create_directories(dir / "sub");
  std::ofstream(dir / "sub" / "a.txt") << "Some text.";
  std::ofstream(dir / "image.png", std::ios::binary) << std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  std::ofstream(dir / ".hidden.txt") << "hidden";
  Run r = run(tamga_cmd("scan --format jsonl " + dir.string()));
  CHECK(r.status == 0);
  CHECK(r.err.find("image.png: binary file skipped") != std::string::npos);
  CHECK(count_lines(r.out) == 1);
  CHECK(r.out.find("sub/a.txt") != std::string::npos);
}

TEST_CASE("invalid UTF-8 gives a record with a warning at its byte offset") {
  Run r = run(tamga_cmd("scan --format jsonl --lang en -"), std::string("bad \xFF byte"));
  CHECK(r.status == 0);
  CHECK(r.out.find("\"code\":\"invalid-utf8\"") != std::string::npos);
  CHECK(r.out.find("\"byte\":4") != std::string::npos);
}

TEST_CASE("--encoding decodes legacy input") {
  Run r = run(tamga_cmd("scan --format jsonl --encoding windows-1254 --lang tr -"), std::string("\xDE\x65hit"));
  CHECK(r.status == 0);
  CHECK(r.out.find("\"text\":\"Şehit\"") != std::string::npos);
}

TEST_CASE("output order equals input order with several threads") {
  std::string args = "scan --format jsonl " + kSource + "/corpora";
  Run a = run(tamga_cmd(args + " -j 1"));
  Run b = run(tamga_cmd(args + " -j 2"));
  CHECK(a.status == 0);
  CHECK(a.out == b.out);
}

TEST_CASE("a closed output pipe ends the run quietly with status 0") {
  Run r = run("'" + kBin + "' scan " + kSource + "/corpora " + kSource + "/corpora " + kSource +
              "/corpora | head -c 100 >/dev/null; exit ${PIPESTATUS[0]}");
  CHECK(r.status == 0);
  CHECK(r.err == "");
}

TEST_CASE("the binary finds the shipped lexicons from any working directory, and answers to tamga-scan") {
  fs::path dir = scratch("bin");
  fs::create_directories(dir);
  fs::remove(dir / "tamga-scan");
  fs::create_symlink(kBin, dir / "tamga-scan");
  Run r = run("cd / && '" + (dir / "tamga-scan").string() + "' --format jsonl --lang en -", "so-called experts");
  CHECK(r.status == 0);
  CHECK(r.out.find("\"technique\":\"Doubt\"") != std::string::npos);
}

TEST_CASE("--help and --version") {
  Run help = run(tamga_cmd("scan --help"));
  CHECK(help.status == 0);
  CHECK(help.out.find("--fail-above") != std::string::npos);
  Run version = run(tamga_cmd("--version"));
  CHECK(version.status == 0);
  CHECK(version.out.rfind("tamga ", 0) == 0);
}

TEST_CASE("tamga langid prints language, script and confidence, per paragraph on request") {
  Run r = run(tamga_cmd("langid -"), "Бүгін Астанада ақпараттық қауіпсіздік туралы үлкен кездесу өтті.");
  CHECK(r.status == 0);
  CHECK(r.out.find("<stdin>\tkk\tCyrl\t") == 0);
  Run p = run(tamga_cmd("langid --paragraphs --format jsonl -"),
              "The ministers met in Istanbul to discuss disinformation and media cooperation.\n\n"
              "Bakanlar İstanbul'da dezenformasyon ve medya iş birliğini görüşmek için bir araya geldi.\n");
  CHECK(p.status == 0);
  CHECK(p.out.find("\"paragraphs\":[{\"start\":0,") != std::string::npos);
  CHECK(p.out.find("\"lang\":\"tr\"") != std::string::npos);
  Run j = run(tamga_cmd("langid --input jsonl --format jsonl -"),
              "{\"id\":\"a\",\"text\":\"The government denied every report.\",\"source\":\"x\"}\nnot json\n");
  CHECK(j.status == 2);
  CHECK(count_lines(j.out) == 2);
  CHECK(j.out.find("\"source\":\"x\"") != std::string::npos);
  CHECK(j.err.find("<stdin>:2: not valid JSON") != std::string::npos);
}

TEST_CASE("tamga lexicon check reports file:line errors with exit 2, and the shipped lexicons pass") {
  fs::path lex = scratch("check.tsv");
  std::ofstream(lex) << "pattern\ttechnique\tgloss\nfoo\tBogus\tx\nre:(\tDoubt\ty\n";
  Run bad = run(tamga_cmd("lexicon check " + lex.string()));
  CHECK(bad.status == 2);
  CHECK(bad.out.find(lex.string() + ":2: unknown technique 'Bogus'") != std::string::npos);
  CHECK(bad.out.find(lex.string() + ":3: bad regular expression") != std::string::npos);
  Run shipped = run(tamga_cmd("lexicon check --strict"));
  CHECK(shipped.status == 0);
  CHECK(shipped.out == "");
}

TEST_CASE("tamga lexicon stats counts entries per language and technique") {
  Run r = run(tamga_cmd("lexicon stats --format tsv"));
  CHECK(r.status == 0);
  CHECK(r.out.find("technique\ten\ttr\taz\tkk\tky\tuz\ttk\tall\n") == 0);
  CHECK(r.out.find("\nLoaded_Language\t") != std::string::npos);
  CHECK(r.out.find("\ntechniques covered\t14/14\t14/14") != std::string::npos);
}

TEST_CASE("tamga lexicon explain shows matches and near misses") {
  Run r = run(tamga_cmd("lexicon explain --lang tr 'Yalan haberlerin yalancıları'"));
  CHECK(r.status == 0);
  CHECK(r.out.find("Yalan → yalan") != std::string::npos);
  CHECK(r.out.find("MATCH") != std::string::npos);
  CHECK(r.out.find("hits after the longest-match rule:") != std::string::npos);
}
