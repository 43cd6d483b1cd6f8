#include "common.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>

#include "tamga/decode.h"
#include "tamga/jsonl.h"
#include "tamga/scanner.h"

namespace tamga::app {

namespace fs = std::filesystem;

void print_error(std::string_view command, std::string_view message) {
  std::cerr << command << ": " << message << '\n';
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
      std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
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
      print_error("tamga", fmt::format("{}: no such file or folder", p));
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
      if (it->is_regular_file(ec)) found.push_back(it->path().string());
    }
    std::sort(found.begin(), found.end());
    for (auto& f : found) items.push_back({std::move(f)});
  }
  return items;
}

bool read_input(const InputItem& item, std::string& bytes, std::string& error) {
  bytes.clear();
  if (item.path == "-") {
    bytes.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    return true;
  }
  std::ifstream in(item.path, std::ios::binary);
  if (!in) {
    error = fmt::format("cannot read: {}", std::strerror(errno));
    return false;
  }
  in.seekg(0, std::ios::end);
  auto size = in.tellg();
  in.seekg(0, std::ios::beg);
  if (size > 0) bytes.resize(static_cast<size_t>(size));
  if (size > 0 && !in.read(bytes.data(), size)) {
    error = "read failed";
    return false;
  }
  return true;
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
  if (!read_input(item, bytes, error)) {
    Document doc;
    doc.id = id;
    doc.errors.push_back({"read-failed", fmt::format("{}: {}", id, error), -1});
    r.documents.push_back(std::move(doc));
    r.notice = fmt::format("tamga: {}: {}", id, error);
    r.error = true;
    return r;
  }
  InputKind kind = resolve_input_kind(item, options.kind);
  if (kind != InputKind::kJsonl) {
    if (looks_binary(bytes)) {
      r.notice = fmt::format("tamga: {}: binary file skipped", id);
      return r;
    }
    DecodeOptions decode_options;
    decode_options.encoding = options.encoding;
    Document doc = document_from_bytes(id, bytes, decode_options);
    if (kind == InputKind::kMarkdown) doc.format = DocumentFormat::kMarkdown;
    if (kind == InputKind::kHtml) doc.format = DocumentFormat::kHtml;
    if (!doc.errors.empty()) {
      r.error = true;
      r.notice = fmt::format("tamga: {}: {}", id, doc.errors.front().message);
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
    Document doc = document_from_json_line(line, fields, where, where);
    if (!doc.errors.empty()) {
      r.error = true;
      if (!r.notice.empty()) r.notice += '\n';
      r.notice += "tamga: " + doc.errors.front().message;
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
