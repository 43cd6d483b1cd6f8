// Lexicons: TSV files of patterns, compiled once into an immutable, thread-safe matcher.
#pragma once
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "tamga/language.h"
#include "tamga/status.h"
#include "tamga/technique.h"

namespace tamga {

enum class PatternKind : unsigned char { kWord, kExact, kPrefix, kRegex };

struct PatternWord {
  PatternKind kind = PatternKind::kWord;
  std::string text;  // normalized form (the expression itself for kRegex)
  int regex = -1;    // index of the compiled expression, for kRegex
};

struct Entry {
  std::string id;
  Technique technique = Technique::kLoadedLanguage;
  Lang lang = Lang::kUnknown;  // kUnknown: applies to every language, without inflection
  double weight = 1;
  std::string pattern;         // as written
  std::string gloss;
  std::string note;
  std::string file;
  unsigned line = 0;
  std::vector<PatternWord> words;
};

struct LexiconIssue {
  std::string file;
  unsigned line = 0;  // 0: the whole file
  std::string message;
  std::string to_string() const;  // "file:line: message"
};

class Lexicon;

// Collects entries from files and folders, then compiles them. Not thread-safe; the Lexicon it builds is.
class LexiconBuilder {
 public:
  LexiconBuilder();
  ~LexiconBuilder();
  LexiconBuilder(LexiconBuilder&&) noexcept;
  LexiconBuilder& operator=(LexiconBuilder&&) noexcept;

  // A .tsv file, or a folder searched recursively for .tsv files. A file in a folder named after a
  // language (lexicons/tr/...) takes that language unless it says otherwise.
  void add_path(const std::filesystem::path& path);
  // Lexicon text given directly; `file` names it in messages.
  void add_text(std::string_view content, std::string_view file, Lang default_lang = Lang::kUnknown);

  const std::vector<LexiconIssue>& errors() const;
  const std::vector<LexiconIssue>& warnings() const;
  size_t entry_count() const;

  // Compiles the entries that loaded cleanly (entries with errors are left out and reported).
  std::shared_ptr<const Lexicon> build();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

struct TokenList;

// A candidate match of one entry over tokens [first, last].
struct Match {
  unsigned entry = 0;  // index into Lexicon::entries()
  unsigned first = 0;
  unsigned last = 0;
  bool negative_suffix = false;  // a Turkic negative verb suffix was part of the match
};

class Lexicon;
// Lint beyond what loading reports: an entry shadowed by another (same technique, every text it matches
// the other matches too), a letter outside the language's alphabet (wrong language or script for the
// file), a very short inflecting root whose forms collide with other words.
std::vector<LexiconIssue> lint(const Lexicon& lexicon);

class Lexicon {
 public:
  ~Lexicon();
  const std::vector<Entry>& entries() const;
  // All matches of entries for `lang` (plus language-neutral entries) over the tokens, unresolved
  // (overlaps included). Thread-safe.
  void find_matches(const TokenList& tokens, Lang lang, std::vector<Match>& out) const;
  // Does one pattern word match one normalized token? (Used by `lexicon check` and tests.)
  bool word_matches(const PatternWord& word, Lang lang, std::string_view token, bool* negative = nullptr) const;

  // Why entries did or did not match, token by token: every entry whose first word's stem, exact form or
  // prefix starts a token is reported, matched or not, with the analysis in words.
  struct Explanation {
    unsigned entry = 0;
    unsigned token = 0;     // the first token
    unsigned last = 0;      // the last token, when matched
    bool matched = false;
    std::string reason;
  };
  void explain(const TokenList& tokens, Lang lang, std::vector<Explanation>& out) const;

 private:
  friend class LexiconBuilder;
  Lexicon();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace tamga
