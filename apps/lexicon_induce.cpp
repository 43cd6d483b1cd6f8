// tamga lexicon induce: candidate entries per technique from PTC-format labelled articles, ranked by the
// weighted log-odds ratio with an informative Dirichlet prior, written as a draft lexicon for review.
#include <fmt/format.h>

#include <boost/program_options.hpp>
#include <algorithm>
#include <csignal>
#include <filesystem>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "common.h"
#include "tamga/decode.h"
#include "tamga/eval.h"
#include "tamga/induce.h"
#include "tamga/technique.h"

namespace tamga::app {

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace {

constexpr const char* kCommand = "tamga lexicon induce";

// The article id of a PTC file name, "article123.txt" → "123"; empty when the name is not of that form.
std::string article_id(const std::string& name) {
  constexpr std::string_view prefix = "article", suffix = ".txt";
  if (name.size() <= prefix.size() + suffix.size() || name.compare(0, prefix.size(), prefix) != 0 ||
      name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0)
    return {};
  return name.substr(prefix.size(), name.size() - prefix.size() - suffix.size());
}

// A normalized n-gram as a pattern: a word the pattern syntax would read as an operator (=x, x*, re:x) is
// written as an exact form. Tokens rarely look like that; the rule keeps the draft loadable anyway.
std::string as_pattern(const std::string& ngram) {
  std::string out;
  size_t start = 0;
  while (start <= ngram.size()) {
    size_t sp = ngram.find(' ', start);
    if (sp == std::string::npos) sp = ngram.size();
    std::string_view w(ngram.data() + start, sp - start);
    if (!out.empty()) out += ' ';
    bool special = w.substr(0, 3) == "re:" || (!w.empty() && (w.front() == '=' || w.front() == '#' || w.back() == '*'));
    if (special) out += '=';
    out += w;
    start = sp + 1;
  }
  return out;
}

}  // namespace

int run_lexicon_induce(int argc, char** argv) {
  std::string labels_path, articles_dir, lang_name = "en";
  std::vector<std::string> technique_names;
  long long top = 50, min_count = 3;
  po::options_description visible("Options");
  visible.add_options()("help,h", "show this help")
      ("labels", po::value(&labels_path), "PTC technique labels: article<TAB>technique<TAB>start<TAB>end (code points)")
      ("articles", po::value(&articles_dir), "folder of article<ID>.txt files")
      ("technique", po::value(&technique_names)->composing(),
       "technique to induce for (repeatable; default: every technique in the labels)")
      ("top", po::value(&top), "candidates per technique (default 50; 0: all)")
      ("lang", po::value(&lang_name), "language the articles are tokenized and normalized for (default en)")
      ("min-count", po::value(&min_count), "minimum occurrences inside the technique's spans (default 3)");
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(visible).run(), vm);
    po::notify(vm);
  } catch (const std::exception& e) {
    print_error(kCommand, fmt::format("{} (see {} --help)", e.what(), kCommand));
    return kExitError;
  }
  if (vm.count("help")) {
    std::cout << "Usage: tamga lexicon induce --labels FILE --articles DIR [--technique T] [--top N] [--lang L]\n"
                 "                            [--min-count K]\n\n"
                 "Proposes 1-3-word entries per technique from labelled articles (the PTC format of SemEval-2020\n"
                 "Task 11): n-grams inside the technique's spans against the rest of the corpus, ranked by the\n"
                 "z-score of the weighted log-odds ratio with an informative Dirichlet prior from the whole\n"
                 "corpus (Monroe, Colaresi and Quinn 2008). Writes a DRAFT lexicon to standard output, with an\n"
                 "empty gloss on every entry so `tamga lexicon check` flags it until a person has reviewed it,\n"
                 "and the columns z, log_odds, in_spans, elsewhere and articles for the review.\n\n"
              << visible << '\n';
    return kExitOk;
  }
  if (labels_path.empty() || articles_dir.empty()) {
    print_error(kCommand, fmt::format("--labels and --articles are required (see {} --help)", kCommand));
    return kExitError;
  }
  if (top < 0 || min_count < 0 || min_count > 1'000'000'000) {
    print_error(kCommand, "--top and --min-count take a count (0 or more)");
    return kExitError;
  }
  auto lang = parse_lang(lang_name);
  if (!lang) {
    print_error(kCommand, fmt::format("unknown language '{}'", lang_name));
    return kExitError;
  }
  std::vector<Technique> techniques;
  for (const auto& name : technique_names) {
    auto t = parse_technique(name);
    if (!t) {
      print_error(kCommand, fmt::format("unknown technique '{}'", name));
      return kExitError;
    }
    if (std::find(techniques.begin(), techniques.end(), *t) == techniques.end()) techniques.push_back(*t);
  }

  std::string bytes, error;
  if (!read_input({labels_path}, bytes, error)) {
    print_error(kCommand, fmt::format("{}: {}", labels_path, error));
    return kExitError;
  }
  auto labels = parse_ptc_labels(bytes, labels_path);
  if (!labels.ok()) {
    print_error(kCommand, labels.status().message());
    return kExitError;
  }
  std::map<std::string, std::vector<LabelledSpan>> by_article;
  for (auto& s : labels.value()) {
    if (!s.technique) {
      print_error(kCommand, fmt::format("{}: spans without a technique; give the technique-classification labels "
                                        "(article<TAB>technique<TAB>start<TAB>end)", labels_path));
      return kExitError;
    }
    by_article[s.article].push_back(std::move(s));
  }

  std::error_code ec;
  if (!fs::is_directory(articles_dir, ec)) {
    print_error(kCommand, fmt::format("{}: not a folder", articles_dir));
    return kExitError;
  }
  std::vector<std::pair<std::string, fs::path>> articles;
  for (fs::directory_iterator it(articles_dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::string id = article_id(it->path().filename().string());
    if (!id.empty() && it->is_regular_file(ec)) articles.emplace_back(id, it->path());
  }
  if (ec) {
    print_error(kCommand, fmt::format("{}: cannot read folder: {}", articles_dir, ec.message()));
    return kExitError;
  }
  if (articles.empty()) {
    print_error(kCommand, fmt::format("{}: no article<ID>.txt files", articles_dir));
    return kExitError;
  }
  std::sort(articles.begin(), articles.end());

  auto inducer = NgramInducer::create(*lang);
  if (!inducer.ok()) {
    print_error(kCommand, inducer.status().message());
    return kExitError;
  }
  bool had_errors = false;
  size_t matched_labels = 0;
  const std::vector<LabelledSpan> none;
  for (const auto& [id, path] : articles) {
    if (!read_input({path.string()}, bytes, error)) {
      print_error(kCommand, fmt::format("{}: {}", path.string(), error));
      had_errors = true;
      continue;
    }
    auto decoded = decode(bytes);
    if (!decoded.ok()) {
      print_error(kCommand, fmt::format("{}: {}", path.string(), decoded.status().message()));
      had_errors = true;
      continue;
    }
    auto found = by_article.find(id);
    const auto& spans = found == by_article.end() ? none : found->second;
    matched_labels += found != by_article.end();
    Status s = inducer.value()->add_article(decoded->text, spans);
    if (!s.ok()) {
      print_error(kCommand, fmt::format("{}: {}", path.string(), s.message()));
      had_errors = true;
    }
  }
  if (matched_labels < by_article.size()) {
    std::string first;
    for (const auto& [id, _] : by_article) {
      auto at = std::lower_bound(articles.begin(), articles.end(), id,
                                 [](const auto& article, const std::string& key) { return article.first < key; });
      if (at == articles.end() || at->first != id) {
        first = id;
        break;
      }
    }
    const size_t missing = by_article.size() - matched_labels;
    print_error(kCommand, fmt::format("{}: {} labelled article{} not in {} (first: article{}.txt); their labels are "
                                      "left out",
                                      labels_path, missing, missing == 1 ? "" : "s", articles_dir, first));
    had_errors = true;
  }
  const NgramInducer& ind = *inducer.value();
  if (techniques.empty()) {
    for (Technique t : all_techniques())
      if (ind.spans(t) > 0) techniques.push_back(t);
  }

  InduceOptions options;
  options.top = static_cast<size_t>(top);
  options.min_count = static_cast<unsigned>(min_count);
  std::signal(SIGPIPE, SIG_IGN);
  Output out;
  out.write(fmt::format(
      "# DRAFT lexicon, to review: candidate entries proposed by `tamga lexicon induce`, never loaded as they are.\n"
      "# Keep only entries that really signal the technique, write each one's gloss (left empty on purpose:\n"
      "# `tamga lexicon check` reports it missing until then), set weights, drop the extra columns.\n"
      "# Ranked by z, the weighted log-odds ratio with an informative Dirichlet prior from the whole corpus\n"
      "# (Monroe, Colaresi and Quinn 2008): n-grams inside the technique's spans against the rest of the corpus.\n"
      "# z: that ratio over its standard error; log_odds: the ratio; in_spans: occurrences inside spans;\n"
      "# elsewhere: the other occurrences; articles: articles with an occurrence inside a span.\n"
      "# labels: {}; articles: {} ({} articles); lang: {}; min count {}; top {}\n"
      "#@ lang: {}\n"
      "pattern\tweight\tgloss\tnote\tz\tlog_odds\tin_spans\telsewhere\tarticles\n",
      labels_path, articles_dir, ind.articles(), lang_code(*lang), std::max(1LL, min_count), top, lang_code(*lang)));
  for (Technique t : techniques) {
    auto ranked = ind.rank(t, options);
    if (!ranked.ok()) {
      print_error(kCommand, ranked.status().message());
      return kExitError;
    }
    if (ind.spans(t) == 0) {
      print_error(kCommand, fmt::format("no spans of {} in {}", technique_name(t), labels_path));
      had_errors = true;
    }
    out.write(fmt::format("\n#@ technique: {}\n# {} span{}; n-grams inside spans / in all:", technique_name(t),
                          ind.spans(t), ind.spans(t) == 1 ? "" : "s"));
    for (unsigned n = 1; n <= kMaxInduceWords; ++n)
      out.write(fmt::format(" {} word{} {}/{}", n, n == 1 ? "" : "s", ind.ngrams_in_spans(t, n), ind.ngrams(n)));
    out.write("\n");
    for (const InduceCandidate& c : ranked.value())
      out.write(fmt::format("{}\t1\t\t\t{:.3f}\t{:.3f}\t{}\t{}\t{}\n", as_pattern(c.pattern), c.z, c.delta, c.in_spans,
                            c.elsewhere, c.articles));
  }
  out.flush();
  if (out.failed) return kExitError;
  return had_errors ? kExitError : kExitOk;
}

}  // namespace tamga::app
