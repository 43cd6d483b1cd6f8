// Where a scan spends its time: every stage of `tamga scan` timed on its own over the same documents,
// through the public library API, in the order lib/scanner.cpp chains them. Not a test.
//
//   tamga_bench_stages [--lexicon PATH]... [--iterations N] [--max-mb N] [--doc-bytes N] FILE
//
// FILE is JSON Lines (.jsonl: one document a line, "id" and "text") or text (lines grouped into documents
// of at least --doc-bytes bytes, as scripts/bench-support does). Each iteration passes every document
// through every stage, timing each stage call; the table gives, per stage, the median over iterations.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "tamga/tamga.h"

namespace {

using Clock = std::chrono::steady_clock;

struct StageTiming {
  const char* name;
  bool part_of_another;  // not added to the total: a sub-step timed inside another stage, or not part of this scan
  std::vector<double> seconds_per_iteration;
  double current = 0;
};

enum StageId { kParse, kDecode, kIdentify, kTokenize, kNormalize, kLookup, kMatch, kScore, kPrintCsv, kPrintJsonl, kStageCount };

[[noreturn]] void usage(const char* message) {
  if (message) std::cerr << "tamga_bench_stages: " << message << '\n';
  std::cerr << "Usage: tamga_bench_stages [--lexicon PATH]... [--iterations N] [--max-mb N] [--doc-bytes N] FILE\n"
               "  --lexicon PATH   a lexicon file or folder (repeatable; default: the shipped lexicons)\n"
               "  --iterations N   passes over the documents (default 3; the median is reported)\n"
               "  --max-mb N       read at most the first N MiB of FILE (default: all)\n"
               "  --doc-bytes N    text input: group lines into documents of at least N bytes (default 2048)\n";
  std::exit(2);
}

unsigned parse_count(const char* text, const char* option) {
  char* end = nullptr;
  unsigned long v = std::strtoul(text, &end, 10);
  if (!end || *end || v == 0) usage(fmt::format("{} needs a positive number", option).c_str());
  return static_cast<unsigned>(v);
}

// Raw documents: JSON lines as read, or groups of text lines.
std::vector<std::string> read_documents(const std::string& path, bool jsonl, size_t max_bytes, size_t doc_bytes) {
  std::ifstream in(path, std::ios::binary);
  if (!in) usage(fmt::format("cannot read {}", path).c_str());
  std::vector<std::string> docs;
  std::string line, current;
  size_t total = 0;
  while (total < max_bytes && std::getline(in, line)) {
    total += line.size() + 1;
    if (jsonl) {
      if (!line.empty()) docs.push_back(line);
      continue;
    }
    if (!current.empty()) current += '\n';
    current += line;
    if (current.size() + 1 >= doc_bytes) docs.push_back(std::move(current)), current.clear();
  }
  if (!current.empty()) docs.push_back(std::move(current));
  return docs;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> lexicon_paths;
  unsigned iterations = 3;
  size_t max_bytes = SIZE_MAX, doc_bytes = 2048;
  std::string file;
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    auto value = [&]() -> const char* {
      if (i + 1 >= argc) usage(fmt::format("{} needs a value", a).c_str());
      return argv[++i];
    };
    if (a == "--lexicon" || a == "-l") lexicon_paths.emplace_back(value());
    else if (a == "--iterations") iterations = parse_count(value(), "--iterations");
    else if (a == "--max-mb") max_bytes = size_t{parse_count(value(), "--max-mb")} << 20;
    else if (a == "--doc-bytes") doc_bytes = parse_count(value(), "--doc-bytes");
    else if (a == "-h" || a == "--help") usage(nullptr);
    else if (!a.empty() && a[0] == '-') usage(fmt::format("unknown option {}", a).c_str());
    else if (file.empty()) file = a;
    else usage("one FILE only");
  }
  if (file.empty()) usage("no FILE");
  if (lexicon_paths.empty()) lexicon_paths.emplace_back(TAMGA_SOURCE_LEXICONS);

  using namespace tamga;
  LexiconBuilder builder;
  for (const auto& p : lexicon_paths) builder.add_path(p);
  for (const auto& e : builder.errors()) std::cerr << e.to_string() << '\n';
  if (!builder.errors().empty()) return 2;
  std::shared_ptr<const Lexicon> lexicon = builder.build();
  auto created = Scanner::create(lexicon, ScanOptions{});
  if (!created.ok()) {
    std::cerr << "tamga_bench_stages: " << created.status().message() << '\n';
    return 2;
  }
  std::unique_ptr<Scanner> scanner = std::move(created).value();
  Normalizer normalizer;
  PrinterOptions csv_options, jsonl_options;
  auto csv = make_printer(OutputFormat::kCsv, csv_options);
  auto jsonl = make_printer(OutputFormat::kJsonl, jsonl_options);

  const bool is_jsonl = file.size() > 6 && file.substr(file.size() - 6) == ".jsonl";
  std::vector<std::string> raw = read_documents(file, is_jsonl, max_bytes, doc_bytes);

  StageTiming stages[kStageCount] = {
      {"parse JSON line", false, {}, 0},
      {"decode (UTF-8 check)", false, {}, 0},
      {"language id", false, {}, 0},
      {"tokenize (ICU words + normalize)", false, {}, 0},
      {"  normalize alone (inside tokenize)", true, {}, 0},
      {"  lexicon lookup alone (inside match)", true, {}, 0},
      {"match (lookup, overlaps, voice, modifiers, repetition)", false, {}, 0},
      {"score", false, {}, 0},
      {"print CSV row", false, {}, 0},
      {"print JSON Lines record (not in a CSV scan)", true, {}, 0},
  };
  if (is_jsonl) {
    // JSON strings are UTF-8 already: a JSON Lines scan does not decode, a text file's does.
    stages[kDecode].name = "decode (UTF-8 check; text files only)";
    stages[kDecode].part_of_another = true;
  } else {
    stages[kParse].name = nullptr;
  }

  size_t text_bytes = 0, tokens = 0, hits = 0;
  std::vector<Match> matches;
  std::string folded, out;
  JsonlFields fields;
  for (unsigned it = 0; it < iterations; ++it) {
    for (auto& s : stages) s.current = 0;
    text_bytes = tokens = hits = 0;
    size_t n = 0;
    for (const std::string& r : raw) {
      ++n;
      auto t0 = Clock::now();
      Document doc;
      if (is_jsonl) doc = document_from_json_line(r, fields, fmt::format("doc-{}", n), "input");
      auto t1 = Clock::now();
      std::string_view bytes = is_jsonl ? std::string_view(doc.text) : std::string_view(r);
      auto decoded = decode(bytes);
      auto t2 = Clock::now();
      if (!decoded.ok()) continue;
      doc.text = std::move(decoded->text);
      text_bytes += doc.text.size();
      scanner->identify(doc);
      auto t3 = Clock::now();
      scanner->tokenize(doc);
      auto t4 = Clock::now();
      for (const Token& t : doc.tokens.tokens) {
        folded.clear();
        normalizer.fold_token(std::string_view(doc.text).substr(t.start, t.end - t.start), t.lang, folded);
      }
      auto t5 = Clock::now();
      matches.clear();
      lexicon->find_matches(doc.tokens, doc.lang, matches);
      auto t6 = Clock::now();
      scanner->match(doc);
      auto t7 = Clock::now();
      score_document(doc, ScanOptions{}.quoted_factor);
      auto t8 = Clock::now();
      out.clear();
      csv->document(doc, out);
      auto t9 = Clock::now();
      out.clear();
      jsonl->document(doc, out);
      auto t10 = Clock::now();
      tokens += doc.tokens.tokens.size();
      hits += doc.hits.size();
      auto sec = [](Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double>(b - a).count(); };
      stages[kParse].current += sec(t0, t1);
      stages[kDecode].current += sec(t1, t2);
      stages[kIdentify].current += sec(t2, t3);
      stages[kTokenize].current += sec(t3, t4);
      stages[kNormalize].current += sec(t4, t5);
      stages[kLookup].current += sec(t5, t6);
      stages[kMatch].current += sec(t6, t7);
      stages[kScore].current += sec(t7, t8);
      stages[kPrintCsv].current += sec(t8, t9);
      stages[kPrintJsonl].current += sec(t9, t10);
    }
    for (auto& s : stages) s.seconds_per_iteration.push_back(s.current);
  }

  auto median = [](std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
  };
  double total = 0;
  for (const auto& s : stages)
    if (s.name && !s.part_of_another) total += median(s.seconds_per_iteration);

  std::string lexicon_names;
  for (const auto& p : lexicon_paths) lexicon_names += (lexicon_names.empty() ? "" : ", ") + p;
  fmt::print("Stages over {} ({} documents, {:.1f} MB of text, {} tokens, {} hits; lexicon {}: {} entries; "
             "median of {} iterations, 1 thread):\n\n",
             file, raw.size(), static_cast<double>(text_bytes) / 1e6, tokens, hits, lexicon_names,
             lexicon->entries().size(), iterations);
  fmt::print("| stage | MB/s | ns/token | share |\n|---|---:|---:|---:|\n");
  for (const auto& s : stages) {
    if (!s.name) continue;
    double t = median(s.seconds_per_iteration);
    double mbps = t > 0 ? static_cast<double>(text_bytes) / 1e6 / t : 0;
    double ns_per_token = tokens ? t * 1e9 / static_cast<double>(tokens) : 0;
    fmt::print("| {} | {:.1f} | {:.0f} | {}{:.1f}%{} |\n", s.name, mbps, ns_per_token, s.part_of_another ? "(" : "",
               total > 0 ? 100 * t / total : 0, s.part_of_another ? ")" : "");
  }
  fmt::print("| all counted stages | {:.1f} | {:.0f} | 100% |\n", total > 0 ? static_cast<double>(text_bytes) / 1e6 / total : 0,
             tokens ? total * 1e9 / static_cast<double>(tokens) : 0);
  return 0;
}
