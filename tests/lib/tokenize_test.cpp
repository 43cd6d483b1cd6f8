#include "tamga/tokenize.h"

#include <unicode/brkiter.h>

#include <doctest/doctest.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "detail/word_segments.h"

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

TEST_CASE("sentence ends are found the same in every kind of gap, short or long, ASCII or not, at the text's end too") {
  // Short ASCII gaps are judged from one 16-byte read with bit masks, the rest code point by code point:
  // both must follow the rule (terminal punctuation then whitespace, or two newlines), wherever the gap
  // sits. The reference here decodes the gap as the rule is written.
  auto reference = [](std::string_view gap) {
    std::u32string cps;
    for (size_t i = 0; i < gap.size();) {
      const auto b = static_cast<unsigned char>(gap[i]);
      const size_t len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
      char32_t c = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
      for (size_t k = 1; k < len; ++k) c = (c << 6) | (static_cast<unsigned char>(gap[i + k]) & 0x3F);
      cps.push_back(c);
      i += len;
    }
    size_t newlines = 0;
    bool terminal = false;
    for (char32_t c : cps) {
      if (c == U'\n' && ++newlines >= 2) return true;
      if (c == U'.' || c == U'!' || c == U'?' || c == U'\u2026' || c == U'\u061F' || c == U'\u3002') terminal = true;
      else if (terminal && (c == U' ' || c == U'\n' || c == U'\t' || c == U'\r' || c == U'\u00A0')) return true;
    }
    return false;
  };
  const std::vector<std::string> pieces = {" ", "\n", "\t", "\r", ".", "!", "?", ",", ";", "-", "\"", "(",
                                           "\xE2\x80\xA6", "\xC2\xA0", "\xD8\x9F", "\xE3\x80\x82", "\xC2\xAB"};
  auto t = Tokenizer::create();
  REQUIRE(t.ok());
  uint32_t seed = 12345;
  auto random = [&](uint32_t n) {
    seed = seed * 1664525u + 1013904223u;
    return (seed >> 8) % n;
  };
  for (int round = 0; round < 400; ++round) {
    std::string text = "word";
    const int words = 1 + static_cast<int>(random(6));
    for (int w = 0; w < words; ++w) {
      const uint32_t gap_pieces = 1 + random(w % 3 == 0 ? 20 : 4);
      for (uint32_t k = 0; k < gap_pieces; ++k) text += pieces[random(static_cast<uint32_t>(pieces.size()))];
      text += "w" + std::to_string(w);
    }
    if (random(2)) text += ".";  // sometimes the last word ends the text, sometimes a gap without a word after it
    TokenList list;
    t.value()->tokenize(text, Lang::kEn, list);
    REQUIRE(!list.tokens.empty());
    unsigned expected = 0;
    for (size_t i = 0; i < list.tokens.size(); ++i) {
      if (i > 0) expected += reference(std::string_view(text).substr(list.tokens[i - 1].end,
                                                                     list.tokens[i].start - list.tokens[i - 1].end));
      CHECK(list.tokens[i].sentence == expected);
    }
    // Recomputed from the text, as for tokens read back from a record.
    TokenList again = list;
    for (auto& tok : again.tokens) tok.sentence = 0;
    assign_sentences(text, again);
    for (size_t i = 0; i < list.tokens.size(); ++i) CHECK(again.tokens[i].sentence == list.tokens[i].sentence);
  }
}

// --- The fast path against ICU -------------------------------------------------------------------------

namespace {

struct BothPaths {
  std::vector<detail::WordSegment> fast, icu;
  bool took_fast_path = false;
};

BothPaths segment_both(std::string_view text) {
  static UErrorCode err = U_ZERO_ERROR;
  static std::unique_ptr<icu::BreakIterator> words(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), err));
  static UText buffer = UTEXT_INITIALIZER;
  BothPaths r;
  r.took_fast_path = detail::fast_word_segments(text, 0, text.size(), r.fast);
  detail::icu_word_segments(*words, buffer, text, 0, text.size(), r.icu);
  return r;
}

std::string describe(std::string_view text, const std::vector<detail::WordSegment>& segs) {
  std::string out;
  for (const auto& s : segs) out += "[" + std::string(text.substr(s.start, s.end - s.start)) + (s.numeric ? "#" : "") + "]";
  return out;
}

template <size_t N>
void check_fast_path_agrees_with_icu(const char* const (&samples)[N]) {
  for (const char* s : samples) {
    CAPTURE(s);
    BothPaths r = segment_both(s);
    CHECK(r.took_fast_path);
    CHECK(describe(s, r.fast) == describe(s, r.icu));
  }
}

}  // namespace

TEST_CASE("the fast tokenizer path gives ICU's word boundaries and statuses on Latin and Cyrillic text") {
  const char* samples[] = {
      "U.S. officials don't say 3,14 or 1.000.000 – they say “hain” and «предатель».",
      "G20 20G a_b _a 1_ a1_ 1a_ __ _ ab1.2 1.2ab 12.a 1,2a a,b 1;2 a;b a:b 1:2 a·b a..b x' 'x ’a’",
      "user@example.com @HOSTNAME@ @ e-posta: ad@alan.az",
      "Oʻzbekiston gʻalaba qoʻshiq Ўзбекистон ҳукумати Қазақстан Республикасы ұлттық әлеуметтік",
      "Azərbaycan Respublikası, Türkmenistanyň Prezidenti, Кыргызстандын өкмөтү",
      "İSTANBUL’da Ankara'da Bakü'de Türkiye’nin 2024’te 15.07.2016’da",
      "ǀxam ʻokina ʼapostrophe ĳ Ǆ ɐɘə ḁẞỹ ª µ º ×÷ ¡¿ © ± ½",
      "tab\there\nnew line\r\nend — em – en … ‰ ‹a› „b“ ‚c‘",
  };
  check_fast_path_agrees_with_icu(samples);
}

TEST_CASE("symbols, Greek and other letters past the Latin and Cyrillic blocks take the fast path by their Word_Break class") {
  const char* samples[] = {
      "№ 5, 10 € or $3 ™ © ® → ← ↔ ≤ ≥ ± ∑ ∞ √2 ° ℃ ‰ § ¶ † • ★ ♥ 👍 ok🙂",
      "μ-opioid π=3,14 Ωmega αβγ Ελληνικά λέξεις ℓ ℕ ℮",
      "مرحبا بالعالم ٣٤٥ ۱۲۳ ՀայաստանԲ ქართული ⰀⰁ",
      "a﹕b a：b a·b 1٫5 1٬000 ١٢٣",
  };
  check_fast_path_agrees_with_icu(samples);
}

TEST_CASE("text the fast tokenizer path does not know goes to ICU") {
  // Combining marks, soft hyphen, zero-width and bidi controls, emoji with modifiers or joiners,
  // dictionary scripts, Hebrew, letters and numbers of Word_Break class Other, separators, flags.
  const char* samples[] = {"cafe\xCC\x81", "pro\xC2\xADpaganda", "a\xE2\x80\x8B" "b", "\xE2\x80\x8Fhain",
                           "👍🏽 ok", "👩\xE2\x80\x8D💻", "日本語", "ひらがな", "ภาษาไทย", "עברית", "a〆b", "H₂O ⅓",
                           "a\xE2\x80\xA8" "b", "a\xE2\x80\xAF" "b", "\xF0\x9F\x87\xB9\xF0\x9F\x87\xB7"};
  for (const char* s : samples) {
    CAPTURE(s);
    BothPaths r = segment_both(s);
    CHECK_FALSE(r.took_fast_path);
  }
  // ... and the tokenizer still segments them as ICU does.
  auto t = Tokenizer::create();
  TokenList list;
  std::string text = "pro\xC2\xADpaganda 👍🏽 hain";
  t.value()->tokenize(text, Lang::kTr, list);
  BothPaths r = segment_both(text);
  REQUIRE(list.tokens.size() == r.icu.size());
  for (size_t k = 0; k < r.icu.size(); ++k) {
    CHECK(list.tokens[k].start == r.icu[k].start);
    CHECK(list.tokens[k].end == r.icu[k].end);
  }
}

TEST_CASE("letter runs found sixteen bytes at a time end where ICU ends them, wherever the block boundary falls") {
  // Each sample shifted by 0 to 20 bytes, so that every letter and every break meets the end of a
  // sixteen-byte block, and the last word ends exactly at the end of the text.
  const char* samples[] = {
      "ПриветствующийМирПриветствующий",          // a Cyrillic run longer than sixteen bytes
      "Здравствуйте.Мир при’вет при'вет при-вет",   // runs cut by a mid letter, an apostrophe, a hyphen
      "ЁЛКАёлка ЀЏѐџ ѠѡѢѣ ҚазақстанРеспубликасы ҰЛТТЫҚӘЛЕУМЕТ",
      "abcПриветdef 12абв3 a_б Ωмега",               // ASCII and Cyrillic in one run, digits, underscore
      "Azərbaycan Respublikasının ƏLİYEV şəhər ɐɘəɿʀʁ oʻzbek gʻalaba ʻokina",  // C9, CA letters
      "Ԁԁ Ԯԯ Ա ×y÷z a×b a÷b ҁ",                      // D4 letters and past them, × ÷
      "değişiklikİçinÖNEMLİTürkiye’nin çözümüGüzelliği",
      "@user@example.com ab@cd",
      // Words ended by a space, MidNum or MidNumLet with no letter after it, or joined by one
      "end. Next, word; students' x.5 y._ z.. w.' q.\" r.\n s.«t» u.v don't слово. слово, слово.б",
      "fifteenletters. sixteenletterss. seventeenletterss, abcdefghijklmnopqrstuvwxyz.",
      // Runs over two and more blocks, ended by each kind of break, a mid letter joining, a digit
      "ДостопримечательностиДостопримечательности, ПриветствующийПриветствующий.б abcdefghijklmnopqrstuvwxyzäbcdefghijklmnopqrstuvwxyz's "
      "çözümüGüzelliğiçözümüGüzelliğiçözümüGüzelliği. ПриветствующийПриветствующий5 ПриветствующийПриветствующий_",
      // Gaps of spaces and punctuation between words, skipped with the byte that ends a word or alone
      "a, b. c;  d.. e ,, f - g -- h () i!?\t\r\n j ,.;. k.,l., m'. n.'o p.7 q, 8 r,\"s\" t.@u",
      "слово,  слово.  слово; — слово ... слово !!! «слово» x",
  };
  for (const char* s : samples) {
    for (size_t pad = 0; pad <= 20; ++pad) {
      std::string text = std::string(pad, 'x') + " " + s;
      CAPTURE(text);
      BothPaths r = segment_both(text);
      REQUIRE(r.took_fast_path);
      CHECK(describe(text, r.fast) == describe(text, r.icu));
    }
  }
  // A run that meets something only ICU knows (a combining mark, the thousands sign) after its first
  // sixteen bytes.
  for (const char* tail : {"\xD2\x83мир", "\xD2\x82"}) {
    for (size_t pad = 0; pad <= 20; ++pad) {
      std::string text = std::string(pad, 'x') + " Приветствующий" + tail;
      CAPTURE(text);
      BothPaths r = segment_both(text);
      CHECK_FALSE(r.took_fast_path);
    }
  }
}
