// Reading documents from JSON Lines records (schema v1 and researchers' own records).
#pragma once
#include <string>
#include <string_view>

#include "tamga/document.h"

namespace tamga {

struct JsonlFields {
  std::string text_field = "text";
  std::string id_field = "id";
};

// Parses one line into a document: the id (a string, or a number kept as its text; `fallback_id` when
// absent), the text, and every other field kept verbatim in `extra_fields`. A line that is not a JSON
// object, or has no string text field, gives a document with an error saying what and where (the
// caller's `where`, e.g. "corpus.jsonl:12"); it is never dropped.
Document document_from_json_line(std::string_view line, const JsonlFields& fields, std::string_view fallback_id,
                                 std::string_view where);
// The same, into `doc`, which is emptied first but keeps the memory of its text and token list: a
// caller reading many records reuses one Document instead of allocating those per record.
void document_from_json_line(std::string_view line, const JsonlFields& fields, std::string_view fallback_id,
                             std::string_view where, Document& doc);

}  // namespace tamga
