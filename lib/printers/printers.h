// The printers, one per format (lib/printers/*.cpp), and what they share.
#pragma once
#include <memory>
#include <string>
#include <string_view>

#include "tamga/output.h"

namespace tamga::detail {

std::unique_ptr<Printer> make_text_printer(const PrinterOptions& o);
std::unique_ptr<Printer> make_record_printer(const PrinterOptions& o, bool array);  // jsonl / json
std::unique_ptr<Printer> make_table_printer(const PrinterOptions& o, char separator);  // csv / tsv
std::unique_ptr<Printer> make_sarif_printer(const PrinterOptions& o);
std::unique_ptr<Printer> make_github_printer(const PrinterOptions& o);
std::unique_ptr<Printer> make_html_printer(const PrinterOptions& o);

// One JSON record (no trailing newline), with the fields of `stage`.
void append_record(const Document& doc, const PrinterOptions& o, std::string& out);

// Line and column (1-based, code points) just after the hit, for end positions.
void end_position(const Document& doc, const Hit& h, unsigned& line, unsigned& col);

// Document text made safe for a terminal: control characters and escape sequences shown escaped.
void append_visible(std::string& out, std::string_view s);

// The document's path relative to `base_dir` when it is a file below it, with '/' separators.
std::string relative_uri(const std::string& id, const std::string& base_dir);

// A one-line message for a hit: "Technique: "surface" — gloss".
std::string hit_message(const Document& doc, const Hit& h);

}  // namespace tamga::detail
