// Shared plumbing for the subcommands: options, inputs, output, exit codes. Only apps print or exit.
#pragma once
#include <cstdint>
#include <cstdio>
#include <istream>
#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "shard.h"
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

// Reads a file (or a pipe, FIFO, standard input) whole. Past `limit` bytes it stops, sets `over_limit`
// and says so in `error`, so an oversized input costs neither the memory nor the time to read it.
bool read_input(const InputItem& item, std::string& bytes, std::string& error, size_t limit = SIZE_MAX,
                bool* over_limit = nullptr);

// The default --max-doc-size: documents larger than this get an error record instead of being scanned.
inline constexpr size_t kDefaultMaxDocumentBytes = size_t{64} << 20;
// "64M", "512K", "1G", "1000000" (K, M, G are powers of 1024; an optional "iB" or "B" after them).
// Throws UsageError.
size_t parse_byte_size(const std::string& text, const char* option);
// "64 MiB", "1.5 KiB", "100 bytes".
std::string format_byte_size(size_t bytes);
// A JSON Lines record over --max-doc-size: an error record, its place and size named.
Document oversized_record(std::string where, size_t bytes, size_t limit, bool at_least);
// One line of `in` (without its '\n') into `line`. A line longer than `limit` is skipped to its end and
// left empty, with `over_limit` set and `length` its full length, so a runaway line never fills memory.
bool read_line_bounded(std::istream& in, std::string& line, size_t limit, bool& over_limit, size_t& length);

// Text for standard error or a terminal: control characters and escape sequences shown escaped (\x1B),
// so a file name or record cannot drive the terminal.
std::string terminal_safe(std::string_view s);

enum class InputKind { kAuto, kText, kMarkdown, kHtml, kJsonl };
struct InputOptions {
  InputKind kind = InputKind::kAuto;  // auto: JSON Lines for .jsonl/.ndjson files, text otherwise
  std::string text_field = "text";
  std::string id_field = "id";
  std::string encoding = "auto";
  size_t max_document_bytes = kDefaultMaxDocumentBytes;  // --max-doc-size
  std::optional<Shard> shard;  // --shard K/N: only the documents whose id falls in this shard
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
