#include "tamga/aggregate.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "detail/escape.h"
#include "detail/json_writer.h"

namespace tamga {

Result<Aggregator> Aggregator::create(std::vector<std::string> fields, DateBucket bucket) {
  if (fields.empty()) return Status(StatusCode::kInvalidArgument, "--group-by needs at least one field");
  Aggregator a;
  for (const auto& f : fields) {
    if (f.empty()) return Status(StatusCode::kInvalidArgument, "--group-by: empty field name");
    if (f == "technique") a.by_technique_ = true;
  }
  a.fields_ = std::move(fields);
  a.bucket_ = bucket;
  return a;
}

Aggregator::Aggregator(Aggregator&& o) noexcept
    : fields_(std::move(o.fields_)), bucket_(o.bucket_), by_technique_(o.by_technique_), groups_(std::move(o.groups_)) {}
Aggregator::~Aggregator() = default;

namespace {

// A record field's value as text: strings unquoted, anything else as its JSON.
std::string field_value(const Document& doc, const std::string& name) {
  if (name == "lang") return std::string(lang_code(doc.lang));
  if (name == "script") return std::string(script_code(doc.script));
  if (name == "id") return doc.id;
  for (const auto& [key, raw] : doc.extra_fields) {
    if (key != name) continue;
    if (raw.size() >= 2 && raw.front() == '"' && raw.back() == '"') {
      std::string v = raw.substr(1, raw.size() - 2);
      // Undo the JSON escapes that matter for a label.
      std::string out;
      for (size_t i = 0; i < v.size(); ++i) {
        if (v[i] == '\\' && i + 1 < v.size()) {
          char c = v[++i];
          out += c == 'n' ? ' ' : c == 't' ? ' ' : c;
        } else {
          out += v[i];
        }
      }
      return out;
    }
    return raw;
  }
  return "";
}

std::string bucketed(std::string value, DateBucket bucket) {
  // ISO dates and timestamps: 2026-05-14, 2026-05-14T10:00:00Z.
  bool iso = value.size() >= 10 && value[4] == '-' && value[7] == '-';
  if (!iso || bucket == DateBucket::kNone) return value;
  switch (bucket) {
    case DateBucket::kDay: return value.substr(0, 10);
    case DateBucket::kMonth: return value.substr(0, 7);
    case DateBucket::kYear: return value.substr(0, 4);
    case DateBucket::kNone: break;
  }
  return value;
}

// Both take the scores sorted: floating-point sums depend on the order of the terms.
double median(const std::vector<double>& sorted) {
  if (sorted.empty()) return 0;
  size_t n = sorted.size();
  return n % 2 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

double mean(const std::vector<double>& sorted) {
  return sorted.empty() ? 0 : std::accumulate(sorted.begin(), sorted.end(), 0.0) / static_cast<double>(sorted.size());
}

long long millionths(double weight) { return std::llround(weight * 1e6); }
double weight_of(const GroupTally& t) { return static_cast<double>(t.weight_millionths) / 1e6; }

}  // namespace

void Aggregator::add(const Document& doc) {
  std::vector<std::string> key;
  for (const auto& f : fields_)
    key.push_back(f == "technique" ? std::string() : bucketed(field_value(doc, f), f == "date" || bucket_ != DateBucket::kNone ? bucket_ : DateBucket::kNone));
  std::lock_guard lock(mu_);
  auto add_to = [&](std::vector<std::string> k, std::optional<Technique> only) {
    GroupStats& g = groups_[k];
    ++g.documents;
    g.tokens += doc.scores.tokens;
    g.scores.push_back(doc.scores.score);
    for (int t = 0; t < kTechniqueCount; ++t) {
      if (only && static_cast<int>(*only) != t) continue;
      const auto& tally = doc.scores.techniques[static_cast<size_t>(t)];
      g.techniques[static_cast<size_t>(t)].hits += tally.hits;
      g.techniques[static_cast<size_t>(t)].weight_millionths += millionths(tally.weight);
      g.total.hits += tally.hits;
      g.total.weight_millionths += millionths(tally.weight);
    }
  };
  if (!by_technique_) {
    add_to(key, std::nullopt);
    return;
  }
  size_t slot = static_cast<size_t>(std::find(fields_.begin(), fields_.end(), "technique") - fields_.begin());
  for (Technique t : all_techniques()) {
    key[slot] = std::string(technique_name(t));
    add_to(key, t);
  }
}

std::string Aggregator::print(OutputFormat format) const {
  std::lock_guard lock(mu_);
  std::vector<std::string> header = fields_;
  for (const char* c : {"documents", "tokens", "hits", "weight", "hits_per_1000", "weighted_per_1000", "mean_score", "median_score"})
    header.emplace_back(c);
  if (!by_technique_)
    for (Technique t : all_techniques()) header.emplace_back(technique_name(t));
  std::vector<std::vector<std::string>> rows;
  for (const auto& [key, g] : groups_) {
    std::vector<std::string> row = key;
    double per = g.tokens ? 1000.0 / static_cast<double>(g.tokens) : 0;
    std::vector<double> scores = g.scores;
    std::sort(scores.begin(), scores.end());
    row.push_back(std::to_string(g.documents));
    row.push_back(std::to_string(g.tokens));
    row.push_back(std::to_string(g.total.hits));
    row.push_back(fmt::format("{:.2f}", weight_of(g.total)));
    row.push_back(fmt::format("{:.2f}", static_cast<double>(g.total.hits) * per));
    row.push_back(fmt::format("{:.2f}", weight_of(g.total) * per));
    row.push_back(fmt::format("{:.2f}", mean(scores)));
    row.push_back(fmt::format("{:.2f}", median(scores)));
    if (!by_technique_)
      for (const auto& t : g.techniques) row.push_back(std::to_string(t.hits));
    rows.push_back(std::move(row));
  }
  std::string out;
  switch (format) {
    case OutputFormat::kCsv:
    case OutputFormat::kTsv: {
      char sep = format == OutputFormat::kCsv ? ',' : '\t';
      auto line = [&](const std::vector<std::string>& r) {
        for (size_t i = 0; i < r.size(); ++i) {
          if (i) out += sep;
          detail::append_table_cell(out, r[i], sep);
        }
        out += '\n';
      };
      line(header);
      for (const auto& r : rows) line(r);
      return out;
    }
    case OutputFormat::kJson:
    case OutputFormat::kJsonl: {
      out += format == OutputFormat::kJson ? "[\n" : "";
      for (size_t r = 0; r < rows.size(); ++r) {
        out += '{';
        for (size_t i = 0; i < header.size(); ++i) {
          if (i) out += ',';
          detail::append_json_string(out, header[i]);
          out += ':';
          if (i < fields_.size()) detail::append_json_string(out, rows[r][i]);
          else out += rows[r][i];
        }
        out += '}';
        out += format == OutputFormat::kJson ? (r + 1 < rows.size() ? ",\n" : "\n") : "\n";
      }
      out += format == OutputFormat::kJson ? "]\n" : "";
      return out;
    }
    case OutputFormat::kHtml: {
      auto esc = [](std::string_view s) {
        std::string o;
        detail::append_html_escaped(o, s);
        return o;
      };
      out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
             "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
             "<title>tamga report</title>\n<style>body{font-family:system-ui,sans-serif;margin:2rem}table{border-collapse:"
             "collapse}th,td{border:1px solid #ddd;padding:3px 6px}td.n{text-align:right}h3{margin-bottom:0}</style>\n"
             "</head>\n<body>\n<h1>tamga report</h1>\n<table>\n<tr>";
      for (const auto& h : header) out += "<th>" + esc(h) + "</th>";
      out += "</tr>\n";
      for (const auto& r : rows) {
        out += "<tr>";
        for (size_t i = 0; i < r.size(); ++i) out += (i < fields_.size() ? "<td>" : "<td class=\"n\">") + esc(r[i]) + "</td>";
        out += "</tr>\n";
      }
      out += "</table>\n";
      // One chart per technique: hits per 1,000 tokens across the groups.
      for (Technique t : all_techniques()) {
        std::vector<std::pair<std::string, double>> bars;
        double max = 0;
        for (const auto& [key, g] : groups_) {
          if (by_technique_ && std::find(key.begin(), key.end(), technique_name(t)) == key.end()) continue;
          std::string label;
          for (const auto& k : key)
            if (k != technique_name(t)) label += (label.empty() ? "" : " · ") + k;
          double v = g.tokens ? 1000.0 * g.techniques[static_cast<size_t>(t)].hits / static_cast<double>(g.tokens) : 0;
          bars.emplace_back(label.empty() ? "all" : label, v);
          max = std::max(max, v);
        }
        if (max <= 0) continue;
        out += "<h3>" + esc(technique_name(t)) + " — hits per 1,000 tokens</h3>\n";
        const int bar_h = 16, label_w = 220, chart_w = 320;
        out += fmt::format("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\">\n", label_w + chart_w + 60,
                           static_cast<int>(bars.size()) * (bar_h + 3) + 4);
        for (size_t i = 0; i < bars.size(); ++i) {
          int y = 2 + static_cast<int>(i) * (bar_h + 3);
          int w = static_cast<int>(chart_w * bars[i].second / max);
          out += fmt::format("<text x=\"0\" y=\"{}\" font-size=\"11\">{}</text><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" "
                             "fill=\"#7a9cc6\"/><text x=\"{}\" y=\"{}\" font-size=\"11\">{:.2f}</text>\n",
                             y + 12, esc(bars[i].first), label_w, y, w, bar_h, label_w + w + 4, y + 12, bars[i].second);
        }
        out += "</svg>\n";
      }
      out += "</body>\n</html>\n";
      return out;
    }
    default: break;
  }
  // Text: aligned columns.
  std::vector<size_t> width(header.size(), 0);
  auto cp = [](const std::string& s) {
    size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
  };
  for (size_t i = 0; i < header.size(); ++i) width[i] = cp(header[i]);
  for (const auto& r : rows)
    for (size_t i = 0; i < r.size(); ++i) width[i] = std::max(width[i], cp(r[i]));
  auto line = [&](const std::vector<std::string>& r) {
    for (size_t i = 0; i < r.size(); ++i) {
      std::string pad(width[i] - cp(r[i]), ' ');
      out += i < fields_.size() ? r[i] + pad : pad + r[i];
      out += i + 1 < r.size() ? "  " : "\n";
    }
  };
  line(header);
  for (const auto& r : rows) line(r);
  return out;
}

}  // namespace tamga
