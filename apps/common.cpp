#include "common.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <iostream>
#include <iterator>

#include "interrupt.h"
#include "tamga/decode.h"
#include "tamga/jsonl.h"
#include "tamga/scanner.h"

namespace tamga::app {

namespace fs = std::filesystem;

void print_error(std::string_view command, std::string_view message) {
  std::cerr << command << ": " << terminal_safe(message) << '\n';
}

std::string version_text() {
  std::string out = fmt::format("tamga {}\n", TAMGA_VERSION);
  fs::path root = shipped_lexicons();
  std::error_code ec;
  std::vector<fs::path> langs;
  for (const auto& e : fs::directory_iterator(root, ec))
    if (e.is_directory()) langs.push_back(e.path());
  std::sort(langs.begin(), langs.end());
  out += fmt::format("lexicons: {}\n", root.string());
  for (const auto& dir : langs) {
    std::vector<fs::path> files;
    for (const auto& e : fs::recursive_directory_iterator(dir, ec))
      if (e.is_regular_file() && e.path().extension() == ".tsv") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    // FNV-1a over each file's name and bytes, in name order.
    uint64_t h = 1469598103934665603ULL;
    auto mix = [&](std::string_view s) {
      for (unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ULL;
      }
    };
    for (const auto& f : files) {
      std::ifstream in(f, std::ios::binary);
      std::ostringstream read;
      read << in.rdbuf();
      const std::string bytes = read.str();
      mix(f.filename().string());
      mix(bytes);
    }
    LexiconBuilder b;
    b.add_path(dir);
    out += fmt::format("  {:<3} {:>5} entries  {:016x}\n", dir.filename().string(), b.entry_count(), h);
  }
  return out;
}

fs::path shipped_lexicons() {
  if (const char* env = std::getenv("TAMGA_LEXICONS"); env && *env) return env;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    fs::path dir = exe.parent_path();
    for (const fs::path& candidate : {dir / ".." / "share" / "tamga" / "lexicons", dir / "lexicons"}) {
      if (fs::is_directory(candidate, ec)) return fs::weakly_canonical(candidate, ec);
    }
  }
  return TAMGA_SOURCE_LEXICONS;
}

std::shared_ptr<const Lexicon> load_lexicons(const std::vector<std::string>& paths, bool& had_errors) {
  LexiconBuilder builder;
  if (paths.empty()) builder.add_path(shipped_lexicons());
  for (const auto& p : paths) builder.add_path(p);
  for (const auto& e : builder.errors()) std::cerr << e.to_string() << '\n';
  for (const auto& w : builder.warnings()) std::cerr << w.to_string() << " (warning)\n";
  if (!builder.errors().empty()) had_errors = true;
  return builder.build();
}

std::vector<InputItem> expand_inputs(const std::vector<std::string>& paths, bool& had_errors) {
  std::vector<InputItem> items;
  if (paths.empty()) {
    items.push_back({"-"});
    return items;
  }
  for (const auto& p : paths) {
    if (p == "-") {
      items.push_back({"-"});
      continue;
    }
    std::error_code ec;
    auto status = fs::status(p, ec);
    if (ec || !fs::exists(status)) {
      // A symbolic link loop or a folder without permission is not "no such file".
      bool missing = !ec || ec == std::errc::no_such_file_or_directory;
      print_error("tamga", missing ? fmt::format("{}: no such file or folder", p) : fmt::format("{}: cannot read: {}", p, ec.message()));
      had_errors = true;
      continue;
    }
    if (!fs::is_directory(status)) {
      items.push_back({p});
      continue;
    }
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec), end;
    if (ec) {
      print_error("tamga", fmt::format("{}: cannot read folder: {}", p, ec.message()));
      had_errors = true;
      continue;
    }
    for (; it != end; it.increment(ec)) {
      if (ec) {
        print_error("tamga", fmt::format("{}: {}", p, ec.message()));
        had_errors = true;
        break;
      }
      std::string name = it->path().filename().string();
      if (!name.empty() && name[0] == '.') {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file(ec)) {
        found.push_back(it->path().string());
      } else if (it->is_symlink(ec) && !fs::exists(it->path(), ec)) {
        // A dangling link or a link loop: said, not silently dropped (other non-files are not documents).
        print_error("tamga", fmt::format("{}: cannot read: {}", it->path().string(),
                                         ec ? ec.message() : std::string("broken symbolic link")));
        had_errors = true;
      }
      ec.clear();
    }
    std::sort(found.begin(), found.end());
    for (auto& f : found) items.push_back({std::move(f)});
  }
  return items;
}

bool read_input(const InputItem& item, std::string& bytes, std::string& error, size_t limit, bool* over_limit) {
  bytes.clear();
  if (over_limit) *over_limit = false;
  int fd = 0;
  if (item.path != "-") {
    fd = ::open(item.path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      error = fmt::format("cannot read: {}", std::strerror(errno));
      return false;
    }
  }
  auto finish = [&](bool ok) {
    if (fd != 0) ::close(fd);
    return ok;
  };
  auto too_large = [&](size_t size, bool at_least) {
    if (over_limit) *over_limit = true;
    bytes.clear();
    bytes.shrink_to_fit();
    error = fmt::format("{}{} bytes, over the maximum document size of {} (--max-doc-size)", at_least ? "more than " : "",
                        size, format_byte_size(limit));
    return finish(false);
  };
  // A regular file's size is known up front: an oversized one is refused without reading it. Pipes,
  // FIFOs and terminals are read until end of file, whatever their size claims.
  struct stat st {};
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
    if (static_cast<uint64_t>(st.st_size) > limit) return too_large(static_cast<size_t>(st.st_size), false);
    bytes.reserve(static_cast<size_t>(st.st_size));
  }
  char chunk[1 << 16];
  for (;;) {
    ssize_t n = ::read(fd, chunk, sizeof chunk);
    if (n < 0) {
      if (errno == EINTR && !interrupted()) continue;
      error = fmt::format("cannot read: {}", std::strerror(errno));
      bytes.clear();
      return finish(false);
    }
    if (n == 0) break;
    if (bytes.size() + static_cast<size_t>(n) > limit) return too_large(limit, true);
    bytes.append(chunk, static_cast<size_t>(n));
  }
  return finish(true);
}

size_t parse_byte_size(const std::string& text, const char* option) {
  size_t i = 0;
  while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
  std::string unit = text.substr(i);
  for (char& c : unit) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  unsigned shift = 0;
  if (unit.empty() || unit == "B") shift = 0;
  else if (unit == "K" || unit == "KB" || unit == "KIB") shift = 10;
  else if (unit == "M" || unit == "MB" || unit == "MIB") shift = 20;
  else if (unit == "G" || unit == "GB" || unit == "GIB") shift = 30;
  else i = 0;
  size_t value = 0;
  if (i > 0 && i <= 12) value = std::stoull(text.substr(0, i));
  if (i == 0 || i > 12 || value == 0 || value > (SIZE_MAX >> shift))
    throw UsageError(fmt::format("{} takes a size above 0 such as 64M, 512K or 1000000, not '{}'", option, text));
  return value << shift;
}

std::string format_byte_size(size_t bytes) {
  constexpr const char* kUnits[] = {"KiB", "MiB", "GiB"};
  if (bytes < 1024) return fmt::format("{} bytes", bytes);
  double v = static_cast<double>(bytes);
  int unit = -1;
  while (v >= 1024 && unit < 2) {
    v /= 1024;
    ++unit;
  }
  if (v == static_cast<double>(static_cast<uint64_t>(v))) return fmt::format("{} {}", static_cast<uint64_t>(v), kUnits[unit]);
  return fmt::format("{:.1f} {}", v, kUnits[unit]);
}

Document oversized_record(std::string where, size_t bytes, size_t limit, bool at_least) {
  Document doc;
  doc.errors.push_back({"too-large",
                        fmt::format("{}: {}{} bytes, over the maximum document size of {} (--max-doc-size)", where,
                                    at_least ? "more than " : "", bytes, format_byte_size(limit)),
                        -1});
  doc.id = std::move(where);
  return doc;
}

bool read_line_bounded(std::istream& in, std::string& line, size_t limit, bool& over_limit, size_t& length) {
  line.clear();
  over_limit = false;
  length = 0;
  char chunk[1 << 16];
  bool any = false;
  for (;;) {
    in.getline(chunk, sizeof chunk);
    auto got = static_cast<size_t>(in.gcount());
    bool full = in.fail() && !in.eof();  // the chunk filled up before the line ended
    if (in.fail() && !full && got == 0) return any;
    any = true;
    bool newline = !in.fail() && !in.eof();
    size_t data = newline ? got - 1 : got;
    length += data;
    if (!over_limit && line.size() + data > limit) {
      over_limit = true;
      line.clear();
      line.shrink_to_fit();
    }
    if (!over_limit) line.append(chunk, data);
    if (!full) return true;
    in.clear();
  }
}

std::string terminal_safe(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    // C1 controls (U+0080..U+009F, UTF-8 C2 80..C2 9F) include CSI, which some terminals obey.
    bool c1 = c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
              static_cast<unsigned char>(s[i + 1]) <= 0x9F;
    if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F) {
      out += fmt::format("\\x{:02X}", c);
    } else if (c1) {
      out += fmt::format("\\x{:02X}", static_cast<unsigned char>(s[i + 1]));
      ++i;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

InputKind parse_input_kind(const std::string& name) {
  if (name == "auto") return InputKind::kAuto;
  if (name == "text") return InputKind::kText;
  if (name == "markdown") return InputKind::kMarkdown;
  if (name == "html") return InputKind::kHtml;
  if (name == "jsonl") return InputKind::kJsonl;
  throw UsageError(fmt::format("--input must be auto, text, markdown, html or jsonl, not '{}'", name));
}

InputKind resolve_input_kind(const InputItem& item, InputKind requested) {
  if (requested != InputKind::kAuto) return requested;
  std::string ext = fs::path(item.path).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ext == ".jsonl" || ext == ".ndjson") return InputKind::kJsonl;
  if (ext == ".md" || ext == ".markdown" || ext == ".mdx") return InputKind::kMarkdown;
  if (ext == ".html" || ext == ".htm" || ext == ".xhtml") return InputKind::kHtml;
  return InputKind::kText;
}

LoadedInput load_input(const InputItem& item, const InputOptions& options) {
  LoadedInput r;
  std::string id = item.path == "-" ? "<stdin>" : item.path;
  std::string bytes, error;
  InputKind kind = resolve_input_kind(item, options.kind);
  // A JSON Lines file holds many documents: the size limit applies to each line, not to the file.
  size_t limit = kind == InputKind::kJsonl ? SIZE_MAX : options.max_document_bytes;
  bool over_limit = false;
  if (!read_input(item, bytes, error, limit, &over_limit)) {
    Document doc;
    doc.id = id;
    doc.errors.push_back({over_limit ? "too-large" : "read-failed", fmt::format("{}: {}", id, error), -1});
    r.documents.push_back(std::move(doc));
    r.notice = terminal_safe(fmt::format("tamga: {}: {}", id, error));
    r.error = true;
    return r;
  }
  if (kind != InputKind::kJsonl) {
    if (looks_binary(bytes)) {
      r.notice = terminal_safe(fmt::format("tamga: {}: binary file skipped", id));
      return r;
    }
    DecodeOptions decode_options;
    decode_options.encoding = options.encoding;
    Document doc = document_from_bytes(id, bytes, decode_options);
    if (kind == InputKind::kMarkdown) doc.format = DocumentFormat::kMarkdown;
    if (kind == InputKind::kHtml) doc.format = DocumentFormat::kHtml;
    if (!doc.errors.empty()) {
      r.error = true;
      r.notice = terminal_safe(fmt::format("tamga: {}: {}", id, doc.errors.front().message));
    }
    // The first decoding warning, with its line as well as its byte (the way an editor shows a place);
    // the record lists them all.
    if (!doc.warnings.empty()) {
      const Diagnostic& w = doc.warnings.front();
      std::string place = id;
      if (w.code == "invalid-utf8" && w.byte >= 0) {
        auto at = static_cast<std::ptrdiff_t>(std::min<long long>(w.byte, static_cast<long long>(bytes.size())));
        place += fmt::format(":{}", 1 + std::count(bytes.begin(), bytes.begin() + at, '\n'));
      }
      size_t others = doc.warnings.size() - 1;
      std::string more = others ? fmt::format(" (and {} more in the record)", others) : "";
      if (!r.notice.empty()) r.notice += '\n';
      r.notice += terminal_safe(fmt::format("tamga: {}: warning: {}{}", place, w.message, more));
    }
    r.documents.push_back(std::move(doc));
    return r;
  }
  JsonlFields fields{options.text_field, options.id_field};
  size_t line_no = 0, start = 0;
  if (bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) start = 3;
  while (start < bytes.size()) {
    size_t nl = bytes.find('\n', start);
    std::string_view line(bytes.data() + start, (nl == std::string::npos ? bytes.size() : nl) - start);
    start = nl == std::string::npos ? bytes.size() : nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    std::string where = fmt::format("{}:{}", id, line_no);
    Document doc = line.size() > options.max_document_bytes
                       ? oversized_record(where, line.size(), options.max_document_bytes, false)
                       : document_from_json_line(line, fields, where, where);
    if (!doc.errors.empty()) {
      r.error = true;
      if (!r.notice.empty()) r.notice += '\n';
      r.notice += terminal_safe("tamga: " + doc.errors.front().message);
    }
    r.documents.push_back(std::move(doc));
  }
  return r;
}

bool use_color(const std::string& when) {
  if (when == "always") return true;
  if (when == "never") return false;
  if (const char* no = std::getenv("NO_COLOR"); no && *no) return false;
  if (const char* term = std::getenv("TERM"); term && std::string_view(term) == "dumb") return false;
  return isatty(STDOUT_FILENO) != 0;
}

Output::Output(int fd) : fd_(fd) { buffer_.reserve(1 << 16); }
Output::~Output() { flush(); }

void Output::write(std::string_view s) {
  if (closed_) return;
  buffer_.append(s);
  if (buffer_.size() >= (1 << 16)) flush();
}

void Output::flush() {
  size_t done = 0;
  while (!closed_ && done < buffer_.size()) {
    ssize_t n = ::write(fd_, buffer_.data() + done, buffer_.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      // EPIPE: the reader is gone; end quietly. Anything else is a real failure.
      if (errno != EPIPE) {
        failed = true;
        std::cerr << "tamga: write error: " << std::strerror(errno) << '\n';
      }
      closed_ = true;
      break;
    }
    done += static_cast<size_t>(n);
  }
  buffer_.clear();
}

}  // namespace tamga::app
