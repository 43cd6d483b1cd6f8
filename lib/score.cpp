#include <cmath>

#include "tamga/scanner.h"

namespace tamga {

// score = 100 * (1 - exp(-d / 4)), where d is the weighted hits per 100 tokens. Density, not count, so
// the same density gives the same score at any length; saturating, so one very loaded text does not
// dwarf the scale (d = 1 → 22, d = 4 → 63, d = 8 → 86, d = 12 → 95).
double density_score(double weight, unsigned tokens) {
  if (tokens == 0 || weight <= 0) return 0;
  double d = 100.0 * weight / tokens;
  return 100.0 * (1.0 - std::exp(-d / 4.0));
}

void score_document(Document& doc, double quoted_factor) {
  Scores s;
  s.tokens = static_cast<unsigned>(doc.tokens.tokens.size());
  for (const Hit& h : doc.hits) {
    auto& t = s.techniques[static_cast<size_t>(h.technique)];
    ++t.hits;
    t.weight += h.weight;
    ++s.total.hits;
    s.total.weight += h.weight;
    auto& v = h.voice == Voice::kQuoted ? s.quoted : s.author;
    ++v.hits;
    v.weight += h.weight;
  }
  if (s.tokens) {
    s.hits_per_1000 = 1000.0 * s.total.hits / s.tokens;
    s.weighted_per_1000 = 1000.0 * s.total.weight / s.tokens;
  }
  s.score = density_score(s.author.weight + quoted_factor * s.quoted.weight, s.tokens);
  s.author_score = density_score(s.author.weight, s.tokens);
  s.quoted_score = density_score(s.quoted.weight, s.tokens);
  doc.scores = s;
}

}  // namespace tamga
