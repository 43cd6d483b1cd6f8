// The JSON Lines reader on records that tamga did not write: missing fields, values of the wrong type,
// offsets outside the text, numbers beyond any offset. (Cases found by tests/fuzz/jsonl_fuzz.cpp.)
#include "tamga/jsonl.h"

#include <doctest/doctest.h>

#include <limits>

#include "../support.h"
#include "tamga/output.h"
#include "tamga/scanner.h"

using namespace tamga;

TEST_CASE("a hit, paragraph or diagnostic with missing fields or of the wrong type reads as absent fields") {
  Document doc;
  CHECK_NOTHROW(doc = document_from_json_line(
                    R"({"id":"h","text":"short text","hits":[{"start":0,"end":5},7],"paragraphs":[1,{"end":5}],)"
                    R"("scores":{"author":3,"quoted":[]},"warnings":[{"byte":2},"w"],"tokens":[[0,5,"short"],[6]]})",
                    {}, "fallback", "in:1"));
  CHECK(doc.errors.empty());
  REQUIRE(doc.hits.size() == 2);
  CHECK(doc.hits[0].entry.empty());
  CHECK(doc.hits[0].end == 5);
  CHECK(doc.hits[1].end == 0);
  REQUIRE(doc.segments.size() == 2);
  CHECK(doc.segments[1].end == 5);
  REQUIRE(doc.warnings.size() == 2);
  CHECK(doc.warnings[0].byte == 2);
  CHECK(doc.warnings[1].code.empty());
  CHECK(doc.tokens.tokens.size() == 1);
}

TEST_CASE("a hit outside the text is an error of the record, as a token outside it is") {
  Document past_end = document_from_json_line(
      R"({"id":"h","text":"short","hits":[{"technique":"Doubt","entry":"e","start":100,"end":200}]})", {}, "f", "in:3");
  REQUIRE(past_end.errors.size() == 1);
  CHECK(past_end.errors[0].code == "bad-hit");
  CHECK(past_end.errors[0].message == "in:3: hit [100, 200] is not a range of the text");
  CHECK(past_end.hits.empty());
  Document reversed = document_from_json_line(R"({"id":"h","text":"short","hits":[{"start":3,"end":1}]})", {}, "f", "in:4");
  REQUIRE(reversed.errors.size() == 1);
  CHECK(reversed.errors[0].code == "bad-hit");
}

TEST_CASE("offsets and byte positions beyond any range are clamped, not converted out of range") {
  Document doc = document_from_json_line(
      R"({"id":"z","text":"x y","hits":[{"start":-5,"end":1e20}],"warnings":[{"code":"c","message":"m","byte":-1e300}]})",
      {}, "f", "in:5");
  REQUIRE(doc.errors.size() == 1);
  CHECK(doc.errors[0].message == "in:5: hit [0, " + std::to_string(std::numeric_limits<unsigned>::max()) + "] is not a range of the text");
  REQUIRE(doc.warnings.size() == 1);
  CHECK(doc.warnings[0].byte == -1);
}

TEST_CASE("paragraphs out of order or past the text, and offsets inside a character, are errors of the record") {
  Document past_end = document_from_json_line(
      R"({"id":"p","text":"abc","lang":"en","paragraphs":[{"start":10,"end":20,"lang":"en"}]})", {}, "f", "in:6");
  REQUIRE(past_end.errors.size() == 1);
  CHECK(past_end.errors[0].code == "bad-paragraph");
  CHECK(past_end.segments.empty());
  Document overlapping = document_from_json_line(
      R"({"id":"p","text":"abc def","paragraphs":[{"start":0,"end":7,"lang":"en"},{"start":4,"end":7,"lang":"tr"}]})", {}, "f", "in:7");
  REQUIRE(overlapping.errors.size() == 1);
  CHECK(overlapping.errors[0].code == "bad-paragraph");
  // "жау" is six bytes, two a letter.
  Document token = document_from_json_line(R"({"id":"t","text":"жау","tokens":[[1,6,"x"]]})", {}, "f", "in:8");
  REQUIRE(token.errors.size() == 1);
  CHECK(token.errors[0].code == "bad-token");
  Document hit = document_from_json_line(R"({"id":"h","text":"жау","hits":[{"start":0,"end":3}]})", {}, "f", "in:9");
  REQUIRE(hit.errors.size() == 1);
  CHECK(hit.errors[0].code == "bad-hit");
  Document whole = document_from_json_line(
      R"({"id":"w","text":"жау","tokens":[[0,6,"жау"]],"hits":[{"start":0,"end":6}],"paragraphs":[{"start":0,"end":6}]})",
      {}, "f", "in:10");
  CHECK(whole.errors.empty());
}

// Found by the scan fuzz target: tokens read back took their sentences from the HTML source, where "</p><p>"
// ends no sentence, so `tokenize | match` negated a hit that scan did not.
TEST_CASE("tokens of an HTML record read back keep the sentences of its prose view: match gives scan's weights") {
  auto lexicon = test::lexicon_from("pattern\ttechnique\tgloss\nexperts agree\tDoubt\tg\n", Lang::kEn);
  ScanOptions options;
  options.force_lang = Lang::kEn;
  auto scanner = Scanner::create(lexicon, options);
  REQUIRE(scanner.ok());
  Document doc;
  doc.id = "d.html";
  doc.format = DocumentFormat::kHtml;
  doc.text = "<p>Not</p><p>experts agree.</p>";
  scanner.value()->scan(doc);
  REQUIRE(doc.hits.size() == 1);
  CHECK(doc.hits[0].weight == 1);  // the paragraph ends the sentence: "Not" does not negate the hit
  PrinterOptions printer_options;
  printer_options.stage = Stage::kTokenized;
  std::string record;
  make_printer(OutputFormat::kJsonl, printer_options)->document(doc, record);
  REQUIRE(!record.empty());
  Document piped = document_from_json_line(std::string_view(record).substr(0, record.size() - 1), {}, "x", "in:1");
  REQUIRE(piped.errors.empty());
  REQUIRE(piped.tokens.tokens.size() == doc.tokens.tokens.size());
  for (size_t i = 0; i < doc.tokens.tokens.size(); ++i) CHECK(piped.tokens.tokens[i].sentence == doc.tokens.tokens[i].sentence);
  scanner.value()->match(piped);
  REQUIRE(piped.hits.size() == 1);
  CHECK(piped.hits[0].weight == doc.hits[0].weight);
}

TEST_CASE("a record takes the caller's id only when it has none of its own, and whatever its errors") {
  // The parse buffer is kept from record to record: a long record, then a short one, must not leak bytes.
  Document with_id = document_from_json_line(R"({"id":"a-1","text":")" + std::string(300, 'x') + R"("})", {}, "corpus.jsonl:7", "w");
  CHECK(with_id.id == "a-1");
  CHECK(with_id.text == std::string(300, 'x'));
  Document without = document_from_json_line(R"({"text":"short"})", {}, "corpus.jsonl:8", "w");
  CHECK(without.id == "corpus.jsonl:8");
  CHECK(without.text == "short");
  Document numeric = document_from_json_line(R"({"text":"t","id":42})", {}, "corpus.jsonl:9", "w");
  CHECK(numeric.id == "42");
  Document broken = document_from_json_line(R"({"id":"b","text":)", {}, "corpus.jsonl:10", "w");
  CHECK(broken.id == "corpus.jsonl:10");
  REQUIRE(broken.errors.size() == 1);
  CHECK(broken.errors[0].code == "invalid-json");
  Document array = document_from_json_line(R"(["id","text"])", {}, "corpus.jsonl:11", "w");
  CHECK(array.id == "corpus.jsonl:11");
  REQUIRE(array.errors.size() == 1);
  CHECK(array.errors[0].code == "not-an-object");
}

TEST_CASE("a document reused from record to record keeps nothing of the record before") {
  Document doc;
  document_from_json_line(R"({"id":"first","text":"A long first record with its own fields.","lang":"en","source":"wire","hits":[{"start":2,"end":6}]})",
                          {}, "in:1", "in:1", doc);
  REQUIRE(doc.errors.empty());
  CHECK(doc.id == "first");
  CHECK(!doc.extra_fields.empty());
  doc.tokens.tokens.push_back({});  // as a scan would leave them
  doc.tokens.normalized = "stale keys";
  document_from_json_line(R"({"text":"short"})", {}, "in:2", "in:2", doc);
  const Document fresh = document_from_json_line(R"({"text":"short"})", {}, "in:2", "in:2");
  CHECK(doc.id == fresh.id);
  CHECK(doc.text == "short");
  CHECK(doc.lang == fresh.lang);
  CHECK(doc.hits.empty());
  CHECK(doc.errors.empty());
  CHECK(doc.extra_fields.empty());
  CHECK(doc.tokens.tokens.empty());
  CHECK(doc.tokens.normalized.empty());
  document_from_json_line("not json", {}, "in:3", "in:3", doc);
  CHECK(doc.id == "in:3");
  CHECK(doc.text.empty());
  REQUIRE(doc.errors.size() == 1);
}
