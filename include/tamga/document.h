// One document's record, as it flows between the stages (JSON Lines schema version 1).
#pragma once
#include <array>
#include <string>
#include <utility>
#include <vector>

#include "tamga/decode.h"
#include "tamga/language.h"
#include "tamga/technique.h"
#include "tamga/tokenize.h"

namespace tamga {

enum class Voice : unsigned char { kAuthor, kQuoted };

// Something near a hit that changed its weight: a negation, an intensifier, a mixed-script word.
struct Modifier {
  std::string kind;   // "negation", "intensifier", ...
  std::string cue;    // the word that triggered it, as in the text
  double factor = 1;  // multiplied into the hit's weight
};

struct Hit {
  Technique technique = Technique::kLoadedLanguage;
  std::string entry;     // stable entry id ("en.doubt.so_called", or "rule.repetition:<id>")
  std::string gloss;
  unsigned start = 0;    // byte offsets into Document::text
  unsigned end = 0;
  unsigned line = 0;     // 1-based
  unsigned col = 0;      // 1-based, in code points
  unsigned first_token = 0;
  unsigned last_token = 0;  // inclusive
  double base_weight = 1;
  double weight = 1;     // after modifiers
  Voice voice = Voice::kAuthor;
  std::vector<Modifier> modifiers;
};

struct TechniqueTally {
  unsigned hits = 0;
  double weight = 0;
};

struct Scores {
  unsigned tokens = 0;
  std::array<TechniqueTally, kTechniqueCount> techniques{};
  TechniqueTally total;
  TechniqueTally author;
  TechniqueTally quoted;
  double hits_per_1000 = 0;
  double weighted_per_1000 = 0;
  double score = 0;          // 0..100, the document score (README: "How scores are computed")
  double author_score = 0;   // the same formula over author-voice hits only
  double quoted_score = 0;   // ... over quoted hits only
};

// What the text is: markup that is not prose (code, tags, link targets) is not scanned, but every offset
// still points into the original text.
enum class DocumentFormat : unsigned char { kText, kMarkdown, kHtml };

// A run of paragraphs in one language, for a document that mixes languages.
struct Segment {
  unsigned start = 0;  // byte offsets into Document::text
  unsigned end = 0;
  Lang lang = Lang::kUnknown;
  Script script = Script::kUnknown;
  double confidence = 0;
};

struct Document {
  std::string id;
  std::string text;
  std::string encoding;      // when decoded from bytes
  DocumentFormat format = DocumentFormat::kText;
  unsigned suppressed = 0;   // hits removed by inline suppressions, the allow-list or the baseline
  Lang lang = Lang::kUnknown;
  Script script = Script::kUnknown;
  double lang_confidence = 0;
  std::vector<Segment> segments;  // only when paragraphs differ in language; each is matched by its own rules
  TokenList tokens;
  std::vector<Hit> hits;
  Scores scores;
  std::vector<Diagnostic> warnings;
  std::vector<Diagnostic> errors;
  // Fields of an input JSON record that tamga does not know, kept verbatim (name, raw JSON value).
  std::vector<std::pair<std::string, std::string>> extra_fields;
};

}  // namespace tamga
