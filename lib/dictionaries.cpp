// Foreign dictionary formats: parsing LIWC, LIWC-22, quanteda YAML, Lexicoder and WordStat dictionaries,
// converting them into tamga TSV lexicons, and writing tamga lexicons as LIWC and quanteda dictionaries.
#include "tamga/dictionaries.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>

#include "detail/utf8.h"

namespace tamga {

namespace {

constexpr std::string_view kWhitespace = " \t\r\f\v";

std::string_view trim(std::string_view s) {
  size_t b = s.find_first_not_of(kWhitespace);
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(kWhitespace);
  return s.substr(b, e - b + 1);
}

std::string lower_ascii(std::string_view s) {
  std::string r(s);
  for (char& c : r)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return r;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alnum_ascii(char c) { return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return is_digit(c); });
}

// Splits into lines at LF, CRLF or a lone CR (old Mac files), after a UTF-8 byte-order mark.
std::vector<std::string_view> split_lines(std::string_view content) {
  if (content.substr(0, 3) == "\xEF\xBB\xBF") content.remove_prefix(3);
  std::vector<std::string_view> lines;
  size_t start = 0;
  for (size_t i = 0; i < content.size(); ++i) {
    if (content[i] == '\n' || content[i] == '\r') {
      lines.push_back(content.substr(start, i - start));
      if (content[i] == '\r' && i + 1 < content.size() && content[i + 1] == '\n') ++i;
      start = i + 1;
    }
  }
  if (start < content.size()) lines.push_back(content.substr(start));
  return lines;
}

std::vector<std::string_view> split_whitespace(std::string_view s) {
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && kWhitespace.find(s[i]) != std::string_view::npos) ++i;
    size_t start = i;
    while (i < s.size() && kWhitespace.find(s[i]) == std::string_view::npos) ++i;
    if (i > start) words.push_back(s.substr(start, i - start));
  }
  return words;
}

std::optional<double> parse_number(std::string_view s) {
  std::string text(trim(s));
  if (text.empty()) return std::nullopt;
  char* end = nullptr;
  double v = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size()) return std::nullopt;
  return v;
}

// One text for a TSV cell: no tabs or line ends.
std::string cell(std::string_view s) {
  std::string r;
  for (char c : s) r += (c == '\t' || c == '\n' || c == '\r') ? ' ' : c;
  return std::string(trim(r));
}

std::string_view format_label(DictionaryFormat f) {
  switch (f) {
    case DictionaryFormat::kLiwc: return "LIWC";
    case DictionaryFormat::kLiwc22: return "LIWC-22";
    case DictionaryFormat::kQuanteda: return "quanteda";
    case DictionaryFormat::kLexicoder: return "Lexicoder";
    case DictionaryFormat::kWordstat: return "WordStat";
  }
  return "dictionary";
}

// A dictionary word or phrase in tamga pattern syntax. `*` at the end of a word is a tamga prefix; any
// other glob (`*` elsewhere, `?`) becomes a case-insensitive RE2 expression over the token. Empty when
// nothing is left to match (a lone `*`).
std::string to_pattern(std::string_view text, char joiner) {
  std::string s(text);
  if (joiner) std::replace(s.begin(), s.end(), joiner, ' ');
  auto words = split_whitespace(s);
  std::string out;
  for (std::string_view w : words) {
    while (!w.empty() && w.front() == '#') w.remove_prefix(1);  // hashtags: '#' never starts a token
    if (w.empty()) continue;
    size_t stars = static_cast<size_t>(std::count(w.begin(), w.end(), '*'));
    size_t marks = static_cast<size_t>(std::count(w.begin(), w.end(), '?'));
    std::string word;
    if (stars + marks == 0 || (marks == 0 && stars == 1 && w.back() == '*' && w.size() > 1)) {
      word = std::string(w);
    } else {
      if (stars + marks == w.size() && words.size() == 1) return {};  // matches every word
      word = "re:(?i)^";
      for (char c : w) {
        if (c == '*') word += ".*";
        else if (c == '?') word += '.';
        else if (static_cast<unsigned char>(c) < 0x80 && !is_alnum_ascii(c)) word += fmt::format("\\{}", c);
        else word += c;
      }
      word += '$';
    }
    if (!out.empty()) out += ' ';
    out += word;
  }
  return out;
}

struct Parser {
  Dictionary& d;
  char joiner = 0;  // a character that joins the words of a phrase ('_' in WordStat)

  void error(unsigned line, std::string message) { d.errors.push_back({d.file, line, std::move(message)}); }
  void warning(unsigned line, std::string message) { d.warnings.push_back({d.file, line, std::move(message)}); }

  size_t category(std::string name, unsigned line, std::string description = {}) {
    for (size_t i = 0; i < d.categories.size(); ++i)
      if (d.categories[i].name == name) return i;
    d.categories.push_back({std::move(name), std::move(description), line});
    return d.categories.size() - 1;
  }

  void entry(std::string_view source, size_t category_index, unsigned line, double weight = 1) {
    source = trim(source);
    std::string pattern = to_pattern(source, joiner);
    if (pattern.empty()) {
      warning(line, fmt::format("'{}' has nothing tamga can match; skipped", source));
      return;
    }
    DictionaryEntry e;
    e.pattern = std::move(pattern);
    e.source = std::string(source);
    e.category = d.categories[category_index].name;
    e.weight = weight;
    e.line = line;
    d.entries.push_back(std::move(e));
  }

  // LIWC .dic: `%`, `ID<TAB>name` lines, `%`, then `word<TAB>ID<TAB>ID...`.
  void liwc(const std::vector<std::string_view>& lines) {
    enum { kStart, kCategories, kEntries } state = kStart;
    std::map<long, size_t> ids;
    std::map<long, unsigned> id_lines;
    unsigned open_line = 0;
    for (size_t i = 0; i < lines.size(); ++i) {
      const auto ln = static_cast<unsigned>(i + 1);
      std::string_view t = trim(lines[i]);
      if (t.empty()) continue;
      if (state == kStart) {
        if (t != "%") {
          error(ln, "expected a '%' line opening the category table (is this a LIWC .dic file?)");
          return;
        }
        state = kCategories;
        open_line = ln;
        continue;
      }
      if (state == kCategories) {
        if (t == "%") {
          state = kEntries;
          continue;
        }
        size_t k = 0;
        while (k < t.size() && is_digit(t[k])) ++k;
        if (k == 0 || k > 9 || (k < t.size() && t[k] != ' ' && t[k] != '\t')) {
          error(ln, fmt::format("category line '{}' is not 'NUMBER<TAB>NAME'", t));
          continue;
        }
        long id = std::strtol(std::string(t.substr(0, k)).c_str(), nullptr, 10);
        std::string_view rest = trim(t.substr(k));
        if (rest.empty()) {
          error(ln, fmt::format("category {} has no name", id));
          continue;
        }
        std::string_view name = rest, description;
        if (size_t tab = rest.find('\t'); tab != std::string_view::npos) {
          name = trim(rest.substr(0, tab));
          description = trim(rest.substr(tab + 1));
        }
        if (auto it = id_lines.find(id); it != id_lines.end()) {
          error(ln, fmt::format("category number {} is declared twice (first at line {})", id, it->second));
          continue;
        }
        id_lines[id] = ln;
        ids[id] = category(std::string(name), ln, cell(description));
        continue;
      }
      // An entry: the word or phrase, a tab, the category numbers. Files saved with spaces instead of tabs
      // are read too: then the trailing numbers are the categories and everything before them the phrase.
      std::string_view term, codes;
      if (size_t tab = t.find('\t'); tab != std::string_view::npos) {
        term = trim(t.substr(0, tab));
        codes = t.substr(tab + 1);
      } else {
        size_t end = t.size();
        while (end > 0) {
          size_t space = t.find_last_of(' ', end - 1);
          size_t start = space == std::string_view::npos ? 0 : space + 1;
          if (start == 0 || !all_digits(t.substr(start, end - start))) break;
          end = t.find_last_not_of(' ', space);
          end = end == std::string_view::npos ? 0 : end + 1;
        }
        term = trim(t.substr(0, end));
        codes = t.substr(end);
      }
      if (term.empty()) {
        error(ln, "entry has no word before its category numbers");
        continue;
      }
      // LIWC2007 conditional codes such as `(02 134)125/464` and `<of>` tags have no tamga equivalent.
      std::string plain;
      int depth = 0;
      for (char c : codes) {
        if (c == '(' || c == '<') ++depth;
        else if ((c == ')' || c == '>') && depth > 0) --depth;
        else if (depth == 0) plain += c;
      }
      bool conditional = plain.size() != codes.size();
      std::vector<long> found;
      for (std::string_view code : split_whitespace(plain)) {
        if (all_digits(code) && code.size() <= 9) {
          long id = std::strtol(std::string(code).c_str(), nullptr, 10);
          if (std::find(found.begin(), found.end(), id) == found.end()) found.push_back(id);
        } else {
          conditional = true;
        }
      }
      if (conditional)
        warning(ln, fmt::format("conditional category codes of '{}' are not supported; only its plain category "
                                "numbers are imported", term));
      if (found.empty()) {
        if (!conditional) error(ln, fmt::format("entry '{}' has no category numbers", term));
        continue;
      }
      for (long id : found) {
        auto it = ids.find(id);
        if (it == ids.end()) {
          error(ln, fmt::format("category {} of '{}' is not declared in the category table", id, term));
          continue;
        }
        entry(term, it->second, ln);
      }
    }
    if (state == kStart) error(0, "no '%' category table: not a LIWC .dic file");
    if (state == kCategories) error(open_line, "the category table opened here is not closed by a '%' line");
  }

  // LIWC-22 .dicx: CSV with a header row `DicTerm,category,...` and an X (or a weight) in each category of a
  // word's row.
  void liwc22(std::string_view content) {
    if (content.substr(0, 3) == "\xEF\xBB\xBF") content.remove_prefix(3);
    struct Record {
      std::vector<std::string> cells;
      unsigned line = 0;
    };
    // The separator: the most frequent of , ; TAB on the first line (LIWC-22 writes commas).
    std::string_view first = content.substr(0, content.find_first_of("\r\n"));
    char sep = ',';
    size_t best = static_cast<size_t>(std::count(first.begin(), first.end(), ','));
    for (char c : {';', '\t'}) {
      auto n = static_cast<size_t>(std::count(first.begin(), first.end(), c));
      if (n > best) best = n, sep = c;
    }
    std::vector<Record> records;
    Record rec;
    rec.line = 1;
    std::string field;
    unsigned line = 1, quote_line = 0;
    bool quoted = false;
    for (size_t i = 0; i < content.size(); ++i) {
      char c = content[i];
      if (quoted) {
        if (c == '"') {
          if (i + 1 < content.size() && content[i + 1] == '"') {
            field += '"';
            ++i;
          } else {
            quoted = false;
          }
        } else {
          if (c == '\n' || (c == '\r' && !(i + 1 < content.size() && content[i + 1] == '\n'))) ++line;
          field += c;
        }
      } else if (c == '"' && trim(field).empty()) {
        field.clear();
        quoted = true;
        quote_line = line;
      } else if (c == sep) {
        rec.cells.push_back(std::move(field));
        field.clear();
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < content.size() && content[i + 1] == '\n') ++i;
        rec.cells.push_back(std::move(field));
        field.clear();
        records.push_back(std::move(rec));
        rec = Record{};
        rec.line = ++line;
      } else {
        field += c;
      }
    }
    if (quoted) {
      error(quote_line, "a quoted field opened here is never closed");
      return;
    }
    if (!field.empty() || !rec.cells.empty()) {
      rec.cells.push_back(std::move(field));
      records.push_back(std::move(rec));
    }
    auto blank = [](const Record& row) {
      return std::all_of(row.cells.begin(), row.cells.end(), [](const std::string& c) { return trim(c).empty(); });
    };
    records.erase(std::remove_if(records.begin(), records.end(), blank), records.end());
    if (records.empty()) {
      error(0, "empty file: expected the header row 'DicTerm,CATEGORY,...' of a LIWC-22 .dicx file");
      return;
    }
    const Record& header = records.front();
    if (lower_ascii(trim(header.cells[0])) != "dicterm") {
      error(header.line, fmt::format("expected the header row 'DicTerm,CATEGORY,...' of a LIWC-22 .dicx file, "
                                     "found '{}' in the first column", trim(header.cells[0])));
      return;
    }
    std::vector<size_t> columns;  // category index per column (from the second on)
    for (size_t j = 1; j < header.cells.size(); ++j) {
      std::string name = cell(header.cells[j]);
      if (name.empty()) {
        error(header.line, fmt::format("column {} of the header row has no category name", j + 1));
        return;
      }
      for (size_t k = 0; k + 1 < j; ++k) {
        if (d.categories[columns[k]].name == name) {
          error(header.line, fmt::format("category '{}' is named by two columns", name));
          return;
        }
      }
      columns.push_back(category(name, header.line));
    }
    for (size_t r = 1; r < records.size(); ++r) {
      const Record& row = records[r];
      if (row.cells.size() > header.cells.size()) {
        error(row.line, fmt::format("{} cells but the header row names {} columns", row.cells.size(), header.cells.size()));
        continue;
      }
      std::string term = cell(row.cells[0]);
      if (term.empty()) {
        error(row.line, "row has no term in the DicTerm column");
        continue;
      }
      bool member = false;
      for (size_t j = 1; j < row.cells.size(); ++j) {
        std::string_view v = trim(row.cells[j]);
        if (v.empty()) continue;
        const std::string& cat = d.categories[columns[j - 1]].name;
        double weight = 1;
        if (v != "X" && v != "x") {
          auto n = parse_number(v);
          if (!n) {
            error(row.line, fmt::format("cell '{}' of '{}' in category '{}' is neither X nor a number", v, term, cat));
            continue;
          }
          if (*n == 0) continue;
          if (!(*n > 0 && *n <= 10)) {
            warning(row.line, fmt::format("weight {} of '{}' in category '{}' is outside tamga's range (0, 10]; "
                                          "skipped", v, term, cat));
            member = true;
            continue;
          }
          weight = *n;
        }
        member = true;
        entry(term, columns[j - 1], row.line, weight);
      }
      if (!member) warning(row.line, fmt::format("'{}' is in no category; skipped", term));
    }
  }

  // --- quanteda YAML: the subset dictionaries use (block mappings, block and [flow] lists, quoted scalars).

  // Cuts a comment: '#' at the start or after a space, outside quotes.
  static std::string_view strip_comment(std::string_view s) {
    bool single = false, dbl = false;
    for (size_t i = 0; i < s.size(); ++i) {
      char c = s[i];
      if (dbl) {
        if (c == '\\') ++i;
        else if (c == '"') dbl = false;
      } else if (single) {
        if (c == '\'') single = false;
      } else if (c == '"' && (i == 0 || s[i - 1] == ' ' || s[i - 1] == '\t' || s[i - 1] == '[' || s[i - 1] == ',' ||
                              s[i - 1] == '-' || s[i - 1] == ':')) {
        dbl = true;
      } else if (c == '\'' && (i == 0 || s[i - 1] == ' ' || s[i - 1] == '\t' || s[i - 1] == '[' ||
                               s[i - 1] == ',' || s[i - 1] == '-' || s[i - 1] == ':')) {
        single = true;
      } else if (c == '#' && (i == 0 || s[i - 1] == ' ' || s[i - 1] == '\t')) {
        return s.substr(0, i);
      }
    }
    return s;
  }

  // A quoted scalar at the start of `s` (which starts with ' or "); advances past it.
  static bool quoted_scalar(std::string_view& s, std::string& out, std::string& problem) {
    char q = s.front();
    out.clear();
    size_t i = 1;
    for (; i < s.size(); ++i) {
      char c = s[i];
      if (q == '\'') {
        if (c == '\'') {
          if (i + 1 < s.size() && s[i + 1] == '\'') {
            out += '\'';
            ++i;
            continue;
          }
          s.remove_prefix(i + 1);
          return true;
        }
        out += c;
        continue;
      }
      if (c == '"') {
        s.remove_prefix(i + 1);
        return true;
      }
      if (c != '\\') {
        out += c;
        continue;
      }
      if (++i >= s.size()) break;
      char e = s[i];
      switch (e) {
        case 'n': out += '\n'; break;
        case 't': out += '\t'; break;
        case '0': out += '\0'; break;
        case '"': case '\\': case '/': case ' ': out += e; break;
        case 'x': case 'u': case 'U': {
          size_t n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
          if (i + n >= s.size()) {
            problem = "a \\x/\\u escape is cut short";
            return false;
          }
          char32_t cp = 0;
          for (size_t k = 1; k <= n; ++k) {
            char h = s[i + k];
            int v = is_digit(h) ? h - '0' : (h >= 'a' && h <= 'f') ? h - 'a' + 10 : (h >= 'A' && h <= 'F') ? h - 'A' + 10 : -1;
            if (v < 0) {
              problem = "a \\x/\\u escape has a non-hexadecimal digit";
              return false;
            }
            cp = cp * 16 + static_cast<char32_t>(v);
          }
          detail::append_utf8(out, cp);
          i += n;
          break;
        }
        default:
          problem = fmt::format("unknown escape '\\{}' in a double-quoted string", e);
          return false;
      }
    }
    problem = "a quoted string is not closed on its line";
    return false;
  }

  // One scalar value of a list or a key; false (with `problem`) when it is not a plain word or phrase.
  static bool value_scalar(std::string_view s, std::string& out, std::string& problem) {
    s = trim(s);
    if (s.empty()) {
      problem = "empty value";
      return false;
    }
    if (s.front() == '"' || s.front() == '\'') {
      if (!quoted_scalar(s, out, problem)) return false;
      if (!trim(s).empty()) {
        problem = fmt::format("unexpected '{}' after a quoted string", trim(s));
        return false;
      }
      return true;
    }
    char c = s.front();
    if (c == '{') return problem = "flow mappings ({...}) are not supported", false;
    if (c == '|' || c == '>') return problem = "block scalars (| and >) are not supported", false;
    if (c == '&' || c == '*' || c == '!')
      return problem = fmt::format("'{}' starts a YAML anchor, alias or tag; quote the word", c), false;
    if (s.find(": ") != std::string_view::npos || s.back() == ':')
      return problem = fmt::format("'{}' is a key, not a word (a mapping inside a list?)", s), false;
    out = std::string(s);
    return true;
  }

  // `[a, "b c", 'd']` on one line.
  static bool flow_list(std::string_view s, std::vector<std::string>& out, std::string& problem) {
    s.remove_prefix(1);
    while (true) {
      s = trim(s);
      if (s.empty()) return problem = "a [list] must close on the line it opens", false;
      if (s.front() == ']') {
        if (!trim(s.substr(1)).empty()) return problem = "unexpected text after a [list]", false;
        return true;
      }
      std::string v;
      if (s.front() == '"' || s.front() == '\'') {
        if (!quoted_scalar(s, v, problem)) return false;
      } else {
        if (s.front() == '[' || s.front() == '{') return problem = "nested lists are not supported", false;
        size_t end = s.find_first_of(",]");
        if (end == std::string_view::npos) return problem = "a [list] must close on the line it opens", false;
        v = std::string(trim(s.substr(0, end)));
        s.remove_prefix(end);
        if (v.empty()) return problem = "empty item in a [list]", false;
      }
      out.push_back(std::move(v));
      s = trim(s);
      if (!s.empty() && s.front() == ',') s.remove_prefix(1);
      else if (s.empty() || s.front() != ']') return problem = "expected ',' or ']' in a [list]", false;
    }
  }

  void quanteda(const std::vector<std::string_view>& lines) {
    struct Open {
      size_t indent = 0;
      std::string name;
      bool items = false, children = false;
    };
    std::vector<Open> stack;
    std::vector<std::string> top_keys;
    auto path = [&] {
      std::string p;
      for (const auto& o : stack) {
        if (o.name == "__") continue;  // quanteda's as.yaml key for the words of a key that also has sub-keys
        if (!p.empty()) p += '.';
        p += o.name;
      }
      return p;
    };
    auto add = [&](unsigned ln, const std::string& word) {
      std::string p = path();
      entry(word, category(p, ln), ln);
    };
    for (size_t i = 0; i < lines.size(); ++i) {
      const auto ln = static_cast<unsigned>(i + 1);
      std::string_view s = strip_comment(lines[i]);
      if (trim(s).empty()) continue;
      if (s.substr(0, 3) == "---" || s.substr(0, 3) == "..." || s.front() == '%') {
        if (trim(s.substr(s.front() == '%' ? s.size() : 3)).empty()) continue;
      }
      size_t indent = s.find_first_not_of(' ');
      if (s[indent] == '\t') {
        error(ln, "a tab in the indentation (YAML indents with spaces)");
        continue;
      }
      std::string_view body = trim(s.substr(indent));
      std::string problem;
      if (body == "-" || body.substr(0, 2) == "- ") {
        std::string_view item = trim(body.substr(1));
        while (!stack.empty() && stack.back().indent > indent) stack.pop_back();
        if (stack.empty()) {
          error(ln, "a list item outside any key");
          continue;
        }
        if (stack.back().children) {
          error(ln, fmt::format("key '{}' has both sub-keys and words", stack.back().name));
          continue;
        }
        stack.back().items = true;
        if (item.empty() || item == "-" || item.substr(0, 2) == "- ") {
          error(ln, "nested or empty list items are not dictionary entries");
          continue;
        }
        if (item.front() == '[') {
          error(ln, "a [list] inside a list is not a dictionary entry");
          continue;
        }
        std::string word;
        if (!value_scalar(item, word, problem)) {
          error(ln, problem);
          continue;
        }
        add(ln, word);
        continue;
      }
      // A key line: `key:` or `key: value` or `key: [a, b]`.
      std::string key;
      std::string_view rest = body;
      if (body.front() == '"' || body.front() == '\'') {
        if (!quoted_scalar(rest, key, problem)) {
          error(ln, problem);
          continue;
        }
        rest = trim(rest);
        if (rest.empty() || rest.front() != ':') {
          error(ln, "expected ':' after a quoted key");
          continue;
        }
        rest.remove_prefix(1);
      } else {
        size_t colon = std::string_view::npos;
        for (size_t k = 0; k < body.size(); ++k) {
          if (body[k] == ':' && (k + 1 == body.size() || body[k + 1] == ' ' || body[k + 1] == '\t')) {
            colon = k;
            break;
          }
        }
        if (colon == std::string_view::npos) {
          error(ln, fmt::format("expected 'key:' or '- word', found '{}'", body));
          continue;
        }
        key = std::string(trim(body.substr(0, colon)));
        rest = body.substr(colon + 1);
      }
      key = cell(key);
      if (key.empty()) {
        error(ln, "empty key");
        continue;
      }
      while (!stack.empty() && stack.back().indent >= indent) stack.pop_back();
      if (!stack.empty()) {
        if (stack.back().items) {
          error(ln, fmt::format("key '{}' has both words and sub-keys", stack.back().name));
          continue;
        }
        stack.back().children = true;
      } else if (std::find(top_keys.begin(), top_keys.end(), key) == top_keys.end()) {
        top_keys.push_back(key);
      }
      stack.push_back({indent, key});
      category(path(), ln);
      rest = trim(rest);
      if (rest.empty()) continue;
      stack.back().items = true;
      if (rest.front() == '[') {
        std::vector<std::string> words;
        if (!flow_list(rest, words, problem)) {
          error(ln, problem);
          continue;
        }
        for (const auto& w : words) add(ln, w);
        continue;
      }
      std::string word;
      if (!value_scalar(rest, word, problem)) {
        error(ln, problem);
        continue;
      }
      add(ln, word);
    }
    language_keys(top_keys);
  }

  // A quanteda dictionary whose top-level keys are all language codes (as `tamga lexicon export` writes
  // when several languages are present) gives its entries those languages; the language is not part of
  // the category name.
  void language_keys(const std::vector<std::string>& top_keys) {
    if (top_keys.empty() || d.entries.empty()) return;
    for (const auto& k : top_keys)
      if (!parse_lang(k) && k != "any") return;
    for (const auto& e : d.entries)
      if (e.category.find('.') == std::string::npos) return;
    for (auto& e : d.entries) {
      size_t dot = e.category.find('.');
      std::string code = e.category.substr(0, dot);
      if (code == "any") e.any_lang = true;
      else e.lang = parse_lang(code);
      e.category = e.category.substr(dot + 1);
    }
    std::vector<DictionaryCategory> categories;
    for (auto& c : d.categories) {
      size_t dot = c.name.find('.');
      if (dot == std::string::npos) continue;
      c.name = c.name.substr(dot + 1);
      bool seen = std::any_of(categories.begin(), categories.end(), [&](const auto& o) { return o.name == c.name; });
      if (!seen) categories.push_back(std::move(c));
    }
    d.categories = std::move(categories);
  }

  // Lexicoder .lc3: `+category` lines, each followed by its entries, one a line.
  void lexicoder(const std::vector<std::string_view>& lines) {
    std::optional<size_t> current;
    for (size_t i = 0; i < lines.size(); ++i) {
      const auto ln = static_cast<unsigned>(i + 1);
      std::string_view t = trim(lines[i]);
      if (t.empty()) continue;
      if (t.front() == '+') {
        std::string name = cell(t.substr(1));
        if (name.empty()) {
          error(ln, "'+' with no category name");
          current.reset();
          continue;
        }
        current = category(name, ln);
        continue;
      }
      if (!current) {
        error(ln, fmt::format("'{}' comes before the first '+category' line", t));
        continue;
      }
      entry(t, *current, ln);
    }
    if (d.categories.empty() && d.errors.empty()) error(0, "no '+category' lines: not a Lexicoder .lc3 file");
  }

  // WordStat .cat: categories at indent 0, sub-categories and words indented below them (tabs); a word may
  // end with a weight in parentheses, `WORD (1)`; `_` joins the words of a phrase.
  void wordstat(const std::vector<std::string_view>& lines) {
    struct Item {
      unsigned line;
      size_t column;  // of the first character, tabs to multiples of 8
      std::string_view text;
    };
    std::vector<Item> items;
    for (size_t i = 0; i < lines.size(); ++i) {
      std::string_view raw = lines[i];
      std::string_view t = trim(raw);
      if (t.empty()) continue;
      size_t column = 0;
      for (char c : raw) {
        if (c == ' ') ++column;
        else if (c == '\t') column = (column / 8 + 1) * 8;
        else break;
      }
      items.push_back({static_cast<unsigned>(i + 1), column, t});
    }
    struct Open {
      size_t column;
      std::string name;
    };
    std::vector<Open> stack;
    for (size_t i = 0; i < items.size(); ++i) {
      const Item& it = items[i];
      while (!stack.empty() && stack.back().column >= it.column) stack.pop_back();
      std::string_view text = it.text;
      std::optional<double> weight;
      if (text.back() == ')') {
        size_t open = text.rfind('(');
        if (open != std::string_view::npos) {
          if (auto n = parse_number(text.substr(open + 1, text.size() - open - 2))) {
            weight = *n;
            text = trim(text.substr(0, open));
          }
        }
      }
      bool deeper_next = i + 1 < items.size() && items[i + 1].column > it.column;
      bool is_word = weight || (!stack.empty() && !deeper_next);
      if (!is_word) {
        std::string name = cell(text);
        std::string p;
        for (const auto& o : stack) p += o.name + ".";
        category(p + name, it.line);
        stack.push_back({it.column, name});
        continue;
      }
      if (deeper_next)
        error(items[i + 1].line, fmt::format("indented under the word '{}', which is not a category", text));
      if (stack.empty()) {
        error(it.line, fmt::format("word '{}' is not inside a category", text));
        continue;
      }
      if (text.empty()) {
        error(it.line, "a weight with no word");
        continue;
      }
      if (text.front() == '@') {
        warning(it.line, fmt::format("'{}' looks like a WordStat rule or category reference; not imported", text));
        continue;
      }
      double w = weight.value_or(1);
      if (!(w > 0 && w <= 10)) {
        warning(it.line, fmt::format("weight {} of '{}' is outside tamga's range (0, 10]; skipped", w, text));
        continue;
      }
      std::string p;
      for (const auto& o : stack) p += (p.empty() ? "" : ".") + o.name;
      entry(text, category(p, it.line), it.line, w);
    }
  }
};

std::string gloss_of(const Dictionary& d, const std::vector<std::string>& categories) {
  std::string names;
  for (const auto& c : categories) {
    if (!names.empty()) names += ", ";
    names += c;
    for (const auto& dc : d.categories)
      if (dc.name == c && !dc.description.empty()) names += fmt::format(" ({})", dc.description);
  }
  return cell(fmt::format("{} {} {}", format_label(d.format), categories.size() == 1 ? "category" : "categories", names));
}

std::string exact_words(std::string_view pattern) {
  std::string out;
  for (std::string_view w : split_whitespace(pattern)) {
    if (!out.empty()) out += ' ';
    if (w.back() != '*' && w.substr(0, 3) != "re:" && w.front() != '=') out += '=';
    out += w;
  }
  return out;
}

}  // namespace

std::optional<DictionaryFormat> parse_dictionary_format(std::string_view name) {
  std::string n = lower_ascii(name);
  if (n == "liwc" || n == "dic" || n == "liwc2015" || n == "liwc2007") return DictionaryFormat::kLiwc;
  if (n == "liwc22" || n == "liwc-22" || n == "dicx") return DictionaryFormat::kLiwc22;
  if (n == "quanteda" || n == "yaml" || n == "yml") return DictionaryFormat::kQuanteda;
  if (n == "lexicoder" || n == "lc3") return DictionaryFormat::kLexicoder;
  if (n == "wordstat" || n == "cat") return DictionaryFormat::kWordstat;
  return std::nullopt;
}

std::string_view dictionary_format_name(DictionaryFormat format) {
  switch (format) {
    case DictionaryFormat::kLiwc: return "liwc";
    case DictionaryFormat::kLiwc22: return "liwc22";
    case DictionaryFormat::kQuanteda: return "quanteda";
    case DictionaryFormat::kLexicoder: return "lexicoder";
    case DictionaryFormat::kWordstat: return "wordstat";
  }
  return "liwc";
}

std::optional<DictionaryFormat> dictionary_format_of_path(std::string_view path) {
  size_t dot = path.rfind('.');
  size_t slash = path.rfind('/');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return std::nullopt;
  return parse_dictionary_format(path.substr(dot + 1));
}

Dictionary parse_dictionary(std::string_view content, std::string_view file, DictionaryFormat format) {
  Dictionary d;
  d.format = format;
  d.file = std::string(file);
  Parser p{d};
  switch (format) {
    case DictionaryFormat::kLiwc: p.liwc(split_lines(content)); break;
    case DictionaryFormat::kLiwc22: p.liwc22(content); break;
    case DictionaryFormat::kQuanteda: p.quanteda(split_lines(content)); break;
    case DictionaryFormat::kLexicoder: p.lexicoder(split_lines(content)); break;
    case DictionaryFormat::kWordstat:
      p.joiner = '_';
      p.wordstat(split_lines(content));
      break;
  }
  return d;
}

Result<std::pair<std::string, Technique>> parse_category_mapping(std::string_view spec) {
  size_t eq = spec.rfind('=');
  if (eq == std::string_view::npos)
    return Status(StatusCode::kInvalidArgument, fmt::format("'{}' is not CATEGORY=TECHNIQUE", spec));
  std::string category(trim(spec.substr(0, eq)));
  std::string_view name = trim(spec.substr(eq + 1));
  if (category.empty())
    return Status(StatusCode::kInvalidArgument, fmt::format("'{}' names no category before '='", spec));
  auto t = parse_technique(name);
  if (!t) t = parse_technique(lower_ascii(name));
  if (!t)
    return Status(StatusCode::kInvalidArgument,
                  fmt::format("unknown technique '{}' in '{}' (a SemEval name such as Loaded_Language, or its slug)",
                              name, spec));
  return std::pair<std::string, Technique>(std::move(category), *t);
}

ImportResult import_dictionary(const Dictionary& d, const ImportOptions& o) {
  ImportResult r;
  r.errors = d.errors;
  r.warnings = d.warnings;

  // The technique of each category with entries.
  struct Resolution {
    std::optional<Technique> technique;
    std::string how;  // for the header comment
  };
  std::vector<bool> map_used(o.map.size(), false);
  auto resolve = [&](const std::string& category) -> Resolution {
    std::string lc = lower_ascii(category);
    for (size_t i = 0; i < o.map.size(); ++i) {
      if (lower_ascii(o.map[i].first) == lc) {
        map_used[i] = true;
        return {o.map[i].second, "--map"};
      }
    }
    size_t best = o.map.size(), best_len = 0;
    for (size_t i = 0; i < o.map.size(); ++i) {
      std::string k = lower_ascii(o.map[i].first) + ".";
      if (lc.size() > k.size() && lc.compare(0, k.size(), k) == 0 && k.size() > best_len) best = i, best_len = k.size();
    }
    if (best < o.map.size()) {
      map_used[best] = true;
      return {o.map[best].second, fmt::format("--map {}", o.map[best].first)};
    }
    std::string last = category.substr(category.rfind('.') == std::string::npos ? 0 : category.rfind('.') + 1);
    if (auto t = parse_technique(last)) return {t, "named after the technique"};
    if (auto t = parse_technique(lower_ascii(last))) return {t, "named after the technique"};
    if (o.technique) return {o.technique, "--technique"};
    if (o.keep_categories && !o.map.empty()) return {o.map.front().second, "the first --map target"};
    return {};
  };

  std::map<std::string, Resolution> resolved;
  std::vector<std::string> order;  // categories with entries, in the order first used
  std::map<std::string, unsigned> first_line;
  for (const auto& e : d.entries) {
    if (resolved.count(e.category)) continue;
    resolved[e.category] = resolve(e.category);
    order.push_back(e.category);
    first_line[e.category] = e.line;
  }
  // Mappings of parent categories count as used too.
  for (const auto& c : d.categories) resolve(c.name);
  for (size_t i = 0; i < o.map.size(); ++i) {
    if (!map_used[i])
      r.warnings.push_back({d.file, 0, fmt::format("--map category '{}' is not in this dictionary", o.map[i].first)});
  }
  std::vector<std::string> skipped;
  for (const auto& c : order) {
    if (resolved[c].technique) continue;
    if (o.only_mapped) {
      skipped.push_back(c);
      continue;
    }
    unsigned line = first_line[c];
    for (const auto& dc : d.categories)
      if (dc.name == c && dc.line) line = dc.line;
    r.errors.push_back({d.file, line,
                        fmt::format("category '{}' has no technique: give --map '{}=TECHNIQUE' (or --technique, "
                                    "--keep-categories, --only-mapped)", c, c)});
  }
  if (!skipped.empty()) {
    std::string names;
    for (const auto& s : skipped) names += (names.empty() ? "" : ", ") + s;
    r.warnings.push_back({d.file, 0, fmt::format("{} categor{} with no mapping skipped (--only-mapped): {}",
                                                 skipped.size(), skipped.size() == 1 ? "y" : "ies", names)});
  }
  if (!r.errors.empty()) return r;

  struct Out {
    std::string pattern, lang, source;
    Technique technique;
    double weight = 1;
    std::vector<std::string> categories;
    unsigned line = 0;
  };
  std::vector<Out> outs;
  std::map<std::string, size_t> index;
  for (const auto& e : d.entries) {
    const Resolution& res = resolved[e.category];
    if (!res.technique) continue;
    Out out;
    out.pattern = o.exact ? exact_words(e.pattern) : e.pattern;
    out.lang = e.any_lang ? "*" : e.lang ? std::string(lang_code(*e.lang)) : std::string();
    out.source = e.source;
    out.technique = *res.technique;
    out.weight = e.weight;
    out.categories = {e.category};
    out.line = e.line;
    std::string key = fmt::format("{}\t{}\t{}", lower_ascii(out.pattern), technique_slug(out.technique), out.lang);
    if (auto it = index.find(key); it != index.end()) {
      auto& cats = outs[it->second].categories;
      if (std::find(cats.begin(), cats.end(), e.category) == cats.end()) cats.push_back(e.category);
      continue;
    }
    index.emplace(std::move(key), outs.size());
    outs.push_back(std::move(out));
  }

  // Renders the lexicon; `lines[k]` is the TSV line of outs[k].
  std::vector<unsigned> lines;
  auto render = [&] {
    bool with_lang = std::any_of(outs.begin(), outs.end(), [](const Out& x) { return !x.lang.empty(); });
    bool with_weight = std::any_of(outs.begin(), outs.end(), [](const Out& x) { return x.weight != 1; });
    std::string t;
    unsigned line = 0;
    auto add_line = [&](const std::string& s) {
      t += s;
      t += '\n';
      ++line;
    };
    add_line(cell(fmt::format("# Imported by `tamga lexicon import` from the {} dictionary {}", format_label(d.format),
                              d.file)));
    for (const auto& c : order) {
      const Resolution& res = resolved[c];
      if (res.technique)
        add_line(cell(fmt::format("# category {} -> {} ({})", c, technique_name(*res.technique), res.how)));
    }
    if (o.lang) add_line(fmt::format("#@ lang: {}", lang_code(*o.lang)));
    std::string header = "pattern\ttechnique";
    if (with_lang) header += "\tlang";
    if (with_weight) header += "\tweight";
    header += "\tgloss";
    if (o.keep_categories) header += "\tcategory";
    add_line(header);
    lines.clear();
    for (const auto& x : outs) {
      std::string row = cell(x.pattern) + "\t" + std::string(technique_name(x.technique));
      if (with_lang) row += "\t" + x.lang;
      if (with_weight) row += "\t" + fmt::format("{}", x.weight);
      row += "\t" + gloss_of(d, x.categories);
      if (o.keep_categories) {
        std::string cats;
        for (const auto& c : x.categories) cats += (cats.empty() ? "" : "; ") + c;
        row += "\t" + cell(cats);
      }
      lines.push_back(line + 1);
      add_line(row);
    }
    return t;
  };

  // Leave out what tamga cannot compile (a word with no letters, say), so the result always loads.
  std::string tsv = render();
  while (true) {
    LexiconBuilder builder;
    builder.add_text(tsv, "import.tsv", Lang::kUnknown);
    if (builder.errors().empty()) break;
    std::set<size_t> bad;
    for (const auto& err : builder.errors()) {
      auto it = std::find(lines.begin(), lines.end(), err.line);
      if (it == lines.end()) {
        r.errors.push_back({d.file, 0, fmt::format("internal error: the imported lexicon does not load: {}",
                                                   err.to_string())});
        continue;
      }
      auto k = static_cast<size_t>(it - lines.begin());
      bad.insert(k);
      r.warnings.push_back({d.file, outs[k].line,
                            fmt::format("'{}' skipped: {}", outs[k].source, err.message)});
    }
    if (!r.errors.empty() || bad.empty()) return r;
    for (auto it = bad.rbegin(); it != bad.rend(); ++it) outs.erase(outs.begin() + static_cast<long>(*it));
    tsv = render();
  }
  std::set<std::string> used;
  for (const auto& x : outs) used.insert(x.categories.begin(), x.categories.end());
  if (outs.empty()) r.warnings.push_back({d.file, 0, "no entries imported"});
  r.tsv = std::move(tsv);
  r.entries = outs.size();
  r.categories = used.size();
  return r;
}

namespace {

// The words of a lexicon entry as a LIWC or quanteda term: `=word` plain, `word*` kept; nullopt for `re:`.
std::optional<std::string> term_of(const Entry& e) {
  std::string out;
  for (std::string_view w : split_whitespace(e.pattern)) {
    if (w.substr(0, 3) == "re:") return std::nullopt;
    if (w.front() == '=') w.remove_prefix(1);
    if (w.empty()) continue;
    if (!out.empty()) out += ' ';
    out += w;
  }
  if (out.empty()) return std::nullopt;
  return out;
}

bool yaml_plain_ok(std::string_view s) {
  if (s.empty()) return false;
  static const std::set<std::string> kReserved{"y", "n", "yes", "no", "true", "false", "on", "off", "null", "~"};
  if (kReserved.count(lower_ascii(s))) return false;
  auto c0 = static_cast<unsigned char>(s.front());
  if (c0 < 0x80 && !((c0 >= 'a' && c0 <= 'z') || (c0 >= 'A' && c0 <= 'Z'))) return false;
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    if (u >= 0x80 || is_alnum_ascii(c)) continue;
    if (c == ' ' || c == '-' || c == '_' || c == '.' || c == '\'' || c == '*') continue;
    return false;
  }
  return s.back() != ' ';
}

std::string yaml_scalar(std::string_view s) {
  if (yaml_plain_ok(s)) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (static_cast<unsigned char>(c) < 0x20) {
      out += fmt::format("\\x{:02x}", static_cast<unsigned>(c));
      continue;
    }
    out += c;
  }
  return out + "\"";
}

}  // namespace

Result<ExportResult> export_dictionary(const std::vector<Entry>& entries, const ExportOptions& options) {
  if (options.format != DictionaryFormat::kLiwc && options.format != DictionaryFormat::kQuanteda)
    return Status(StatusCode::kInvalidArgument,
                  fmt::format("cannot export to {}: only liwc and quanteda", dictionary_format_name(options.format)));
  ExportResult r;
  const char* label = options.format == DictionaryFormat::kLiwc ? "LIWC" : "quanteda";
  // (language, technique) → terms in first-seen order.
  std::map<std::pair<Lang, Technique>, std::vector<std::string>> terms;
  std::set<Lang> langs;
  std::set<Technique> techniques;
  size_t weighted = 0;
  for (const Entry& e : entries) {
    if (options.lang && e.lang != *options.lang && e.lang != Lang::kUnknown) continue;
    auto term = term_of(e);
    if (!term) {
      r.warnings.push_back({e.file, e.line, fmt::format("regular expression pattern '{}' has no {} equivalent; skipped",
                                                        e.pattern, label)});
      continue;
    }
    if (e.weight != 1) ++weighted;
    auto& list = terms[{e.lang, e.technique}];
    if (std::find(list.begin(), list.end(), *term) == list.end()) list.push_back(*term);
    langs.insert(e.lang);
    techniques.insert(e.technique);
    ++r.entries;
  }
  if (weighted)
    r.warnings.push_back({"", 0, fmt::format("{} entr{} with weights other than 1: {} dictionaries have no weights",
                                             weighted, weighted == 1 ? "y" : "ies", label)});

  if (options.format == DictionaryFormat::kLiwc) {
    if (langs.size() > 1) {
      std::string names;
      for (Lang l : langs) names += (names.empty() ? "" : ", ") + std::string(l == Lang::kUnknown ? "any" : lang_code(l));
      r.warnings.push_back({"", 0, fmt::format("entries of several languages ({}) are written into one LIWC dictionary; "
                                               "--lang exports one", names)});
    }
    std::map<Technique, int> ids;
    std::string out = "%\n";
    for (Technique t : all_techniques()) {
      if (!techniques.count(t)) continue;
      int id = static_cast<int>(ids.size()) + 1;
      ids[t] = id;
      out += fmt::format("{}\t{}\n", id, technique_name(t));
    }
    out += "%\n";
    std::map<std::string, std::set<int>> rows;
    for (const auto& [key, list] : terms)
      for (const auto& term : list) rows[term].insert(ids[key.second]);
    for (const auto& [term, set] : rows) {
      out += term;
      for (int id : set) out += fmt::format("\t{}", id);
      out += '\n';
    }
    r.text = std::move(out);
    return r;
  }

  std::string out = "# Exported by `tamga lexicon export`: one key per technique";
  out += langs.size() > 1 ? ", under one key per language (any: every language).\n" : ".\n";
  auto write_keys = [&](Lang lang, const std::string& indent) {
    for (Technique t : all_techniques()) {
      auto it = terms.find({lang, t});
      if (it == terms.end()) continue;
      out += fmt::format("{}{}:\n", indent, yaml_scalar(technique_name(t)));
      for (const auto& term : it->second) out += fmt::format("{}  - {}\n", indent, yaml_scalar(term));
    }
  };
  if (langs.size() > 1) {
    for (Lang l : langs) {
      if (l == Lang::kUnknown) continue;
      out += fmt::format("{}:\n", lang_code(l));
      write_keys(l, "  ");
    }
    if (langs.count(Lang::kUnknown)) {
      out += "any:\n";
      write_keys(Lang::kUnknown, "  ");
    }
  } else if (!langs.empty()) {
    write_keys(*langs.begin(), "");
  }
  r.text = std::move(out);
  return r;
}

}  // namespace tamga
