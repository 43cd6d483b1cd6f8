// tamga eval: SemEval-2020 Task 11 span identification (si) and technique classification (tc) scores.
#include <fmt/format.h>

#include <boost/program_options.hpp>
#include <iostream>

#include "commands.h"
#include "common.h"
#include "detail/json_writer.h"
#include "tamga/eval.h"

namespace tamga::app {

namespace po = boost::program_options;

namespace {

bool read_text(const std::string& path, std::string& out) {
  std::string error;
  if (read_input({path}, out, error)) return true;
  print_error("tamga eval", fmt::format("{}: {}", path, error));
  return false;
}

void json_pr(std::string& out, const PrecisionRecall& p) {
  out += "{\"precision\":";
  detail::append_json_number(out, p.precision);
  out += ",\"recall\":";
  detail::append_json_number(out, p.recall);
  out += ",\"f1\":";
  detail::append_json_number(out, p.f1);
  fmt::format_to(std::back_inserter(out), ",\"predicted\":{},\"gold\":{}}}", p.predicted, p.gold);
}

void json_per_technique(std::string& out, const std::map<Technique, PrecisionRecall>& per) {
  bool first = true;
  for (const auto& [t, pr] : per) {
    if (!first) out += ',';
    first = false;
    detail::append_json_string(out, technique_name(t));
    out += ':';
    json_pr(out, pr);
  }
}

void text_per_technique(std::string& out, const std::map<Technique, PrecisionRecall>& per) {
  for (const auto& [t, pr] : per)
    out += fmt::format("{:<40} {:>9.4f} {:>7.4f} {:>7.4f} {:>9} {:>7}\n", technique_name(t), pr.precision, pr.recall,
                       pr.f1, pr.predicted, pr.gold);
}

}  // namespace

int run_eval(int argc, char** argv) {
  std::string task, gold_path, pred_path, format = "text", pred_format = "auto";
  po::options_description visible("Options");
  visible.add_options()("help,h", "show this help")
      ("task", po::value(&task), "si (span identification) or tc (technique classification)")
      ("gold", po::value(&gold_path), "gold labels in the PTC format (article<TAB>[technique<TAB>]start<TAB>end)")
      ("pred", po::value(&pred_path), "predictions: PTC format, or tamga JSON Lines records ('-' for standard input)")
      ("pred-format", po::value(&pred_format), "auto, ptc or jsonl")
      ("format", po::value(&format), "text or json");
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(visible).run(), vm);
    po::notify(vm);
    if (vm.count("help")) {
      std::cout << "Usage: tamga eval --task si|tc --gold FILE --pred FILE [--format text|json]\n\n"
                   "Scores predicted spans against gold spans with the SemEval-2020 Task 11 metrics: si = span\n"
                   "identification precision/recall/F1 with partial-overlap credit (overall, and per technique when\n"
                   "the gold has techniques); tc = technique classification micro-F1 over the gold spans, and\n"
                   "per-technique precision, recall and F1. Offsets are Unicode code points; tamga hits are\n"
                   "converted from bytes.\n\n"
                << visible << '\n';
      return kExitOk;
    }
    if (task != "si" && task != "tc") throw UsageError("--task must be si or tc");
    if (gold_path.empty() || pred_path.empty()) throw UsageError("--gold and --pred are required");
    if (format != "text" && format != "json") throw UsageError("--format must be text or json");
    if (pred_format != "auto" && pred_format != "ptc" && pred_format != "jsonl") throw UsageError("--pred-format must be auto, ptc or jsonl");
  } catch (const std::exception& e) {
    print_error("tamga eval", fmt::format("{} (see tamga eval --help)", e.what()));
    return kExitError;
  }
  std::string gold_text, pred_text;
  if (!read_text(gold_path, gold_text) || !read_text(pred_path, pred_text)) return kExitError;
  auto gold = parse_ptc_labels(gold_text, gold_path);
  if (!gold.ok()) {
    print_error("tamga eval", gold.status().message());
    return kExitError;
  }
  bool jsonl = pred_format == "jsonl";
  if (pred_format == "auto") {
    size_t first = pred_text.find_first_not_of(" \t\r\n");
    jsonl = first != std::string::npos && pred_text[first] == '{';
  }
  auto pred = jsonl ? spans_from_records(pred_text, pred_path) : parse_ptc_labels(pred_text, pred_path);
  if (!pred.ok()) {
    print_error("tamga eval", pred.status().message());
    return kExitError;
  }
  std::string out;
  if (task == "si") {
    SpanReport r = evaluate_si(pred.value(), gold.value());
    if (format == "json") {
      out += "{\"si\":";
      json_pr(out, r.all);
      out.pop_back();
      out += ",\"per_technique\":{";
      json_per_technique(out, r.per_technique);
      out += "}}}\n";
    } else {
      out += fmt::format("{:<40} {:>9} {:>7} {:>7} {:>9} {:>7}\n", "span identification", "precision", "recall", "F1",
                         "predicted", "gold");
      out += fmt::format("{:<40} {:>9.4f} {:>7.4f} {:>7.4f} {:>9} {:>7}\n", "all", r.all.precision, r.all.recall,
                         r.all.f1, r.all.predicted, r.all.gold);
      text_per_technique(out, r.per_technique);
    }
  } else {
    ClassificationReport r = evaluate_tc(pred.value(), gold.value(), jsonl);
    if (format == "json") {
      out += "{\"tc\":{\"micro_f1\":";
      detail::append_json_number(out, r.micro_f1);
      out += ",\"precision\":";
      detail::append_json_number(out, r.precision);
      out += ",\"recall\":";
      detail::append_json_number(out, r.recall);
      fmt::format_to(std::back_inserter(out), ",\"predicted\":{},\"gold\":{},\"correct\":{},\"per_technique\":{{",
                     r.predicted, r.gold, r.correct);
      json_per_technique(out, r.per_technique);
      out += "}}}\n";
    } else {
      out += fmt::format("technique classification: micro-F1 {:.4f} (precision {:.4f}, recall {:.4f}; {} of {} gold labels, {} predicted)\n",
                         r.micro_f1, r.precision, r.recall, r.correct, r.gold, r.predicted);
      out += fmt::format("{:<40} {:>9} {:>7} {:>7} {:>9} {:>7}\n", "technique", "precision", "recall", "F1", "predicted", "gold");
      text_per_technique(out, r.per_technique);
    }
  }
  std::cout << out;
  return kExitOk;
}

}  // namespace tamga::app
