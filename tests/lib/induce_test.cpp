// Inducing candidate entries from labelled spans: counting n-grams inside and outside spans, and the weighted
// log-odds ranking (Monroe, Colaresi and Quinn 2008).
//
// The fixture, tests/data/induce/ (written for these tests):
//   article1.txt  They are vile thugs. The vile thugs came back.
//   article2.txt  The mayor said: “the plan is vile.” The plan was late. Markets rose 3 percent.
//   labels.tsv    Loaded_Language spans "vile thugs" [9,19) and "The vile thugs" [21,35) in article 1 and
//                 "vile" [29,33) in article 2 (code points: the opening quote is one code point, three bytes);
//                 one Name_Calling,Labeling span, "thugs" [14,19) in article 1.
//
// Unigrams (numbers skipped): article 1 has 4 + 5, article 2 has 7 + 4 + 3 ("3" left out), so n = 23.
// Inside the Loaded_Language spans: vile thugs | the vile thugs | vile, so n^a = 6 and n^b = 23 − 6 = 17.
// "vile": y^a = 3, y^b = 0; the prior is the whole corpus' counts: a_i = 3, a0 = 23.
//   delta = log((3 + 3) / (6 + 23 − 3 − 3)) − log((0 + 3) / (17 + 23 − 0 − 3))
//         = log(6/23) − log(3/37) = −1.343735 + 2.512306 = 1.168571
//   variance ≈ 1/(3 + 3) + 1/(0 + 3) = 0.5,   z = 1.168571 / √0.5 = 1.652609
// The runners-up: "vile thugs" (bigrams: n = 17, n^a = 3; y^a = 2, y^b = 0, a_i = 2):
//   delta = log(4/16) − log(2/29) = 1.287854, variance = 1/4 + 1/2 = 0.75, z = 1.487086;
// "thugs": delta = log(4/25) − log(2/38) = 1.111858, z = 1.111858 / √0.75 = 1.283862;
// "the" (y^a = 1, y^b = 3, a_i = 4): delta = log(5/24) − log(7/33) = −0.018019, z = −0.030772.
#include "tamga/induce.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace tamga;

namespace {

const std::filesystem::path kFixture = std::filesystem::path(TAMGA_SOURCE_DIR) / "tests" / "data" / "induce";

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<LabelledSpan> spans_of(const std::vector<LabelledSpan>& all, std::string_view article) {
  std::vector<LabelledSpan> out;
  for (const auto& s : all)
    if (s.article == article) out.push_back(s);
  return out;
}

// The fixture counted by an inducer of n-grams up to `max_words` words.
std::unique_ptr<NgramInducer> fixture(unsigned max_words = kMaxInduceWords) {
  auto labels = parse_ptc_labels(slurp(kFixture / "labels.tsv"), "labels.tsv");
  REQUIRE(labels.ok());
  auto inducer = NgramInducer::create(Lang::kEn, max_words);
  REQUIRE(inducer.ok());
  for (std::string_view id : {"1", "2"}) {
    auto spans = spans_of(labels.value(), id);
    Status s = inducer.value()->add_article(slurp(kFixture / "articles" / ("article" + std::string(id) + ".txt")), spans);
    REQUIRE(s.ok());
  }
  return std::move(inducer).value();
}

std::vector<InduceCandidate> ranked(const NgramInducer& inducer, Technique t, unsigned min_count = 1, size_t top = 0) {
  InduceOptions options;
  options.min_count = min_count;
  options.top = top;
  auto r = inducer.rank(t, options);
  REQUIRE(r.ok());
  return r.value();
}

std::vector<std::string> patterns(const std::vector<InduceCandidate>& cs) {
  std::vector<std::string> out;
  for (const auto& c : cs) out.push_back(c.pattern);
  return out;
}

}  // namespace

TEST_CASE("weighted log-odds follows the Fightin' Words formula") {
  LogOdds vile = weighted_log_odds(3, 6, 0, 17, 3, 23);
  CHECK(vile.delta == doctest::Approx(1.168571).epsilon(1e-6));
  CHECK(vile.variance == doctest::Approx(0.5));
  CHECK(vile.z == doctest::Approx(1.652609).epsilon(1e-6));
  LogOdds the = weighted_log_odds(1, 6, 3, 17, 4, 23);
  CHECK(the.z == doctest::Approx(-0.030772).epsilon(1e-4));
  // A degenerate prior gives no score rather than infinities.
  CHECK(weighted_log_odds(1, 1, 0, 0, 0, 0).variance == 0);
}

TEST_CASE("the fixture's top candidate and its log-odds value are the hand-computed ones") {
  auto inducer = fixture();
  auto cs = ranked(*inducer, Technique::kLoadedLanguage);
  REQUIRE(cs.size() == 6);
  CHECK(patterns(cs) == std::vector<std::string>{"vile", "vile thugs", "thugs", "the vile thugs", "the vile", "the"});
  CHECK(cs[0].z == doctest::Approx(1.652609).epsilon(1e-6));
  CHECK(cs[0].delta == doctest::Approx(1.168571).epsilon(1e-6));
  CHECK(cs[0].in_spans == 3);
  CHECK(cs[0].elsewhere == 0);
  CHECK(cs[0].articles == 2);
  CHECK(cs[1].z == doctest::Approx(1.487086).epsilon(1e-6));
  CHECK(cs[2].z == doctest::Approx(1.283862).epsilon(1e-6));
  CHECK(cs[5].in_spans == 1);
  CHECK(cs[5].elsewhere == 3);
  CHECK(cs[5].z == doctest::Approx(-0.030772).epsilon(1e-4));
}

TEST_CASE("label offsets are code points, not bytes") {
  // "vile" in article 2 comes after a three-byte quotation mark: read as bytes, its span would miss it.
  auto inducer = fixture(1);
  auto cs = ranked(*inducer, Technique::kLoadedLanguage);
  REQUIRE(!cs.empty());
  CHECK(cs[0].pattern == "vile");
  CHECK(cs[0].in_spans == 3);
}

TEST_CASE("n-grams stay within a sentence and skip numbers") {
  auto inducer = fixture();
  CHECK(inducer->articles() == 2);
  CHECK(inducer->ngrams(1) == 23);
  CHECK(inducer->ngrams(2) == 17);  // no "thugs the", "vile the", "late markets", "rose 3", "rose percent"
  CHECK(inducer->ngrams(3) == 12);
  CHECK(inducer->ngrams(4) == 0);
}

TEST_CASE("an n-gram counts inside only when all its words lie within one span") {
  auto inducer = fixture();
  CHECK(inducer->ngrams_in_spans(Technique::kLoadedLanguage, 1) == 6);
  CHECK(inducer->ngrams_in_spans(Technique::kLoadedLanguage, 2) == 3);  // vile thugs ×2, the vile
  CHECK(inducer->ngrams_in_spans(Technique::kLoadedLanguage, 3) == 1);  // the vile thugs
  auto cs = patterns(ranked(*inducer, Technique::kLoadedLanguage));
  for (const char* straddling : {"are vile", "is vile", "thugs came", "they are vile"}) {
    CAPTURE(straddling);
    CHECK(std::find(cs.begin(), cs.end(), straddling) == cs.end());
  }
}

TEST_CASE("each technique is counted against its own spans") {
  auto inducer = fixture();
  CHECK(inducer->spans(Technique::kLoadedLanguage) == 3);
  CHECK(inducer->spans(Technique::kNameCalling) == 1);
  CHECK(inducer->spans(Technique::kDoubt) == 0);
  auto cs = ranked(*inducer, Technique::kNameCalling);
  REQUIRE(cs.size() == 1);
  CHECK(cs[0].pattern == "thugs");
  CHECK(cs[0].in_spans == 1);
  CHECK(cs[0].elsewhere == 1);
  // delta = log(3/21) − log(3/42) = log 2
  CHECK(cs[0].delta == doctest::Approx(0.693147).epsilon(1e-6));
  CHECK(ranked(*inducer, Technique::kDoubt).empty());
}

TEST_CASE("min-count and top limit the candidates") {
  auto inducer = fixture();
  CHECK(patterns(ranked(*inducer, Technique::kLoadedLanguage, 3)) == std::vector<std::string>{"vile"});
  CHECK(patterns(ranked(*inducer, Technique::kLoadedLanguage, 2)) ==
        std::vector<std::string>{"vile", "vile thugs", "thugs"});
  CHECK(patterns(ranked(*inducer, Technique::kLoadedLanguage, 1, 2)) == std::vector<std::string>{"vile", "vile thugs"});
  // min-count 0 means 1: an n-gram never seen inside a span is not a candidate.
  CHECK(ranked(*inducer, Technique::kLoadedLanguage, 0).size() == 6);
}

TEST_CASE("candidates are normalized as lexicon patterns are") {
  auto inducer = NgramInducer::create(Lang::kTr, 1);
  REQUIRE(inducer.ok());
  LabelledSpan s{"x", Technique::kNameCalling, 0, 19};  // "HAİNLER Türkiye’nin"
  std::vector<LabelledSpan> spans{s};
  // Turkish casing: İ → i, I → ı; apostrophe variants unified.
  REQUIRE(inducer.value()->add_article("HAİNLER Türkiye’nin düşmanı.", spans).ok());
  auto cs = patterns(ranked(*inducer.value(), Technique::kNameCalling));
  CHECK(cs == std::vector<std::string>{"hainler", "türkiye'nin"});
}

TEST_CASE("a span beyond the text is reported and the article is still counted") {
  auto inducer = NgramInducer::create(Lang::kEn);
  REQUIRE(inducer.ok());
  std::vector<LabelledSpan> spans{{"x", Technique::kDoubt, 0, 7}, {"x", Technique::kDoubt, 20, 99}};
  Status s = inducer.value()->add_article("alleged fraud", spans);
  CHECK(s.code() == StatusCode::kDataError);
  CHECK(s.message().find("beyond the text") != std::string::npos);
  CHECK(inducer.value()->spans(Technique::kDoubt) == 1);
  CHECK(inducer.value()->ngrams(1) == 2);
  CHECK(patterns(ranked(*inducer.value(), Technique::kDoubt)) == std::vector<std::string>{"alleged"});
}

TEST_CASE("bad options are errors, not crashes") {
  CHECK(!NgramInducer::create(Lang::kEn, 0).ok());
  CHECK(!NgramInducer::create(Lang::kEn, 4).ok());
  auto inducer = fixture();
  InduceOptions options;
  options.prior_scale = 0;
  CHECK(inducer->rank(Technique::kLoadedLanguage, options).status().code() == StatusCode::kInvalidArgument);
}
