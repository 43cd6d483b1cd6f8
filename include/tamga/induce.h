// Candidate lexicon entries from labelled spans: word n-grams ranked by the weighted log-odds ratio with an
// informative Dirichlet prior (Monroe, Colaresi and Quinn 2008, "Fightin' Words"), for a person to review.
#pragma once
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "tamga/eval.h"
#include "tamga/language.h"
#include "tamga/status.h"
#include "tamga/technique.h"

namespace tamga {

inline constexpr unsigned kMaxInduceWords = 3;

// The weighted log-odds statistic of one word between corpus a (inside the spans) and corpus b (the rest),
// with Dirichlet prior count `ai` for the word and `a0` in all:
//   delta    = log((ya + ai) / (na + a0 − ya − ai)) − log((yb + ai) / (nb + a0 − yb − ai))
//   variance ≈ 1 / (ya + ai) + 1 / (yb + ai)
//   z        = delta / √variance
struct LogOdds {
  double delta = 0;
  double variance = 0;
  double z = 0;
};
// Needs ya + ai > 0, yb + ai > 0 and both denominators > 0; otherwise every field is 0.
LogOdds weighted_log_odds(double ya, double na, double yb, double nb, double ai, double a0);

struct InduceCandidate {
  std::string pattern;             // normalized words separated by single spaces
  unsigned words = 1;
  double z = 0;                    // delta / √variance: the ranking
  double delta = 0;                // log-odds difference, spans − rest
  unsigned long long in_spans = 0;   // occurrences fully inside a span of the technique (y^a)
  unsigned long long elsewhere = 0;  // every other occurrence in the corpus (y^b)
  unsigned articles = 0;           // articles with at least one occurrence inside a span
};

struct InduceOptions {
  size_t top = 50;           // candidates returned (0: all)
  unsigned min_count = 3;    // minimum occurrences inside spans (at least 1)
  double prior_scale = 1;    // prior a_i = prior_scale × the n-gram's count in the whole corpus (> 0)
};

// Counts word n-grams (1 to `max_words` tokens) over articles, inside the labelled spans of each technique
// and in all, then ranks the n-grams of a technique. Tokens come from tamga's Tokenizer, so candidates are
// normalized as lexicon patterns are; n-grams stay within a sentence and skip numbers and tokens without a
// letter. An n-gram counts as inside a technique's spans when all its tokens lie within one span of it.
// Each n-gram length is its own multinomial (n^a, n^b and a0 are counts of n-grams of that length).
// Not thread-safe; counting does not allocate per token once the vocabulary has settled.
class NgramInducer {
 public:
  static Result<std::unique_ptr<NgramInducer>> create(Lang lang, unsigned max_words = kMaxInduceWords);
  ~NgramInducer();
  NgramInducer(const NgramInducer&) = delete;
  NgramInducer& operator=(const NgramInducer&) = delete;

  // Counts one article (valid UTF-8). `spans` are its labelled spans, in Unicode code points as PTC gives
  // them (the `article` field is not looked at; spans without a technique are ignored). A span that ends
  // beyond the text is left out and reported in the returned status; the article is still counted.
  Status add_article(std::string_view text, std::span<const LabelledSpan> spans);

  // Candidates for `technique`, best first (z descending, then pattern). Fails on a bad option.
  Result<std::vector<InduceCandidate>> rank(Technique technique, const InduceOptions& options) const;

  size_t articles() const;
  size_t spans(Technique technique) const;  // spans counted
  unsigned long long ngrams(unsigned words) const;                           // n-grams of that length
  unsigned long long ngrams_in_spans(Technique technique, unsigned words) const;

 private:
  NgramInducer();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace tamga
