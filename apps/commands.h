// One function per subcommand; each parses its own options and returns the exit status.
#pragma once

namespace tamga::app {
int run_scan(int argc, char** argv);
int run_tokenize(int argc, char** argv);
int run_match(int argc, char** argv);
int run_score(int argc, char** argv);
int run_report(int argc, char** argv);
int run_langid(int argc, char** argv);
int run_eval(int argc, char** argv);
int run_kwic(int argc, char** argv);
int run_lexicon(int argc, char** argv);
}  // namespace tamga::app
