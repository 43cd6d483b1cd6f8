// tamga lexicon check|stats|explain: lint lexicons, count their entries, show why a text is flagged.
#include <fmt/format.h>

#include <boost/program_options.hpp>
#include <iostream>
#include <map>

#include "commands.h"
#include "common.h"
#include "lexicon_io.h"
#include "tamga/tamga.h"

namespace tamga::app {

namespace po = boost::program_options;

namespace {

struct Parsed {
  po::variables_map vm;
  std::vector<std::string> positional;
};

// Parses options common to the lexicon verbs; returns false (after printing) on a usage error.
bool parse(int argc, char** argv, po::options_description& visible, Parsed& p, const char* verb) {
  po::options_description all;
  all.add(visible).add_options()("arg", po::value(&p.positional)->composing());
  po::positional_options_description positional;
  positional.add("arg", -1);
  try {
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), p.vm);
    po::notify(p.vm);
  } catch (const std::exception& e) {
    print_error(fmt::format("tamga lexicon {}", verb), fmt::format("{} (see tamga lexicon {} --help)", e.what(), verb));
    return false;
  }
  return true;
}

LexiconBuilder build(const std::vector<std::string>& paths) {
  LexiconBuilder b;
  if (paths.empty()) b.add_path(shipped_lexicons());
  for (const auto& p : paths) b.add_path(p);
  return b;
}

int check(int argc, char** argv) {
  po::options_description visible("Options");
  visible.add_options()("help,h", "show this help")("strict", "exit 2 on lint warnings too");
  Parsed p;
  if (!parse(argc, argv, visible, p, "check")) return kExitError;
  if (p.vm.count("help")) {
    std::cout << "Usage: tamga lexicon check [--strict] [PATH...]\n\n"
                 "Loads lexicon files or folders (default: the shipped lexicons) and reports errors and lint as\n"
                 "file:line: messages: unknown technique, bad regex, missing column, empty pattern, bad weight,\n"
                 "duplicates, missing gloss, shadowed entries, letters outside the language's alphabet, short\n"
                 "roots. Exit status 2 on errors (and on lint with --strict), else 0.\n\n"
              << visible << '\n';
    return kExitOk;
  }
  LexiconBuilder b = build(p.positional);
  for (const auto& e : b.errors()) std::cout << e.to_string() << '\n';
  auto lexicon = b.build();
  std::vector<LexiconIssue> warnings(b.warnings().begin(), b.warnings().end());
  auto more = lint(*lexicon);
  warnings.insert(warnings.end(), more.begin(), more.end());
  for (const auto& w : warnings) std::cout << w.to_string() << " (warning)\n";
  std::cerr << fmt::format("{} entries, {} errors, {} warnings\n", lexicon->entries().size(), b.errors().size(),
                           warnings.size());
  if (!b.errors().empty()) return kExitError;
  return p.vm.count("strict") && !warnings.empty() ? kExitError : kExitOk;
}

int stats(int argc, char** argv) {
  std::string format = "text";
  po::options_description visible("Options");
  visible.add_options()("help,h", "show this help")("format", po::value(&format), "text or tsv");
  Parsed p;
  if (!parse(argc, argv, visible, p, "stats")) return kExitError;
  if (p.vm.count("help")) {
    std::cout << "Usage: tamga lexicon stats [--format text|tsv] [PATH...]\n\nEntries per language and technique.\n\n"
              << visible << '\n';
    return kExitOk;
  }
  if (format != "text" && format != "tsv") {
    print_error("tamga lexicon stats", "--format must be text or tsv");
    return kExitError;
  }
  LexiconBuilder b = build(p.positional);
  for (const auto& e : b.errors()) std::cerr << e.to_string() << '\n';
  auto lexicon = b.build();
  std::map<Lang, std::map<Technique, size_t>> counts;
  for (const Entry& e : lexicon->entries()) ++counts[e.lang][e.technique];
  std::vector<Lang> langs;
  for (const auto& [l, _] : counts) langs.push_back(l);
  std::string out;
  const bool tsv = format == "tsv";
  auto row = [&](std::string_view name, const std::vector<std::string>& cells) {
    if (tsv) {
      out += name;
      for (const auto& c : cells) out += "\t" + c;
      out += '\n';
    } else {
      out += fmt::format("{:<36}", name);
      for (const auto& c : cells) out += fmt::format("{:>7}", c);
      out += '\n';
    }
  };
  std::vector<std::string> header;
  for (Lang l : langs) header.emplace_back(lang_code(l));
  header.emplace_back("all");
  row("technique", header);
  std::map<Lang, size_t> totals;
  for (Technique t : all_techniques()) {
    std::vector<std::string> cells;
    size_t sum = 0;
    for (Lang l : langs) {
      size_t n = counts[l][t];
      totals[l] += n;
      sum += n;
      cells.push_back(std::to_string(n));
    }
    cells.push_back(std::to_string(sum));
    row(technique_name(t), cells);
  }
  std::vector<std::string> cells, covered;
  size_t all = 0;
  for (Lang l : langs) {
    cells.push_back(std::to_string(totals[l]));
    all += totals[l];
    size_t c = 0;
    for (Technique t : all_techniques()) c += counts[l][t] > 0;
    covered.push_back(fmt::format("{}/14", c));
  }
  cells.push_back(std::to_string(all));
  covered.emplace_back("");
  row("entries", cells);
  row("techniques covered", covered);
  std::cout << out;
  return b.errors().empty() ? kExitOk : kExitError;
}

int explain(int argc, char** argv) {
  std::vector<std::string> lexicons;
  std::string file, lang_name;
  po::options_description visible("Options");
  visible.add_options()("help,h", "show this help")
      ("lexicon,l", po::value(&lexicons)->composing(), "lexicon file or folder (default: the shipped lexicons)")
      ("file,f", po::value(&file), "read the text from FILE ('-' for standard input)")
      ("lang", po::value(&lang_name), "language of the text (default: detect)");
  Parsed p;
  if (!parse(argc, argv, visible, p, "explain")) return kExitError;
  if (p.vm.count("help")) {
    std::cout << "Usage: tamga lexicon explain [OPTIONS] TEXT...\n\n"
                 "Shows, token by token, the normalized form each word is matched by, and every entry that\n"
                 "matched or nearly matched it: through which normalization, script mapping and suffix\n"
                 "analysis, and which hits survive the longest-match rule.\n\n"
              << visible << '\n';
    return kExitOk;
  }
  Document doc;
  doc.id = "text";
  if (!file.empty()) {
    std::string bytes, error;
    if (!read_input({file}, bytes, error)) {
      print_error("tamga lexicon explain", fmt::format("{}: {}", file, error));
      return kExitError;
    }
    doc = document_from_bytes(file, bytes, {});
  } else {
    for (const auto& w : p.positional) doc.text += (doc.text.empty() ? "" : " ") + w;
  }
  if (doc.text.empty()) {
    print_error("tamga lexicon explain", "no text given (TEXT... or --file)");
    return kExitError;
  }
  ScanOptions options;
  if (!lang_name.empty()) {
    options.force_lang = parse_lang(lang_name);
    if (!options.force_lang) {
      print_error("tamga lexicon explain", fmt::format("unknown language '{}'", lang_name));
      return kExitError;
    }
  }
  bool had_errors = false;
  auto lexicon = load_lexicons(lexicons, had_errors);
  auto scanner = Scanner::create(lexicon, options);
  if (!scanner.ok()) {
    print_error("tamga lexicon explain", scanner.status().message());
    return kExitError;
  }
  scanner.value()->identify(doc);
  scanner.value()->tokenize(doc);
  std::string out = fmt::format("language: {} ({}), confidence {:.2f}\n", lang_code(doc.lang), script_code(doc.script),
                                doc.lang_confidence);
  const auto& ts = doc.tokens.tokens;
  std::vector<Lexicon::Explanation> why;
  lexicon->explain(doc.tokens, doc.lang, why);
  for (size_t i = 0; i < ts.size(); ++i) {
    std::string_view surface = std::string_view(doc.text).substr(ts[i].start, ts[i].end - ts[i].start);
    out += fmt::format("\n{} → {}{}{}\n", surface, doc.tokens.norm(ts[i]),
                       ts[i].lang != doc.lang ? fmt::format(" [{}]", lang_code(ts[i].lang)) : "",
                       ts[i].mixed_script ? " (mixes Latin and Cyrillic look-alike letters)" : "");
    for (const auto& x : why) {
      if (x.token != i) continue;
      const Entry& e = lexicon->entries()[x.entry];
      out += fmt::format("  {} {} '{}' ({}, {}:{}): {}\n", x.matched ? "MATCH" : "no   ", e.id, e.pattern,
                         technique_name(e.technique), e.file, e.line, x.reason);
    }
  }
  scanner.value()->match(doc);
  out += fmt::format("\nhits after the longest-match rule: {}\n", doc.hits.size());
  for (const Hit& h : doc.hits) {
    out += fmt::format("  {}:{}: {}: \"{}\" ({}, weight {:.2f}{}{})\n", h.line, h.col, technique_name(h.technique),
                       std::string_view(doc.text).substr(h.start, h.end - h.start), h.entry, h.weight,
                       h.voice == Voice::kQuoted ? ", quoted" : "", h.modifiers.empty() ? "" : ", modified");
  }
  std::cout << out;
  return had_errors ? kExitError : kExitOk;
}

}  // namespace

int run_lexicon_induce(int argc, char** argv);  // apps/lexicon_induce.cpp

int run_lexicon(int argc, char** argv) {
  std::string_view verb = argc > 1 ? argv[1] : "";
  if (verb == "check") return check(argc - 1, argv + 1);
  if (verb == "stats") return stats(argc - 1, argv + 1);
  if (verb == "explain") return explain(argc - 1, argv + 1);
  if (verb == "import") return run_lexicon_import(argc - 1, argv + 1);
  if (verb == "export") return run_lexicon_export(argc - 1, argv + 1);
  if (verb == "induce") return run_lexicon_induce(argc - 1, argv + 1);
  if (verb == "--help" || verb == "-h") {
    std::cout << "Usage: tamga lexicon check|stats|explain|import|export|induce [OPTIONS] ...\n\n"
                 "  check     lint lexicons (errors as file:line: message; exit 2 on errors)\n"
                 "  stats     entries per language and technique\n"
                 "  explain   which entries match a text and why\n"
                 "  import    convert a LIWC, LIWC-22, quanteda, Lexicoder or WordStat dictionary to a lexicon\n"
                 "  export    write lexicons as a LIWC or quanteda dictionary\n"
                 "  induce    draft entries per technique from labelled articles, for review\n";
    return kExitOk;
  }
  constexpr const char* kVerbs = "check, stats, explain, import, export or induce";
  print_error("tamga lexicon", verb.empty() ? fmt::format("missing verb: {}", kVerbs)
                                            : fmt::format("unknown verb '{}': {}", verb, kVerbs));
  return kExitError;
}

}  // namespace tamga::app
