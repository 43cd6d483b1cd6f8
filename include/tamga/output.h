// Printers: one per output format, behind one interface. They format into a string; the caller writes.
#pragma once
#include <memory>
#include <optional>
#include <string>

#include "tamga/document.h"

namespace tamga {

enum class OutputFormat { kText, kJsonl };
std::optional<OutputFormat> parse_output_format(std::string_view name);

struct PrinterOptions {
  bool color = false;
  bool include_text = true;
  bool include_tokens = true;
};

class Printer {
 public:
  virtual ~Printer() = default;
  virtual void begin(std::string& out) { (void)out; }
  virtual void document(const Document& doc, std::string& out) = 0;
  virtual void end(std::string& out) { (void)out; }
};

std::unique_ptr<Printer> make_printer(OutputFormat format, const PrinterOptions& options);

}  // namespace tamga
