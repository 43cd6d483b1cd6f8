// Shared plumbing for the subcommands: options, inputs, output, exit codes. Only apps print or exit.
#pragma once
#include <cstdio>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "tamga/document.h"
#include "tamga/lexicon.h"

namespace tamga::app {

inline constexpr int kExitOk = 0;
inline constexpr int kExitThreshold = 1;
inline constexpr int kExitError = 2;

// Thrown inside apps only, to report a usage error and exit with status 2.
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The lexicons shipped with tamga: next to the installed binary (../share/tamga/lexicons), or the source
// tree's lexicons/ for a build-tree binary; $TAMGA_LEXICONS overrides.
std::filesystem::path shipped_lexicons();

// Loads lexicon files/folders (the shipped ones when `paths` is empty); prints errors to stderr.
// `had_errors` is set when any entry or file failed.
std::shared_ptr<const Lexicon> load_lexicons(const std::vector<std::string>& paths, bool& had_errors);

struct InputItem {
  std::string path;  // "-" for standard input
};
// Expands files and folders (recursive, sorted, hidden entries skipped) into input items; reports
// missing paths on stderr and sets `had_errors`.
std::vector<InputItem> expand_inputs(const std::vector<std::string>& paths, bool& had_errors);

bool read_input(const InputItem& item, std::string& bytes, std::string& error);

enum class InputKind { kAuto, kText, kMarkdown, kHtml, kJsonl };
struct InputOptions {
  InputKind kind = InputKind::kAuto;  // auto: JSON Lines for .jsonl/.ndjson files, text otherwise
  std::string text_field = "text";
  std::string id_field = "id";
  std::string encoding = "auto";
};
InputKind parse_input_kind(const std::string& name);  // throws UsageError
// The kind of one input: --input when given, else by extension (.jsonl/.ndjson, .md/.markdown, .html/.htm).
InputKind resolve_input_kind(const InputItem& item, InputKind requested);

struct LoadedInput {
  std::vector<Document> documents;  // one for a text file; one per line for JSON Lines
  std::string notice;               // for standard error (binary file skipped, read errors)
  bool error = false;               // a read error or a broken record: exit status 2 at the end
};
// Reads one input into documents. Every document is returned, broken ones with `errors` set.
LoadedInput load_input(const InputItem& item, const InputOptions& options);

bool use_color(const std::string& when);  // auto|always|never; honours NO_COLOR and TERM=dumb

// Buffered writer to a file descriptor (standard output by default) that notices a closed pipe.
class Output {
 public:
  explicit Output(int fd = 1);
  ~Output();
  void write(std::string_view s);
  void flush();
  bool closed() const { return closed_; }

 private:
  std::string buffer_;
  int fd_ = 1;
  bool closed_ = false;
 public:
  bool failed = false;  // a write error other than a closed pipe
};

void print_error(std::string_view command, std::string_view message);

// "tamga X.Y.Z" and, for each shipped lexicon folder, its entry count and a content hash, so a paper can
// cite exactly what was used.
std::string version_text();

}  // namespace tamga::app
