#include "tamga/markup.h"

#include <algorithm>
#include <cstring>

#include "detail/utf8.h"

namespace tamga {

std::string_view format_name(DocumentFormat f) {
  switch (f) {
    case DocumentFormat::kMarkdown: return "markdown";
    case DocumentFormat::kHtml: return "html";
    case DocumentFormat::kText: break;
  }
  return "text";
}

std::optional<DocumentFormat> parse_document_format(std::string_view name) {
  if (name == "text") return DocumentFormat::kText;
  if (name == "markdown") return DocumentFormat::kMarkdown;
  if (name == "html") return DocumentFormat::kHtml;
  return std::nullopt;
}

namespace {

// Blanks [from, to) keeping line breaks, so lines and columns stay where they were.
void blank(std::string& s, size_t from, size_t to) {
  to = std::min(to, s.size());
  for (size_t i = from; i < to; ++i)
    if (s[i] != '\n' && s[i] != '\r') s[i] = ' ';
}

// Block-level tags end a paragraph: the blanked tag starts with a blank line when it has room.
bool is_block_tag(std::string_view tag) {
  static const char* kBlocks[] = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr",
                                  "td", "th", "table", "section", "article", "header", "footer", "blockquote",
                                  "pre", "hr", "dd", "dt", "figure", "figcaption", "main", "aside", "nav", "title"};
  size_t i = 0;
  if (i < tag.size() && tag[i] == '/') ++i;
  size_t j = i;
  while (j < tag.size() && std::isalnum(static_cast<unsigned char>(tag[j]))) ++j;
  std::string name(tag.substr(i, j - i));
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return std::any_of(std::begin(kBlocks), std::end(kBlocks), [&](const char* b) { return name == b; });
}

size_t find_ci(std::string_view hay, std::string_view needle, size_t from) {
  for (size_t i = from; i + needle.size() <= hay.size(); ++i) {
    bool eq = true;
    for (size_t k = 0; k < needle.size() && eq; ++k)
      eq = std::tolower(static_cast<unsigned char>(hay[i + k])) == std::tolower(static_cast<unsigned char>(needle[k]));
    if (eq) return i;
  }
  return std::string_view::npos;
}

struct Entity {
  const char* name;
  char32_t cp;
};
constexpr Entity kEntities[] = {
    {"amp", U'&'},      {"lt", U'<'},       {"gt", U'>'},       {"quot", U'"'},     {"apos", U'\''},
    {"nbsp", 0xA0},     {"mdash", 0x2014},  {"ndash", 0x2013},  {"hellip", 0x2026}, {"laquo", 0xAB},
    {"raquo", 0xBB},    {"ldquo", 0x201C},  {"rdquo", 0x201D},  {"lsquo", 0x2018},  {"rsquo", 0x2019},
    {"bdquo", 0x201E},  {"lsaquo", 0x2039}, {"rsaquo", 0x203A}, {"copy", 0xA9},     {"reg", 0xAE},
    {"shy", 0xAD},      {"euro", 0x20AC},   {"ccedil", 0xE7},   {"Ccedil", 0xC7},   {"ouml", 0xF6},
    {"Ouml", 0xD6},     {"uuml", 0xFC},     {"Uuml", 0xDC},     {"eacute", 0xE9},   {"Eacute", 0xC9},
    {"agrave", 0xE0},   {"acirc", 0xE2},    {"icirc", 0xEE},    {"ucirc", 0xFB},    {"auml", 0xE4},
    {"Auml", 0xC4},     {"szlig", 0xDF},    {"times", 0xD7},    {"deg", 0xB0},      {"middot", 0xB7},
};

// Replaces the entity at [from, to) by its character, padded to the same length with invisible format
// characters (soft hyphen, 2 bytes; word joiner, 3 bytes) that neither split words nor survive
// normalization.
void decode_entity(std::string& s, size_t from, size_t to, char32_t cp) {
  std::string repl;
  detail::append_utf8(repl, cp);
  size_t len = to - from;
  if (repl.size() > len) return;
  size_t rest = len - repl.size();
  if (rest == 1) {
    // No invisible character is one byte long: leave this rare case as it was.
    return;
  }
  while (rest > 0) {
    if (rest == 3 || rest == 5 || rest == 7) {
      repl += "\xE2\x81\xA0";  // U+2060 word joiner
      rest -= 3;
    } else {
      repl += "\xC2\xAD";  // U+00AD soft hyphen
      rest -= 2;
    }
  }
  s.replace(from, len, repl);
}

void decode_entities(std::string& s, size_t from, size_t to) {
  for (size_t i = from; i < to && i < s.size(); ++i) {
    if (s[i] != '&') continue;
    size_t semi = s.find(';', i);
    if (semi == std::string::npos || semi - i > 10 || semi >= to) continue;
    std::string_view body(s.data() + i + 1, semi - i - 1);
    char32_t cp = 0;
    if (!body.empty() && body[0] == '#') {
      bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
      std::string digits(body.substr(hex ? 2 : 1));
      // Digits only: strtoul would also take leading white space (a line break) and a sign.
      if (digits.empty() || digits.find_first_not_of(hex ? "0123456789abcdefABCDEF" : "0123456789") != std::string::npos) continue;
      char* end = nullptr;
      unsigned long v = std::strtoul(digits.c_str(), &end, hex ? 16 : 10);
      if (*end != '\0' || v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) continue;
      cp = static_cast<char32_t>(v);
    } else {
      for (const auto& e : kEntities)
        if (body == e.name) cp = e.cp;
    }
    if (cp) decode_entity(s, i, semi + 1, cp);
  }
}

void html_view(std::string& s) {
  size_t i = 0;
  size_t text_start = 0;
  auto flush_text = [&](size_t end) { decode_entities(s, text_start, end); };
  while (i < s.size()) {
    if (s[i] != '<') {
      ++i;
      continue;
    }
    flush_text(i);
    std::string_view rest(s.data() + i, s.size() - i);
    size_t end;
    if (rest.substr(0, 4) == "<!--") {
      size_t close = s.find("-->", i + 4);
      end = close == std::string::npos ? s.size() : close + 3;
    } else if (rest.substr(0, 9) == "<![CDATA[") {
      size_t close = s.find("]]>", i);
      end = close == std::string::npos ? s.size() : close + 3;
    } else {
      size_t close = s.find('>', i);
      end = close == std::string::npos ? s.size() : close + 1;
      std::string_view tag(s.data() + i + 1, end - i - 1);
      // script and style: their content is not prose either.
      for (const char* raw : {"script", "style"}) {
        size_t n = std::strlen(raw);
        if (tag.size() >= n && find_ci(tag, raw, 0) == 0 &&
            (tag.size() == n || !std::isalnum(static_cast<unsigned char>(tag[n])))) {
          size_t close_tag = find_ci(s, std::string("</") + raw, end);
          if (close_tag == std::string::npos) end = s.size();
          else {
            size_t gt = s.find('>', close_tag);
            end = gt == std::string::npos ? s.size() : gt + 1;
          }
        }
      }
      bool block = is_block_tag(tag);
      blank(s, i, end);
      // A block tag with room becomes a paragraph break, so headings and cells do not run together.
      if (block && end - i >= 2 && s[i] != '\n') {
        s[i] = '\n';
        s[i + 1] = '\n';
      }
      i = end;
      text_start = i;
      continue;
    }
    blank(s, i, end);
    i = end;
    text_start = i;
  }
  flush_text(s.size());
}

bool line_is_blank(std::string_view line) { return line.find_first_not_of(" \t\r") == std::string_view::npos; }

void markdown_view(std::string& s) {
  // Split into lines once.
  std::vector<std::pair<size_t, size_t>> lines;  // [start, end) without the newline
  for (size_t start = 0; start <= s.size();) {
    size_t nl = s.find('\n', start);
    size_t end = nl == std::string::npos ? s.size() : nl;
    lines.emplace_back(start, end);
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  auto line = [&](size_t k) { return std::string_view(s).substr(lines[k].first, lines[k].second - lines[k].first); };
  size_t k = 0;
  // Front matter: --- (YAML) or +++ (TOML) on the first line, to the closing line.
  if (!lines.empty() && (line(0) == "---" || line(0) == "+++" || line(0) == "---\r")) {
    std::string fence(line(0).substr(0, 3));
    for (size_t j = 1; j < lines.size(); ++j) {
      std::string_view l = line(j);
      if (l.substr(0, 3) == fence || l.substr(0, 3) == "...") {
        blank(s, 0, lines[j].second);
        k = j + 1;
        break;
      }
    }
  }
  bool previous_blank = true;
  for (; k < lines.size(); ++k) {
    std::string_view l = line(k);
    size_t indent = l.find_first_not_of(' ');
    if (indent == std::string_view::npos) indent = l.size();
    std::string_view body = l.substr(indent);
    // Fenced code.
    if (indent <= 3 && (body.substr(0, 3) == "```" || body.substr(0, 3) == "~~~")) {
      char fence_char = body[0];
      size_t fence_len = body.find_first_not_of(fence_char);
      if (fence_len == std::string_view::npos) fence_len = body.size();
      size_t j = k + 1;
      for (; j < lines.size(); ++j) {
        std::string_view b = line(j);
        size_t in = b.find_first_not_of(' ');
        if (in == std::string_view::npos || in > 3) continue;
        std::string_view c = b.substr(in);
        size_t run = c.find_first_not_of(fence_char);
        if (run == std::string_view::npos) run = c.size();
        if (run >= fence_len && line_is_blank(c.substr(run))) break;
      }
      size_t last = std::min(j, lines.size() - 1);
      blank(s, lines[k].first, lines[last].second);
      k = last;
      previous_blank = false;
      continue;
    }
    // Indented code: four spaces or a tab after a blank line.
    if (previous_blank && !line_is_blank(l) && (indent >= 4 || (!l.empty() && l[0] == '\t'))) {
      size_t j = k;
      while (j < lines.size() && (line_is_blank(line(j)) || line(j).substr(0, 4) == "    " || (!line(j).empty() && line(j)[0] == '\t')))
        ++j;
      while (j > k && line_is_blank(line(j - 1))) --j;
      blank(s, lines[k].first, lines[j - 1].second);
      k = j - 1;
      previous_blank = false;
      continue;
    }
    // Link reference definitions: [id]: target
    if (indent <= 3 && !body.empty() && body[0] == '[') {
      size_t close = body.find("]:");
      if (close != std::string_view::npos && body.find(']') == close) {
        blank(s, lines[k].first, lines[k].second);
        previous_blank = false;
        continue;
      }
    }
    previous_blank = line_is_blank(l);
  }
  // Inline: HTML comments, inline code, link targets, autolinks and raw tags.
  for (size_t i = 0; i < s.size();) {
    char c = s[i];
    if (c == '<' && s.compare(i, 4, "<!--") == 0) {
      size_t close = s.find("-->", i + 4);
      size_t end = close == std::string::npos ? s.size() : close + 3;
      blank(s, i, end);
      i = end;
    } else if (c == '`') {
      size_t run = s.find_first_not_of('`', i) ;
      if (run == std::string::npos) run = s.size();
      size_t n = run - i;
      std::string ticks(n, '`');
      size_t close = s.find(ticks, run);
      // An inline code span does not cross a blank line.
      size_t para = s.find("\n\n", run);
      if (close == std::string::npos || (para != std::string::npos && para < close)) {
        i = run;
        continue;
      }
      blank(s, i, close + n);
      i = close + n;
    } else if (c == ']' && i + 1 < s.size() && s[i + 1] == '(') {
      size_t depth = 0, j = i + 1;
      for (; j < s.size(); ++j) {
        if (s[j] == '(') ++depth;
        else if (s[j] == ')' && --depth == 0) break;
        else if (s[j] == '\n' && j + 1 < s.size() && s[j + 1] == '\n') break;
      }
      if (j < s.size() && s[j] == ')') {
        blank(s, i + 1, j + 1);
        i = j + 1;
      } else {
        ++i;
      }
    } else if (c == '<') {
      size_t close = s.find('>', i);
      size_t nl = s.find('\n', i);
      bool looks_like_tag = close != std::string::npos && (nl == std::string::npos || close < nl) && i + 1 < s.size() &&
                            (std::isalpha(static_cast<unsigned char>(s[i + 1])) || s[i + 1] == '/' || s[i + 1] == '!');
      if (looks_like_tag) {
        blank(s, i, close + 1);
        i = close + 1;
      } else {
        ++i;
      }
    } else {
      ++i;
    }
  }
  decode_entities(s, 0, s.size());
}

}  // namespace

std::string prose_view(std::string_view text, DocumentFormat format) {
  std::string s(text);
  if (format == DocumentFormat::kHtml) html_view(s);
  else if (format == DocumentFormat::kMarkdown) markdown_view(s);
  return s;
}

std::vector<SuppressionRange> find_suppressions(std::string_view text, DocumentFormat format) {
  std::vector<SuppressionRange> out;
  std::vector<std::pair<size_t, SuppressionRange>> open;  // disable blocks waiting for enable
  // The marker's hyphen is rare in prose, its 't' is not: memchr finds each hyphen, then the five bytes
  // before it are compared.
  static constexpr std::string_view kMarker = "tamga-";
  constexpr size_t kHyphen = kMarker.size() - 1;
  auto find_marker = [&](size_t from) -> size_t {
    for (size_t i = from + kHyphen; i < text.size(); ++i) {
      const void* hyphen = std::memchr(text.data() + i, '-', text.size() - i);
      if (!hyphen) break;
      i = static_cast<size_t>(static_cast<const char*>(hyphen) - text.data());
      if (text.compare(i - kHyphen, kHyphen, kMarker.substr(0, kHyphen)) == 0) return i - kHyphen;
    }
    return std::string_view::npos;
  };
  size_t pos = 0;
  while ((pos = find_marker(pos)) != std::string_view::npos) {
    size_t line_start = text.rfind('\n', pos);
    line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
    size_t line_end = text.find('\n', pos);
    if (line_end == std::string_view::npos) line_end = text.size();
    // Must sit in a comment of the format.
    std::string_view before = text.substr(line_start, pos - line_start);
    size_t directive_end = line_end;
    size_t comment_start = line_start;  // where the comment holding the directive begins
    bool in_comment = false;
    if (format == DocumentFormat::kText) {
      size_t first = before.find_first_not_of(" \t");
      std::string_view lead = first == std::string_view::npos ? std::string_view{} : before.substr(first);
      in_comment = (lead.rfind("#", 0) == 0 || lead.rfind("//", 0) == 0) &&
                   lead.find_first_not_of("#/ \t") == std::string_view::npos;
    } else {
      size_t open_comment = text.rfind("<!--", pos);
      size_t close_before = open_comment == std::string_view::npos ? std::string_view::npos : text.find("-->", open_comment);
      in_comment = open_comment != std::string_view::npos && (close_before == std::string_view::npos || close_before > pos);
      if (in_comment) {
        comment_start = open_comment;
        size_t close = text.find("-->", pos);
        directive_end = close == std::string_view::npos ? text.size() : close;
      }
    }
    std::string_view rest = text.substr(pos, directive_end - pos);
    size_t word_end = rest.find_first_of(" \t\r\n");
    std::string_view directive = rest.substr(0, word_end);
    std::vector<Technique> techniques;
    if (word_end != std::string_view::npos) {
      std::string_view args = rest.substr(word_end);
      size_t i = 0;
      while (i < args.size()) {
        while (i < args.size() && (args[i] == ' ' || args[i] == '\t' || args[i] == '\r' || args[i] == '\n')) ++i;
        size_t j = i;
        while (j < args.size() && args[j] != ' ' && args[j] != '\t' && args[j] != '\r' && args[j] != '\n') ++j;
        if (j > i) {
          if (auto t = parse_technique(args.substr(i, j - i))) techniques.push_back(*t);
        }
        i = j;
      }
    }
    size_t next = pos + 6;
    if (!in_comment) {
      pos = next;
      continue;
    }
    size_t after_comment = format == DocumentFormat::kText ? line_end : std::min(text.size(), directive_end + 3);
    if (directive == "tamga-disable-next-line") {
      // The next line that is not blank.
      size_t start = text.find('\n', after_comment);
      while (start != std::string_view::npos) {
        size_t s = start + 1;
        size_t e = text.find('\n', s);
        if (e == std::string_view::npos) e = text.size();
        if (!line_is_blank(text.substr(s, e - s))) {
          out.push_back({static_cast<unsigned>(s), static_cast<unsigned>(e), techniques});
          break;
        }
        if (e >= text.size()) break;
        start = e;
      }
    } else if (directive == "tamga-disable") {
      open.push_back({after_comment, {static_cast<unsigned>(after_comment), static_cast<unsigned>(text.size()), techniques}});
    } else if (directive == "tamga-enable") {
      // Closes the most recent block (with the same techniques when named).
      for (size_t k = open.size(); k-- > 0;) {
        if (techniques.empty() || open[k].second.techniques == techniques) {
          // At the start of the enable line; when disable and enable share a line, at the enable comment.
          size_t block_start = open[k].second.start;
          size_t end = line_start >= block_start ? line_start : std::max(comment_start, block_start);
          open[k].second.end = static_cast<unsigned>(end);
          out.push_back(open[k].second);
          open.erase(open.begin() + static_cast<long>(k));
          break;
        }
      }
    }
    pos = next;
  }
  for (auto& o : open) out.push_back(o.second);
  return out;
}

}  // namespace tamga
