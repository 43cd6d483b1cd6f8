// tamga scan, and the same stages as separate commands over JSON Lines: tokenize, match, score, report.
#include <fmt/format.h>

#include <csignal>
#include <optional>
#include <fstream>
#include <iostream>

#include "commands.h"
#include "interrupt.h"
#include "options.h"
#include "runner.h"
#include "tamga/tamga.h"

namespace tamga::app {

namespace {

enum class Verb { kScan, kTokenize, kMatch, kScore, kReport };

struct VerbInfo {
  const char* command;
  unsigned groups;
  const char* usage;
};

VerbInfo info(Verb v) {
  switch (v) {
    case Verb::kTokenize:
      return {"tamga tokenize", kInputOptions | kOutputOptions | kRunOptions,
              "Usage: tamga tokenize [OPTIONS] [PATH...]\n\n"
              "Reads files, folders, raw text on standard input or JSON Lines, and writes one JSON Lines record per\n"
              "document with its language, script, paragraphs and tokens. Fields it does not know pass through."};
    case Verb::kMatch:
      return {"tamga match", kInputOptions | kLexiconOptions | kOutputOptions | kRunOptions,
              "Usage: tamga match [OPTIONS] [PATH...]\n\n"
              "Reads JSON Lines records (from tamga tokenize, or any records with a text field) and adds the\n"
              "lexicon hits. Fields it does not know pass through."};
    case Verb::kScore:
      return {"tamga score", kInputOptions | kOutputOptions | kRunOptions,
              "Usage: tamga score [OPTIONS] [PATH...]\n\nReads matched JSON Lines records and adds the scores."};
    case Verb::kReport:
      return {"tamga report", kInputOptions | kOutputOptions | kCiOptions | kRunOptions,
              "Usage: tamga report [OPTIONS] [PATH...]\n\n"
              "Reads scored JSON Lines records and prints them in any format; applies the allow-list, baseline\n"
              "and failure thresholds like scan."};
    case Verb::kScan: break;
  }
  return {"tamga scan", kInputOptions | kLexiconOptions | kOutputOptions | kCiOptions | kRunOptions,
          "Usage: tamga scan [OPTIONS] [PATH...]\n\n"
          "Finds propaganda techniques in files, folders (recursively), JSON Lines or standard input, and\n"
          "scores each document: every stage in one process. Exit status: 0 done, 1 a failure threshold was\n"
          "exceeded, 2 usage, configuration, lexicon or input error, 130 interrupted (Ctrl-C; -o FILE is left\n"
          "as it was). Options are also read from the nearest .tamga.ini (or --config FILE); the command line wins.\n\n"
          "Limits: a document (file or JSON Lines record) over --max-doc-size (64M) gets an error record and the\n"
          "run goes on; lexicon lines over 64 KiB, patterns over 2000 bytes or 32 words, re: expressions over\n"
          "1000 bytes or over RE2's 8 MiB memory budget are file:line errors."};
}

int run_verb(Verb verb, int argc, char** argv) {
  VerbInfo vi = info(verb);
  Settings s;
  if (verb == Verb::kMatch || verb == Verb::kScore || verb == Verb::kReport) s.input = "jsonl";
  if (verb != Verb::kScan && verb != Verb::kReport) s.format = "jsonl";
  auto visible = make_options(s, vi.groups);
  std::string group_by, date_bucket;
  if (verb == Verb::kReport)
    visible.add_options()
        ("group-by", boost::program_options::value(&group_by),
         "aggregate by FIELD[,FIELD]: lang, script, technique or any record field (source, date, ...)")
        ("date-bucket", boost::program_options::value(&date_bucket), "with --group-by: dates by day, month or year");
  std::string shard_spec;
  if (verb != Verb::kReport)
    visible.add_options()
        ("shard", boost::program_options::value(&shard_spec),
         "K/N: process only the documents whose id hashes (FNV-1a 64 of the id's UTF-8 bytes, then fmix64) to K-1 mod N "
         "(K from 1 to N); the others are skipped, not emitted, so N runs with 1/N..N/N cover every document once");
  bool progress_on = false, progress_off = false;
  visible.add_options()
      ("progress", boost::program_options::bool_switch(&progress_on),
       "show documents and bytes done, MB/s and time left on standard error (default: only when it is a terminal, "
       "standard output is not, TERM is not dumb and CI is unset)")
      ("no-progress", boost::program_options::bool_switch(&progress_off), "never show progress");
  if (auto stop = parse_command(argc, argv, vi.command, vi.usage, visible, s)) return *stop;
  std::optional<Aggregator> aggregator;
  if (!group_by.empty() || !date_bucket.empty()) {
    DateBucket bucket = DateBucket::kNone;
    if (date_bucket == "day") bucket = DateBucket::kDay;
    else if (date_bucket == "month") bucket = DateBucket::kMonth;
    else if (date_bucket == "year") bucket = DateBucket::kYear;
    else if (!date_bucket.empty()) {
      print_error(vi.command, "--date-bucket must be day, month or year");
      return kExitError;
    }
    std::vector<std::string> fields;
    for (size_t start = 0; start <= group_by.size();) {
      size_t comma = group_by.find(',', start);
      if (comma == std::string::npos) comma = group_by.size();
      std::string f = group_by.substr(start, comma - start);
      if (!f.empty()) fields.push_back(f);
      start = comma + 1;
    }
    auto created = Aggregator::create(fields, bucket);
    if (!created.ok()) {
      print_error(vi.command, created.status().message());
      return kExitError;
    }
    aggregator.emplace(std::move(created).value());
  }
  if ((verb == Verb::kTokenize || verb == Verb::kMatch || verb == Verb::kScore) && s.format != "jsonl" && s.format != "json") {
    print_error(vi.command, "--format must be jsonl or json for a pipeline stage (use tamga report for the others)");
    return kExitError;
  }
  if (progress_on && progress_off) {
    print_error(vi.command, "--progress and --no-progress contradict each other");
    return kExitError;
  }
  Prepared p;
  std::unique_ptr<OutputTarget> target;
  install_interrupt_handlers();  // from here on Ctrl-C stops cleanly: no partial -o file, exit 130
  try {
    p = prepare(s);
    if (!shard_spec.empty()) p.input.shard = parse_shard(shard_spec);
    target = std::make_unique<OutputTarget>(s.output);
  } catch (const std::exception& e) {
    print_error(vi.command, e.what());
    return kExitError;
  }
  p.printer.stage = verb == Verb::kTokenize ? Stage::kTokenized : verb == Verb::kMatch ? Stage::kMatched : Stage::kScored;

  bool had_errors = false;
  std::shared_ptr<const Lexicon> lexicon;
  if (verb == Verb::kScan || verb == Verb::kMatch) lexicon = load_lexicons(s.lexicons, had_errors);
  else lexicon = LexiconBuilder().build();
  auto inputs = expand_inputs(s.paths, had_errors);
  std::shared_ptr<Printer> printer = make_printer(p.format, p.printer);
  const bool write_baseline = !s.write_baseline.empty();

  WorkerFactory factory = [&]() -> DocumentFunction {
    auto created = Scanner::create(lexicon, p.scan);
    std::shared_ptr<Scanner> scanner(created.ok() ? std::move(created).value().release() : nullptr);
    return [&, scanner](Document& doc, std::string& out) {
      DocumentOutcome outcome;
      if (doc.errors.empty() && scanner) {
        switch (verb) {
          case Verb::kScan:
            scanner->scan(doc);
            break;
          case Verb::kTokenize:
            scanner->identify(doc);
            scanner->tokenize(doc);
            break;
          case Verb::kMatch:
            // Records from tamga tokenize carry their tokens; plain records are tokenized here.
            if (doc.tokens.tokens.empty() && !doc.text.empty()) {
              if (doc.lang == Lang::kUnknown || p.scan.force_lang) scanner->identify(doc);
              scanner->tokenize(doc);
            }
            scanner->match(doc);
            break;
          case Verb::kScore:
            score_document(doc, p.scan.quoted_factor);
            break;
          case Verb::kReport:
            break;
        }
        if ((verb == Verb::kScan || verb == Verb::kReport) && (p.allow || p.baseline)) {
          filter_findings(doc, p.allow ? &*p.allow : nullptr, p.baseline ? &*p.baseline : nullptr);
          score_document(doc, p.scan.quoted_factor);
        }
        if (write_baseline) outcome.side = Baseline::lines_for(doc);
        outcome.threshold = (verb == Verb::kScan || verb == Verb::kReport) && exceeds_threshold(doc, p);
      }
      if (aggregator) {
        aggregator->add(doc);
        return outcome;
      }
      printer->document(doc, out);
      return outcome;
    };
  };

  std::signal(SIGPIPE, SIG_IGN);
  Output& out = target->out();
  std::string head;
  if (!aggregator) printer->begin(head);
  out.write(head);
  Progress progress(progress_on || (!progress_off && progress_by_default()), total_input_bytes(inputs));
  RunSummary summary = run_documents(inputs, p.input, p.jobs, factory, out, printer->separator(), &progress);
  progress.finish();
  if (summary.interrupted) {
    print_error(vi.command, s.output.empty() || s.output == "-" ? std::string("interrupted")
                                                                : fmt::format("interrupted; {} was not written", s.output));
    return interrupted_exit_status();
  }
  if (summary.closed) return kExitOk;
  std::string tail;
  if (aggregator) tail = aggregator->print(p.format);
  else printer->end(tail);
  out.write(tail);
  if (!target->commit()) return kExitError;
  if (write_baseline) {
    std::ofstream b(s.write_baseline, std::ios::binary | std::ios::trunc);
    b << "# tamga baseline: fingerprint, document, technique, text. Findings listed here are not reported with --baseline.\n"
      << summary.side;
    if (!b) {
      print_error(vi.command, fmt::format("--write-baseline {}: cannot write", s.write_baseline));
      return kExitError;
    }
  }
  if (had_errors || summary.had_errors) return kExitError;
  return summary.threshold ? kExitThreshold : kExitOk;
}

}  // namespace

int run_scan(int argc, char** argv) { return run_verb(Verb::kScan, argc, argv); }
int run_tokenize(int argc, char** argv) { return run_verb(Verb::kTokenize, argc, argv); }
int run_match(int argc, char** argv) { return run_verb(Verb::kMatch, argc, argv); }
int run_score(int argc, char** argv) { return run_verb(Verb::kScore, argc, argv); }
int run_report(int argc, char** argv) { return run_verb(Verb::kReport, argc, argv); }

}  // namespace tamga::app
