// SARIF 2.1.0 for code scanning: one rule per technique, one result per hit.
#include <fmt/format.h>

#include "detail/json_writer.h"
#include "printers/printers.h"

namespace tamga::detail {

namespace {

class SarifPrinter final : public Printer {
 public:
  explicit SarifPrinter(PrinterOptions o) : options_(std::move(o)) {}

  void begin(std::string& out) override {
    out += "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n";
    out += "  \"runs\": [\n    {\n      \"tool\": {\n        \"driver\": {\n          \"name\": \"tamga\",\n";
    fmt::format_to(std::back_inserter(out), "          \"version\": \"{}\",\n          \"rules\": [\n", options_.tool_version);
    int index = 0;
    for (Technique t : all_techniques()) {
      if (index++) out += ",\n";
      out += "            {\"id\": ";
      append_json_string(out, technique_name(t));
      out += ", \"name\": ";
      append_json_string(out, technique_slug(t));
      out += ", \"shortDescription\": {\"text\": ";
      append_json_string(out, technique_name(t));
      out += "}, \"fullDescription\": {\"text\": ";
      append_json_string(out, technique_description(t));
      out += "}, \"help\": {\"text\": ";
      std::string help = fmt::format(
          "{} tamga flags words and phrases from its lexicons that are typical of this technique; a person judges "
          "whether the text uses it. Rephrase neutrally, attribute the wording to its speaker, or suppress with "
          "a tamga-disable-next-line {} comment.",
          technique_description(t), technique_name(t));
      append_json_string(out, help);
      out += "}, \"defaultConfiguration\": {\"level\": ";
      append_json_string(out, severity_name(options_.severities.of(t)));
      out += "}}";
    }
    out += "\n          ]\n        }\n      },\n      \"columnKind\": \"unicodeCodePoints\",\n      \"results\": [\n";
  }

  void document(const Document& doc, std::string& out) override {
    auto fps = fingerprints(doc);
    std::string uri = relative_uri(doc.id, options_.base_dir);
    for (size_t i = 0; i < doc.hits.size(); ++i) {
      const Hit& h = doc.hits[i];
      if (i) out += ",\n";
      unsigned end_line, end_col;
      end_position(doc, h, end_line, end_col);
      out += "        {\"ruleId\": ";
      append_json_string(out, technique_name(h.technique));
      fmt::format_to(std::back_inserter(out), ", \"ruleIndex\": {}, \"level\": \"{}\", \"message\": {{\"text\": ",
                     static_cast<int>(h.technique), severity_name(options_.severities.of(h.technique)));
      append_json_string(out, hit_message(doc, h));
      out += "}, \"locations\": [{\"physicalLocation\": {\"artifactLocation\": {\"uri\": ";
      append_json_string(out, uri);
      fmt::format_to(std::back_inserter(out),
                     "}}, \"region\": {{\"startLine\": {}, \"startColumn\": {}, \"endLine\": {}, \"endColumn\": {}, "
                     "\"snippet\": {{\"text\": ",
                     h.line, h.col, end_line, end_col);
      append_json_string(out, std::string_view(doc.text).substr(h.start, h.end - h.start));
      out += "}}}}], \"partialFingerprints\": {\"tamgaFinding/v1\": ";
      append_json_string(out, fps[i]);
      out += "}, \"properties\": {\"entry\": ";
      append_json_string(out, h.entry);
      out += ", \"voice\": ";
      append_json_string(out, h.voice == Voice::kQuoted ? "quoted" : "author");
      out += ", \"weight\": ";
      append_json_number(out, h.weight);
      out += "}}";
    }
  }

  void end(std::string& out) override { out += "\n      ]\n    }\n  ]\n}\n"; }
  std::string_view separator() const override { return ",\n"; }

 private:
  PrinterOptions options_;
};

// GitHub Actions workflow commands: one annotation per hit.
class GithubPrinter final : public Printer {
 public:
  explicit GithubPrinter(PrinterOptions o) : options_(std::move(o)) {}

  void document(const Document& doc, std::string& out) override {
    std::string file = property(relative_uri(doc.id, options_.base_dir));
    for (const Hit& h : doc.hits) {
      unsigned end_line, end_col;
      end_position(doc, h, end_line, end_col);
      std::string_view level = severity_name(options_.severities.of(h.technique));
      if (level == "note") level = "notice";
      fmt::format_to(std::back_inserter(out), "::{} file={},line={},col={},endLine={},endColumn={},title={}::{}\n", level,
                     file, h.line, h.col, end_line, end_col, property(technique_name(h.technique)),
                     data(hit_message(doc, h)));
    }
  }

 private:
  // Workflow-command escaping: data escapes % CR LF (other control characters shown as \xNN); property
  // values also : and ,.
  static std::string data(std::string_view s) {
    std::string out;
    for (char c : s) {
      if (c == '%') out += "%25";
      else if (c == '\r') out += "%0D";
      else if (c == '\n') out += "%0A";
      else if ((static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7F)
        out += fmt::format("\\x{:02X}", static_cast<unsigned char>(c));  // never an escape sequence in the CI log
      else out += c;
    }
    return out;
  }
  static std::string property(std::string_view s) {
    std::string out;
    for (char c : data(s)) {
      if (c == ':') out += "%3A";
      else if (c == ',') out += "%2C";
      else out += c;
    }
    return out;
  }
  PrinterOptions options_;
};

}  // namespace

std::unique_ptr<Printer> make_sarif_printer(const PrinterOptions& o) { return std::make_unique<SarifPrinter>(o); }
std::unique_ptr<Printer> make_github_printer(const PrinterOptions& o) { return std::make_unique<GithubPrinter>(o); }

}  // namespace tamga::detail
