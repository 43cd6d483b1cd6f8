// One document through every stage: language, tokens, matches, voice, modifiers, repetition, scores.
#pragma once
#include <memory>
#include <optional>

#include "tamga/document.h"
#include "tamga/lexicon.h"

namespace tamga {

struct ScanOptions {
  std::optional<Lang> force_lang;  // --lang
  double quoted_factor = 0.5;      // weight of quoted speech in the document score
};

// Reads bytes into a document: binary check is the caller's; decoding warnings land in the record.
Document document_from_bytes(std::string id, std::string_view bytes, const DecodeOptions& options);

// Not thread-safe (owns a tokenizer): one per thread. The lexicon is shared.
class Scanner {
 public:
  static Result<std::unique_ptr<Scanner>> create(std::shared_ptr<const Lexicon> lexicon, ScanOptions options);
  ~Scanner();
  // Fills lang, script, tokens, hits and scores of `doc` from its text.
  void scan(Document& doc);

  // The stages one at a time, for the pipeline commands.
  void identify(Document& doc);
  void tokenize(Document& doc);
  void match(Document& doc);

 private:
  Scanner();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Computes doc.scores from doc.tokens and doc.hits.
void score_document(Document& doc, double quoted_factor);
// The saturating 0..100 score for a weighted density (weight per 100 tokens).
double density_score(double weight, unsigned tokens);

}  // namespace tamga
