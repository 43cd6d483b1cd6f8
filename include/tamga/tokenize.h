// Word tokens with ICU word segmentation; every token knows its byte range in the original text.
#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "tamga/language.h"
#include "tamga/status.h"

namespace tamga {

struct Token {
  unsigned start = 0;        // byte offset in the text, inclusive
  unsigned end = 0;          // exclusive
  unsigned norm_start = 0;   // range of the normalized form in TokenList::normalized
  unsigned norm_end = 0;
  unsigned sentence = 0;     // sentence index within the document (breaks at . ! ? … and blank lines)
  bool numeric = false;
  bool mixed_script = false;  // Latin and Cyrillic look-alikes in one word ("prоpаganda")
  Lang lang = Lang::kUnknown; // the language the token was normalized for (its paragraph's)
};

struct TokenList {
  std::vector<Token> tokens;
  std::string normalized;  // all normalized forms, back to back
  std::string_view norm(const Token& t) const {
    return std::string_view(normalized).substr(t.norm_start, t.norm_end - t.norm_start);
  }
  void clear() { tokens.clear(); normalized.clear(); }
};

// Recomputes the sentence index of tokens read back from a record (from the text between them).
void assign_sentences(std::string_view text, TokenList& tokens);
// Does the word mix Latin and Cyrillic letters?
bool mixes_scripts(std::string_view word);

// Not thread-safe (it owns an ICU break iterator): one per thread.
class Tokenizer {
 public:
  static Result<std::unique_ptr<Tokenizer>> create();
  ~Tokenizer();
  // Tokenizes `text` (valid UTF-8) into `out` (cleared first), normalizing each token for `lang`.
  void tokenize(std::string_view text, Lang lang, TokenList& out);
  // Appends the tokens of text[begin, end) to `out`, normalized for `lang`; offsets stay relative to
  // `text`. A new segment starts a new sentence.
  void append(std::string_view text, size_t begin, size_t end, Lang lang, TokenList& out);

 private:
  Tokenizer();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace tamga
