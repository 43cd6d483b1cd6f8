// tamga lexicon import|export: foreign dictionaries (LIWC, LIWC-22, quanteda, Lexicoder, WordStat) to and from
// tamga TSV lexicons. The parsing and writing live in the library (tamga/dictionaries.h); this file parses
// options, reads and writes files, prints problems and maps them to exit codes.
#include "lexicon_io.h"

#include <fmt/format.h>

#include <boost/program_options.hpp>
#include <iostream>

#include "common.h"
#include "options.h"
#include "tamga/decode.h"
#include "tamga/dictionaries.h"

namespace tamga::app {

namespace po = boost::program_options;

namespace {

constexpr const char* kImport = "tamga lexicon import";
constexpr const char* kExport = "tamga lexicon export";

// Parses the verb's options; returns false (after printing) on a usage error.
bool parse(int argc, char** argv, po::options_description& visible, po::variables_map& vm,
           std::vector<std::string>& positional, const char* command) {
  po::options_description all;
  all.add(visible).add_options()("arg", po::value(&positional)->composing());
  po::positional_options_description pos;
  pos.add("arg", -1);
  try {
    po::store(po::command_line_parser(argc, argv).options(all).positional(pos).run(), vm);
    po::notify(vm);
  } catch (const std::exception& e) {
    print_error(command, fmt::format("{} (see {} --help)", e.what(), command));
    return false;
  }
  return true;
}

void print_issue(const char* command, const LexiconIssue& issue, bool warning) {
  if (issue.file.empty()) print_error(command, warning ? issue.message + " (warning)" : issue.message);
  else std::cerr << issue.to_string() << (warning ? " (warning)" : "") << '\n';
}

bool write_output(const std::string& path, std::string_view text, const char* command) {
  try {
    OutputTarget target(path);
    target.out().write(text);
    return target.commit();
  } catch (const UsageError& e) {
    print_error(command, e.what());
    return false;
  }
}

}  // namespace

int run_lexicon_import(int argc, char** argv) {
  std::string from, technique, lang, encoding = "auto", output;
  std::vector<std::string> maps;
  po::options_description visible("Options");
  visible.add_options()("help,h", "show this help")
      ("from", po::value(&from), "liwc (.dic), liwc22 (.dicx), quanteda (.yml), lexicoder (.lc3) or wordstat (.cat); "
                                 "default: by the file's extension")
      ("map", po::value(&maps)->composing(), "CATEGORY=TECHNIQUE (repeatable); a category also maps its sub-categories")
      ("technique", po::value(&technique), "technique for categories with no --map")
      ("keep-categories", "write each entry's source category in a 'category' column; unmapped categories take "
                          "--technique, else the first --map target")
      ("only-mapped", "import only the mapped categories; skip the others")
      ("exact", "write plain words as =word (exact form, as the source matches them); default: plain words, which "
                "tamga also matches inflected")
      ("lang", po::value(&lang), "language of the entries (written as '#@ lang:')")
      ("encoding", po::value(&encoding), "encoding of FILE (default: detect)")
      ("output,o", po::value(&output), "write to FILE instead of standard output");
  po::variables_map vm;
  std::vector<std::string> files;
  if (!parse(argc, argv, visible, vm, files, kImport)) return kExitError;
  if (vm.count("help")) {
    std::cout << "Usage: tamga lexicon import [--from FORMAT] FILE [--map CATEGORY=TECHNIQUE]... [OPTIONS]\n\n"
                 "Converts a LIWC, LIWC-22, quanteda, Lexicoder or WordStat dictionary into a tamga lexicon (TSV) on\n"
                 "standard output. Each category needs a technique: its --map (or its parent category's), a\n"
                 "category named after a technique, or --technique; with --keep-categories the first --map target;\n"
                 "with --only-mapped unmapped categories are skipped; otherwise they are errors (exit 2). Globs\n"
                 "`word*` become tamga prefixes, phrases stay phrases, the gloss names the source category.\n\n"
              << visible << '\n';
    return kExitOk;
  }
  if (files.size() != 1) {
    print_error(kImport, files.empty() ? "no dictionary FILE given ('-' reads standard input)"
                                       : "give exactly one dictionary FILE");
    return kExitError;
  }
  const std::string& file = files.front();
  std::optional<DictionaryFormat> format =
      from.empty() ? dictionary_format_of_path(file) : parse_dictionary_format(from);
  if (!format) {
    print_error(kImport, from.empty() ? fmt::format("cannot tell the format of '{}': give --from liwc|liwc22|quanteda|"
                                                    "lexicoder|wordstat", file)
                                      : fmt::format("unknown --from '{}': liwc, liwc22, quanteda, lexicoder or wordstat",
                                                    from));
    return kExitError;
  }
  ImportOptions options;
  for (const auto& m : maps) {
    auto parsed = parse_category_mapping(m);
    if (!parsed.ok()) {
      print_error(kImport, fmt::format("--map: {}", parsed.status().message()));
      return kExitError;
    }
    options.map.push_back(std::move(parsed).value());
  }
  if (!technique.empty()) {
    options.technique = parse_technique(technique);
    if (!options.technique) {
      print_error(kImport, fmt::format("--technique: unknown technique '{}'", technique));
      return kExitError;
    }
  }
  if (!lang.empty()) {
    options.lang = parse_lang(lang);
    if (!options.lang) {
      print_error(kImport, fmt::format("--lang: unknown language '{}'", lang));
      return kExitError;
    }
  }
  options.keep_categories = vm.count("keep-categories") > 0;
  options.only_mapped = vm.count("only-mapped") > 0;
  options.exact = vm.count("exact") > 0;

  std::string bytes, error;
  if (!read_input({file}, bytes, error)) {
    print_error(kImport, fmt::format("{}: {}", file, error));
    return kExitError;
  }
  std::string name = file == "-" ? "<stdin>" : file;
  auto decoded = decode(bytes, {encoding});
  if (!decoded.ok()) {
    print_error(kImport, fmt::format("--encoding: {}", decoded.status().message()));
    return kExitError;
  }
  for (const auto& w : decoded->warnings) std::cerr << fmt::format("{}: {} (warning)\n", name, w.message);

  Dictionary dictionary = parse_dictionary(decoded->text, name, *format);
  ImportResult result = import_dictionary(dictionary, options);
  for (const auto& w : result.warnings) print_issue(kImport, w, true);
  for (const auto& e : result.errors) print_issue(kImport, e, false);
  if (!result.errors.empty()) {
    print_error(kImport, fmt::format("{} error{}; nothing written", result.errors.size(),
                                     result.errors.size() == 1 ? "" : "s"));
    return kExitError;
  }
  if (!write_output(output, result.tsv, kImport)) return kExitError;
  std::cerr << fmt::format("{}: {} entries from {} categor{} of {}\n", kImport, result.entries, result.categories,
                           result.categories == 1 ? "y" : "ies", name);
  return kExitOk;
}

int run_lexicon_export(int argc, char** argv) {
  std::string to, lang, output;
  std::vector<std::string> lexicons;
  po::options_description visible("Options");
  visible.add_options()("help,h", "show this help")
      ("to", po::value(&to), "liwc (a .dic) or quanteda (YAML)")
      ("lexicon,l", po::value(&lexicons)->composing(), "lexicon file or folder (repeatable; same as PATH)")
      ("lang", po::value(&lang), "only entries of this language (and language-neutral ones)")
      ("output,o", po::value(&output), "write to FILE instead of standard output");
  po::variables_map vm;
  std::vector<std::string> paths;
  if (!parse(argc, argv, visible, vm, paths, kExport)) return kExitError;
  if (vm.count("help")) {
    std::cout << "Usage: tamga lexicon export --to liwc|quanteda [--lang L] [-o FILE] [-l PATH]... [PATH...]\n\n"
                 "Writes lexicons (default: the shipped lexicons) as a LIWC .dic (one category per technique) or a\n"
                 "quanteda YAML dictionary (one key per technique, under one key per language when there are\n"
                 "several). `=word` is written plain, `word*` kept; re: patterns and weights have no equivalent\n"
                 "and are left out with a warning on standard error.\n\n"
              << visible << '\n';
    return kExitOk;
  }
  ExportOptions options;
  auto format = parse_dictionary_format(to);
  if (to.empty() || !format || (*format != DictionaryFormat::kLiwc && *format != DictionaryFormat::kQuanteda)) {
    print_error(kExport, to.empty() ? "--to liwc|quanteda is required"
                                    : fmt::format("cannot export to '{}': --to liwc or quanteda", to));
    return kExitError;
  }
  options.format = *format;
  if (!lang.empty()) {
    options.lang = parse_lang(lang);
    if (!options.lang) {
      print_error(kExport, fmt::format("--lang: unknown language '{}'", lang));
      return kExitError;
    }
  }
  paths.insert(paths.begin(), lexicons.begin(), lexicons.end());
  bool had_errors = false;
  auto lexicon = load_lexicons(paths, had_errors);
  auto result = export_dictionary(lexicon->entries(), options);
  if (!result.ok()) {
    print_error(kExport, result.status().message());
    return kExitError;
  }
  for (const auto& w : result->warnings) print_issue(kExport, w, true);
  if (!write_output(output, result->text, kExport)) return kExitError;
  return had_errors ? kExitError : kExitOk;
}

}  // namespace tamga::app
