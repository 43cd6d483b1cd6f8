// tamga kwic: keyword-in-context lines for a technique, an entry or a pattern, across files or JSON Lines.
#include <fmt/format.h>

#include <csignal>
#include <iostream>

#include "commands.h"
#include "detail/json_writer.h"
#include "detail/utf8.h"
#include "interrupt.h"
#include "options.h"
#include "runner.h"
#include "tamga/tamga.h"

namespace tamga::app {

namespace po = boost::program_options;

namespace {

// Text between two offsets as one line: line breaks and tabs become spaces, control characters escaped.
std::string flatten(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    size_t at = i;
    char32_t c = detail::next_code_point(s, i);
    if (c == U'\n' || c == U'\r' || c == U'\t') out += ' ';
    else if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0)) out += fmt::format("\\x{:02X}", static_cast<unsigned>(c));
    else out.append(s.data() + at, i - at);
  }
  return out;
}

// The last `width` code points of s, with an ellipsis when cut.
std::string tail_cp(const std::string& s, size_t width) {
  size_t n = detail::code_point_count(s);
  if (n <= width) return std::string(width - n, ' ') + s;
  size_t skip = n - width + 1, i = 0;
  for (size_t k = 0; k < skip;) {
    detail::next_code_point(s, i);
    ++k;
  }
  return "…" + s.substr(i);
}

std::string head_cp(const std::string& s, size_t width) {
  size_t n = detail::code_point_count(s);
  if (n <= width) return s;
  size_t i = 0;
  for (size_t k = 0; k + 1 < width; ++k) detail::next_code_point(s, i);
  return s.substr(0, i) + "…";
}

}  // namespace

int run_kwic(int argc, char** argv) {
  Settings s;
  std::vector<std::string> techniques, entries, patterns;
  unsigned window = 5, width = 50;
  auto visible = make_options(s, kInputOptions | kLexiconOptions | kRunOptions);
  visible.add_options()
      ("technique,t", po::value(&techniques)->composing(), "show hits of TECHNIQUE (repeatable)")
      ("entry,e", po::value(&entries)->composing(), "show hits of the entry with this id (repeatable)")
      ("pattern,p", po::value(&patterns)->composing(), "show matches of a lexicon pattern (repeatable; inflects in each document's language)")
      ("window,w", po::value(&window), "context tokens on each side (default 5)")
      ("width", po::value(&width), "text output: context columns on each side (default 50)")
      ("format", po::value(&s.format), "text or jsonl")
      ("output,o", po::value(&s.output), "write to FILE");
  s.format = "text";
  const char* usage =
      "Usage: tamga kwic (--technique T | --entry ID | --pattern P)... [OPTIONS] [PATH...]\n\n"
      "Keyword-in-context lines: each hit with the words before and after it, from files, folders, JSON Lines or\n"
      "standard input. --pattern takes lexicon pattern syntax (word, =word, word*, re:EXPR, phrases).";
  if (auto stop = parse_command(argc, argv, "tamga kwic", usage, visible, s)) return *stop;
  Prepared p;
  std::unique_ptr<OutputTarget> target;
  std::vector<Technique> wanted;
  try {
    if (s.format != "text" && s.format != "jsonl") throw UsageError("--format must be text or jsonl");
    if (techniques.empty() && entries.empty() && patterns.empty())
      throw UsageError("give at least one --technique, --entry or --pattern");
    for (const auto& t : techniques) {
      auto parsed = parse_technique(t);
      if (!parsed) throw UsageError(fmt::format("unknown technique '{}'", t));
      wanted.push_back(*parsed);
    }
    std::string format = s.format;
    s.format = "jsonl";
    p = prepare(s);
    s.format = format;
    target = std::make_unique<OutputTarget>(s.output);
  } catch (const std::exception& e) {
    print_error("tamga kwic", e.what());
    return kExitError;
  }
  bool had_errors = false;
  std::shared_ptr<const Lexicon> lexicon;
  if (!patterns.empty()) {
    // The patterns become a lexicon of their own, one entry per language so each inflects in its language.
    LexiconBuilder b;
    std::string tsv = "pattern\ttechnique\tlang\tid\tgloss\n";
    for (size_t i = 0; i < patterns.size(); ++i)
      for (int l = 1; l < kLangCount; ++l)
        tsv += fmt::format("{}\tLoaded_Language\t{}\tpattern{}.{}\tpattern '{}'\n", patterns[i],
                           lang_code(static_cast<Lang>(l)), i + 1, lang_code(static_cast<Lang>(l)), patterns[i]);
    b.add_text(tsv, "--pattern");
    for (const auto& e : b.errors()) {
      print_error("tamga kwic", e.message);
      return kExitError;
    }
    lexicon = b.build();
  } else {
    lexicon = load_lexicons(s.lexicons, had_errors);
  }
  auto inputs = expand_inputs(s.paths, had_errors);
  const bool jsonl = s.format == "jsonl";
  auto keep = [&](const Hit& h) {
    if (!patterns.empty()) return h.technique != Technique::kRepetition;
    if (std::find(wanted.begin(), wanted.end(), h.technique) != wanted.end()) return true;
    return std::find(entries.begin(), entries.end(), h.entry) != entries.end();
  };
  WorkerFactory factory = [&]() -> DocumentFunction {
    auto created = Scanner::create(lexicon, p.scan);
    std::shared_ptr<Scanner> scanner(created.ok() ? std::move(created).value().release() : nullptr);
    return [&, scanner](Document& doc, std::string& out) {
      if (!doc.errors.empty() || !scanner) return DocumentOutcome{};
      scanner->scan(doc);
      const auto& ts = doc.tokens.tokens;
      for (const Hit& h : doc.hits) {
        if (!keep(h)) continue;
        unsigned from = h.first_token >= window ? ts[h.first_token - window].start : (ts.empty() ? 0 : ts.front().start);
        size_t last = std::min<size_t>(ts.size() - 1, h.last_token + window);
        unsigned to = ts.empty() ? h.end : std::max(h.end, ts[last].end);
        std::string left = flatten(std::string_view(doc.text).substr(from, h.start - from));
        std::string match = flatten(std::string_view(doc.text).substr(h.start, h.end - h.start));
        std::string right = flatten(std::string_view(doc.text).substr(h.end, to - h.end));
        if (!jsonl) {
          while (!left.empty() && left.back() == ' ') left.pop_back();
          while (!right.empty() && right.front() == ' ') right.erase(0, 1);
        }
        if (jsonl) {
          out += "{\"id\":";
          detail::append_json_string(out, doc.id);
          fmt::format_to(std::back_inserter(out), ",\"line\":{},\"col\":{},\"start\":{},\"end\":{},\"technique\":", h.line,
                         h.col, h.start, h.end);
          detail::append_json_string(out, technique_name(h.technique));
          out += ",\"entry\":";
          detail::append_json_string(out, h.entry);
          out += ",\"left\":";
          detail::append_json_string(out, left);
          out += ",\"match\":";
          detail::append_json_string(out, match);
          out += ",\"right\":";
          detail::append_json_string(out, right);
          out += "}\n";
        } else {
          std::string id = flatten(doc.id);
          fmt::format_to(std::back_inserter(out), "{}:{}:{}: {} [{}] {}\n", id, h.line, h.col, tail_cp(left, width), match,
                         head_cp(right, width));
        }
      }
      return DocumentOutcome{};
    };
  };
  std::signal(SIGPIPE, SIG_IGN);
  install_interrupt_handlers();
  RunSummary summary = run_documents(inputs, p.input, p.jobs, factory, target->out());
  if (summary.interrupted) {
    print_error("tamga kwic", "interrupted");
    return interrupted_exit_status();
  }
  if (summary.closed) return kExitOk;
  if (!target->commit()) return kExitError;
  return had_errors || summary.had_errors ? kExitError : kExitOk;
}

}  // namespace tamga::app
