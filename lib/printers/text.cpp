#include <fmt/format.h>

#include "detail/utf8.h"
#include "printers/printers.h"

namespace tamga::detail {

namespace {

// Characters that reorder or hide text on a terminal ("Trojan Source"): bidirectional embeddings,
// overrides, isolates and marks, zero-width spaces and joiners' invisible cousins, line and paragraph
// separators. ZWJ and ZWNJ stay: emoji sequences and several scripts need them.
bool invisible_control(char32_t c) {
  return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F || c == 0x061C ||
         c == 0x200B || (c >= 0x2060 && c <= 0x2064) || (c >= 0x206A && c <= 0x206F) || c == 0xFEFF || c == 0x2028 ||
         c == 0x2029;
}

// Document text shown on a terminal: control characters and escape sequences are shown escaped, never
// sent to the terminal.
void append_visible_impl(std::string& out, std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    size_t at = i;
    char32_t c = detail::next_code_point(s, i);
    if (c == U'\n') out += "\\n";
    else if (c == U'\t') out += "\\t";
    else if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0)) fmt::format_to(std::back_inserter(out), "\\x{:02X}", static_cast<unsigned>(c));
    else if (invisible_control(c)) fmt::format_to(std::back_inserter(out), "\\u{{{:04X}}}", static_cast<unsigned>(c));
    else out.append(s.data() + at, i - at);
  }
}

class TextPrinter final : public Printer {
 public:
  explicit TextPrinter(PrinterOptions options) : options_(options) {}

  void document(const Document& doc, std::string& out) override {
    const Scores& s = doc.scores;
    std::string id;
    detail::append_visible(id, doc.id);
    out += paint(id, "1;35");
    fmt::format_to(std::back_inserter(out), ": score {:.1f} (author {:.1f}, quoted {:.1f}) · {} {} · {} tokens · {} hits",
                   s.score, s.author_score, s.quoted_score, lang_code(doc.lang), script_code(doc.script), s.tokens,
                   s.total.hits);
    if (s.total.hits) {
      out += " (";
      bool first = true;
      for (int t = 0; t < kTechniqueCount; ++t) {
        const auto& tally = s.techniques[static_cast<size_t>(t)];
        if (!tally.hits) continue;
        if (!first) out += ", ";
        first = false;
        fmt::format_to(std::back_inserter(out), "{} {}", technique_name(static_cast<Technique>(t)), tally.hits);
      }
      out += ')';
    }
    if (doc.suppressed) fmt::format_to(std::back_inserter(out), " · {} suppressed", doc.suppressed);
    out += '\n';
    // Messages quote ids and input (a JSON parser's complaint, a file name): escaped like the text.
    for (const auto& d : doc.errors) {
      fmt::format_to(std::back_inserter(out), "{}: error: ", id);
      detail::append_visible(out, d.message);
      out += '\n';
    }
    for (const auto& d : doc.warnings) {
      fmt::format_to(std::back_inserter(out), "{}: warning: ", id);
      detail::append_visible(out, d.message);
      out += '\n';
    }
    for (const Hit& h : doc.hits) {
      std::string surface;
      detail::append_visible(surface, std::string_view(doc.text).substr(h.start, h.end - h.start));
      fmt::format_to(std::back_inserter(out), "{}:{}:{}: {}: \"{}\"", id, h.line, h.col,
                     paint(technique_name(h.technique), "36"), paint(surface, "1;31"));
      if (!h.gloss.empty()) {
        out += " — ";
        detail::append_visible(out, h.gloss);
      }
      if (h.voice == Voice::kQuoted) out += paint(" [quoted]", "2");
      for (const auto& m : h.modifiers) {
        std::string cue;
        detail::append_visible(cue, m.cue);
        out += paint(fmt::format(" [{}: {} ×{}]", m.kind, cue, m.factor), "2");
      }
      out += '\n';
    }
  }

 private:
  std::string paint(std::string_view s, std::string_view sgr) const {
    if (!options_.color) return std::string(s);
    return fmt::format("\x1b[{}m{}\x1b[0m", sgr, s);
  }
  PrinterOptions options_;
};

}  // namespace

void append_visible(std::string& out, std::string_view s) { append_visible_impl(out, s); }

std::unique_ptr<Printer> make_text_printer(const PrinterOptions& o) { return std::make_unique<TextPrinter>(o); }

}  // namespace tamga::detail
