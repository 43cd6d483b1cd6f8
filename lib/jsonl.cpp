#include "tamga/jsonl.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>
#include <limits>

#include "tamga/markup.h"

namespace tamga {

namespace {

using simdjson::dom::array;
using simdjson::dom::element;
using simdjson::dom::object;
// A looked-up field (`e["key"]`): a record is user input, so a missing field, or a lookup in a value that is
// not an object, reads as absent instead of throwing.
using Field = simdjson::simdjson_result<element>;

double number(element e, double fallback = 0) {
  double d;
  if (e.get(d) == simdjson::SUCCESS) return d;
  int64_t i;
  if (e.get(i) == simdjson::SUCCESS) return static_cast<double>(i);
  uint64_t u;
  if (e.get(u) == simdjson::SUCCESS) return static_cast<double>(u);
  return fallback;
}

double number(Field f, double fallback = 0) {
  element e;
  return f.get(e) == simdjson::SUCCESS ? number(e, fallback) : fallback;
}

// Clamped first: converting a double out of an integer type's range is undefined.
unsigned unsigned_of(double d) {
  return static_cast<unsigned>(std::clamp(d, 0.0, static_cast<double>(std::numeric_limits<unsigned>::max())));
}
unsigned unsigned_of(Field f) { return unsigned_of(number(f)); }
unsigned unsigned_of(element e) { return unsigned_of(number(e)); }

std::string string_of(Field f) {
  std::string_view s;
  return f.get(s) == simdjson::SUCCESS ? std::string(s) : std::string();
}
std::string string_of(element e) {
  std::string_view s;
  return e.get(s) == simdjson::SUCCESS ? std::string(s) : std::string();
}

void read_diagnostics(element e, std::vector<Diagnostic>& out) {
  array list;
  if (e.get(list) != simdjson::SUCCESS) return;
  for (element d : list) {
    Diagnostic diag;
    diag.code = string_of(d["code"]);
    diag.message = string_of(d["message"]);
    element byte;
    if (d["byte"].get(byte) == simdjson::SUCCESS) diag.byte = static_cast<long long>(std::clamp(number(byte, -1), -1.0, 1e18));
    out.push_back(std::move(diag));
  }
}

void read_tally(element e, TechniqueTally& t) {
  t.hits = unsigned_of(e["hits"]);
  t.weight = number(e["weight"]);
}
void read_tally(Field f, TechniqueTally& t) {
  element e;
  if (f.get(e) == simdjson::SUCCESS) read_tally(e, t);
}

// A byte range read from a record fits its text: in order, inside it, starting and ending at characters.
bool fits_text(std::string_view text, unsigned start, unsigned end) {
  auto boundary = [&](unsigned k) { return k == text.size() || (static_cast<unsigned char>(text[k]) & 0xC0) != 0x80; };
  return start <= end && end <= text.size() && boundary(start) && boundary(end);
}

// Fields tamga writes; everything else is the user's and passes through.
bool read_known_field(std::string_view key, element value, Document& doc, bool& has_tokens) {
  if (key == "encoding") {
    doc.encoding = string_of(value);
  } else if (key == "format") {
    doc.format = parse_document_format(string_of(value)).value_or(DocumentFormat::kText);
  } else if (key == "suppressed") {
    doc.suppressed = unsigned_of(value);
  } else if (key == "lang") {
    doc.lang = parse_lang(string_of(value)).value_or(Lang::kUnknown);
  } else if (key == "script") {
    std::string s = string_of(value);
    doc.script = s == "Latn" ? Script::kLatin : s == "Cyrl" ? Script::kCyrillic : s == "Zyyy" ? Script::kOther : Script::kUnknown;
  } else if (key == "lang_confidence") {
    doc.lang_confidence = number(value);
  } else if (key == "paragraphs") {
    array list;
    if (value.get(list) != simdjson::SUCCESS) return true;
    for (element p : list) {
      Segment s;
      s.start = unsigned_of(p["start"]);
      s.end = unsigned_of(p["end"]);
      s.lang = parse_lang(string_of(p["lang"])).value_or(Lang::kUnknown);
      std::string script = string_of(p["script"]);
      s.script = script == "Latn" ? Script::kLatin : script == "Cyrl" ? Script::kCyrillic : Script::kUnknown;
      s.confidence = number(p["confidence"]);
      doc.segments.push_back(s);
    }
  } else if (key == "tokens") {
    array list;
    if (value.get(list) != simdjson::SUCCESS) return true;
    has_tokens = true;
    for (element t : list) {
      array triple;
      if (t.get(triple) != simdjson::SUCCESS || triple.size() < 3) continue;
      Token tok;
      tok.start = unsigned_of(triple.at(0));
      tok.end = unsigned_of(triple.at(1));
      tok.norm_start = static_cast<unsigned>(doc.tokens.normalized.size());
      doc.tokens.normalized += string_of(triple.at(2));
      tok.norm_end = static_cast<unsigned>(doc.tokens.normalized.size());
      doc.tokens.tokens.push_back(tok);
    }
  } else if (key == "hits") {
    array list;
    if (value.get(list) != simdjson::SUCCESS) return true;
    for (element h : list) {
      Hit hit;
      hit.technique = parse_technique(string_of(h["technique"])).value_or(Technique::kLoadedLanguage);
      hit.entry = string_of(h["entry"]);
      hit.gloss = string_of(h["gloss"]);
      hit.start = unsigned_of(h["start"]);
      hit.end = unsigned_of(h["end"]);
      hit.line = unsigned_of(h["line"]);
      hit.col = unsigned_of(h["col"]);
      hit.weight = number(h["weight"], 1);
      hit.base_weight = number(h["base_weight"], hit.weight);
      hit.voice = string_of(h["voice"]) == "quoted" ? Voice::kQuoted : Voice::kAuthor;
      array mods;
      if (h["modifiers"].get(mods) == simdjson::SUCCESS)
        for (element m : mods) hit.modifiers.push_back({string_of(m["kind"]), string_of(m["cue"]), number(m["factor"], 1)});
      doc.hits.push_back(std::move(hit));
    }
  } else if (key == "scores") {
    Scores& s = doc.scores;
    s.tokens = unsigned_of(value["tokens"]);
    s.total.hits = unsigned_of(value["hits"]);
    s.total.weight = number(value["weight"]);
    s.hits_per_1000 = number(value["hits_per_1000"]);
    s.weighted_per_1000 = number(value["weighted_per_1000"]);
    for (Technique t : all_techniques()) {
      element tally;
      if (value["techniques"][technique_name(t)].get(tally) == simdjson::SUCCESS)
        read_tally(tally, s.techniques[static_cast<size_t>(t)]);
    }
    read_tally(value["author"], s.author);
    read_tally(value["quoted"], s.quoted);
    s.author_score = number(value["author"]["score"]);
    s.quoted_score = number(value["quoted"]["score"]);
    s.score = number(value["score"]);
  } else if (key == "warnings") {
    read_diagnostics(value, doc.warnings);
  } else if (key == "errors") {
    read_diagnostics(value, doc.errors);
  } else {
    return false;
  }
  return true;
}

}  // namespace

Document document_from_json_line(std::string_view line, const JsonlFields& fields, std::string_view fallback_id,
                                 std::string_view where) {
  Document doc;
  document_from_json_line(line, fields, fallback_id, where, doc);
  return doc;
}

void document_from_json_line(std::string_view line, const JsonlFields& fields, std::string_view fallback_id,
                             std::string_view where, Document& doc) {
  {
    // A fresh document, but with the text's and the token list's buffers of the one before.
    std::string text = std::move(doc.text);
    TokenList tokens = std::move(doc.tokens);
    text.clear();
    tokens.clear();
    doc = Document{};
    doc.text = std::move(text);
    doc.tokens = std::move(tokens);
  }
  thread_local simdjson::dom::parser parser;
  // The line with simdjson's padding, in a buffer kept from line to line (no allocation per record).
  thread_local std::string padded;
  padded.assign(line);
  padded.append(simdjson::SIMDJSON_PADDING, '\0');
  element root;
  if (auto err = parser.parse(padded.data(), line.size(), false).get(root); err) {
    doc.id = std::string(fallback_id);
    doc.errors.push_back({"invalid-json", fmt::format("{}: not valid JSON: {}", where, simdjson::error_message(err)), -1});
    return;
  }
  object obj;
  if (root.get(obj) != simdjson::SUCCESS) {
    doc.id = std::string(fallback_id);
    doc.errors.push_back({"not-an-object", fmt::format("{}: the record is not a JSON object", where), -1});
    return;
  }
  bool has_text = false, has_tokens = false, has_id = false;
  for (auto field : obj) {
    std::string_view key = field.key;
    if (key == fields.id_field) {
      std::string_view id;
      if (field.value.get(id) == simdjson::SUCCESS) doc.id = std::string(id);
      else doc.id = simdjson::minify(field.value);
      has_id = true;
      continue;
    }
    if (key == fields.text_field) {
      std::string_view text;
      if (field.value.get(text) == simdjson::SUCCESS) {
        doc.text.assign(text);
        has_text = true;
      }
      continue;
    }
    if (read_known_field(key, field.value, doc, has_tokens)) continue;
    doc.extra_fields.emplace_back(std::string(key), simdjson::minify(field.value));
  }
  if (!has_id) doc.id = std::string(fallback_id);
  // Paragraphs are tokenized one by one when a record without tokens is matched: in order, inside the text.
  unsigned paragraphs_end = 0;
  for (const Segment& s : doc.segments) {
    if (!fits_text(doc.text, s.start, s.end) || s.start < paragraphs_end) {
      doc.errors.push_back({"bad-paragraph", fmt::format("{}: paragraph [{}, {}] is not a range of the text in order", where, s.start, s.end), -1});
      doc.segments.clear();
      break;
    }
    paragraphs_end = s.end;
  }
  if (has_tokens) {
    // Tokens read back: their language comes from their paragraph, sentences and scripts from the text as
    // it was tokenized (the prose view of Markdown and HTML, where a block tag ends a sentence).
    std::string view;
    if (doc.format != DocumentFormat::kText) view = prose_view(doc.text, doc.format);
    std::string_view tokenized = doc.format == DocumentFormat::kText ? std::string_view(doc.text) : std::string_view(view);
    for (Token& t : doc.tokens.tokens) {
      t.lang = doc.lang;
      for (const Segment& s : doc.segments)
        if (t.start >= s.start && t.start < s.end) t.lang = s.lang;
      if (!fits_text(doc.text, t.start, t.end)) {
        doc.errors.push_back({"bad-token", fmt::format("{}: token [{}, {}] is not a range of the text", where, t.start, t.end), -1});
        doc.tokens.clear();
        break;
      }
      t.mixed_script = mixes_scripts(tokenized.substr(t.start, t.end - t.start));
    }
    assign_sentences(tokenized, doc.tokens);
  }
  // Every stage after this one cuts the hit's text out of the document's.
  for (const Hit& h : doc.hits) {
    if (!fits_text(doc.text, h.start, h.end)) {
      doc.errors.push_back({"bad-hit", fmt::format("{}: hit [{}, {}] is not a range of the text", where, h.start, h.end), -1});
      doc.hits.clear();
      break;
    }
  }
  if (!has_text)
    doc.errors.push_back({"missing-text", fmt::format("{}: no string field '{}'", where, fields.text_field), -1});
}

}  // namespace tamga
