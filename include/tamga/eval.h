// Scoring predicted spans against gold spans with the SemEval-2020 Task 11 metrics.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tamga/status.h"
#include "tamga/technique.h"

namespace tamga {

// A span of an article, in Unicode code points (start inclusive, end exclusive), with its technique when
// known.
struct LabelledSpan {
  std::string article;
  std::optional<Technique> technique;
  unsigned start = 0, end = 0;
};

// PTC label files: `article<TAB>start<TAB>end` (span identification) or
// `article<TAB>technique<TAB>start<TAB>end` (technique classification). Errors name the line.
Result<std::vector<LabelledSpan>> parse_ptc_labels(std::string_view text, std::string_view file);

// tamga JSON Lines records as predictions: every hit, its byte offsets turned into code points of the
// record's text; the article id from an id like ".../article123.txt" (else the id itself).
Result<std::vector<LabelledSpan>> spans_from_records(std::string_view jsonl, std::string_view file);

struct PrecisionRecall {
  double precision = 0, recall = 0, f1 = 0;
  size_t predicted = 0, gold = 0;
};

// Span identification as the official scorer computes it: spans as sets of character indices,
// overlapping spans of one article merged (gold and predicted alike), precision = Σ|s∩t|/|s| over
// predicted spans s and gold spans t divided by the number of predicted spans, recall = Σ|s∩t|/|t| divided
// by the number of gold spans.
PrecisionRecall span_identification(const std::vector<LabelledSpan>& predicted, const std::vector<LabelledSpan>& gold);

struct SpanReport {
  PrecisionRecall all;
  std::map<Technique, PrecisionRecall> per_technique;  // when the gold spans have techniques
};
SpanReport evaluate_si(const std::vector<LabelledSpan>& predicted, const std::vector<LabelledSpan>& gold);

// Technique classification over the given gold spans: one label is predicted per gold span (a prediction
// with the same article, start and end; for tamga hits, the technique of the hit that overlaps the span
// most). Micro-F1 over all spans, and precision, recall and F1 per technique.
struct ClassificationReport {
  double micro_f1 = 0, precision = 0, recall = 0;
  size_t predicted = 0, gold = 0, correct = 0;
  std::map<Technique, PrecisionRecall> per_technique;
};
ClassificationReport evaluate_tc(const std::vector<LabelledSpan>& predicted, const std::vector<LabelledSpan>& gold,
                                 bool predictions_are_hits);

}  // namespace tamga
