// The lexicon parser: any TSV text loads into entries and issues (never a crash or a hang, whatever the
// regular expressions), entries satisfy what loading promises, the compiled lexicon lints, and matching it
// against its own text gives matches inside the tokens.
#include <memory>

#include "fuzz_support.h"
#include "tamga/decode.h"
#include "tamga/lexicon.h"
#include "tamga/tokenize.h"

namespace {

std::unique_ptr<tamga::Tokenizer> tokenizer;

void check_issues(const std::vector<tamga::LexiconIssue>& issues, size_t lines) {
  for (const auto& issue : issues) {
    FUZZ_CHECK(issue.file == "fuzz.tsv");
    FUZZ_CHECK(issue.line <= lines);
    FUZZ_CHECK(!issue.message.empty());
    FUZZ_CHECK(!issue.to_string().empty());
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  auto created = tamga::Tokenizer::create();
  FUZZ_CHECK(created.ok());
  tokenizer = std::move(created).value();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace tamga;
  fuzz::InputReader in(data, size);
  const auto folder_lang = static_cast<Lang>(in.byte() % kLangCount);
  const std::string_view content = in.rest();
  size_t lines = 1;
  for (char c : content) lines += c == '\n';

  LexiconBuilder builder;
  builder.add_text(content, "fuzz.tsv", folder_lang);
  check_issues(builder.errors(), lines);
  check_issues(builder.warnings(), lines);
  const size_t loaded = builder.entry_count();
  std::shared_ptr<const Lexicon> lexicon = builder.build();
  FUZZ_CHECK(lexicon);
  const auto& entries = lexicon->entries();
  FUZZ_CHECK(entries.size() == loaded);
  for (const Entry& e : entries) {
    FUZZ_CHECK(!e.id.empty());
    FUZZ_CHECK(!e.pattern.empty());
    FUZZ_CHECK(!e.words.empty());
    FUZZ_CHECK(e.file == "fuzz.tsv");
    FUZZ_CHECK(e.line >= 1 && e.line <= lines);
    FUZZ_CHECK(static_cast<int>(e.lang) < kLangCount);
    // A weight is "a number above 0, at most 10", as the weight column requires, whether given there or as a file default.
    FUZZ_CHECK(std::isfinite(e.weight) && e.weight > 0 && e.weight <= 10);
    for (const PatternWord& w : e.words) {
      FUZZ_CHECK(!w.text.empty());
      FUZZ_CHECK((w.kind == PatternKind::kRegex) == (w.regex >= 0));
      if (w.kind != PatternKind::kRegex) FUZZ_CHECK(fuzz::valid_utf8(w.text));
    }
  }
  check_issues(lint(*lexicon), lines);

  // Match the lexicon against its own text, in each language its entries use: patterns written there
  // are words of that text. The tokenizer takes valid UTF-8.
  DecodeOptions utf8;
  utf8.encoding = "utf-8";
  utf8.max_warnings = 0;
  auto decoded = decode(content, utf8);
  FUZZ_CHECK(decoded.ok());
  const std::string& text = decoded->text;
  TokenList tokens;
  std::vector<Match> matches;
  for (Lang lang : {folder_lang, Lang::kEn, Lang::kKk}) {
    tokenizer->tokenize(text, lang, tokens);
    matches.clear();
    lexicon->find_matches(tokens, lang, matches);
    for (const Match& m : matches) {
      FUZZ_CHECK(m.entry < entries.size());
      FUZZ_CHECK(m.first <= m.last && m.last < tokens.tokens.size());
      const Entry& e = entries[m.entry];
      FUZZ_CHECK(e.lang == lang || e.lang == Lang::kUnknown);
    }
    std::vector<Lexicon::Explanation> explanations;
    lexicon->explain(tokens, lang, explanations);
    for (const auto& x : explanations) {
      FUZZ_CHECK(x.entry < entries.size());
      FUZZ_CHECK(x.token < tokens.tokens.size());
      if (x.matched) FUZZ_CHECK(x.token <= x.last && x.last < tokens.tokens.size());
    }
  }
  return 0;
}
