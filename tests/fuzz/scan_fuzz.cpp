// The whole scan of one document with the shipped lexicons: bytes decoded, language identified (or
// forced), tokens, hits and scores consistent with the text; every output format prints it; and the
// pipeline gives what scan gives (tokenize record read back, matched and scored: the same hits and scores).
#include <array>
#include <cstdlib>
#include <memory>

#include <simdjson.h>

#include "fuzz_support.h"
#include "tamga/decode.h"
#include "tamga/findings.h"
#include "tamga/jsonl.h"
#include "tamga/lexicon.h"
#include "tamga/output.h"
#include "tamga/scanner.h"

namespace {

// scanners[0] identifies the language; scanners[k] forces language k.
std::array<std::unique_ptr<tamga::Scanner>, tamga::kLangCount> scanners;

std::string print(const tamga::Document& doc, tamga::OutputFormat format, tamga::Stage stage) {
  tamga::PrinterOptions options;
  options.stage = stage;
  auto printer = tamga::make_printer(format, options);
  std::string out;
  printer->begin(out);
  printer->document(doc, out);
  printer->end(out);
  return out;
}

void check_segments(const tamga::Document& doc) {
  unsigned previous_end = 0;
  for (const tamga::Segment& s : doc.segments) {
    FUZZ_CHECK(s.start >= previous_end && s.start <= s.end && s.end <= doc.text.size());
    FUZZ_CHECK(tamga::fuzz::on_boundary(doc.text, s.start) && tamga::fuzz::on_boundary(doc.text, s.end));
    previous_end = s.end;
  }
  for (const tamga::Token& t : doc.tokens.tokens) {
    for (const tamga::Segment& s : doc.segments)
      if (t.start >= s.start && t.start < s.end) FUZZ_CHECK(t.lang == s.lang);
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  using namespace tamga;
  const char* env = std::getenv("TAMGA_LEXICONS");
  LexiconBuilder builder;
  builder.add_path(env && *env ? env : TAMGA_SOURCE_LEXICONS);
  FUZZ_CHECK(builder.errors().empty());
  FUZZ_CHECK(builder.entry_count() > 0);
  std::shared_ptr<const Lexicon> lexicon = builder.build();
  for (int k = 0; k < kLangCount; ++k) {
    ScanOptions options;
    if (k > 0) options.force_lang = static_cast<Lang>(k);
    auto created = Scanner::create(lexicon, options);
    FUZZ_CHECK(created.ok());
    scanners[static_cast<size_t>(k)] = std::move(created).value();
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace tamga;
  fuzz::InputReader in(data, size);
  const unsigned selector = in.byte();
  const auto format = static_cast<DocumentFormat>(selector % 3);
  // Mostly language identification, as `tamga scan` does by default; sometimes --lang.
  const unsigned lang_choice = selector / 3 % 16;
  Scanner& scanner = *scanners[lang_choice < kLangCount ? lang_choice : 0];

  Document doc = document_from_bytes("fuzz.txt", in.rest(), {});
  FUZZ_CHECK(doc.errors.empty());
  doc.format = format;
  scanner.scan(doc);
  FUZZ_CHECK(fuzz::valid_utf8(doc.text));
  FUZZ_CHECK(std::isfinite(doc.lang_confidence) && doc.lang_confidence >= 0 && doc.lang_confidence <= 1);
  fuzz::check_tokens(doc.text, doc.tokens);
  check_segments(doc);
  fuzz::check_hits(doc);
  fuzz::check_scores(doc);
  for (const Hit& h : doc.hits)
    for (const Modifier& m : h.modifiers) FUZZ_CHECK(std::isfinite(m.factor) && m.factor >= 0);
  (void)fingerprints(doc);
  (void)Baseline::lines_for(doc);

  for (OutputFormat f : {OutputFormat::kText, OutputFormat::kJson, OutputFormat::kCsv, OutputFormat::kTsv,
                         OutputFormat::kSarif, OutputFormat::kGithub, OutputFormat::kHtml}) {
    std::string out = print(doc, f, Stage::kScored);
    if (f != OutputFormat::kGithub) FUZZ_CHECK(!out.empty());  // GitHub annotations: one per hit, if any
    if (f == OutputFormat::kJson || f == OutputFormat::kSarif) {
      thread_local simdjson::dom::parser parser;
      simdjson::dom::element root;
      FUZZ_CHECK(parser.parse(simdjson::padded_string(out)).get(root) == simdjson::SUCCESS);
    }
  }

  // The scored record reads back with the same text and hits.
  std::string record = print(doc, OutputFormat::kJsonl, Stage::kScored);
  FUZZ_CHECK(record.size() > 1 && record.back() == '\n' && record.find('\n') == record.size() - 1);
  Document back = document_from_json_line(std::string_view(record).substr(0, record.size() - 1), {}, "x", "record");
  FUZZ_CHECK(back.errors.empty());
  FUZZ_CHECK(back.text == doc.text && back.id == doc.id && back.lang == doc.lang && back.format == doc.format);
  FUZZ_CHECK(back.hits.size() == doc.hits.size());
  for (size_t i = 0; i < doc.hits.size(); ++i) {
    FUZZ_CHECK(back.hits[i].start == doc.hits[i].start && back.hits[i].end == doc.hits[i].end);
    FUZZ_CHECK(back.hits[i].technique == doc.hits[i].technique && back.hits[i].entry == doc.hits[i].entry);
    FUZZ_CHECK(back.hits[i].line == doc.hits[i].line && back.hits[i].col == doc.hits[i].col);
  }

  // tamga tokenize | tamga match | tamga score gives what tamga scan gave (README, "Pipelines").
  std::string tokenized = print(doc, OutputFormat::kJsonl, Stage::kTokenized);
  Document piped = document_from_json_line(std::string_view(tokenized).substr(0, tokenized.size() - 1), {}, "x", "record");
  FUZZ_CHECK(piped.errors.empty());
  FUZZ_CHECK(piped.tokens.tokens.size() == doc.tokens.tokens.size());
  if (piped.tokens.tokens.empty() && !piped.text.empty()) {
    if (piped.lang == Lang::kUnknown || (lang_choice > 0 && lang_choice < kLangCount)) scanner.identify(piped);
    scanner.tokenize(piped);
  }
  scanner.match(piped);
  score_document(piped, 0.5);
  FUZZ_CHECK(piped.hits.size() == doc.hits.size());
  for (size_t i = 0; i < doc.hits.size(); ++i) {
    const Hit& a = doc.hits[i];
    const Hit& b = piped.hits[i];
    FUZZ_CHECK(a.start == b.start && a.end == b.end && a.technique == b.technique && a.entry == b.entry);
    FUZZ_CHECK(a.weight == b.weight && a.voice == b.voice);
  }
  FUZZ_CHECK(piped.scores.score == doc.scores.score);
  FUZZ_CHECK(piped.suppressed == doc.suppressed);
  return 0;
}
