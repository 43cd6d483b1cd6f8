// Voice: is a token the outlet's own words ("author") or speech it reports ("quoted")?
#pragma once
#include <string_view>
#include <vector>

#include "tamga/language.h"
#include "tamga/tokenize.h"

namespace tamga::detail {

// Byte ranges of text inside quotation marks (“ ” „ « » ‹ › " and paired ' ‘ ’), closed at the latest at a
// blank line so a stray mark cannot swallow the rest of a document.
std::vector<std::pair<unsigned, unsigned>> quoted_ranges(std::string_view text);

// quoted[i] != 0 when token i is inside quotation marks or in a clearly reported statement.
void mark_quoted_tokens(std::string_view text, const TokenList& tokens, Lang lang, std::vector<unsigned char>& quoted);

}  // namespace tamga::detail
