// Foreign dictionaries: import LIWC (.dic), LIWC-22 (.dicx), quanteda YAML, Lexicoder (.lc3) and WordStat
// (.cat) dictionaries as tamga TSV lexicons, and export tamga lexicons as LIWC or quanteda dictionaries.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "tamga/language.h"
#include "tamga/lexicon.h"
#include "tamga/status.h"
#include "tamga/technique.h"

namespace tamga {

enum class DictionaryFormat : unsigned char { kLiwc, kLiwc22, kQuanteda, kLexicoder, kWordstat };

// "liwc", "liwc22", "quanteda", "lexicoder", "wordstat" (also "dic", "dicx", "yaml", "yml", "lc3", "cat").
std::optional<DictionaryFormat> parse_dictionary_format(std::string_view name);
std::string_view dictionary_format_name(DictionaryFormat format);  // "liwc", "liwc22", ...
// By file extension: .dic, .dicx, .yml/.yaml, .lc3, .cat.
std::optional<DictionaryFormat> dictionary_format_of_path(std::string_view path);

struct DictionaryCategory {
  std::string name;         // nested keys joined with '.', e.g. "economy.positive"
  std::string description;  // better text than the name, when the source has it
  unsigned line = 0;        // where the category is declared
};

// One word or phrase of a dictionary in one category (a word in three categories is three entries).
struct DictionaryEntry {
  std::string pattern;   // in tamga pattern syntax: words separated by spaces, `word*` a prefix,
                         // `re:(?i)^...$` for any other glob; plain words are plain (not `=word`)
  std::string source;    // the word or phrase as the dictionary writes it
  std::string category;  // DictionaryCategory::name
  double weight = 1;
  unsigned line = 0;
  std::optional<Lang> lang;  // from a language key (a quanteda dictionary exported by tamga); nullopt: not given
  bool any_lang = false;     // the language key said "any": applies to every language
};

struct Dictionary {
  DictionaryFormat format = DictionaryFormat::kLiwc;
  std::string file;
  std::vector<DictionaryCategory> categories;  // in the order they are declared
  std::vector<DictionaryEntry> entries;        // in file order
  std::vector<LexiconIssue> errors;            // malformed lines: nothing should be imported
  std::vector<LexiconIssue> warnings;          // what was skipped, and why
};

// Parses dictionary text (UTF-8; a byte-order mark and CRLF or CR line ends are accepted). `file` names the
// source in messages ("file:line: message"). Never fails as a whole: problems are in errors/warnings.
Dictionary parse_dictionary(std::string_view content, std::string_view file, DictionaryFormat format);

struct ImportOptions {
  // CATEGORY=TECHNIQUE pairs in command-line order. A category also maps its sub-categories ("economy"
  // maps "economy.positive") unless one of those has a mapping of its own. Compared case-insensitively.
  std::vector<std::pair<std::string, Technique>> map;
  std::optional<Technique> technique;  // for categories with no mapping
  bool keep_categories = false;        // write a `category` column; unmapped categories take `technique`,
                                       // else the first --map target
  bool only_mapped = false;            // skip categories with no mapping instead of failing
  bool exact = false;                  // plain words become `=word` (the source's exact-form semantics)
  std::optional<Lang> lang;            // written as the file default `#@ lang:`
};

// Parses "CATEGORY=TECHNIQUE" (split at the last '='); the technique by SemEval name or slug.
Result<std::pair<std::string, Technique>> parse_category_mapping(std::string_view spec);

struct ImportResult {
  std::string tsv;                   // the lexicon; empty when there are errors
  size_t entries = 0;
  size_t categories = 0;             // categories that contributed entries
  std::vector<LexiconIssue> errors;  // unmapped categories and the dictionary's own errors
  std::vector<LexiconIssue> warnings;
};

// Converts a parsed dictionary into a tamga TSV lexicon. A category's technique, in order: its --map (or
// the nearest parent category's), a category named after a technique (SemEval name or slug, as the last
// part of a nested name), `technique`, with keep_categories the first --map target; with only_mapped it is
// skipped; otherwise it is an error naming the file, the line and the category. An entry that lands on the
// same pattern and technique from several categories is written once, its gloss naming all of them. An
// entry tamga cannot compile is left out with a warning, so the result always loads cleanly.
ImportResult import_dictionary(const Dictionary& dictionary, const ImportOptions& options);

struct ExportOptions {
  DictionaryFormat format = DictionaryFormat::kLiwc;  // kLiwc or kQuanteda
  std::optional<Lang> lang;  // only entries of this language (and language-neutral ones)
};

struct ExportResult {
  std::string text;
  size_t entries = 0;                  // entries written
  std::vector<LexiconIssue> warnings;  // skipped regular expressions, lost weights, mixed languages
};

// Writes lexicon entries as a LIWC .dic (one category per technique, in the order of technique.h; `=word`
// written plain, `word*` kept, `re:` patterns skipped) or a quanteda YAML dictionary (one key per technique,
// nested under language keys when entries of several languages are present; "any" for language-neutral
// entries). Fails only for a format it cannot write.
Result<ExportResult> export_dictionary(const std::vector<Entry>& entries, const ExportOptions& options);

}  // namespace tamga
