#include "tamga/tokenize.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace tamga;

namespace {
std::vector<std::string> forms(std::string_view text, Lang lang = Lang::kTr) {
  auto t = Tokenizer::create();
  REQUIRE(t.ok());
  TokenList list;
  t.value()->tokenize(text, lang, list);
  std::vector<std::string> out;
  for (const auto& tok : list.tokens) out.emplace_back(list.norm(tok));
  return out;
}
}  // namespace

TEST_CASE("tokens carry byte ranges into the original text") {
  auto t = Tokenizer::create();
  TokenList list;
  std::string text = "  İSTANBUL’da «hain» 2024!";
  t.value()->tokenize(text, Lang::kTr, list);
  REQUIRE(list.tokens.size() == 3);
  CHECK(text.substr(list.tokens[0].start, list.tokens[0].end - list.tokens[0].start) == "İSTANBUL’da");
  CHECK(list.norm(list.tokens[0]) == "istanbul'da");
  CHECK(text.substr(list.tokens[1].start, list.tokens[1].end - list.tokens[1].start) == "hain");
  CHECK(list.tokens[2].numeric);
}

TEST_CASE("a suffix after any apostrophe stays in its word") {
  CHECK(forms("Türkiye'nin Ankara’da Bakü`de") == std::vector<std::string>{"türkiye'nin", "ankara'da", "bakü'de"});
}

TEST_CASE("hyphenated words split as ICU splits them") {
  CHECK(forms("so-called experts", Lang::kEn) == std::vector<std::string>{"so", "called", "experts"});
}

TEST_CASE("sentences are counted at terminal punctuation and blank lines") {
  auto t = Tokenizer::create();
  TokenList list;
  t.value()->tokenize("One two. Three! Four\n\nFive six", Lang::kEn, list);
  std::vector<unsigned> s;
  for (const auto& tok : list.tokens) s.push_back(tok.sentence);
  CHECK(s == std::vector<unsigned>{0, 0, 1, 2, 3, 3});
}
