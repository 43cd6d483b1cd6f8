#include "tamga/eval.h"

#include <doctest/doctest.h>

using namespace tamga;

namespace {
std::vector<LabelledSpan> labels(const char* text) {
  auto r = parse_ptc_labels(text, "t");
  REQUIRE(r.ok());
  return r.value();
}
}  // namespace

TEST_CASE("span identification gives partial-overlap credit (hand-computed)") {
  // Gold [10,20) and [30,40); predicted [15,25) overlaps the first by 5 of its 10 characters.
  auto gold = labels("a\t10\t20\na\t30\t40\n");
  auto pred = labels("a\t15\t25\n");
  auto r = span_identification(pred, gold);
  CHECK(r.precision == doctest::Approx(0.5));         // 5/10 over 1 predicted span
  CHECK(r.recall == doctest::Approx(0.25));           // 5/10 over 2 gold spans
  CHECK(r.f1 == doctest::Approx(2 * 0.5 * 0.25 / 0.75));
}

TEST_CASE("overlapping gold spans of one article are merged first") {
  // [0,10) and [5,15) merge into [0,15); the prediction [0,15) then matches it exactly.
  auto r = span_identification(labels("a\t0\t15\n"), labels("a\t0\t10\na\t5\t15\n"));
  CHECK(r.gold == 1);
  CHECK(r.precision == doctest::Approx(1.0));
  CHECK(r.recall == doctest::Approx(1.0));
}

TEST_CASE("empty predictions score zero, and predictions in articles without gold cost precision") {
  auto gold = labels("a\t0\t10\n");
  auto none = span_identification({}, gold);
  CHECK(none.precision == 0);
  CHECK(none.recall == 0);
  CHECK(none.f1 == 0);
  auto r = span_identification(labels("a\t0\t10\nb\t0\t10\n"), gold);
  CHECK(r.precision == doctest::Approx(0.5));
  CHECK(r.recall == doctest::Approx(1.0));
}

TEST_CASE("tamga records: byte offsets become code points, non-BMP characters count once") {
  // "😀 hoax": the emoji is 4 UTF-8 bytes, 1 code point (2 UTF-16 units); "hoax" is bytes 5-9, code points 2-6.
  std::string jsonl =
      "{\"id\":\"data/article7.txt\",\"text\":\"\xF0\x9F\x98\x80 hoax\",\"hits\":[{\"technique\":\"Doubt\",\"start\":5,\"end\":9}]}\n";
  auto spans = spans_from_records(jsonl, "p.jsonl");
  REQUIRE(spans.ok());
  REQUIRE(spans.value().size() == 1);
  CHECK(spans.value()[0].article == "7");
  CHECK(spans.value()[0].start == 2);
  CHECK(spans.value()[0].end == 6);
  CHECK(spans.value()[0].technique == Technique::kDoubt);
  auto r = evaluate_si(spans.value(), labels("7\tDoubt\t2\t6\n"));
  CHECK(r.all.f1 == doctest::Approx(1.0));
  CHECK(r.per_technique.at(Technique::kDoubt).f1 == doctest::Approx(1.0));
}

TEST_CASE("technique classification: micro-F1 over the gold spans and per technique") {
  auto gold = labels("a\tDoubt\t0\t5\na\tSlogans\t10\t20\na\tLoaded_Language\t30\t35\n");
  auto pred = labels("a\tDoubt\t0\t5\na\tDoubt\t10\t20\n");  // one right, one wrong, one missing
  auto r = evaluate_tc(pred, gold, false);
  CHECK(r.correct == 1);
  CHECK(r.precision == doctest::Approx(0.5));
  CHECK(r.recall == doctest::Approx(1.0 / 3));
  CHECK(r.micro_f1 == doctest::Approx(0.4));
  CHECK(r.per_technique.at(Technique::kDoubt).precision == doctest::Approx(0.5));
  CHECK(r.per_technique.at(Technique::kDoubt).recall == doctest::Approx(1.0));
  CHECK(r.per_technique.at(Technique::kSlogans).recall == 0);
  // Hits predict the technique of the hit overlapping each gold span most.
  auto hits = labels("a\tSlogans\t12\t14\na\tDoubt\t9\t18\n");
  auto h = evaluate_tc(hits, gold, true);
  CHECK(h.predicted == 1);
  CHECK(h.correct == 0);
}

TEST_CASE("bad label lines are errors naming the line") {
  auto r = parse_ptc_labels("a\t1\t2\nb\tNope\t1\t2\n", "gold.labels");
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().message() == "gold.labels:2: unknown technique 'Nope'");
  CHECK_FALSE(parse_ptc_labels("a\t5\n", "g").ok());
  CHECK_FALSE(parse_ptc_labels("a\t9\t3\n", "g").ok());
}
