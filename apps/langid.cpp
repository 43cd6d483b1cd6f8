// tamga langid: language, script and confidence per document, and per paragraph with --paragraphs.
#include <fmt/format.h>

#include <boost/program_options.hpp>
#include <csignal>
#include <iostream>

#include "commands.h"
#include "common.h"
#include "detail/json_writer.h"
#include "tamga/langid.h"

namespace tamga::app {

namespace po = boost::program_options;

int run_langid(int argc, char** argv) {
  std::vector<std::string> paths;
  std::string input = "auto", format = "text";
  InputOptions input_options;
  po::options_description visible("Options");
  visible.add_options()
      ("help,h", "show this help")
      ("paragraphs", "also give each paragraph's language (paragraphs are separated by blank lines)")
      ("input", po::value(&input), "auto (JSON Lines for .jsonl/.ndjson), text or jsonl")
      ("text-field", po::value(&input_options.text_field), "JSON Lines field with the text (default: text)")
      ("id-field", po::value(&input_options.id_field), "JSON Lines field with the id (default: id)")
      ("encoding", po::value(&input_options.encoding), "input encoding for text files (default: auto)")
      ("format", po::value(&format), "output: text or jsonl");
  po::options_description all;
  all.add(visible).add_options()("path", po::value(&paths)->composing());
  po::positional_options_description positional;
  positional.add("path", -1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
    po::notify(vm);
    input_options.kind = parse_input_kind(input);
    if (format != "text" && format != "jsonl") throw UsageError("--format must be text or jsonl, not '" + format + "'");
  } catch (const std::exception& e) {
    print_error("tamga langid", fmt::format("{} (see tamga langid --help)", e.what()));
    return kExitError;
  }
  if (vm.count("help")) {
    std::cout << "Usage: tamga langid [OPTIONS] [PATH...]\n\n"
                 "Prints the language (en, tr, az, kk, ky, uz, tk, or und), script (Latn, Cyrl) and confidence\n"
                 "of each document in files, folders, JSON Lines or standard input.\n\n"
              << visible << '\n';
    return kExitOk;
  }
  bool paragraphs = vm.count("paragraphs") > 0;
  bool had_errors = false;
  auto inputs = expand_inputs(paths, had_errors);
  Output out;
  std::signal(SIGPIPE, SIG_IGN);
  for (const auto& item : inputs) {
    LoadedInput loaded = load_input(item, input_options);
    if (!loaded.notice.empty()) {
      out.flush();
      std::cerr << loaded.notice << '\n';
    }
    had_errors |= loaded.error;
    for (const Document& doc : loaded.documents) {
      std::string line;
      LanguageGuess g;
      std::vector<ParagraphGuess> paras;
      if (doc.errors.empty()) {
        g = identify_language(doc.text);
        if (paragraphs) paras = identify_paragraphs(doc.text, false, &g);  // the whole-text guess is reused
      }
      if (format == "jsonl") {
        line += "{\"id\":";
        detail::append_json_string(line, doc.id);
        for (const auto& [name, raw] : doc.extra_fields) {
          line += ',';
          detail::append_json_string(line, name);
          line += ':' + raw;
        }
        fmt::format_to(std::back_inserter(line), ",\"lang\":\"{}\",\"script\":\"{}\",\"confidence\":", lang_code(g.lang),
                       script_code(g.script));
        detail::append_json_number(line, g.confidence);
        if (paragraphs) {
          line += ",\"paragraphs\":[";
          for (size_t i = 0; i < paras.size(); ++i) {
            if (i) line += ',';
            fmt::format_to(std::back_inserter(line), "{{\"start\":{},\"end\":{},\"lang\":\"{}\",\"script\":\"{}\",\"confidence\":",
                           paras[i].start, paras[i].end, lang_code(paras[i].guess.lang), script_code(paras[i].guess.script));
            detail::append_json_number(line, paras[i].guess.confidence);
            line += '}';
          }
          line += ']';
        }
        line += ",\"errors\":[";
        for (size_t i = 0; i < doc.errors.size(); ++i) {
          if (i) line += ',';
          line += "{\"code\":";
          detail::append_json_string(line, doc.errors[i].code);
          line += ",\"message\":";
          detail::append_json_string(line, doc.errors[i].message);
          line += '}';
        }
        line += "]}\n";
      } else {
        fmt::format_to(std::back_inserter(line), "{}\t{}\t{}\t{:.2f}{}\n", doc.id, lang_code(g.lang), script_code(g.script),
                       g.confidence, doc.errors.empty() ? "" : "\terror: " + doc.errors.front().message);
        for (const auto& p : paras) {
          fmt::format_to(std::back_inserter(line), "{}:{}-{}\t{}\t{}\t{:.2f}\n", doc.id, p.start, p.end, lang_code(p.guess.lang),
                         script_code(p.guess.script), p.guess.confidence);
        }
      }
      out.write(line);
      if (out.closed()) return kExitOk;
    }
  }
  out.flush();
  if (out.closed()) return kExitOk;
  return had_errors ? kExitError : kExitOk;
}

}  // namespace tamga::app
