// tamga: one binary, one subcommand per verb. Called as tamga-VERB it runs that verb.
#include <cstring>
#include <iostream>
#include <string>
#include <string_view>

#include "commands.h"
#include "common.h"

namespace {

struct Command {
  std::string_view name;
  int (*run)(int, char**);
  std::string_view summary;
};

constexpr Command kCommands[] = {
    {"scan", tamga::app::run_scan, "find and score propaganda techniques in files, folders or standard input"},
    {"lexicon", tamga::app::run_lexicon, "check, stats, explain, import, export, induce: work on lexicons"},
    {"tokenize", tamga::app::run_tokenize, "stage 1: language, script, paragraphs and tokens, as JSON Lines"},
    {"match", tamga::app::run_match, "stage 2: add lexicon hits to JSON Lines records"},
    {"score", tamga::app::run_score, "stage 3: add scores to JSON Lines records"},
    {"report", tamga::app::run_report, "stage 4: print scored records as text, JSON, CSV, SARIF, GitHub or HTML"},
    {"eval", tamga::app::run_eval, "score predicted spans against gold spans (SemEval-2020 Task 11 metrics)"},
    {"kwic", tamga::app::run_kwic, "keyword-in-context lines for a technique, an entry or a pattern"},
    {"langid", tamga::app::run_langid, "language, script and confidence per document (and per paragraph)"},
};

void usage(std::ostream& os) {
  os << "Usage: tamga COMMAND [OPTIONS] [ARGS...]\n\nCommands:\n";
  for (const auto& c : kCommands) os << "  " << c.name << std::string(10 - c.name.size(), ' ') << c.summary << '\n';
  os << "\nRun 'tamga COMMAND --help' for a command's options.\n";
}

}  // namespace

int main(int argc, char** argv) {
  std::string_view self = argc > 0 ? argv[0] : "tamga";
  if (auto slash = self.rfind('/'); slash != std::string_view::npos) self.remove_prefix(slash + 1);
  if (self.substr(0, 6) == "tamga-") {
    std::string_view verb = self.substr(6);
    for (const auto& c : kCommands)
      if (c.name == verb) return c.run(argc, argv);
  }
  if (argc < 2) {
    usage(std::cerr);
    return tamga::app::kExitError;
  }
  std::string_view verb = argv[1];
  if (verb == "--help" || verb == "-h" || verb == "help") {
    usage(std::cout);
    return tamga::app::kExitOk;
  }
  if (verb == "--version" || verb == "-V") {
    std::cout << tamga::app::version_text();
    return tamga::app::kExitOk;
  }
  for (const auto& c : kCommands)
    if (c.name == verb) return c.run(argc - 1, argv + 1);
  std::cerr << "tamga: unknown command '" << verb << "'\n";
  usage(std::cerr);
  return tamga::app::kExitError;
}
