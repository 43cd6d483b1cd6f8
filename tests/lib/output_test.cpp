#include "tamga/output.h"

#include <doctest/doctest.h>
#include <simdjson.h>

#include "../support.h"
#include "detail/json_writer.h"

using namespace tamga;

namespace {
Document sample() {
  auto lex = test::lexicon_from("pattern\ttechnique\tgloss\nthug\tName_Calling,Labeling\tviolent person\n", Lang::kEn);
  return test::scan_text(lex, "Not \"thugs\"\x1b[31m here. Thugs!", Lang::kEn);
}
}  // namespace

TEST_CASE("a JSON Lines record has the schema v1 fields, one object per line") {
  Document doc = sample();
  doc.extra_fields.emplace_back("source", "\"agency\"");
  std::string out;
  make_printer(OutputFormat::kJsonl, {})->document(doc, out);
  REQUIRE(out.back() == '\n');
  CHECK(out.find('\n') == out.size() - 1);
  simdjson::dom::parser parser;
  simdjson::dom::element rec = parser.parse(out);
  CHECK(std::string_view(rec["id"]) == "test");
  CHECK(std::string_view(rec["source"]) == "agency");
  CHECK(std::string_view(rec["text"]) == doc.text);
  CHECK(std::string_view(rec["lang"]) == "en");
  CHECK(std::string_view(rec["script"]) == "Latn");
  CHECK(simdjson::dom::array(rec["tokens"]).size() == doc.tokens.tokens.size());
  simdjson::dom::array hits = rec["hits"];
  REQUIRE(hits.size() == 3);
  simdjson::dom::element first = hits.at(0);
  CHECK(std::string_view(first["technique"]) == "Name_Calling,Labeling");
  CHECK(std::string_view(first["entry"]) == "en.name_calling.thug");
  CHECK(int64_t(first["start"]) == 5);
  CHECK(int64_t(first["end"]) == 10);
  CHECK(int64_t(first["line"]) == 1);
  CHECK(int64_t(first["col"]) == 6);
  CHECK(std::string_view(first["surface"]) == "thugs");
  CHECK(std::string_view(first["voice"]) == "quoted");
  CHECK(double(first["weight"]) == doctest::Approx(0.5));
  CHECK(std::string_view(simdjson::dom::array(first["modifiers"]).at(0)["kind"]) == "negation");
  simdjson::dom::element scores = rec["scores"];
  CHECK(int64_t(scores["tokens"]) == 5);
  CHECK(int64_t(scores["techniques"]["Name_Calling,Labeling"]["hits"]) == 2);
  CHECK(double(scores["score"]) >= 0);
  CHECK(int64_t(scores["quoted"]["hits"]) == 1);
  CHECK(simdjson::dom::array(rec["warnings"]).size() == 0);
  CHECK(simdjson::dom::array(rec["errors"]).size() == 0);
}

TEST_CASE("text output gives path:line:col lines and never writes the document's escape sequences") {
  Document doc = sample();
  std::string out;
  make_printer(OutputFormat::kText, {})->document(doc, out);
  CHECK(out.find("test:1:6: Name_Calling,Labeling: \"thugs\" — violent person [quoted] [negation: Not ×0.5]") !=
        std::string::npos);
  // A file name carrying an escape sequence (ids come from paths) is shown escaped, never sent on.
  Document hostile = sample();
  hostile.id = "evil\x1b[2J\x07name.txt";
  std::string shown;
  make_printer(OutputFormat::kText, {})->document(hostile, shown);
  CHECK(shown.find('\x1b') == std::string::npos);
  CHECK(shown.find('\x07') == std::string::npos);
  CHECK(shown.find("evil\\x1B[2J\\x07name.txt:1:6:") != std::string::npos);
  PrinterOptions color;
  color.color = true;
  std::string colored;
  make_printer(OutputFormat::kText, color)->document(doc, colored);
  CHECK(colored.find("\x1b[1;31mthugs\x1b[0m") != std::string::npos);
}

TEST_CASE("spreadsheet cells cannot run formulas and HTML never carries raw markup from the document") {
  Document doc = sample();
  doc.id = "=HYPERLINK(\"x\")<b>";
  std::string csv, html;
  auto table = make_printer(OutputFormat::kCsv, {});
  table->document(doc, csv);
  CHECK(csv.rfind("\"'=HYPERLINK(\"\"x\"\")<b>\",", 0) == 0);
  auto page = make_printer(OutputFormat::kHtml, {});
  page->document(doc, html);
  CHECK(html.find("<b>") == std::string::npos);
  CHECK(html.find("=HYPERLINK(&quot;x&quot;)&lt;b&gt;") != std::string::npos);
}

TEST_CASE("JSON strings escape every character that needs it, wherever it falls in the 16-byte blocks scanned at once") {
  // Each character that must be escaped, after 0..40 bytes of plain ASCII or two-byte letters; the
  // record must parse back to the original text.
  const std::vector<std::string> specials = {"\"", "\\", "\n", "\t", "\x01", "\x1f", "\x7f", "\xC2\x85", "\xE2\x80\xA8",
                                             "\xE2\x80\xA9", "\xC2\xAB", "\xE2\x80\x9C"};
  for (std::string unit : {std::string("a"), std::string("ş")}) {
    for (size_t pad = 0; pad <= 40; ++pad) {
      for (const std::string& special : specials) {
        std::string padding;
        for (size_t k = 0; k < pad; ++k) padding += unit;
        std::string text = padding + special + padding + "end";
        std::string out;
        detail::append_json_string(out, text);
        CAPTURE(out);
        CHECK(out.find('\n') == std::string::npos);
        CHECK(out.find("\xE2\x80\xA8") == std::string::npos);
        CHECK(out.find("\xC2\x85") == std::string::npos);
        simdjson::dom::parser parser;
        simdjson::padded_string json(out);
        auto parsed = parser.parse(json).get_string();
        REQUIRE(!parsed.error());
        CHECK(std::string(parsed.value()) == text);
      }
    }
  }
}
