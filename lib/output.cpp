#include "tamga/output.h"

#include <fmt/format.h>

#include "detail/json_writer.h"
#include "detail/utf8.h"

namespace tamga {

using detail::append_json_number;
using detail::append_json_string;

std::optional<OutputFormat> parse_output_format(std::string_view name) {
  if (name == "text") return OutputFormat::kText;
  if (name == "jsonl") return OutputFormat::kJsonl;
  return std::nullopt;
}

namespace {

void append_diagnostics(std::string& out, std::string_view name, const std::vector<Diagnostic>& list) {
  out += ",\"";
  out += name;
  out += "\":[";
  for (size_t i = 0; i < list.size(); ++i) {
    if (i) out += ',';
    out += "{\"code\":";
    append_json_string(out, list[i].code);
    out += ",\"message\":";
    append_json_string(out, list[i].message);
    if (list[i].byte >= 0) fmt::format_to(std::back_inserter(out), ",\"byte\":{}", list[i].byte);
    out += '}';
  }
  out += ']';
}

void append_tally(std::string& out, const TechniqueTally& t) {
  fmt::format_to(std::back_inserter(out), "{{\"hits\":{},\"weight\":", t.hits);
  append_json_number(out, t.weight);
  out += '}';
}

class JsonlPrinter final : public Printer {
 public:
  explicit JsonlPrinter(PrinterOptions options) : options_(options) {}

  void document(const Document& doc, std::string& out) override {
    out += "{\"id\":";
    append_json_string(out, doc.id);
    for (const auto& [name, raw] : doc.extra_fields) {
      out += ',';
      append_json_string(out, name);
      out += ':';
      out += raw;
    }
    if (options_.include_text) {
      out += ",\"text\":";
      append_json_string(out, doc.text);
    }
    if (!doc.encoding.empty()) {
      out += ",\"encoding\":";
      append_json_string(out, doc.encoding);
    }
    fmt::format_to(std::back_inserter(out), ",\"lang\":\"{}\",\"script\":\"{}\",\"lang_confidence\":", lang_code(doc.lang),
                   script_code(doc.script));
    append_json_number(out, doc.lang_confidence);
    if (!doc.segments.empty()) {
      out += ",\"paragraphs\":[";
      for (size_t i = 0; i < doc.segments.size(); ++i) {
        const Segment& s = doc.segments[i];
        if (i) out += ',';
        fmt::format_to(std::back_inserter(out), "{{\"start\":{},\"end\":{},\"lang\":\"{}\",\"script\":\"{}\",\"confidence\":",
                       s.start, s.end, lang_code(s.lang), script_code(s.script));
        append_json_number(out, s.confidence);
        out += '}';
      }
      out += ']';
    }
    if (options_.include_tokens) {
      out += ",\"tokens\":[";
      const auto& ts = doc.tokens.tokens;
      for (size_t i = 0; i < ts.size(); ++i) {
        if (i) out += ',';
        fmt::format_to(std::back_inserter(out), "[{},{},", ts[i].start, ts[i].end);
        append_json_string(out, doc.tokens.norm(ts[i]));
        out += ']';
      }
      out += ']';
    }
    out += ",\"hits\":[";
    for (size_t i = 0; i < doc.hits.size(); ++i) {
      const Hit& h = doc.hits[i];
      if (i) out += ',';
      out += "{\"technique\":";
      append_json_string(out, technique_name(h.technique));
      out += ",\"entry\":";
      append_json_string(out, h.entry);
      fmt::format_to(std::back_inserter(out), ",\"start\":{},\"end\":{},\"line\":{},\"col\":{},\"surface\":", h.start, h.end,
                     h.line, h.col);
      append_json_string(out, std::string_view(doc.text).substr(h.start, h.end - h.start));
      out += ",\"weight\":";
      append_json_number(out, h.weight);
      out += ",\"base_weight\":";
      append_json_number(out, h.base_weight);
      out += h.voice == Voice::kQuoted ? ",\"voice\":\"quoted\"" : ",\"voice\":\"author\"";
      out += ",\"gloss\":";
      append_json_string(out, h.gloss);
      out += ",\"modifiers\":[";
      for (size_t k = 0; k < h.modifiers.size(); ++k) {
        if (k) out += ',';
        out += "{\"kind\":";
        append_json_string(out, h.modifiers[k].kind);
        out += ",\"cue\":";
        append_json_string(out, h.modifiers[k].cue);
        out += ",\"factor\":";
        append_json_number(out, h.modifiers[k].factor);
        out += '}';
      }
      out += "]}";
    }
    out += ']';
    const Scores& s = doc.scores;
    fmt::format_to(std::back_inserter(out), ",\"scores\":{{\"tokens\":{},\"hits\":{},\"weight\":", s.tokens, s.total.hits);
    append_json_number(out, s.total.weight);
    out += ",\"hits_per_1000\":";
    append_json_number(out, s.hits_per_1000);
    out += ",\"weighted_per_1000\":";
    append_json_number(out, s.weighted_per_1000);
    out += ",\"techniques\":{";
    for (int t = 0; t < kTechniqueCount; ++t) {
      if (t) out += ',';
      append_json_string(out, technique_name(static_cast<Technique>(t)));
      out += ':';
      append_tally(out, s.techniques[static_cast<size_t>(t)]);
    }
    out += "},\"author\":";
    append_tally(out, s.author);
    out.pop_back();
    out += ",\"score\":";
    append_json_number(out, s.author_score);
    out += "},\"quoted\":";
    append_tally(out, s.quoted);
    out.pop_back();
    out += ",\"score\":";
    append_json_number(out, s.quoted_score);
    out += "},\"score\":";
    append_json_number(out, s.score);
    out += '}';
    append_diagnostics(out, "warnings", doc.warnings);
    append_diagnostics(out, "errors", doc.errors);
    out += "}\n";
  }

 private:
  PrinterOptions options_;
};

// Document text shown on a terminal: control characters and escape sequences are shown escaped, never
// sent to the terminal.
void append_visible(std::string& out, std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    size_t at = i;
    char32_t c = detail::next_code_point(s, i);
    if (c == U'\n') out += "\\n";
    else if (c == U'\t') out += "\\t";
    else if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0)) fmt::format_to(std::back_inserter(out), "\\x{:02X}", static_cast<unsigned>(c));
    else if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) fmt::format_to(std::back_inserter(out), "\\u{{{:04X}}}", static_cast<unsigned>(c));
    else out.append(s.data() + at, i - at);
  }
}

class TextPrinter final : public Printer {
 public:
  explicit TextPrinter(PrinterOptions options) : options_(options) {}

  void document(const Document& doc, std::string& out) override {
    const Scores& s = doc.scores;
    std::string id;
    append_visible(id, doc.id);
    out += paint(id, "1;35");
    fmt::format_to(std::back_inserter(out), ": score {:.1f} (author {:.1f}, quoted {:.1f}) · {} {} · {} tokens · {} hits",
                   s.score, s.author_score, s.quoted_score, lang_code(doc.lang), script_code(doc.script), s.tokens,
                   s.total.hits);
    if (s.total.hits) {
      out += " (";
      bool first = true;
      for (int t = 0; t < kTechniqueCount; ++t) {
        const auto& tally = s.techniques[static_cast<size_t>(t)];
        if (!tally.hits) continue;
        if (!first) out += ", ";
        first = false;
        fmt::format_to(std::back_inserter(out), "{} {}", technique_name(static_cast<Technique>(t)), tally.hits);
      }
      out += ')';
    }
    out += '\n';
    for (const auto& d : doc.errors) fmt::format_to(std::back_inserter(out), "{}: error: {}\n", id, d.message);
    for (const auto& d : doc.warnings) fmt::format_to(std::back_inserter(out), "{}: warning: {}\n", id, d.message);
    for (const Hit& h : doc.hits) {
      std::string surface;
      append_visible(surface, std::string_view(doc.text).substr(h.start, h.end - h.start));
      fmt::format_to(std::back_inserter(out), "{}:{}:{}: {}: \"{}\"", id, h.line, h.col,
                     paint(technique_name(h.technique), "36"), paint(surface, "1;31"));
      if (!h.gloss.empty()) {
        out += " — ";
        append_visible(out, h.gloss);
      }
      if (h.voice == Voice::kQuoted) out += paint(" [quoted]", "2");
      for (const auto& m : h.modifiers) {
        std::string cue;
        append_visible(cue, m.cue);
        out += paint(fmt::format(" [{}: {} ×{}]", m.kind, cue, m.factor), "2");
      }
      out += '\n';
    }
  }

 private:
  std::string paint(std::string_view s, std::string_view sgr) const {
    if (!options_.color) return std::string(s);
    return fmt::format("\x1b[{}m{}\x1b[0m", sgr, s);
  }
  PrinterOptions options_;
};

}  // namespace

std::unique_ptr<Printer> make_printer(OutputFormat format, const PrinterOptions& options) {
  switch (format) {
    case OutputFormat::kJsonl: return std::make_unique<JsonlPrinter>(options);
    case OutputFormat::kText: break;
  }
  return std::make_unique<TextPrinter>(options);
}

}  // namespace tamga
