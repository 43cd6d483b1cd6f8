// Scans a string with a lexicon given as text, through the installed public API only.
#include <tamga/tamga.h>

#include <cstdio>

int main() {
  tamga::LexiconBuilder builder;
  builder.add_text("pattern\ttechnique\tgloss\nyalan haber\tDoubt\tfake news\n", "inline.tsv", tamga::Lang::kTr);
  if (!builder.errors().empty()) return 2;
  auto scanner = tamga::Scanner::create(builder.build(), {});
  if (!scanner.ok()) return 2;
  tamga::Document doc;
  doc.text = "Muhalefet yalan haberlerin arkasında duruyor, dedi bakan.";
  scanner.value()->scan(doc);
  std::printf("%zu hit(s), lang %s, score %.1f\n", doc.hits.size(), std::string(tamga::lang_code(doc.lang)).c_str(),
              doc.scores.score);
  return doc.hits.size() == 1 ? 0 : 1;
}
