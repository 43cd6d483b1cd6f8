// The JSON Lines reader and what the stages do with a record read from it: any line gives a document
// (broken ones with an error saying so), tokens and hits read back lie inside the text, and the match,
// score and report stages (allow-list, baseline lines, fingerprints, every output format) can process
// every record that has no error.
#include <memory>

#include "fuzz_support.h"
#include "tamga/findings.h"
#include "tamga/jsonl.h"
#include "tamga/lexicon.h"
#include "tamga/output.h"
#include "tamga/scanner.h"

namespace {

std::unique_ptr<tamga::Scanner> scanner;
const tamga::AllowList* allow;

void print_all_formats(const tamga::Document& doc, tamga::Stage stage) {
  using namespace tamga;
  for (OutputFormat format : {OutputFormat::kText, OutputFormat::kJsonl, OutputFormat::kJson, OutputFormat::kCsv,
                              OutputFormat::kTsv, OutputFormat::kSarif, OutputFormat::kGithub, OutputFormat::kHtml}) {
    PrinterOptions options;
    options.stage = stage;
    options.hit_rows = format == OutputFormat::kCsv;
    auto printer = make_printer(format, options);
    std::string out;
    printer->begin(out);
    printer->document(doc, out);
    printer->end(out);
    if (format == OutputFormat::kJsonl) {
      // What one stage writes, the next reads.
      FUZZ_CHECK(!out.empty() && out.back() == '\n' && out.find('\n') == out.size() - 1);
      Document next = document_from_json_line(std::string_view(out).substr(0, out.size() - 1), {}, "x", "out");
      for (const Diagnostic& e : next.errors) FUZZ_CHECK(e.code != "invalid-json" && e.code != "not-an-object");
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  using namespace tamga;
  // A small lexicon of every pattern kind, so that records read back can be matched.
  LexiconBuilder builder;
  builder.add_text(
      "pattern\ttechnique\tlang\tweight\tgloss\n"
      "so-called\tDoubt\ten\t1\tdoubt\n"
      "enemy of the people\tName_Calling,Labeling\ten\t2\tlabel\n"
      "traitor*\tName_Calling,Labeling\ten\t1\tlabel\n"
      "=never\tExaggeration,Minimisation\ten\t1\tabsolute\n"
      "re:^hain(ler)?$\tName_Calling,Labeling\ttr\t1\ttraitor\n"
      "düşman\tName_Calling,Labeling\ttr\t1\tenemy\n"
      "жау\tName_Calling,Labeling\tkk\t1\tenemy\n",
      "fuzz.tsv");
  FUZZ_CHECK(builder.errors().empty());
  auto created = Scanner::create(builder.build(), {});
  FUZZ_CHECK(created.ok());
  scanner = std::move(created).value();
  allow = new AllowList(AllowList::from_text("so called\nentry:en.doubt.so-called\n"));
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace tamga;
  fuzz::InputReader in(data, size);
  const unsigned selector = in.byte();
  JsonlFields fields;
  if (selector & 1) fields.text_field = "body";
  if (selector & 2) fields.id_field = "url";
  const std::string_view line = in.rest();

  Document doc = document_from_json_line(line, fields, "fallback", "fuzz.jsonl:1");
  if (!doc.errors.empty()) return 0;  // the apps report it and pass it through untouched
  FUZZ_CHECK(line.find('{') != std::string_view::npos);
  for (const Token& t : doc.tokens.tokens) {
    FUZZ_CHECK(t.start <= t.end && t.end <= doc.text.size());
    FUZZ_CHECK(t.norm_start <= t.norm_end && t.norm_end <= doc.tokens.normalized.size());
  }
  for (const Hit& h : doc.hits) FUZZ_CHECK(h.start <= h.end && h.end <= doc.text.size());

  // tamga score and tamga report on the record as read.
  Document reported = doc;
  score_document(reported, 0.5);
  fuzz::check_scores(reported);
  (void)fingerprints(reported);
  (void)Baseline::lines_for(reported);
  filter_findings(reported, allow, nullptr);
  score_document(reported, 0.5);
  print_all_formats(reported, Stage::kScored);

  // tamga match: records from tamga tokenize carry their tokens; plain records are tokenized here.
  Document matched = doc;
  if (matched.tokens.tokens.empty() && !matched.text.empty()) {
    if (matched.lang == Lang::kUnknown) scanner->identify(matched);
    scanner->tokenize(matched);
    fuzz::check_tokens(matched.text, matched.tokens);
  }
  scanner->match(matched);
  for (const Hit& h : matched.hits) {
    FUZZ_CHECK(h.start <= h.end && h.end <= matched.text.size());
    FUZZ_CHECK(h.first_token <= h.last_token && h.last_token < matched.tokens.tokens.size());
  }
  score_document(matched, 0.5);
  fuzz::check_scores(matched);
  print_all_formats(matched, Stage::kMatched);
  return 0;
}
