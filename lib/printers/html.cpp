// One self-contained HTML report: each document's text with spans highlighted by technique (gloss on
// hover), a legend, a per-technique bar chart in inline SVG and a sortable table of documents. No
// external URLs; every piece of document text is escaped.
#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "detail/escape.h"
#include "printers/printers.h"

namespace tamga::detail {

namespace {

constexpr std::array<std::string_view, kTechniqueCount> kColors{
    "#f4a3a3", "#f7c58b", "#f3e28f", "#c6e48b", "#9fe0c6", "#9cd3f0", "#a9b8f5",
    "#cfa9f2", "#f2a9dc", "#e0c8a8", "#b8d8b0", "#d0d0d0", "#f0b8b8", "#a8d0d8"};

void escape(std::string& out, std::string_view s) { append_html_escaped(out, s); }

struct Row {
  std::string id;
  std::string lang;
  unsigned tokens = 0, hits = 0;
  double score = 0, author = 0, quoted = 0;
};

class HtmlPrinter final : public Printer {
 public:
  explicit HtmlPrinter(PrinterOptions o) : options_(std::move(o)) {}

  // The Content-Security-Policy lets only the report's own sorting script run, named by its SHA-256 (base64
  // of the bytes between <script> and </script> in end(); tests/html/xss_test.sh fails when the two drift
  // apart): even if escaping failed somewhere, an injected script or event handler would not run.
  void begin(std::string& out) override {
    out += R"(<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-hkXQtoc2V2MkB7GB+w/VOe3gE4fEVvAaTa4pgUEt7P4='; img-src data:">
<title>tamga report</title>
<style>
body{font-family:system-ui,sans-serif;margin:2rem;display:flex;flex-direction:column;gap:1rem;color:#222}
#summary{order:-1}
.doc{border-top:1px solid #ccc;padding-top:.5rem}
.doc pre{white-space:pre-wrap;font-family:inherit;line-height:1.6;background:#fafafa;padding:1rem}
mark{border-radius:3px;padding:0 2px}
.legend span{display:inline-block;margin:2px 6px 2px 0;padding:0 6px;border-radius:3px}
table{border-collapse:collapse}th,td{border:1px solid #ddd;padding:4px 8px;text-align:left}
th{background:#f0f0f0}.sortable th{cursor:pointer}td.n{text-align:right}
.meta{color:#555}
)";
    for (int t = 0; t < kTechniqueCount; ++t) fmt::format_to(std::back_inserter(out), ".t{}{{background:{}}}\n", t, kColors[static_cast<size_t>(t)]);
    out += "</style>\n</head>\n<body>\n<h1>tamga report</h1>\n";
  }

  void document(const Document& doc, std::string& out) override {
    size_t n = rows_.size();
    rows_.push_back({doc.id, std::string(lang_code(doc.lang)), doc.scores.tokens, doc.scores.total.hits, doc.scores.score,
                     doc.scores.author_score, doc.scores.quoted_score});
    for (int t = 0; t < kTechniqueCount; ++t) totals_[static_cast<size_t>(t)] += doc.scores.techniques[static_cast<size_t>(t)].hits;
    fmt::format_to(std::back_inserter(out), "<section class=\"doc\" id=\"doc{}\">\n<h2>", n);
    escape(out, doc.id);
    fmt::format_to(std::back_inserter(out),
                   "</h2>\n<p class=\"meta\">score {:.1f} (author {:.1f}, quoted {:.1f}) · {} {} · {} tokens · {} hits</p>\n",
                   doc.scores.score, doc.scores.author_score, doc.scores.quoted_score, lang_code(doc.lang),
                   script_code(doc.script), doc.scores.tokens, doc.scores.total.hits);
    for (const auto& e : doc.errors) {
      out += "<p class=\"meta\">error: ";
      escape(out, e.message);
      out += "</p>\n";
    }
    out += "<pre>";
    // Hits are sorted by start; spans of one text that several techniques share are shown once with
    // every technique in the title. A hit overlapping one already shown is left in the title only.
    size_t pos = 0;
    std::vector<const Hit*> hits;
    for (const Hit& h : doc.hits) hits.push_back(&h);
    std::stable_sort(hits.begin(), hits.end(), [](const Hit* a, const Hit* b) { return a->start < b->start; });
    for (size_t i = 0; i < hits.size();) {
      const Hit& h = *hits[i];
      size_t j = i + 1;
      std::string title = fmt::format("{}: {}", technique_name(h.technique), h.gloss);
      while (j < hits.size() && hits[j]->start < h.end) {
        if (hits[j]->start == h.start && hits[j]->end == h.end)
          title += fmt::format("\n{}: {}", technique_name(hits[j]->technique), hits[j]->gloss);
        ++j;
      }
      if (h.start < pos) {
        i = j;
        continue;
      }
      escape(out, std::string_view(doc.text).substr(pos, h.start - pos));
      fmt::format_to(std::back_inserter(out), "<mark class=\"t{}\" title=\"", static_cast<int>(h.technique));
      escape(out, title);
      out += "\">";
      escape(out, std::string_view(doc.text).substr(h.start, h.end - h.start));
      out += "</mark>";
      pos = h.end;
      i = j;
    }
    escape(out, std::string_view(doc.text).substr(std::min(pos, doc.text.size())));
    out += "</pre>\n</section>\n";
  }

  void end(std::string& out) override {
    out += "<section id=\"summary\">\n<div class=\"legend\">";
    for (Technique t : all_techniques()) {
      fmt::format_to(std::back_inserter(out), "<span class=\"t{}\" title=\"", static_cast<int>(t));
      escape(out, technique_description(t));
      out += "\">";
      escape(out, technique_name(t));
      out += "</span>";
    }
    out += "</div>\n";
    // Bar chart of hits per technique across all documents.
    unsigned max = std::max(1u, *std::max_element(totals_.begin(), totals_.end()));
    const int bar_h = 18, label_w = 290, chart_w = 360;
    fmt::format_to(std::back_inserter(out),
                   "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" role=\"img\" aria-label=\"hits per technique\">\n",
                   label_w + chart_w + 60, kTechniqueCount * (bar_h + 4) + 4);
    for (int t = 0; t < kTechniqueCount; ++t) {
      unsigned v = totals_[static_cast<size_t>(t)];
      int y = 2 + t * (bar_h + 4);
      int w = static_cast<int>(static_cast<double>(chart_w) * v / max);
      fmt::format_to(std::back_inserter(out),
                     "<text x=\"0\" y=\"{}\" font-size=\"12\">{}</text><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"/>"
                     "<text x=\"{}\" y=\"{}\" font-size=\"12\">{}</text>\n",
                     y + 13, technique_name(static_cast<Technique>(t)), label_w, y, w, bar_h, kColors[static_cast<size_t>(t)],
                     label_w + w + 4, y + 13, v);
    }
    out += "</svg>\n<table id=\"docs\">\n<thead><tr><th>document</th><th>lang</th><th>tokens</th><th>hits</th>"
           "<th>score</th><th>author</th><th>quoted</th></tr></thead>\n<tbody>\n";
    for (size_t i = 0; i < rows_.size(); ++i) {
      const Row& r = rows_[i];
      fmt::format_to(std::back_inserter(out), "<tr><td><a href=\"#doc{}\">", i);
      escape(out, r.id);
      fmt::format_to(std::back_inserter(out),
                     "</a></td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{:.1f}</td>"
                     "<td class=\"n\">{:.1f}</td><td class=\"n\">{:.1f}</td></tr>\n",
                     r.lang, r.tokens, r.hits, r.score, r.author, r.quoted);
    }
    out += R"(</tbody>
</table>
</section>
<script>
document.getElementById('docs').classList.add('sortable');
document.querySelectorAll('#docs th').forEach(function (th, col) {
  th.addEventListener('click', function () {
    var body = document.querySelector('#docs tbody');
    var rows = Array.prototype.slice.call(body.rows);
    var asc = th.dataset.asc !== '1';
    th.dataset.asc = asc ? '1' : '0';
    rows.sort(function (a, b) {
      var x = a.cells[col].textContent, y = b.cells[col].textContent;
      var nx = parseFloat(x), ny = parseFloat(y);
      var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
      return asc ? c : -c;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  });
});
</script>
</body>
</html>
)";
  }

  bool needs_order() const override { return true; }

 private:
  PrinterOptions options_;
  std::vector<Row> rows_;
  std::array<unsigned, kTechniqueCount> totals_{};
};

}  // namespace

std::unique_ptr<Printer> make_html_printer(const PrinterOptions& o) { return std::make_unique<HtmlPrinter>(o); }

}  // namespace tamga::detail
