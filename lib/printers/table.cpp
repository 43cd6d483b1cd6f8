// CSV and TSV: one row per document (or per hit with --hits), ready for R, pandas or a spreadsheet.
#include <fmt/compile.h>
#include <fmt/format.h>

#include "detail/escape.h"
#include "printers/printers.h"

namespace tamga::detail {

namespace {

class TablePrinter final : public Printer {
 public:
  TablePrinter(PrinterOptions o, char sep) : options_(std::move(o)), sep_(sep) {}

  void begin(std::string& out) override {
    std::vector<std::string> header;
    if (options_.hit_rows) {
      header = {"id", "line", "col", "start", "end", "technique", "entry", "surface", "weight", "voice", "gloss"};
    } else {
      header = {"id", "lang", "script", "tokens", "hits", "score", "author_score", "quoted_score", "hits_per_1000"};
      for (Technique t : all_techniques()) header.emplace_back(technique_name(t));
    }
    for (size_t i = 0; i < header.size(); ++i) {
      if (i) out += sep_;
      cell(out, header[i]);
    }
    out += '\n';
  }

  void document(const Document& doc, std::string& out) override {
    if (options_.hit_rows) {
      for (const Hit& h : doc.hits) {
        cell(out, doc.id);
        fmt::format_to(std::back_inserter(out), FMT_COMPILE("{0}{1}{0}{2}{0}{3}{0}{4}{0}"), sep_, h.line, h.col, h.start, h.end);
        cell(out, technique_name(h.technique));
        out += sep_;
        cell(out, h.entry);
        out += sep_;
        cell(out, std::string_view(doc.text).substr(h.start, h.end - h.start));
        fmt::format_to(std::back_inserter(out), FMT_COMPILE("{0}{1:.4g}{0}{2}{0}"), sep_, h.weight, h.voice == Voice::kQuoted ? "quoted" : "author");
        cell(out, h.gloss);
        out += '\n';
      }
      return;
    }
    const Scores& s = doc.scores;
    cell(out, doc.id);
    // Compiled format strings: a row per document, parsed once at build time.
    fmt::format_to(std::back_inserter(out), FMT_COMPILE("{0}{1}{0}{2}{0}{3}{0}{4}{0}{5:.2f}{0}{6:.2f}{0}{7:.2f}{0}{8:.2f}"), sep_,
                   lang_code(doc.lang), script_code(doc.script), s.tokens, s.total.hits, s.score, s.author_score,
                   s.quoted_score, s.hits_per_1000);
    for (const auto& t : s.techniques) {
      out += sep_;
      fmt::format_to(std::back_inserter(out), FMT_COMPILE("{}"), t.hits);
    }
    out += '\n';
  }

 private:
  void cell(std::string& out, std::string_view v) const { append_table_cell(out, v, sep_); }

 private:
  PrinterOptions options_;
  char sep_;
};

}  // namespace

std::unique_ptr<Printer> make_table_printer(const PrinterOptions& o, char separator) {
  return std::make_unique<TablePrinter>(o, separator);
}

}  // namespace tamga::detail
