// tamga lexicon import|export: convert LIWC, LIWC-22, quanteda, Lexicoder and WordStat dictionaries to and
// from tamga lexicons. Called from run_lexicon's verb dispatch (apps/lexicon.cpp).
#pragma once

namespace tamga::app {
int run_lexicon_import(int argc, char** argv);
int run_lexicon_export(int argc, char** argv);
}  // namespace tamga::app
