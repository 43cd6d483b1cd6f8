#include "tamga/output.h"

#include <fmt/format.h>

#include <filesystem>

#include "detail/utf8.h"
#include "printers/printers.h"

namespace tamga {

std::optional<OutputFormat> parse_output_format(std::string_view name) {
  if (name == "text") return OutputFormat::kText;
  if (name == "jsonl") return OutputFormat::kJsonl;
  if (name == "json") return OutputFormat::kJson;
  if (name == "csv") return OutputFormat::kCsv;
  if (name == "tsv") return OutputFormat::kTsv;
  if (name == "sarif") return OutputFormat::kSarif;
  if (name == "github") return OutputFormat::kGithub;
  if (name == "html") return OutputFormat::kHtml;
  return std::nullopt;
}

std::string_view output_format_names() { return "text, jsonl, json, csv, tsv, sarif, github, html"; }

std::unique_ptr<Printer> make_printer(OutputFormat format, const PrinterOptions& options) {
  switch (format) {
    case OutputFormat::kJsonl: return detail::make_record_printer(options, false);
    case OutputFormat::kJson: return detail::make_record_printer(options, true);
    case OutputFormat::kCsv: return detail::make_table_printer(options, ',');
    case OutputFormat::kTsv: return detail::make_table_printer(options, '\t');
    case OutputFormat::kSarif: return detail::make_sarif_printer(options);
    case OutputFormat::kGithub: return detail::make_github_printer(options);
    case OutputFormat::kHtml: return detail::make_html_printer(options);
    case OutputFormat::kText: break;
  }
  return detail::make_text_printer(options);
}

namespace detail {

void end_position(const Document& doc, const Hit& h, unsigned& line, unsigned& col) {
  line = h.line;
  col = h.col;
  std::string_view s = std::string_view(doc.text).substr(h.start, h.end - h.start);
  for (size_t i = 0; i < s.size();) {
    char32_t c = next_code_point(s, i);
    if (c == U'\n') {
      ++line;
      col = 1;
    } else {
      ++col;
    }
  }
}

std::string relative_uri(const std::string& id, const std::string& base_dir) {
  namespace fs = std::filesystem;
  if (id.empty() || id[0] == '<') return id;
  std::error_code ec;
  fs::path p(id);
  if (!base_dir.empty() && p.is_absolute()) {
    fs::path rel = fs::relative(p, base_dir, ec);
    if (!ec && !rel.empty() && rel.native().rfind("..", 0) != 0) p = rel;
  }
  std::string s = p.lexically_normal().generic_string();
  if (s.rfind("./", 0) == 0) s.erase(0, 2);
  return s;
}

std::string hit_message(const Document& doc, const Hit& h) {
  std::string surface(std::string_view(doc.text).substr(h.start, h.end - h.start));
  std::string msg = fmt::format("{}: \"{}\"", technique_name(h.technique), surface);
  if (!h.gloss.empty()) msg += " — " + h.gloss;
  if (h.voice == Voice::kQuoted) msg += " (quoted speech)";
  for (const auto& m : h.modifiers) msg += fmt::format(" ({}: {})", m.kind, m.cue);
  return msg;
}

}  // namespace detail

}  // namespace tamga
