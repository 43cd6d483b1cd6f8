#include "tamga/lexicon.h"

#include <fmt/format.h>
#include <re2/re2.h>
#include <simdjson.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <unordered_map>

#include "detail/lexicon_impl.h"
#include "detail/utf8.h"
#include "tamga/decode.h"
#include "tamga/tokenize.h"

namespace tamga {

std::string LexiconIssue::to_string() const {
  return line ? fmt::format("{}:{}: {}", file, line, message) : fmt::format("{}: {}", file, message);
}

namespace {

// Limits that keep a malformed or hostile lexicon from costing unbounded time or memory; a line over
// them is an error at its file:line and the rest of the file still loads.
constexpr size_t kMaxLineBytes = 64 << 10;
constexpr size_t kMaxPatternBytes = 2000;
constexpr size_t kMaxPatternWords = 32;
constexpr size_t kMaxRegexBytes = 1000;
constexpr int64_t kRegexMemoryBudget = 8 << 20;  // RE2's max_mem per expression: compiled program and DFA cache

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      parts.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return parts;
}

// A weight is the whole field, a number above 0 and at most 10, in the column and as a file default alike.
std::optional<double> parse_weight(std::string_view text) {
  std::string s(text);
  char* end = nullptr;
  double v = std::strtod(s.c_str(), &end);
  if (s.empty() || end != s.c_str() + s.size() || !(v > 0) || v > 10) return std::nullopt;
  return v;
}

std::string lower_ascii(std::string_view s) {
  std::string r(s);
  for (char& c : r)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return r;
}

std::string slug_of(const std::vector<PatternWord>& words) {
  std::string slug;
  for (const auto& w : words) {
    if (!slug.empty()) slug += '_';
    if (w.kind == PatternKind::kExact) slug += '=';
    for (char c : w.text) {
      auto u = static_cast<unsigned char>(c);
      slug += (u >= 0x80 || std::isalnum(u)) ? c : (c == '\'' ? '\'' : '-');
    }
    if (w.kind == PatternKind::kPrefix) slug += '*';
  }
  return slug;
}

}  // namespace

struct LexiconBuilder::Impl {
  std::vector<Entry> entries;
  std::vector<LexiconIssue> errors;
  std::vector<LexiconIssue> warnings;
  std::vector<std::unique_ptr<RE2>> regexes;
  std::unique_ptr<Tokenizer> tokenizer;
  TokenList scratch;
  // (lang, technique, words) → "file:line" of the first entry, to report duplicates.
  std::map<std::string, std::string> seen;

  void error(std::string_view file, unsigned line, std::string message) {
    errors.push_back({std::string(file), line, std::move(message)});
  }
  void warning(std::string_view file, unsigned line, std::string message) {
    warnings.push_back({std::string(file), line, std::move(message)});
  }

  // Splits and normalizes a pattern into words; false (with an error) if it cannot.
  bool compile_pattern(std::string_view pattern, Lang lang, std::string_view file, unsigned line,
                       std::vector<PatternWord>& words) {
    for (std::string_view raw : split(pattern, ' ')) {
      raw = trim(raw);
      if (raw.empty()) continue;
      if (raw.substr(0, 3) == "re:") {
        std::string expr(raw.substr(3));
        if (expr.empty()) {
          error(file, line, "empty regular expression after 're:'");
          return false;
        }
        if (expr.size() > kMaxRegexBytes) {
          error(file, line, fmt::format("regular expression of {} bytes; the limit is {}", expr.size(), kMaxRegexBytes));
          return false;
        }
        RE2::Options options;
        options.set_max_mem(kRegexMemoryBudget);  // bounded: no lexicon can exhaust memory
        options.set_log_errors(false);
        auto re = std::make_unique<RE2>(expr, options);
        if (!re->ok()) {
          if (re->error_code() == RE2::ErrorPatternTooLarge)
            error(file, line, fmt::format("regular expression '{}' is too large for RE2's memory budget of {} MiB",
                                          expr, kRegexMemoryBudget >> 20));
          else
            error(file, line, fmt::format("bad regular expression '{}': {}", expr, re->error()));
          return false;
        }
        PatternWord w{PatternKind::kRegex, expr, static_cast<int>(regexes.size())};
        regexes.push_back(std::move(re));
        words.push_back(std::move(w));
        continue;
      }
      PatternKind kind = PatternKind::kWord;
      if (raw.front() == '=') {
        kind = PatternKind::kExact;
        raw.remove_prefix(1);
      } else if (raw.size() > 1 && raw.back() == '*') {
        kind = PatternKind::kPrefix;
        raw.remove_suffix(1);
      }
      tokenizer->tokenize(raw, lang, scratch);
      if (scratch.tokens.empty()) {
        error(file, line, fmt::format("pattern word '{}' has no letters or digits", raw));
        return false;
      }
      for (size_t k = 0; k < scratch.tokens.size(); ++k) {
        PatternKind word_kind = kind;
        if (kind == PatternKind::kPrefix && k + 1 < scratch.tokens.size()) word_kind = PatternKind::kWord;
        words.push_back({word_kind, std::string(scratch.norm(scratch.tokens[k])), -1});
      }
    }
    if (words.empty()) {
      error(file, line, "empty pattern");
      return false;
    }
    if (words.size() > kMaxPatternWords) {
      error(file, line, fmt::format("pattern of {} words; the limit is {}", words.size(), kMaxPatternWords));
      return false;
    }
    return true;
  }

  void parse(std::string_view content, std::string_view file, Lang folder_lang) {
    if (content.substr(0, 3) == "\xEF\xBB\xBF") content.remove_prefix(3);
    std::optional<Technique> default_technique;
    Lang default_lang = folder_lang;
    double default_weight = 1;
    std::vector<std::string> columns;
    int col_pattern = -1, col_technique = -1, col_lang = -1, col_weight = -1, col_gloss = -1, col_id = -1, col_note = -1;
    unsigned line_no = 0;
    std::vector<std::string> cells;
    for (std::string_view line : split(content, '\n')) {
      ++line_no;
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (line.size() > kMaxLineBytes) {
        error(file, line_no, fmt::format("line of {} bytes; the limit is {}", line.size(), kMaxLineBytes));
        continue;
      }
      if (!simdjson::validate_utf8(line.data(), line.size())) {
        auto decoded = decode(line);
        long long at = decoded.ok() && !decoded->warnings.empty() ? decoded->warnings.front().byte : -1;
        error(file, line_no, fmt::format("invalid UTF-8 at byte {} of the line (save the file as UTF-8)", at + 1));
        continue;
      }
      std::string_view t = trim(line);
      if (t.empty()) continue;
      if (t.substr(0, 2) == "#@") {
        std::string_view d = trim(t.substr(2));
        size_t sep = d.find_first_of(":=");
        if (sep == std::string_view::npos) {
          error(file, line_no, fmt::format("file default '{}' is not 'key: value'", d));
          continue;
        }
        std::string key = lower_ascii(trim(d.substr(0, sep)));
        std::string_view value = trim(d.substr(sep + 1));
        if (key == "technique") {
          default_technique = parse_technique(value);
          if (!default_technique) error(file, line_no, fmt::format("unknown technique '{}'", value));
        } else if (key == "lang") {
          auto l = parse_lang(value);
          if (!l && value != "*" && value != "any") error(file, line_no, fmt::format("unknown language '{}'", value));
          default_lang = l.value_or(Lang::kUnknown);
        } else if (key == "weight") {
          if (auto w = parse_weight(value)) default_weight = *w;
          else error(file, line_no, fmt::format("bad weight '{}' (a number above 0, at most 10)", value));
        } else {
          warning(file, line_no, fmt::format("unknown file default '{}'", key));
        }
        continue;
      }
      if (t.front() == '#') continue;
      // A spreadsheet saving "tab-separated text" quotes a cell holding quotes or separators: "a ""b""".
      cells.clear();
      for (std::string_view f : split(line, '\t')) {
        f = trim(f);
        std::string cell;
        if (f.size() >= 2 && f.front() == '"' && f.back() == '"') {
          f = f.substr(1, f.size() - 2);
          for (size_t k = 0; k < f.size(); ++k) {
            cell += f[k];
            if (f[k] == '"' && k + 1 < f.size() && f[k + 1] == '"') ++k;
          }
        } else {
          cell = std::string(f);
        }
        cells.push_back(std::move(cell));
      }
      std::vector<std::string_view> fields(cells.begin(), cells.end());
      if (columns.empty()) {
        for (size_t i = 0; i < fields.size(); ++i) {
          std::string name = lower_ascii(trim(fields[i]));
          columns.push_back(name);
          int idx = static_cast<int>(i);
          if (name == "pattern") col_pattern = idx;
          else if (name == "technique") col_technique = idx;
          else if (name == "lang") col_lang = idx;
          else if (name == "weight") col_weight = idx;
          else if (name == "gloss") col_gloss = idx;
          else if (name == "id") col_id = idx;
          else if (name == "note") col_note = idx;
        }
        if (col_pattern < 0) {
          error(file, line_no, "missing column 'pattern' in the header row");
          return;
        }
        continue;
      }
      auto field = [&](int col) -> std::string_view {
        return col >= 0 && static_cast<size_t>(col) < fields.size() ? trim(fields[static_cast<size_t>(col)]) : std::string_view{};
      };
      if (fields.size() > columns.size()) {
        error(file, line_no, fmt::format("{} fields but the header names {} columns", fields.size(), columns.size()));
        continue;
      }
      Entry e;
      e.file = std::string(file);
      e.line = line_no;
      e.pattern = std::string(field(col_pattern));
      if (e.pattern.empty()) {
        error(file, line_no, "empty pattern");
        continue;
      }
      if (e.pattern.size() > kMaxPatternBytes) {
        error(file, line_no, fmt::format("pattern of {} bytes; the limit is {}", e.pattern.size(), kMaxPatternBytes));
        continue;
      }
      std::string_view tech = field(col_technique);
      if (!tech.empty()) {
        auto parsed = parse_technique(tech);
        if (!parsed) {
          error(file, line_no, fmt::format("unknown technique '{}'", tech));
          continue;
        }
        e.technique = *parsed;
      } else if (default_technique) {
        e.technique = *default_technique;
      } else {
        error(file, line_no, "missing technique (no 'technique' column value and no '#@ technique:' default)");
        continue;
      }
      e.lang = default_lang;
      if (std::string_view l = field(col_lang); !l.empty()) {
        auto parsed = parse_lang(l);
        if (!parsed && l != "*") {
          error(file, line_no, fmt::format("unknown language '{}'", l));
          continue;
        }
        e.lang = parsed.value_or(Lang::kUnknown);
      }
      e.weight = default_weight;
      if (std::string_view w = field(col_weight); !w.empty()) {
        auto v = parse_weight(w);
        if (!v) {
          error(file, line_no, fmt::format("bad weight '{}' (a number above 0, at most 10)", w));
          continue;
        }
        e.weight = *v;
      }
      e.gloss = std::string(field(col_gloss));
      e.note = std::string(field(col_note));
      if (!compile_pattern(e.pattern, e.lang, file, line_no, e.words)) continue;
      if (e.gloss.empty()) warning(file, line_no, fmt::format("entry '{}' has no gloss", e.pattern));
      std::string slug = slug_of(e.words);
      e.id = std::string(field(col_id));
      if (e.id.empty()) e.id = fmt::format("{}.{}.{}", lang_code(e.lang), technique_slug(e.technique), slug);
      std::string key = fmt::format("{}\t{}\t{}", lang_code(e.lang), technique_slug(e.technique), slug);
      auto [it, inserted] = seen.emplace(key, fmt::format("{}:{}", file, line_no));
      if (!inserted) {
        warning(file, line_no, fmt::format("duplicate of the entry at {} ('{}')", it->second, e.pattern));
        continue;
      }
      entries.push_back(std::move(e));
    }
    if (columns.empty()) warning(file, 0, "no header row and no entries");
  }
};

LexiconBuilder::LexiconBuilder() : impl_(std::make_unique<Impl>()) {
  auto t = Tokenizer::create();
  if (t.ok()) impl_->tokenizer = std::move(t).value();
}
LexiconBuilder::~LexiconBuilder() = default;
LexiconBuilder::LexiconBuilder(LexiconBuilder&&) noexcept = default;
LexiconBuilder& LexiconBuilder::operator=(LexiconBuilder&&) noexcept = default;

const std::vector<LexiconIssue>& LexiconBuilder::errors() const { return impl_->errors; }
const std::vector<LexiconIssue>& LexiconBuilder::warnings() const { return impl_->warnings; }
size_t LexiconBuilder::entry_count() const { return impl_->entries.size(); }

void LexiconBuilder::add_text(std::string_view content, std::string_view file, Lang default_lang) {
  if (!impl_->tokenizer) {
    impl_->error(file, 0, "cannot create a tokenizer (ICU data missing?)");
    return;
  }
  // A spreadsheet's "Unicode text" is UTF-16 with a byte-order mark: decoded, it loads like UTF-8.
  std::string decoded;
  if (content.substr(0, 2) == "\xFF\xFE" || content.substr(0, 2) == "\xFE\xFF" ||
      content.substr(0, 4) == std::string_view("\0\0\xFE\xFF", 4)) {
    auto r = decode(content);
    if (!r.ok()) {
      impl_->error(file, 0, r.status().message());
      return;
    }
    decoded = std::move(r->text);
    content = decoded;
  }
  impl_->parse(content, file, default_lang);
}

void LexiconBuilder::add_path(const std::filesystem::path& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  auto read_file = [&](const fs::path& p, Lang lang) {
    std::ifstream in(p, std::ios::binary);
    if (!in) {
      impl_->error(p.string(), 0, "cannot read the file");
      return;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    add_text(ss.str(), p.string(), lang);
  };
  auto lang_of_folder = [](const fs::path& p) {
    return parse_lang(p.parent_path().filename().string()).value_or(Lang::kUnknown);
  };
  if (fs::is_directory(path, ec)) {
    std::vector<fs::path> files;
    for (fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec), end;
         !ec && it != end; it.increment(ec)) {
      if (it->is_regular_file(ec) && it->path().extension() == ".tsv") files.push_back(it->path());
    }
    if (ec) impl_->error(path.string(), 0, fmt::format("cannot read the folder: {}", ec.message()));
    std::sort(files.begin(), files.end());
    if (files.empty()) impl_->warning(path.string(), 0, "no .tsv lexicon files in this folder");
    for (const auto& f : files) read_file(f, lang_of_folder(f));
    return;
  }
  if (!fs::exists(path, ec)) {
    impl_->error(path.string(), 0, "no such file or folder");
    return;
  }
  read_file(path, lang_of_folder(path));
}

std::shared_ptr<const Lexicon> LexiconBuilder::build() {
  std::shared_ptr<Lexicon> lex(new Lexicon());
  lex->impl_->compile(std::move(impl_->entries), std::move(impl_->regexes));
  impl_->entries.clear();
  impl_->regexes.clear();
  impl_->seen.clear();
  return lex;
}

}  // namespace tamga
