// Stages, formats and CI behaviour of the binary: pipeline equality, golden outputs, SARIF structure,
// config discovery, suppressions, allow-lists, baselines and -o.
#include <doctest/doctest.h>
#include <simdjson.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "cli_support.h"

namespace fs = std::filesystem;
using namespace tamga::test;

TEST_CASE("tokenize | match | score | report gives the same records as scan, on every shipped corpus") {
  std::string corpora = kSource + "/corpora";
  Run scan = run(tamga_cmd("scan --format jsonl -j 2 " + corpora));
  Run pipe = run(tamga_cmd("tokenize -j 2 " + corpora) + " | " + tamga_cmd("match") + " | " + tamga_cmd("score") + " | " +
                 tamga_cmd("report --format jsonl"));
  CHECK(scan.status == 0);
  CHECK(pipe.status == 0);
  CHECK(scan.out.size() > 10000);
  CHECK(pipe.out == scan.out);
}

TEST_CASE("stages pass through fields they do not know") {
  Run r = run(tamga_cmd("tokenize --input jsonl -") + " | " + tamga_cmd("match --lang en") + " | " + tamga_cmd("score"),
              "{\"id\":\"n1\",\"source\":\"agency\",\"date\":\"2026-05-14\",\"text\":\"A so-called expert.\"}\n");
  CHECK(r.status == 0);
  CHECK(r.out.rfind("{\"id\":\"n1\",\"source\":\"agency\",\"date\":\"2026-05-14\",\"text\":", 0) == 0);
  CHECK(r.out.find("\"technique\":\"Doubt\"") != std::string::npos);
  CHECK(r.out.find("\"scores\":") != std::string::npos);
}

TEST_CASE("every output format matches its golden output on the corpora") {
  for (const char* format : {"text", "jsonl", "json", "csv", "tsv", "sarif", "github", "html"}) {
    CAPTURE(std::string(format));
    Run r = run("cd '" + kSource + "' && TAMGA_NO_CONFIG=1 " + tamga_cmd(std::string("scan --color never -j 2 --format ") + format +
                                                                     " corpora/en corpora/tr"));
    CHECK(r.status == 0);
    CHECK(r.out == read_file(kSource + "/tests/golden/scan." + format));
  }
  Run hits = run("cd '" + kSource + "' && TAMGA_NO_CONFIG=1 " + tamga_cmd("scan --format csv --hits corpora/en corpora/tr"));
  CHECK(hits.out == read_file(kSource + "/tests/golden/scan-hits.csv"));
}

TEST_CASE("the SARIF output has the structure SARIF 2.1.0 requires") {
  Run r = run("cd '" + kSource + "' && " + tamga_cmd("scan --format sarif corpora/en"));
  REQUIRE(r.status == 0);
  simdjson::dom::parser parser;
  simdjson::dom::element log = parser.parse(r.out);
  CHECK(std::string_view(log["version"]) == "2.1.0");
  CHECK(std::string_view(log["$schema"]).find("sarif-2.1.0") != std::string_view::npos);
  simdjson::dom::array runs = log["runs"];
  REQUIRE(runs.size() == 1);
  simdjson::dom::element run0 = runs.at(0);
  CHECK(std::string_view(run0["tool"]["driver"]["name"]) == "tamga");
  CHECK(std::string_view(run0["columnKind"]) == "unicodeCodePoints");
  std::set<std::string> levels{"none", "note", "warning", "error"};
  std::vector<std::string> rule_ids;
  for (simdjson::dom::element rule : simdjson::dom::array(run0["tool"]["driver"]["rules"])) {
    rule_ids.emplace_back(std::string_view(rule["id"]));
    CHECK(!std::string_view(rule["shortDescription"]["text"]).empty());
    CHECK(!std::string_view(rule["fullDescription"]["text"]).empty());
    CHECK(!std::string_view(rule["help"]["text"]).empty());
    CHECK(levels.count(std::string(std::string_view(rule["defaultConfiguration"]["level"]))) == 1);
  }
  CHECK(rule_ids.size() == 14);
  size_t results = 0;
  for (simdjson::dom::element res : simdjson::dom::array(run0["results"])) {
    ++results;
    std::string rule{std::string_view(res["ruleId"])};
    int64_t index = res["ruleIndex"];
    REQUIRE(index >= 0);
    REQUIRE(static_cast<size_t>(index) < rule_ids.size());
    CHECK(rule_ids[static_cast<size_t>(index)] == rule);
    CHECK(levels.count(std::string(std::string_view(res["level"]))) == 1);
    CHECK(!std::string_view(res["message"]["text"]).empty());
    simdjson::dom::element loc = simdjson::dom::array(res["locations"]).at(0)["physicalLocation"];
    std::string_view uri = loc["artifactLocation"]["uri"];
    CHECK(uri.rfind("corpora/en/", 0) == 0);
    int64_t sl = loc["region"]["startLine"], sc = loc["region"]["startColumn"], el = loc["region"]["endLine"],
            ec = loc["region"]["endColumn"];
    CHECK(sl >= 1);
    CHECK(sc >= 1);
    CHECK(el >= sl);
    CHECK((el > sl || ec > sc));
    CHECK(std::string_view(res["partialFingerprints"]["tamgaFinding/v1"]).size() == 16);
  }
  CHECK(results > 50);
}

TEST_CASE("options come from the nearest .tamga.ini, the command line wins, --config picks a file") {
  fs::path root = scratch("config-project");
  fs::create_directories(root / "drafts" / "deep");
  std::ofstream(root / ".tamga.ini") << "format = jsonl\nlang = en\nfail-above = 5\n[severity]\nDoubt = error\n";
  std::ofstream(root / "drafts" / "d.txt") << "The so-called experts are a hoax.";
  Run r = run("cd '" + (root / "drafts" / "deep").string() + "' && " + tamga_cmd("scan -l " + test_lexicon() + " ../d.txt"));
  CHECK(r.status == 1);                                   // fail-above from the file
  CHECK(r.out.rfind("{\"id\":\"../d.txt\"", 0) == 0);   // format from the file
  Run cli = run("cd '" + (root / "drafts").string() + "' && " + tamga_cmd("scan -l " + test_lexicon() + " --format text --fail-above 100 d.txt"));
  CHECK(cli.status == 0);
  CHECK(cli.out.rfind("d.txt: score", 0) == 0);
  Run level = run("cd '" + (root / "drafts").string() + "' && " + tamga_cmd("scan -l " + test_lexicon() + " --fail-above 100 --fail-level error --format sarif d.txt"));
  CHECK(level.status == 1);  // Doubt is an error by the file's [severity]
  CHECK(level.out.find("\"level\": \"error\"") != std::string::npos);
  std::ofstream(root / "other.ini") << "format = csv\n";
  Run other = run("cd / && " + tamga_cmd("scan -l " + test_lexicon() + " --config '" + (root / "other.ini").string() + "' --lang en -"), "A hoax.");
  CHECK(other.out.rfind("id,lang,script", 0) == 0);
  std::ofstream(root / "bad.ini") << "no-such-option = 1\n";
  Run bad = run(tamga_cmd("scan -l " + test_lexicon() + " --config '" + (root / "bad.ini").string() + "' -"), "x");
  CHECK(bad.status == 2);
  CHECK(bad.err.find("unknown option 'no-such-option'") != std::string::npos);
}

TEST_CASE("inline suppressions and the allow-list remove findings") {
  fs::path dir = scratch("suppress");
  fs::create_directories(dir);
  std::ofstream(dir / "a.md") << "One hoax here.\n<!-- tamga-disable-next-line -->\nAnother hoax.\n\n"
                                 "<!-- tamga-disable Doubt -->\nThe so-called plan.\n<!-- tamga-enable -->\nA last hoax.\n";
  Run r = run(tamga_cmd("scan -l " + test_lexicon() + " --lang en --format jsonl " + (dir / "a.md").string()));
  CHECK(r.status == 0);
  CHECK(r.out.find("\"suppressed\":2") != std::string::npos);
  CHECK(r.out.find("\"surface\":\"so-called\"") == std::string::npos);
  std::ofstream(dir / "allow.txt") << "hoax\n";
  Run allowed = run(tamga_cmd("scan -l " + test_lexicon() + " --lang en --fail-on Doubt --allow " + (dir / "allow.txt").string() + " " + (dir / "a.md").string()));
  CHECK(allowed.status == 0);
}

TEST_CASE("a baseline hides the findings it records, also after lines are inserted above them") {
  fs::path dir = scratch("baseline");
  fs::create_directories(dir);
  std::ofstream(dir / "d.txt") << "The so-called experts are a hoax.\n";
  std::string base = (dir / "base.tsv").string();
  Run write = run("cd '" + dir.string() + "' && " + tamga_cmd("scan -l " + test_lexicon() + " --lang en --write-baseline base.tsv d.txt"));
  CHECK(write.status == 0);
  CHECK(read_file(base).find("\td.txt\tDoubt\tso-called") != std::string::npos);
  std::ofstream(dir / "d.txt") << "A new opening paragraph.\n\nThe so-called experts are a hoax.\n";
  Run same = run("cd '" + dir.string() + "' && " + tamga_cmd("scan -l " + test_lexicon() + " --lang en --fail-on Doubt --baseline base.tsv d.txt"));
  CHECK(same.status == 0);
  std::ofstream(dir / "d.txt") << "A new opening paragraph.\n\nThe so-called experts are a hoax. Alleged facts.\n";
  Run fresh = run("cd '" + dir.string() + "' && " + tamga_cmd("scan -l " + test_lexicon() + " --lang en --fail-on Doubt --format jsonl --baseline base.tsv d.txt"));
  CHECK(fresh.status == 1);
  CHECK(fresh.out.find("\"surface\":\"so-called\"") == std::string::npos);
  CHECK(fresh.out.find("\"surface\":\"Alleged\"") != std::string::npos);
}

TEST_CASE("-o writes the file only when the run completes, and a folder is refused") {
  fs::path dir = scratch("output");
  fs::create_directories(dir);
  Run r = run(tamga_cmd("scan -l " + test_lexicon() + " --lang en --format sarif -o " + (dir / "out.sarif").string() + " -"), "A hoax.");
  CHECK(r.status == 0);
  CHECK(r.out == "");
  CHECK(read_file(dir / "out.sarif").find("\"version\": \"2.1.0\"") != std::string::npos);
  Run folder = run(tamga_cmd("scan -o " + dir.string() + " -"), "x");
  CHECK(folder.status == 2);
  size_t temps = 0;
  for (auto& e : fs::directory_iterator(dir)) temps += e.path().filename().string().find(".tamga-") != std::string::npos;
  CHECK(temps == 0);
}

TEST_CASE("Markdown and HTML inputs are detected by extension and report original positions") {
  fs::path dir = scratch("markup");
  fs::create_directories(dir);
  std::ofstream(dir / "a.md") << "# Title\n\n```\nhoax in code\n```\n\nThe [hoax](http://hoax) story.\n";
  std::ofstream(dir / "b.html") << "<p title=\"hoax\">A <b>hoax</b> &amp; more.</p>\n";
  Run r = run(tamga_cmd("scan -l " + test_lexicon() + " --lang en --color never " + (dir / "a.md").string() + " " + (dir / "b.html").string()));
  CHECK(r.status == 0);
  CHECK(r.out.find("a.md:7:6: Doubt: \"hoax\"") != std::string::npos);
  CHECK(r.out.find("b.html:1:22: Doubt: \"hoax\"") != std::string::npos);
  CHECK(r.out.find("a.md:4:") == std::string::npos);
}

TEST_CASE("every command ends on empty input") {
  for (const char* command : {"scan -", "tokenize -", "match -", "score -", "report -", "langid -", "scan --format sarif -",
                              "scan --format html -", "scan --format json -"}) {
    CAPTURE(std::string(command));
    Run r = run("timeout 20 " + tamga_cmd(command));
    CHECK(r.status != 124);
  }
}

TEST_CASE("tamga eval prints the SemEval metrics as text or JSON, from PTC files or tamga records") {
  fs::path dir = scratch("eval");
  fs::create_directories(dir);
  std::ofstream(dir / "gold.labels") << "1\tDoubt\t10\t20\n1\tSlogans\t30\t40\n";
  std::ofstream(dir / "pred.labels") << "1\tDoubt\t15\t25\n";
  Run si = run(tamga_cmd("eval --task si --format json --gold " + (dir / "gold.labels").string() + " --pred " +
                         (dir / "pred.labels").string()));
  CHECK(si.status == 0);
  CHECK(si.out.rfind("{\"si\":{\"precision\":0.5,\"recall\":0.25,", 0) == 0);
  CHECK(si.out.find("\"per_technique\":{\"Doubt\":{\"precision\":0.5,\"recall\":0.5") != std::string::npos);
  std::ofstream(dir / "tc.labels") << "1\tDoubt\t10\t20\n";
  Run tc = run(tamga_cmd("eval --task tc --format json --gold " + (dir / "gold.labels").string() + " --pred " +
                         (dir / "tc.labels").string()));
  CHECK(tc.out.rfind("{\"tc\":{\"micro_f1\":0.6667,", 0) == 0);
  std::ofstream(dir / "article1.txt") << "0123456789so-called.";
  Run records = run(tamga_cmd("scan -l " + test_lexicon() + " --lang en --format jsonl " + (dir / "article1.txt").string()) +
                    " | " + tamga_cmd("eval --task si --gold " + (dir / "gold.labels").string() + " --pred -"));
  CHECK(records.status == 0);
  CHECK(records.out.find("Doubt") != std::string::npos);
  Run bad = run(tamga_cmd("eval --task xx --gold a --pred b"));
  CHECK(bad.status == 2);
}

TEST_CASE("tamga kwic shows each hit with its context, for a technique, an entry or a pattern") {
  fs::path dir = scratch("kwic");
  fs::create_directories(dir);
  std::ofstream(dir / "a.txt") << "One two three four five so-called six seven eight nine ten eleven twelve.";
  Run t = run(tamga_cmd("kwic -l " + test_lexicon() + " --lang en -t Doubt --window 2 " + (dir / "a.txt").string()));
  CHECK(t.status == 0);
  CHECK(t.out.find("four five [so-called] six seven\n") != std::string::npos);
  Run e = run(tamga_cmd("kwic -l " + test_lexicon() + " --lang en -e en.doubt.so_called --format jsonl --window 1 " +
                        (dir / "a.txt").string()));
  CHECK(e.out.find("\"left\":\"five \",\"match\":\"so-called\",\"right\":\" six\"") != std::string::npos);
  std::ofstream(dir / "b.txt") << "Yalan haberlerin peşinden gidenler yalancı değil.";
  Run p = run(tamga_cmd("kwic --lang tr -p 'yalan haber' --format jsonl " + (dir / "b.txt").string()));
  CHECK(p.status == 0);
  CHECK(count_lines(p.out) == 1);
  CHECK(p.out.find("\"match\":\"Yalan haberlerin\"") != std::string::npos);
  CHECK(run(tamga_cmd("kwic " + (dir / "a.txt").string())).status == 2);
}

TEST_CASE("report --group-by aggregates per group, and concatenated runs give the same table as one run") {
  fs::path dir = scratch("group");
  fs::create_directories(dir);
  std::ofstream(dir / "in1.jsonl") << "{\"id\":\"1\",\"source\":\"A\",\"date\":\"2026-05-14\",\"text\":\"A hoax and a so-called plan.\"}\n"
                                      "{\"id\":\"2\",\"source\":\"B\",\"date\":\"2026-05-20\",\"text\":\"A quiet market day.\"}\n";
  std::ofstream(dir / "in2.jsonl") << "{\"id\":\"3\",\"source\":\"A\",\"date\":\"2026-06-01T10:00:00Z\",\"text\":\"Alleged facts.\"}\n";
  std::string scan = tamga_cmd("scan -l " + test_lexicon() + " --lang en --format jsonl ");
  Run one = run(scan + (dir / "in1.jsonl").string() + " " + (dir / "in2.jsonl").string() + " | " +
                tamga_cmd("report --group-by source,date --date-bucket month --format csv"));
  Run two = run("{ " + scan + (dir / "in1.jsonl").string() + "; " + scan + (dir / "in2.jsonl").string() + "; } | " +
                tamga_cmd("report --group-by source,date --date-bucket month --format csv"));
  CHECK(one.status == 0);
  CHECK(one.out == two.out);
  CHECK(one.out.rfind("source,date,documents,tokens,hits,weight,hits_per_1000", 0) == 0);
  CHECK(one.out.find("\nA,2026-05,1,7,2,") != std::string::npos);
  CHECK(one.out.find("\nA,2026-06,1,2,1,") != std::string::npos);
  CHECK(one.out.find("\nB,2026-05,1,4,0,") != std::string::npos);
  Run tech = run(scan + (dir / "in1.jsonl").string() + " | " + tamga_cmd("report --group-by technique --format json"));
  CHECK(tech.out.find("{\"technique\":\"Doubt\",\"documents\":2,\"tokens\":11,\"hits\":2,") != std::string::npos);
  Run html = run(scan + (dir / "in1.jsonl").string() + " | " + tamga_cmd("report --group-by source --format html"));
  CHECK(html.out.find("<svg") != std::string::npos);
  CHECK(html.out.find("http://www.w3.org/2000/svg") != std::string::npos);
  CHECK(html.out.find("src=") == std::string::npos);
}
