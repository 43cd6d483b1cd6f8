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
// With `wanted_sentences` (flags by sentence number), reported speech is looked for only in those
// sentences; tokens of the others may stay unmarked.
void mark_quoted_tokens(std::string_view text, const TokenList& tokens, Lang lang, std::vector<unsigned char>& quoted,
                        const std::vector<unsigned char>* wanted_sentences = nullptr);

}  // namespace tamga::detail
