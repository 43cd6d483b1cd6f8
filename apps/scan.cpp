// tamga scan: every stage in one process, over files, folders or standard input.
#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <boost/program_options.hpp>
#include <condition_variable>
#include <csignal>
#include <iostream>
#include <map>
#include <mutex>
#include <thread>

#include "commands.h"
#include "common.h"
#include "tamga/tamga.h"

namespace tamga::app {

namespace po = boost::program_options;

namespace {

struct ScanSettings {
  std::vector<std::string> paths, lexicons, fail_on;
  std::string lang, encoding = "auto", format = "text", color = "auto";
  double fail_above = -1;
  unsigned jobs = 0;
};

struct DocResult {
  std::string output;
  std::string notice;  // for stderr
  bool error = false;
  bool threshold = false;
};

}  // namespace

int run_scan(int argc, char** argv) {
  ScanSettings s;
  po::options_description visible("Options");
  visible.add_options()
      ("help,h", "show this help")
      ("version", "show the version")
      ("lexicon,l", po::value(&s.lexicons)->composing(), "lexicon file or folder (repeatable; default: the shipped lexicons)")
      ("lang", po::value(&s.lang), "language of every document (en, tr, az, kk, ky, uz, tk); default: detect")
      ("encoding", po::value(&s.encoding), "input encoding (an ICU name such as windows-1254, KOI8-R); default: auto")
      ("format", po::value(&s.format), "output format: text or jsonl")
      ("fail-above", po::value(&s.fail_above), "exit 1 when a document's score is above SCORE (0-100)")
      ("fail-on", po::value(&s.fail_on)->composing(), "exit 1 when TECHNIQUE is found (repeatable)")
      ("jobs,j", po::value(&s.jobs), "worker threads (default: number of cores)")
      ("color", po::value(&s.color), "auto, always or never (NO_COLOR is honoured)");
  po::options_description hidden;
  hidden.add_options()("path", po::value(&s.paths)->composing());
  po::options_description all;
  all.add(visible).add(hidden);
  po::positional_options_description positional;
  positional.add("path", -1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    print_error("tamga scan", fmt::format("{} (see tamga scan --help)", e.what()));
    return kExitError;
  }
  if (vm.count("help")) {
    std::cout << "Usage: tamga scan [OPTIONS] [PATH...]\n\n"
                 "Finds propaganda techniques in files, folders (recursively) or standard input, and scores\n"
                 "each document. Exit status: 0 done, 1 a --fail-above/--fail-on threshold was exceeded,\n"
                 "2 usage, lexicon or input error.\n\n"
              << visible << '\n';
    return kExitOk;
  }
  if (vm.count("version")) {
    std::cout << "tamga " << TAMGA_VERSION << '\n';
    return kExitOk;
  }
  auto format = parse_output_format(s.format);
  if (!format) {
    print_error("tamga scan", fmt::format("unknown format '{}' (expected text or jsonl)", s.format));
    return kExitError;
  }
  if (s.color != "auto" && s.color != "always" && s.color != "never") {
    print_error("tamga scan", fmt::format("--color must be auto, always or never, not '{}'", s.color));
    return kExitError;
  }
  ScanOptions options;
  if (!s.lang.empty() && s.lang != "auto") {
    options.force_lang = parse_lang(s.lang);
    if (!options.force_lang) {
      print_error("tamga scan", fmt::format("unknown language '{}' (expected en, tr, az, kk, ky, uz or tk)", s.lang));
      return kExitError;
    }
  }
  std::vector<Technique> fail_on;
  for (const auto& name : s.fail_on) {
    auto t = parse_technique(name);
    if (!t) {
      print_error("tamga scan", fmt::format("--fail-on: unknown technique '{}'", name));
      return kExitError;
    }
    fail_on.push_back(*t);
  }
  if (vm.count("fail-above") && (s.fail_above < 0 || s.fail_above > 100)) {
    print_error("tamga scan", "--fail-above takes a score from 0 to 100");
    return kExitError;
  }
  DecodeOptions decode_options;
  decode_options.encoding = s.encoding;
  if (s.encoding != "auto" && !s.encoding.empty()) {
    auto probe = decode("", decode_options);
    if (!probe.ok()) {
      print_error("tamga scan", probe.status().message());
      return kExitError;
    }
  }

  bool had_errors = false;
  auto lexicon = load_lexicons(s.lexicons, had_errors);
  auto inputs = expand_inputs(s.paths, had_errors);

  unsigned jobs = s.jobs ? s.jobs : std::max(1u, std::thread::hardware_concurrency());
  jobs = std::min<unsigned>(jobs, static_cast<unsigned>(std::max<size_t>(1, inputs.size())));
  PrinterOptions printer_options;
  printer_options.color = use_color(s.color);
  Output out;

  // Workers take documents in order and hand back formatted output; the main thread prints in input
  // order. At most `window` documents are in flight, so memory stays bounded.
  const size_t window = 4 * static_cast<size_t>(jobs);
  std::atomic<size_t> next_input{0};
  std::mutex mu;
  std::condition_variable ready_cv, space_cv;
  std::map<size_t, DocResult> ready;
  size_t printed = 0;
  std::atomic<bool> stop{false};
  std::atomic<bool> setup_failed{false};

  auto worker = [&] {
    auto scanner = Scanner::create(lexicon, options);
    auto printer = make_printer(*format, printer_options);
    std::string bytes;
    for (;;) {
      size_t i = next_input.fetch_add(1);
      if (i >= inputs.size() || stop) return;
      {
        std::unique_lock lock(mu);
        space_cv.wait(lock, [&] { return i < printed + window || stop; });
      }
      if (stop) return;
      DocResult r;
      const InputItem& item = inputs[i];
      std::string id = item.path == "-" ? "<stdin>" : item.path;
      std::string error;
      if (!scanner.ok()) {
        setup_failed = true;
        r.error = true;
        r.notice = fmt::format("tamga scan: {}", scanner.status().message());
      } else if (!read_input(item, bytes, error)) {
        Document doc;
        doc.id = id;
        doc.errors.push_back({"read-failed", error, -1});
        r.notice = fmt::format("tamga scan: {}: {}", id, error);
        r.error = true;
        printer->document(doc, r.output);
      } else if (looks_binary(bytes)) {
        r.notice = fmt::format("tamga scan: {}: binary file skipped", id);
      } else {
        Document doc = document_from_bytes(id, bytes, decode_options);
        if (doc.errors.empty()) scanner.value()->scan(doc);
        else r.error = true;
        for (const auto& e : doc.errors) r.notice += fmt::format("tamga scan: {}: {}\n", id, e.message);
        if (!r.notice.empty()) r.notice.pop_back();
        if (!fail_on.empty())
          for (const Hit& h : doc.hits)
            if (std::find(fail_on.begin(), fail_on.end(), h.technique) != fail_on.end()) r.threshold = true;
        if (s.fail_above >= 0 && doc.scores.score > s.fail_above) r.threshold = true;
        printer->document(doc, r.output);
      }
      {
        std::lock_guard lock(mu);
        ready.emplace(i, std::move(r));
      }
      ready_cv.notify_one();
    }
  };

  std::signal(SIGPIPE, SIG_IGN);
  std::vector<std::thread> threads;
  for (unsigned k = 0; k < jobs; ++k) threads.emplace_back(worker);
  bool threshold = false;
  while (printed < inputs.size()) {
    DocResult r;
    {
      std::unique_lock lock(mu);
      ready_cv.wait(lock, [&] { return ready.count(printed) > 0; });
      r = std::move(ready[printed]);
      ready.erase(printed);
      ++printed;
    }
    space_cv.notify_all();
    if (!r.notice.empty()) {
      out.flush();
      std::cerr << r.notice << '\n';
    }
    had_errors |= r.error;
    threshold |= r.threshold;
    out.write(r.output);
    if (out.closed()) {
      stop = true;
      space_cv.notify_all();
      break;
    }
  }
  for (auto& t : threads) t.join();
  out.flush();
  if (out.closed()) return kExitOk;
  if (had_errors || setup_failed) return kExitError;
  return threshold ? kExitThreshold : kExitOk;
}

}  // namespace tamga::app
