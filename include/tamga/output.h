// Printers: one per output format, behind one interface. They format into a string; the caller writes.
#pragma once
#include <memory>
#include <optional>
#include <string>

#include "tamga/document.h"
#include "tamga/findings.h"

namespace tamga {

enum class OutputFormat { kText, kJsonl, kJson, kCsv, kTsv, kSarif, kGithub, kHtml };
std::optional<OutputFormat> parse_output_format(std::string_view name);
std::string_view output_format_names();  // "text, jsonl, json, csv, tsv, sarif, github, html"

// How far a record has come through the stages; JSON records carry the fields up to it.
enum class Stage { kTokenized, kMatched, kScored };

struct PrinterOptions {
  bool color = false;
  bool include_text = true;
  bool include_tokens = true;
  Stage stage = Stage::kScored;
  bool hit_rows = false;          // csv/tsv: one row per hit instead of per document
  std::string base_dir;           // sarif/github: paths are made relative to it
  Severities severities;          // sarif/github levels
  std::string tool_version = "0";
};

// Formats documents. begin() and end() wrap the whole output; document() may be called from several
// threads at once for every format but html, which gathers a summary and must see documents in order.
class Printer {
 public:
  virtual ~Printer() = default;
  virtual void begin(std::string& out) { (void)out; }
  virtual void document(const Document& doc, std::string& out) = 0;
  virtual void end(std::string& out) { (void)out; }
  // Written between the non-empty outputs of consecutive documents (JSON arrays, SARIF results).
  virtual std::string_view separator() const { return {}; }
  virtual bool needs_order() const { return false; }
};

std::unique_ptr<Printer> make_printer(OutputFormat format, const PrinterOptions& options);

}  // namespace tamga
