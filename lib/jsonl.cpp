#include "tamga/jsonl.h"

#include <fmt/format.h>
#include <simdjson.h>

namespace tamga {

Document document_from_json_line(std::string_view line, const JsonlFields& fields, std::string fallback_id,
                                 std::string_view where) {
  Document doc;
  doc.id = std::move(fallback_id);
  thread_local simdjson::dom::parser parser;
  simdjson::padded_string padded(line);
  simdjson::dom::element root;
  if (auto err = parser.parse(padded).get(root); err) {
    doc.errors.push_back({"invalid-json", fmt::format("{}: not valid JSON: {}", where, simdjson::error_message(err)), -1});
    return doc;
  }
  simdjson::dom::object object;
  if (root.get(object) != simdjson::SUCCESS) {
    doc.errors.push_back({"not-an-object", fmt::format("{}: the record is not a JSON object", where), -1});
    return doc;
  }
  bool has_text = false;
  for (auto field : object) {
    std::string_view key = field.key;
    if (key == fields.id_field) {
      std::string_view id;
      if (field.value.get(id) == simdjson::SUCCESS) doc.id = std::string(id);
      else doc.id = simdjson::minify(field.value);
      continue;
    }
    if (key == fields.text_field) {
      std::string_view text;
      if (field.value.get(text) == simdjson::SUCCESS) {
        doc.text = std::string(text);
        has_text = true;
      }
      continue;
    }
    doc.extra_fields.emplace_back(std::string(key), simdjson::minify(field.value));
  }
  if (!has_text)
    doc.errors.push_back({"missing-text", fmt::format("{}: no string field '{}'", where, fields.text_field), -1});
  return doc;
}

}  // namespace tamga
