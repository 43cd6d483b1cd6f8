// Escaping document text for the formats it lands in: HTML and spreadsheet cells.
#pragma once
#include <string>
#include <string_view>

namespace tamga::detail {

// HTML text and attribute values: & < > " ' escaped; control characters other than line breaks and
// tabs shown as \xNN, never passed on.
void append_html_escaped(std::string& out, std::string_view s);

// One CSV (separator ',', RFC 4180 quoting) or TSV (separator '\t', \t \n \r \\ escaped) cell. Text a
// spreadsheet would run as a formula (= + - @ tab or carriage return first, other than a plain number
// such as -1.5) gets an apostrophe first.
void append_table_cell(std::string& out, std::string_view v, char separator);

}  // namespace tamga::detail
