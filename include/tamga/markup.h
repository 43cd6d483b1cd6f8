// Markdown and HTML: which parts are prose, and the inline suppression comments drafts carry.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tamga/document.h"

namespace tamga {

// The text as tamga reads it for matching: the same bytes, except that what is not prose is blanked
// (Markdown: front matter, fenced and indented code, inline code, link targets, HTML comments and
// tags; HTML: tags with their attributes, comments, script and style) and HTML entities are decoded in
// place, padded with invisible format characters. The result has the same length, so every offset and
// line:column found in it points at the same place in the original.
std::string prose_view(std::string_view text, DocumentFormat format);

// An inline suppression: `tamga-disable-next-line [TECHNIQUE...]`, `tamga-disable [TECHNIQUE...]` and
// `tamga-enable [TECHNIQUE...]`, written in an HTML comment (Markdown, HTML) or a line comment starting
// with # or // (plain text). No technique named: every technique.
struct SuppressionRange {
  unsigned start = 0, end = 0;        // byte range of text where hits are suppressed
  std::vector<Technique> techniques;  // empty: all
};
std::vector<SuppressionRange> find_suppressions(std::string_view text, DocumentFormat format);

std::string_view format_name(DocumentFormat f);
std::optional<DocumentFormat> parse_document_format(std::string_view name);

}  // namespace tamga
