#include "options.h"

#include "interrupt.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <thread>

namespace tamga::app {

namespace po = boost::program_options;
namespace fs = std::filesystem;

po::options_description make_options(Settings& s, unsigned groups) {
  po::options_description d("Options");
  d.add_options()("help,h", "show this help")("version", "show the version and the shipped lexicons' entry counts and hashes");
  if (groups & kLexiconOptions)
    d.add_options()("lexicon,l", po::value(&s.lexicons)->composing(),
                    "lexicon file or folder (repeatable; default: the shipped lexicons)");
  if (groups & kInputOptions)
    d.add_options()
        ("input", po::value(&s.input), "auto (by extension), text, markdown, html or jsonl")
        ("text-field", po::value(&s.text_field), "JSON Lines field with the text (default: text)")
        ("id-field", po::value(&s.id_field), "JSON Lines field with the id (default: id)")
        ("encoding", po::value(&s.encoding), "input encoding (an ICU name such as windows-1254); default: auto")
        ("lang", po::value(&s.lang), "language of every document (en, tr, az, kk, ky, uz, tk); default: detect")
        ("max-doc-size", po::value(&s.max_doc_size),
         "largest document (a file, or a JSON Lines record) to scan, e.g. 64M, 512K, 2G; a larger one gets an "
         "error record and the run goes on (default: 64M)");
  if (groups & kOutputOptions)
    d.add_options()
        ("format", po::value(&s.format), "text, jsonl, json, csv, tsv, sarif, github or html")
        ("output,o", po::value(&s.output), "write to FILE (replaced only when the run completes)")
        ("hits", po::bool_switch(&s.hits), "csv/tsv: one row per hit instead of per document")
        ("color", po::value(&s.color), "auto, always or never (NO_COLOR is honoured)");
  if (groups & kCiOptions)
    d.add_options()
        ("fail-above", po::value(&s.fail_above), "exit 1 when a document's score is above SCORE (0-100)")
        ("fail-on", po::value(&s.fail_on)->composing(), "exit 1 when TECHNIQUE is found (repeatable)")
        ("fail-level", po::value(&s.fail_level), "exit 1 when a finding has this severity or higher: warning or error")
        ("severity", po::value(&s.severity)->composing(), "TECHNIQUE=note|warning|error (repeatable; also [severity] in .tamga.ini)")
        ("allow", po::value(&s.allow), "file of accepted phrases (one a line; entry:ID accepts an entry)")
        ("baseline", po::value(&s.baseline), "report and fail only on findings not in this baseline file")
        ("write-baseline", po::value(&s.write_baseline), "write today's findings to FILE as a baseline");
  if (groups & kRunOptions)
    d.add_options()
        ("jobs,j", po::value(&s.jobs), "worker threads (default: number of cores)")
        ("config", po::value(&s.config), "read options from FILE instead of the nearest .tamga.ini");
  return d;
}

namespace {

std::optional<fs::path> find_config() {
  std::error_code ec;
  fs::path dir = fs::current_path(ec);
  if (ec) return std::nullopt;
  for (;;) {
    fs::path candidate = dir / ".tamga.ini";
    if (fs::is_regular_file(candidate, ec)) return candidate;
    if (dir == dir.root_path() || dir.parent_path() == dir) return std::nullopt;
    dir = dir.parent_path();
  }
}

// Paths in a config file are relative to the file's folder.
const char* kPathOptions[] = {"lexicon", "allow", "baseline", "write-baseline", "output"};

}  // namespace

std::optional<int> parse_command(int argc, char** argv, const char* command, const char* usage,
                                 po::options_description& visible, Settings& s) {
  po::options_description all;
  all.add(visible).add_options()("path", po::value(&s.paths)->composing());
  po::positional_options_description positional;
  positional.add("path", -1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
    if (vm.count("help")) {
      std::cout << usage << '\n' << visible << '\n';
      return kExitOk;
    }
    if (vm.count("version")) {
      std::cout << version_text();
      return kExitOk;
    }
    std::optional<fs::path> config;
    if (vm.count("config")) {
      config = vm["config"].as<std::string>();
      if (!fs::is_regular_file(*config)) throw UsageError(fmt::format("--config {}: no such file", config->string()));
    } else if (!std::getenv("TAMGA_NO_CONFIG")) {
      config = find_config();
    }
    if (config) {
      std::ifstream in(*config);
      if (!in) throw UsageError(fmt::format("{}: cannot read the config file", config->string()));
      po::parsed_options parsed = po::parse_config_file(in, all, true);
      fs::path base = fs::absolute(*config).parent_path();
      std::vector<po::option> kept;
      for (auto& o : parsed.options) {
        if (o.unregistered) {
          // [severity] TECHNIQUE = level
          if (o.string_key.rfind("severity.", 0) == 0 && !o.value.empty())
            s.severity.push_back(o.string_key.substr(9) + "=" + o.value.front());
          else
            throw UsageError(fmt::format("{}: unknown option '{}'", config->string(), o.string_key));
          continue;
        }
        if (vm.count(o.string_key) && !vm[o.string_key].defaulted()) continue;  // the command line wins
        for (const char* p : kPathOptions)
          if (o.string_key == p)
            for (auto& v : o.value)
              if (!v.empty() && fs::path(v).is_relative()) v = (base / v).lexically_normal().string();
        kept.push_back(o);
      }
      parsed.options = kept;
      po::store(parsed, vm);
    }
    po::notify(vm);
  } catch (const std::exception& e) {
    print_error(command, fmt::format("{} (see {} --help)", e.what(), command));
    return kExitError;
  }
  return std::nullopt;
}

Prepared prepare(const Settings& s) {
  Prepared p;
  p.input.kind = parse_input_kind(s.input);
  p.input.text_field = s.text_field;
  p.input.id_field = s.id_field;
  p.input.encoding = s.encoding;
  if (!s.max_doc_size.empty()) p.input.max_document_bytes = parse_byte_size(s.max_doc_size, "--max-doc-size");
  if (s.encoding != "auto" && !s.encoding.empty()) {
    DecodeOptions probe;
    probe.encoding = s.encoding;
    auto r = decode("", probe);
    if (!r.ok()) throw UsageError(r.status().message());
  }
  if (!s.lang.empty() && s.lang != "auto") {
    p.scan.force_lang = parse_lang(s.lang);
    if (!p.scan.force_lang) throw UsageError(fmt::format("unknown language '{}' (expected en, tr, az, kk, ky, uz or tk)", s.lang));
  }
  auto format = parse_output_format(s.format);
  if (!format) throw UsageError(fmt::format("unknown format '{}' (expected {})", s.format, output_format_names()));
  p.format = *format;
  if (s.color != "auto" && s.color != "always" && s.color != "never")
    throw UsageError(fmt::format("--color must be auto, always or never, not '{}'", s.color));
  for (const auto& name : s.fail_on) {
    auto t = parse_technique(name);
    if (!t) throw UsageError(fmt::format("--fail-on: unknown technique '{}'", name));
    p.fail_on.push_back(*t);
  }
  if (s.fail_above != -1 && (s.fail_above < 0 || s.fail_above > 100)) throw UsageError("--fail-above takes a score from 0 to 100");
  p.fail_above = s.fail_above;
  if (!s.fail_level.empty()) {
    p.fail_level = parse_severity(s.fail_level);
    if (!p.fail_level || *p.fail_level == Severity::kNote) throw UsageError("--fail-level must be warning or error");
  }
  for (const auto& spec : s.severity) {
    size_t eq = spec.find('=');
    auto t = eq == std::string::npos ? std::nullopt : parse_technique(spec.substr(0, eq));
    auto level = eq == std::string::npos ? std::nullopt : parse_severity(spec.substr(eq + 1));
    if (!t || !level) throw UsageError(fmt::format("severity '{}': expected TECHNIQUE=note|warning|error", spec));
    p.printer.severities.by_technique[static_cast<size_t>(*t)] = *level;
  }
  if (!s.allow.empty()) {
    auto a = AllowList::load(s.allow);
    if (!a.ok()) throw UsageError(a.status().message());
    p.allow = std::move(a).value();
  }
  if (!s.baseline.empty()) {
    auto b = Baseline::load(s.baseline);
    if (!b.ok()) throw UsageError(b.status().message());
    p.baseline = std::move(b).value();
  }
  p.printer.color = use_color(s.color) && s.output.empty();
  p.printer.hit_rows = s.hits;
  p.printer.tool_version = TAMGA_VERSION;
  std::error_code ec;
  p.printer.base_dir = fs::current_path(ec).string();
  p.jobs = s.jobs ? s.jobs : std::max(1u, std::thread::hardware_concurrency());
  if (p.format == OutputFormat::kHtml) p.jobs = 1;  // the HTML summary is gathered in document order
  return p;
}

bool exceeds_threshold(const Document& doc, const Prepared& p) {
  if (p.fail_above >= 0 && doc.scores.score > p.fail_above) return true;
  for (const Hit& h : doc.hits) {
    if (std::find(p.fail_on.begin(), p.fail_on.end(), h.technique) != p.fail_on.end()) return true;
    if (p.fail_level && p.printer.severities.of(h.technique) >= *p.fail_level) return true;
  }
  return false;
}

OutputTarget::OutputTarget(const std::string& path) : path_(path) {
  if (!path.empty() && path != "-") {
    std::error_code ec;
    if (fs::is_directory(path, ec)) throw UsageError(fmt::format("-o {}: is a folder", path));
    fs::path dir = fs::path(path).parent_path();
    temp_ = ((dir.empty() ? fs::path(".") : dir) / (fs::path(path).filename().string() + ".tamga-XXXXXX")).string();
    fd_ = mkstemp(temp_.data());
    if (fd_ < 0) throw UsageError(fmt::format("-o {}: cannot create: {}", path, std::strerror(errno)));
    set_interrupt_cleanup_file(temp_);  // a second Ctrl-C still leaves no partial file
  }
  out_ = std::make_unique<Output>(fd_);
}

OutputTarget::~OutputTarget() {
  out_.reset();
  if (fd_ > 2) {
    ::close(fd_);
    if (!temp_.empty()) ::unlink(temp_.c_str());  // not committed: leave no partial file
    set_interrupt_cleanup_file("");
  }
}

bool OutputTarget::commit() {
  out_->flush();
  if (fd_ <= 2) return !out_->failed;
  if (out_->failed) return false;
  ::fchmod(fd_, 0644);
  ::close(fd_);
  fd_ = -1;
  if (std::rename(temp_.c_str(), path_.c_str()) != 0) {
    print_error("tamga", fmt::format("-o {}: cannot write: {}", path_, std::strerror(errno)));
    ::unlink(temp_.c_str());
    return false;
  }
  temp_.clear();
  set_interrupt_cleanup_file("");
  return true;
}

}  // namespace tamga::app
