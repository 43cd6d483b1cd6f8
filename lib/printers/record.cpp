#include <fmt/compile.h>
#include <fmt/format.h>

#include "detail/json_writer.h"
#include "printers/printers.h"
#include "tamga/markup.h"

namespace tamga::detail {

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
    if (list[i].byte >= 0) fmt::format_to(std::back_inserter(out), FMT_COMPILE(",\"byte\":{}"), list[i].byte);
    out += '}';
  }
  out += ']';
}

void append_tally(std::string& out, const TechniqueTally& t) {
  fmt::format_to(std::back_inserter(out), FMT_COMPILE("{{\"hits\":{},\"weight\":"), t.hits);
  append_json_number(out, t.weight);
  out += '}';
}

// JSON Lines (one record a line) or JSON (one array of records).
class RecordPrinter final : public Printer {
 public:
  RecordPrinter(PrinterOptions o, bool array) : options_(std::move(o)), array_(array) {}
  void begin(std::string& out) override {
    if (array_) out += "[\n";
  }
  void document(const Document& doc, std::string& out) override {
    append_record(doc, options_, out);
    if (!array_) out += '\n';
  }
  void end(std::string& out) override {
    if (array_) out += "\n]\n";
  }
  std::string_view separator() const override { return array_ ? ",\n" : ""; }

 private:
  PrinterOptions options_;
  bool array_;
};

}  // namespace

void append_record(const Document& doc, const PrinterOptions& o, std::string& out) {
  out += "{\"id\":";
  append_json_string(out, doc.id);
  for (const auto& [name, raw] : doc.extra_fields) {
    out += ',';
    append_json_string(out, name);
    out += ':';
    out += raw;
  }
  if (o.include_text) {
    out += ",\"text\":";
    append_json_string(out, doc.text);
  }
  if (!doc.encoding.empty()) {
    out += ",\"encoding\":";
    append_json_string(out, doc.encoding);
  }
  if (doc.format != DocumentFormat::kText) fmt::format_to(std::back_inserter(out), FMT_COMPILE(",\"format\":\"{}\""), format_name(doc.format));
  fmt::format_to(std::back_inserter(out), FMT_COMPILE(",\"lang\":\"{}\",\"script\":\"{}\",\"lang_confidence\":"), lang_code(doc.lang),
                 script_code(doc.script));
  append_json_number(out, doc.lang_confidence);
  if (!doc.segments.empty()) {
    out += ",\"paragraphs\":[";
    for (size_t i = 0; i < doc.segments.size(); ++i) {
      const Segment& s = doc.segments[i];
      if (i) out += ',';
      fmt::format_to(std::back_inserter(out), FMT_COMPILE("{{\"start\":{},\"end\":{},\"lang\":\"{}\",\"script\":\"{}\",\"confidence\":"),
                     s.start, s.end, lang_code(s.lang), script_code(s.script));
      append_json_number(out, s.confidence);
      out += '}';
    }
    out += ']';
  }
  if (o.include_tokens) {
    out += ",\"tokens\":[";
    const auto& ts = doc.tokens.tokens;
    for (size_t i = 0; i < ts.size(); ++i) {
      if (i) out += ',';
      fmt::format_to(std::back_inserter(out), FMT_COMPILE("[{},{},"), ts[i].start, ts[i].end);
      append_json_string(out, doc.tokens.norm(ts[i]));
      out += ']';
    }
    out += ']';
  }
  if (o.stage != Stage::kTokenized) {
  out += ",\"hits\":[";
  for (size_t i = 0; i < doc.hits.size(); ++i) {
    const Hit& h = doc.hits[i];
    if (i) out += ',';
    out += "{\"technique\":";
    append_json_string(out, technique_name(h.technique));
    out += ",\"entry\":";
    append_json_string(out, h.entry);
    fmt::format_to(std::back_inserter(out), FMT_COMPILE(",\"start\":{},\"end\":{},\"line\":{},\"col\":{},\"surface\":"), h.start, h.end,
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
  if (doc.suppressed) fmt::format_to(std::back_inserter(out), FMT_COMPILE(",\"suppressed\":{}"), doc.suppressed);
  }
  if (o.stage == Stage::kScored) {
  const Scores& s = doc.scores;
  fmt::format_to(std::back_inserter(out), FMT_COMPILE(",\"scores\":{{\"tokens\":{},\"hits\":{},\"weight\":"), s.tokens, s.total.hits);
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
  }
  append_diagnostics(out, "warnings", doc.warnings);
  append_diagnostics(out, "errors", doc.errors);
  out += '}';
}

std::unique_ptr<Printer> make_record_printer(const PrinterOptions& o, bool array) {
  return std::make_unique<RecordPrinter>(o, array);
}

}  // namespace tamga::detail
