// Options shared by scan and the stage commands, with .tamga.ini discovery: the first .tamga.ini found
// walking up from the working directory, or --config FILE; command-line options win over the file.
#pragma once
#include <boost/program_options.hpp>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common.h"
#include "tamga/findings.h"
#include "tamga/output.h"
#include "tamga/scanner.h"

namespace tamga::app {

struct Settings {
  std::vector<std::string> paths, lexicons, fail_on, severity;
  std::string lang, encoding = "auto", input = "auto", text_field = "text", id_field = "id";
  std::string format = "text", output, color = "auto", fail_level, allow, baseline, write_baseline, config;
  std::string max_doc_size;  // --max-doc-size, e.g. "64M"; empty: kDefaultMaxDocumentBytes
  double fail_above = -1;
  unsigned jobs = 0;
  bool hits = false;
};

enum OptionGroups : unsigned {
  kInputOptions = 1,     // --input --text-field --id-field --encoding --lang
  kLexiconOptions = 2,   // -l
  kOutputOptions = 4,    // --format -o --color --hits
  kCiOptions = 8,        // --fail-* --allow --baseline --write-baseline --severity
  kRunOptions = 16,      // -j --config
};

boost::program_options::options_description make_options(Settings& s, unsigned groups);

// Parses the command line, then the config file for what the command line did not set. Returns the
// exit status to stop with (help printed, usage error reported), or nullopt to go on.
std::optional<int> parse_command(int argc, char** argv, const char* command, const char* usage,
                                 boost::program_options::options_description& visible, Settings& s);

// Everything validated and ready: what the commands need beyond the raw settings.
struct Prepared {
  InputOptions input;
  ScanOptions scan;
  OutputFormat format = OutputFormat::kText;
  PrinterOptions printer;
  std::vector<Technique> fail_on;
  std::optional<Severity> fail_level;
  double fail_above = -1;
  std::optional<AllowList> allow;
  std::optional<Baseline> baseline;
  unsigned jobs = 1;
};
// Validates settings; usage problems throw UsageError, unreadable allow-list/baseline too.
Prepared prepare(const Settings& s);

// Does the document exceed a failure threshold?
bool exceeds_threshold(const Document& doc, const Prepared& p);

// Output to standard output, or to -o FILE through a temporary file renamed on success.
class OutputTarget {
 public:
  explicit OutputTarget(const std::string& path);  // throws UsageError when it cannot be created
  ~OutputTarget();
  Output& out() { return *out_; }
  // Moves the temporary file into place; false (with a message on stderr) when that fails.
  bool commit();

 private:
  std::string path_, temp_;
  int fd_ = 1;
  std::unique_ptr<Output> out_;
};

}  // namespace tamga::app
