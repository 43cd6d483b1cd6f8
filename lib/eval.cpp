#include "tamga/eval.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <sstream>
#include <tuple>

#include "detail/utf8.h"

namespace tamga {

namespace {

// Lines of a text, without their line ends (LF or CRLF), numbered from 1.
class LineReader {
 public:
  explicit LineReader(std::string_view text) : text_(text) {}
  bool next(std::string_view& line) {
    if (pos_ >= text_.size()) return false;
    size_t nl = text_.find('\n', pos_);
    size_t end = nl == std::string_view::npos ? text_.size() : nl;
    line = text_.substr(pos_, end - pos_);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    pos_ = end + 1;
    ++number_;
    return true;
  }
  size_t number() const { return number_; }

 private:
  std::string_view text_;
  size_t pos_ = 0, number_ = 0;
};

std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (size_t i = 0; i <= line.size(); ++i) {
    if (i == line.size() || line[i] == '\t') {
      out.push_back(line.substr(start, i - start));
      start = i + 1;
    }
  }
  return out;
}

bool to_unsigned(std::string_view s, unsigned& v) {
  if (s.empty() || s.size() > 9 || s.find_first_not_of("0123456789") != std::string_view::npos) return false;
  v = static_cast<unsigned>(std::stoul(std::string(s)));
  return true;
}

using SpanList = std::vector<std::pair<unsigned, unsigned>>;

// Merges overlapping (or touching) spans.
SpanList merge(SpanList spans) {
  std::sort(spans.begin(), spans.end());
  SpanList out;
  for (const auto& s : spans) {
    if (!out.empty() && s.first <= out.back().second) out.back().second = std::max(out.back().second, s.second);
    else out.push_back(s);
  }
  return out;
}

std::map<std::string, SpanList> by_article(const std::vector<LabelledSpan>& spans, std::optional<Technique> only) {
  std::map<std::string, SpanList> out;
  for (const auto& s : spans) {
    if (only && s.technique != only) continue;
    if (s.end > s.start) out[s.article].emplace_back(s.start, s.end);
  }
  for (auto& [_, list] : out) list = merge(std::move(list));
  return out;
}

PrecisionRecall ratios(double p_sum, double r_sum, size_t predicted, size_t gold) {
  PrecisionRecall r;
  r.predicted = predicted;
  r.gold = gold;
  r.precision = predicted ? p_sum / static_cast<double>(predicted) : 0;
  r.recall = gold ? r_sum / static_cast<double>(gold) : 0;
  r.f1 = r.precision + r.recall > 0 ? 2 * r.precision * r.recall / (r.precision + r.recall) : 0;
  return r;
}

PrecisionRecall si(const std::vector<LabelledSpan>& predicted, const std::vector<LabelledSpan>& gold,
                   std::optional<Technique> only) {
  auto pred = by_article(predicted, only), g = by_article(gold, only);
  size_t n_pred = 0, n_gold = 0;
  for (const auto& [_, l] : pred) n_pred += l.size();
  for (const auto& [_, l] : g) n_gold += l.size();
  double p_sum = 0, r_sum = 0;
  for (const auto& [article, spans] : pred) {
    auto it = g.find(article);
    if (it == g.end()) continue;
    for (const auto& s : spans) {
      for (const auto& t : it->second) {
        unsigned lo = std::max(s.first, t.first), hi = std::min(s.second, t.second);
        if (hi <= lo) continue;
        double inter = hi - lo;
        p_sum += inter / (s.second - s.first);
        r_sum += inter / (t.second - t.first);
      }
    }
  }
  return ratios(p_sum, r_sum, n_pred, n_gold);
}

std::string article_of(std::string_view id) {
  std::string name = std::filesystem::path(std::string(id)).filename().string();
  if (name.rfind("article", 0) == 0 && name.size() > 11 && name.compare(name.size() - 4, 4, ".txt") == 0)
    return name.substr(7, name.size() - 11);
  return std::string(id);
}

}  // namespace

Result<std::vector<LabelledSpan>> parse_ptc_labels(std::string_view text, std::string_view file) {
  std::vector<LabelledSpan> out;
  LineReader lines(text);
  std::string_view line;
  while (lines.next(line)) {
    size_t line_no = lines.number();
    if (line.empty()) continue;
    auto f = split_tabs(line);
    LabelledSpan s;
    size_t k = 0;
    if (f.size() == 4) {
      auto t = parse_technique(f[1]);
      if (!t) return Status(StatusCode::kDataError, fmt::format("{}:{}: unknown technique '{}'", file, line_no, f[1]));
      s.technique = *t;
      k = 2;
    } else if (f.size() == 3) {
      k = 1;
    } else {
      return Status(StatusCode::kDataError,
                    fmt::format("{}:{}: expected article<TAB>[technique<TAB>]start<TAB>end, got {} fields", file, line_no, f.size()));
    }
    s.article = std::string(f[0]);
    if (!to_unsigned(f[k], s.start) || !to_unsigned(f[k + 1], s.end) || s.end < s.start)
      return Status(StatusCode::kDataError, fmt::format("{}:{}: bad offsets '{}' '{}'", file, line_no, f[k], f[k + 1]));
    out.push_back(std::move(s));
  }
  return out;
}

Result<std::vector<LabelledSpan>> spans_from_records(std::string_view jsonl, std::string_view file) {
  std::vector<LabelledSpan> out;
  simdjson::dom::parser parser;
  LineReader lines(jsonl);
  std::string_view line;
  while (lines.next(line)) {
    size_t line_no = lines.number();
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    simdjson::padded_string padded(line);
    simdjson::dom::element rec;
    if (parser.parse(padded).get(rec) != simdjson::SUCCESS)
      return Status(StatusCode::kDataError, fmt::format("{}:{}: not a JSON record", file, line_no));
    std::string_view id, text;
    if (rec["id"].get(id) != simdjson::SUCCESS || rec["text"].get(text) != simdjson::SUCCESS)
      return Status(StatusCode::kDataError, fmt::format("{}:{}: record without string id and text", file, line_no));
    std::string article = article_of(id);
    simdjson::dom::array hits;
    if (rec["hits"].get(hits) != simdjson::SUCCESS) continue;
    for (simdjson::dom::element h : hits) {
      int64_t b = 0, e = 0;
      std::string_view tech;
      if (h["start"].get(b) != simdjson::SUCCESS || h["end"].get(e) != simdjson::SUCCESS || b < 0 || e < b ||
          static_cast<size_t>(e) > text.size())
        return Status(StatusCode::kDataError, fmt::format("{}:{}: hit with bad offsets", file, line_no));
      LabelledSpan s;
      s.article = article;
      if (h["technique"].get(tech) == simdjson::SUCCESS) s.technique = parse_technique(tech);
      // Byte offsets → code points, as the PTC labels count.
      s.start = static_cast<unsigned>(detail::code_point_count(text.substr(0, static_cast<size_t>(b))));
      s.end = s.start + static_cast<unsigned>(detail::code_point_count(text.substr(static_cast<size_t>(b), static_cast<size_t>(e - b))));
      out.push_back(std::move(s));
    }
  }
  return out;
}

PrecisionRecall span_identification(const std::vector<LabelledSpan>& predicted, const std::vector<LabelledSpan>& gold) {
  return si(predicted, gold, std::nullopt);
}

SpanReport evaluate_si(const std::vector<LabelledSpan>& predicted, const std::vector<LabelledSpan>& gold) {
  SpanReport r;
  r.all = si(predicted, gold, std::nullopt);
  std::set<Technique> techniques;
  for (const auto& g : gold)
    if (g.technique) techniques.insert(*g.technique);
  for (Technique t : techniques) r.per_technique[t] = si(predicted, gold, t);
  return r;
}

ClassificationReport evaluate_tc(const std::vector<LabelledSpan>& predicted, const std::vector<LabelledSpan>& gold,
                                 bool predictions_are_hits) {
  ClassificationReport r;
  using Key = std::tuple<std::string, unsigned, unsigned>;
  // Gold labels per span (a span may carry several techniques).
  std::map<Key, std::multiset<Technique>> gold_labels;
  for (const auto& g : gold)
    if (g.technique) gold_labels[{g.article, g.start, g.end}].insert(*g.technique);
  // One or more predicted labels per gold span.
  std::map<Key, std::vector<Technique>> predicted_labels;
  if (predictions_are_hits) {
    std::map<std::string, std::vector<const LabelledSpan*>> hits;
    for (const auto& p : predicted)
      if (p.technique) hits[p.article].push_back(&p);
    for (const auto& [key, labels] : gold_labels) {
      const auto& [article, start, end] = key;
      auto it = hits.find(article);
      if (it == hits.end()) continue;
      // As many labels as the span has gold labels: the techniques of the hits overlapping it most.
      std::vector<std::pair<unsigned, const LabelledSpan*>> overlaps;
      for (const LabelledSpan* h : it->second) {
        unsigned lo = std::max(start, h->start), hi = std::min(end, h->end);
        if (hi > lo) overlaps.emplace_back(hi - lo, h);
      }
      std::stable_sort(overlaps.begin(), overlaps.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
      std::vector<Technique> chosen;
      for (const auto& [_, h] : overlaps) {
        if (chosen.size() >= labels.size()) break;
        if (std::find(chosen.begin(), chosen.end(), *h->technique) == chosen.end()) chosen.push_back(*h->technique);
      }
      if (!chosen.empty()) predicted_labels[key] = chosen;
    }
  } else {
    for (const auto& p : predicted)
      if (p.technique && gold_labels.count({p.article, p.start, p.end})) predicted_labels[{p.article, p.start, p.end}].push_back(*p.technique);
  }
  std::map<Technique, size_t> gold_n, pred_n, correct_n;
  for (const auto& [key, labels] : gold_labels) {
    for (Technique t : labels) ++gold_n[t];
    r.gold += labels.size();
    auto it = predicted_labels.find(key);
    if (it == predicted_labels.end()) continue;
    std::multiset<Technique> remaining = labels;
    for (Technique t : it->second) {
      ++pred_n[t];
      ++r.predicted;
      auto found = remaining.find(t);
      if (found != remaining.end()) {
        remaining.erase(found);
        ++correct_n[t];
        ++r.correct;
      }
    }
  }
  r.precision = r.predicted ? static_cast<double>(r.correct) / r.predicted : 0;
  r.recall = r.gold ? static_cast<double>(r.correct) / r.gold : 0;
  r.micro_f1 = r.precision + r.recall > 0 ? 2 * r.precision * r.recall / (r.precision + r.recall) : 0;
  for (const auto& [t, g] : gold_n) {
    PrecisionRecall pr;
    pr.gold = g;
    pr.predicted = pred_n[t];
    pr.precision = pr.predicted ? static_cast<double>(correct_n[t]) / pr.predicted : 0;
    pr.recall = static_cast<double>(correct_n[t]) / g;
    pr.f1 = pr.precision + pr.recall > 0 ? 2 * pr.precision * pr.recall / (pr.precision + pr.recall) : 0;
    r.per_technique[t] = pr;
  }
  return r;
}

}  // namespace tamga
