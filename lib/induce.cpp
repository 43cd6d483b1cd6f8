#include "tamga/induce.h"

#include <fmt/format.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <functional>
#include <unordered_map>

#include "detail/utf8.h"
#include "tamga/tokenize.h"

namespace tamga {

LogOdds weighted_log_odds(double ya, double na, double yb, double nb, double ai, double a0) {
  const double ra = ya + ai, rb = yb + ai;
  const double da = na + a0 - ya - ai, db = nb + a0 - yb - ai;
  if (!(ra > 0) || !(rb > 0) || !(da > 0) || !(db > 0)) return {};
  LogOdds r;
  r.delta = std::log(ra / da) - std::log(rb / db);
  r.variance = 1 / ra + 1 / rb;
  r.z = r.delta / std::sqrt(r.variance);
  return r;
}

namespace {

inline uint64_t mix(uint64_t x) {  // splitmix64's finalizer
  x ^= x >> 30;
  x *= 0xBF58476D1CE4E5B9ULL;
  x ^= x >> 27;
  x *= 0x94D049BB133111EBULL;
  x ^= x >> 31;
  return x;
}

// An n-gram as word ids + 1, unused places 0.
using NgramKey = std::array<uint32_t, kMaxInduceWords>;

struct NgramHash {
  uint64_t operator()(const NgramKey& k) const {
    uint64_t h = 0;
    for (uint32_t w : k) h = mix(h ^ (w + 0x9E3779B97F4A7C15ULL));
    return h;
  }
};
struct U64Hash {
  uint64_t operator()(uint64_t k) const { return mix(k); }
};

// Open-addressing map from keys to dense indices (in insertion order). Lookups never allocate; an insert
// allocates only when the table grows.
template <class Key, class Hash>
class FlatIndex {
 public:
  uint32_t find_or_insert(const Key& key, bool& inserted) {
    if ((keys_.size() + 1) * 2 > slots_.size()) grow();
    const size_t mask = slots_.size() - 1;
    for (size_t i = Hash{}(key) & mask;; i = (i + 1) & mask) {
      const uint32_t s = slots_[i];
      if (s == 0) {
        keys_.push_back(key);
        slots_[i] = static_cast<uint32_t>(keys_.size());
        inserted = true;
        return static_cast<uint32_t>(keys_.size() - 1);
      }
      if (keys_[s - 1] == key) {
        inserted = false;
        return s - 1;
      }
    }
  }
  const std::vector<Key>& keys() const { return keys_; }

 private:
  void grow() {
    slots_.assign(slots_.empty() ? 1024 : slots_.size() * 2, 0);
    const size_t mask = slots_.size() - 1;
    for (size_t k = 0; k < keys_.size(); ++k) {
      size_t i = Hash{}(keys_[k]) & mask;
      while (slots_[i] != 0) i = (i + 1) & mask;
      slots_[i] = static_cast<uint32_t>(k + 1);
    }
  }
  std::vector<uint32_t> slots_;  // index + 1; 0 is empty
  std::vector<Key> keys_;
};

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

bool has_letter(std::string_view word) {
  for (size_t i = 0; i < word.size();)
    if (u_isalpha(static_cast<UChar32>(detail::next_code_point(word, i)))) return true;
  return false;
}

constexpr uint32_t kSkip = UINT32_MAX;

struct SpanBytes {
  Technique technique;
  unsigned start, end;  // byte offsets
};

struct Inside {
  unsigned long long count = 0;
  unsigned articles = 0;
  unsigned last_article = 0;  // 1-based; 0: none yet
};

unsigned words_of(const NgramKey& key) {
  unsigned n = 0;
  for (uint32_t w : key) n += w != 0;
  return n;
}

}  // namespace

struct NgramInducer::Impl {
  Lang lang = Lang::kEn;
  unsigned max_words = kMaxInduceWords;
  std::unique_ptr<Tokenizer> tokenizer;

  std::unordered_map<std::string, uint32_t, StringHash, std::equal_to<>> word_ids;
  std::vector<const std::string*> word_text;
  std::vector<char> word_ok;  // has a letter

  FlatIndex<NgramKey, NgramHash> ngram_index;
  std::vector<unsigned long long> ngram_count;
  FlatIndex<uint64_t, U64Hash> inside_index;  // (ngram << 4) | technique
  std::vector<Inside> inside;

  std::array<unsigned long long, kMaxInduceWords + 1> total{};
  std::array<std::array<unsigned long long, kMaxInduceWords + 1>, kTechniqueCount> inside_total{};
  std::array<size_t, kTechniqueCount> span_count{};
  unsigned article_count = 0;

  // Per-article buffers, reused.
  TokenList tokens;
  std::vector<uint32_t> ids;
  std::vector<unsigned> cp_bytes;
  std::vector<SpanBytes> spans;
  std::vector<Technique> present;
  std::vector<unsigned> reach;  // per present technique and token: furthest span end among spans starting at or before it

  uint32_t word_id(std::string_view w) {
    if (auto it = word_ids.find(w); it != word_ids.end()) return it->second;
    auto id = static_cast<uint32_t>(word_text.size());
    auto [it, _] = word_ids.emplace(std::string(w), id);
    word_text.push_back(&it->first);
    word_ok.push_back(has_letter(w) ? 1 : 0);
    return id;
  }

  // Compares two n-grams word by word (for a stable order of equal scores).
  bool pattern_less(const NgramKey& a, const NgramKey& b) const {
    for (size_t k = 0; k < a.size(); ++k) {
      if (a[k] == b[k]) continue;
      if (a[k] == 0) return true;
      if (b[k] == 0) return false;
      return *word_text[a[k] - 1] < *word_text[b[k] - 1];
    }
    return false;
  }

  std::string pattern(const NgramKey& key) const {
    std::string out;
    for (uint32_t w : key) {
      if (w == 0) break;
      if (!out.empty()) out += ' ';
      out += *word_text[w - 1];
    }
    return out;
  }
};

NgramInducer::NgramInducer() : impl_(std::make_unique<Impl>()) {}
NgramInducer::~NgramInducer() = default;

Result<std::unique_ptr<NgramInducer>> NgramInducer::create(Lang lang, unsigned max_words) {
  if (max_words < 1 || max_words > kMaxInduceWords)
    return Status(StatusCode::kInvalidArgument, fmt::format("n-grams of 1 to {} words, not {}", kMaxInduceWords, max_words));
  auto tokenizer = Tokenizer::create();
  if (!tokenizer.ok()) return tokenizer.status();
  std::unique_ptr<NgramInducer> r(new NgramInducer());
  r->impl_->lang = lang;
  r->impl_->max_words = max_words;
  r->impl_->tokenizer = std::move(tokenizer).value();
  return r;
}

Status NgramInducer::add_article(std::string_view text, std::span<const LabelledSpan> labelled) {
  Impl& m = *impl_;
  const unsigned article = ++m.article_count;
  m.tokenizer->tokenize(text, m.lang, m.tokens);
  const auto& toks = m.tokens.tokens;
  const size_t nt = toks.size();

  // Code points to bytes.
  m.cp_bytes.clear();
  for (size_t i = 0; i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) m.cp_bytes.push_back(static_cast<unsigned>(i));
  const size_t code_points = m.cp_bytes.size();
  m.cp_bytes.push_back(static_cast<unsigned>(text.size()));

  m.spans.clear();
  size_t beyond = 0;
  unsigned first_beyond = 0;
  for (const LabelledSpan& s : labelled) {
    if (!s.technique) continue;
    if (s.end > code_points || s.start > s.end) {
      if (beyond++ == 0) first_beyond = s.end;
      continue;
    }
    ++m.span_count[static_cast<size_t>(*s.technique)];
    if (s.start < s.end) m.spans.push_back({*s.technique, m.cp_bytes[s.start], m.cp_bytes[s.end]});
  }
  std::sort(m.spans.begin(), m.spans.end(), [](const SpanBytes& a, const SpanBytes& b) {
    return a.technique != b.technique ? a.technique < b.technique : a.start < b.start;
  });

  // For each technique with spans here, the furthest end of a span starting at or before each token: an
  // n-gram from token i to token j lies within one span exactly when that reach covers token j's end.
  m.present.clear();
  for (const SpanBytes& s : m.spans)
    if (m.present.empty() || m.present.back() != s.technique) m.present.push_back(s.technique);
  m.reach.assign(m.present.size() * nt, 0);
  size_t k = 0;
  for (size_t g = 0; g < m.present.size(); ++g) {
    unsigned furthest = 0;
    for (size_t i = 0; i < nt; ++i) {
      while (k < m.spans.size() && m.spans[k].technique == m.present[g] && m.spans[k].start <= toks[i].start)
        furthest = std::max(furthest, m.spans[k++].end);
      m.reach[g * nt + i] = furthest;
    }
    while (k < m.spans.size() && m.spans[k].technique == m.present[g]) ++k;
  }

  m.ids.resize(nt);
  for (size_t i = 0; i < nt; ++i) {
    if (toks[i].numeric) {
      m.ids[i] = kSkip;
      continue;
    }
    uint32_t id = m.word_id(m.tokens.norm(toks[i]));
    m.ids[i] = m.word_ok[id] ? id : kSkip;
  }

  for (size_t i = 0; i < nt; ++i) {
    if (m.ids[i] == kSkip) continue;
    NgramKey key{};
    for (unsigned n = 1; n <= m.max_words; ++n) {
      const size_t j = i + n - 1;
      if (j >= nt || m.ids[j] == kSkip || toks[j].sentence != toks[i].sentence) break;
      key[n - 1] = m.ids[j] + 1;
      bool inserted = false;
      const uint32_t ngram = m.ngram_index.find_or_insert(key, inserted);
      if (inserted) m.ngram_count.push_back(0);
      ++m.ngram_count[ngram];
      ++m.total[n];
      for (size_t g = 0; g < m.present.size(); ++g) {
        if (m.reach[g * nt + i] < toks[j].end) continue;
        const auto t = static_cast<size_t>(m.present[g]);
        const uint32_t slot = m.inside_index.find_or_insert((static_cast<uint64_t>(ngram) << 4) | t, inserted);
        if (inserted) m.inside.emplace_back();
        Inside& in = m.inside[slot];
        ++in.count;
        if (in.last_article != article) {
          in.last_article = article;
          ++in.articles;
        }
        ++m.inside_total[t][n];
      }
    }
  }

  if (beyond > 0)
    return Status(StatusCode::kDataError,
                  fmt::format("{} span{} beyond the text ({} code points; first ends at {}) left out", beyond,
                              beyond == 1 ? "" : "s", code_points, first_beyond));
  return Status::Ok();
}

Result<std::vector<InduceCandidate>> NgramInducer::rank(Technique technique, const InduceOptions& options) const {
  const Impl& m = *impl_;
  if (!(options.prior_scale > 0) || !std::isfinite(options.prior_scale))
    return Status(StatusCode::kInvalidArgument, "the prior scale must be a positive number");
  const unsigned long long min_count = std::max(1u, options.min_count);
  const auto t = static_cast<size_t>(technique);
  const double s = options.prior_scale;

  struct Scored {
    uint32_t ngram;
    uint32_t slot;
    LogOdds odds;
  };
  std::vector<Scored> scored;
  const auto& keys = m.inside_index.keys();
  for (uint32_t slot = 0; slot < keys.size(); ++slot) {
    if ((keys[slot] & 15) != t) continue;
    const Inside& in = m.inside[slot];
    if (in.count < min_count) continue;
    const auto ngram = static_cast<uint32_t>(keys[slot] >> 4);
    const unsigned n = words_of(m.ngram_index.keys()[ngram]);
    const auto y = static_cast<double>(m.ngram_count[ngram]);
    const auto ya = static_cast<double>(in.count);
    const auto na = static_cast<double>(m.inside_total[t][n]);
    const auto all = static_cast<double>(m.total[n]);
    LogOdds odds = weighted_log_odds(ya, na, y - ya, all - na, s * y, s * all);
    if (odds.variance == 0) continue;
    scored.push_back({ngram, slot, odds});
  }
  auto better = [&](const Scored& a, const Scored& b) {
    if (a.odds.z != b.odds.z) return a.odds.z > b.odds.z;
    return m.pattern_less(m.ngram_index.keys()[a.ngram], m.ngram_index.keys()[b.ngram]);
  };
  const size_t keep = options.top == 0 ? scored.size() : std::min(options.top, scored.size());
  std::partial_sort(scored.begin(), scored.begin() + static_cast<std::ptrdiff_t>(keep), scored.end(), better);

  std::vector<InduceCandidate> out;
  out.reserve(keep);
  for (size_t i = 0; i < keep; ++i) {
    const Scored& sc = scored[i];
    const NgramKey& key = m.ngram_index.keys()[sc.ngram];
    InduceCandidate c;
    c.pattern = m.pattern(key);
    c.words = words_of(key);
    c.z = sc.odds.z;
    c.delta = sc.odds.delta;
    c.in_spans = m.inside[sc.slot].count;
    c.elsewhere = m.ngram_count[sc.ngram] - c.in_spans;
    c.articles = m.inside[sc.slot].articles;
    out.push_back(std::move(c));
  }
  return out;
}

size_t NgramInducer::articles() const { return impl_->article_count; }
size_t NgramInducer::spans(Technique technique) const { return impl_->span_count[static_cast<size_t>(technique)]; }
unsigned long long NgramInducer::ngrams(unsigned words) const {
  return words >= 1 && words <= kMaxInduceWords ? impl_->total[words] : 0;
}
unsigned long long NgramInducer::ngrams_in_spans(Technique technique, unsigned words) const {
  return words >= 1 && words <= kMaxInduceWords ? impl_->inside_total[static_cast<size_t>(technique)][words] : 0;
}

}  // namespace tamga
