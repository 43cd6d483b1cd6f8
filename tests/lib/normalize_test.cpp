#include "tamga/normalize.h"

#include <doctest/doctest.h>
#include <unicode/uchar.h>

#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "detail/scripts.h"
#include "detail/utf8.h"

using namespace tamga;

TEST_CASE("Turkish and Azerbaijani fold dotted and dotless I by their own rules") {
  CHECK(fold("İSTANBUL", Lang::kTr) == "istanbul");
  CHECK(fold("ISPARTA", Lang::kTr) == "ısparta");
  CHECK(fold("DİYARBAKIR", Lang::kTr) == "diyarbakır");
  CHECK(fold("IĞDIR", Lang::kTr) == "ığdır");
  CHECK(fold("İLHAM ƏLİYEV", Lang::kAz) == "ilham əliyev");
  CHECK(fold("ŞƏHİD", Lang::kAz) == "şəhid");
}

TEST_CASE("other languages fold I to i and İ to i without a stray combining dot") {
  CHECK(fold("ISTANBUL", Lang::kEn) == "istanbul");
  CHECK(fold("İSTANBUL", Lang::kEn) == "istanbul");
  CHECK(fold("PROPAGANDA", Lang::kEn) == "propaganda");
  CHECK(fold("McCarthy", Lang::kEn) == "mccarthy");
  CHECK(fold("ҚАЗАҚСТАН", Lang::kUnknown) == "қазақстан");
  CHECK(fold("ҚАЗАҚСТАН", Lang::kKk) == fold("Qazaqstan", Lang::kKk));
}

TEST_CASE("naive lowercasing of İ (i + U+0307) folds to plain i") {
  CHECK(fold("i\xCC\x87stanbul", Lang::kTr) == "istanbul");
  CHECK(fold("i\xCC\x87stanbul", Lang::kEn) == "istanbul");
}

TEST_CASE("decomposed text is composed (NFC) before folding") {
  CHECK(fold("S\xCC\xA7" "ehit", Lang::kTr) == "şehit");  // S + combining cedilla
  CHECK(fold("gu\xCC\x88zel", Lang::kTr) == "güzel");
  CHECK(fold("I\xCC\x87ZMI\xCC\x87R", Lang::kTr) == "izmir");
}

TEST_CASE("apostrophe variants are unified") {
  for (const char* s : {"Türkiye'nin", "Türkiye’nin", "Türkiyeʼnin", "Türkiyeʻnin", "Türkiye‘nin", "Türkiye`nin"}) {
    CAPTURE(s);
    CHECK(fold(s, Lang::kTr) == "türkiye'nin");
  }
}

TEST_CASE("invisible characters do not change a word") {
  CHECK(fold("pro\xC2\xAD" "paganda", Lang::kEn) == "propaganda");    // soft hyphen
  CHECK(fold("pro\xE2\x80\x8B" "paganda", Lang::kEn) == "propaganda");  // zero-width space
}

TEST_CASE("whole-text normalization maps every byte back to the original") {
  Normalizer n;
  auto m = n.normalize_mapped("İSTANBUL’da", Lang::kTr);
  CHECK(m.normalized == "istanbul'da");
  REQUIRE(m.offsets.size() == m.normalized.size() + 1);
  CHECK(m.offsets[0] == 0);   // i ← İ (2 bytes)
  CHECK(m.offsets[1] == 2);   // s
  CHECK(m.offsets[8] == 9);   // ' ← ’ (3 bytes at 9)
  CHECK(m.offsets[9] == 12);  // d
  CHECK(m.offsets.back() == std::string("İSTANBUL’da").size());
}

TEST_CASE("the optional Turkish circumflex is folded away") {
  CHECK(fold("Millî", Lang::kTr) == "milli");
  CHECK(fold("SAHTEKÂR", Lang::kTr) == "sahtekar");
  CHECK(fold("hâlâ", Lang::kTr) == "hala");
}

TEST_CASE("the folding tables agree with ICU case folding for every letter below U+0530") {
  // Every Latin and Cyrillic letter of the table range, doubled, folded as English and as Turkish
  // (languages with script rules would also transliterate, so they are not compared here).
  for (UChar32 c = 0x41; c < 0x530; ++c) {
    // İ and the apostrophe letters (ʹ ʻ ʼ) have their own rules, tested above.
    if (!u_isalpha(c) || c == 0x130 || detail::is_apostrophe(static_cast<char32_t>(c))) continue;
    std::string letter;
    detail::append_utf8(letter, static_cast<char32_t>(c));
    auto expected = [&](unsigned options, bool turkish) {
      auto f = static_cast<char32_t>(u_foldCase(c, options));
      if (turkish && (f == U'â' || f == U'î' || f == U'û')) f = f == U'â' ? U'a' : f == U'î' ? U'i' : U'u';
      std::string one;
      detail::append_utf8(one, f);
      return one + one;
    };
    CAPTURE(static_cast<int>(c));
    if (c >= 0x300 && c < 0x370) continue;  // combining marks compose with what precedes them
    CHECK(fold(letter + letter, Lang::kEn) == expected(U_FOLD_CASE_DEFAULT, false));
    CHECK(fold(letter + letter, Lang::kTr) == expected(U_FOLD_CASE_EXCLUDE_SPECIAL_I, true));
  }
}

TEST_CASE("a Turkish word with a curly apostrophe folds the same on every path") {
  CHECK(fold("Türkiye’nin", Lang::kTr) == "türkiye'nin");
  CHECK(fold("TÜRKİYE‘NİN", Lang::kTr) == "türkiye'nin");
  CHECK(fold("Oʻzbekiston", Lang::kUz) == fold("O'zbekiston", Lang::kUz));
  CHECK(fold("AĞDAM", Lang::kEn) == "ağdam");
  CHECK(fold("IĞDIR’da", Lang::kTr) == "ığdır'da");
}

// --- The sixteen-byte fast paths against the per-letter fold --------------------------------------------

namespace {

// Case folding one code point at a time as ICU gives it, apostrophes unified: what the fast paths must
// give for a token in one script without combining marks or invisible characters.
std::string reference_fold(std::string_view token, Lang lang) {
  std::string out;
  for (size_t i = 0; i < token.size();) {
    char32_t c = detail::next_code_point(token, i);
    if (detail::is_apostrophe(c)) {
      out += kApostrophe;
      continue;
    }
    auto f = static_cast<char32_t>(uses_turkic_casing(lang) ? u_foldCase(static_cast<UChar32>(c), U_FOLD_CASE_EXCLUDE_SPECIAL_I)
                                   : c == 0x130                ? U'i'
                                                               : u_foldCase(static_cast<UChar32>(c), U_FOLD_CASE_DEFAULT));
    if (lang == Lang::kTr && (f == U'â' || f == U'î' || f == U'û')) f = f == U'â' ? U'a' : f == U'î' ? U'i' : U'u';
    detail::append_utf8(out, f);
  }
  return out;
}

// fold_token_into as the tokenizer calls it, for `token` with `before` bytes before it and `after`
// bytes after it in a text. The text and the output are heap blocks of exactly their size, so a read
// or write past either is an AddressSanitizer error.
std::optional<std::string> fold_in_text(Normalizer& n, std::string_view token, Lang lang, size_t before, size_t after) {
  const size_t size = before + token.size() + after;
  std::unique_ptr<char[]> text(new char[size]);
  std::memset(text.get(), ' ', before);
  std::memcpy(text.get() + before, token.data(), token.size());
  std::memset(text.get() + before + token.size(), 'X', after);
  std::unique_ptr<char[]> out(new char[2 * token.size() + Normalizer::kFoldSlack]);
  size_t k = n.fold_token_into(std::string_view(text.get() + before, token.size()), size - before, lang, out.get());
  if (k == std::string_view::npos) return std::nullopt;
  return std::string(out.get(), k);
}

}  // namespace

TEST_CASE("the sixteen-byte fold agrees with the per-letter fold wherever the token ends in its text") {
  const char* tokens[] = {
      "a", "Hello", "PROPAGANDA", "ISPARTA", "IĞDIR", "Ankara`da", "İSTANBUL", "iI", "I",
      "AntidisestablishmentarianismIsLongerThanSixteen", "ABCDEFGHIJKLMNOPIQ", "abcdefghijklmnoI",
      "Türkiye’nin", "değişiklikİçinÖNEMLİ", "ŞEHİTLERİMİZİNÇOĞUĞÜZELİYDİ", "Millî", "hâlâ", "SAHTEKÂR", "ȺȾ", "oʻzbek",
      // Basic Cyrillic, every band of second bytes, and past it (tables)
      "ЀЁЂЃЄЅІЇЈЉЊЋЌЍЎЏ", "АБВГДЕЖЗИЙКЛМНОП", "РСТУФХЦЧШЩЪЫЬЭЮЯ", "абвгдежзийклмноп", "рстуфхцчшщъыьэюя",
      "ѐёђѓєѕіїјљњћќѝўџ", "ѠѡѢѣ", "ПРИВЕТСТВУЮЩИЙ", "Ёлка", "ҚАЗАҚСТАН", "Қазақстан", "ӘЛЕУМЕТТІК", "ЎзбекистонҲукумати",
      // Runs cut by what is not a letter (the tokenizer keeps some inside a word)
      "при.вет", "ПРИ’ВЕТ", "при'вет", "Д2024", "Азәрбајҹан",
  };
  Normalizer n;
  for (const char* t : tokens) {
    const std::string_view token(t);
    for (Lang lang : {Lang::kEn, Lang::kTr, Lang::kUnknown}) {
      const std::string expected = reference_fold(token, lang);
      CAPTURE(t);
      CAPTURE(static_cast<int>(lang));
      CHECK(fold(token, lang) == expected);
      for (size_t before : {0, 5}) {
        for (size_t after : {0, 1, 7, 15, 16, 17, 40}) {
          CAPTURE(after);
          auto key = fold_in_text(n, token, lang, before, after);
          REQUIRE(key.has_value());
          CHECK(*key == expected);
        }
      }
    }
  }
}

TEST_CASE("NUL inside a token folds like any other byte on every path") {
  const std::string token("aB\0Cd", 5);
  Normalizer n;
  for (size_t after : {0, 20}) {
    auto key = fold_in_text(n, token, Lang::kTr, 0, after);
    REQUIRE(key.has_value());
    CHECK(*key == std::string("ab\0cd", 5));
  }
  CHECK(fold(token, Lang::kEn) == std::string("ab\0cd", 5));
}

TEST_CASE("the sixteen-byte fold leaves mixed-script and combining-mark tokens to the general path") {
  Normalizer n;
  for (const char* t : {"abcПривет", "Приветabc", "ПРИВЕТСТВУЮЩИЙz", "prоpаganda", "cafe\xCC\x81", "abcdefghijklmnopqrsп"}) {
    CAPTURE(t);
    for (size_t after : {0, 3, 32}) CHECK_FALSE(fold_in_text(n, t, Lang::kEn, 0, after).has_value());
  }
  std::string key;
  CHECK(n.fold_token("prоpаganda", Lang::kEn, key));  // Cyrillic о and а: mixed, mapped to Latin
  CHECK(key == "propaganda");
}

TEST_CASE("script rules give the same keys to short and long tokens") {
  CHECK(fold("Қазақстан", Lang::kKk) == "qazaqstan");
  CHECK(fold("Республикасы", Lang::kKk) == "respuwblıkasy");
  CHECK(fold("ұлттық", Lang::kKk) == "uwlttyq");
  CHECK(fold("ТҮРКІСТАН", Lang::kKk) == "türkıstan");
  CHECK(fold("Тәуелсіздік", Lang::kKk) == "täuwelsızdık");
  CHECK(fold("сәуір", Lang::kKk) == "säuwır");
  CHECK(fold("Түркия", Lang::kKk) == "türkıa");
  CHECK(fold("журналистер", Lang::kKk) == "juwrnalıster");
  CHECK(fold("Ўзбекистон", Lang::kUz) == "ŏzbekiston");
  CHECK(fold("Oʻzbekiston", Lang::kUz) == "ŏzbekiston");
  CHECK(fold("ЯНГИ", Lang::kUz) == "yangi");
  // Past the stack buffers of the rules (128 letters in or out): the same letters give the same key.
  std::string word, key;
  for (int k = 0; k < 16; ++k) word += "Қазақстан", key += "qazaqstan";
  CHECK(fold(word, Lang::kKk) == key);
  word.clear(), key.clear();
  for (int k = 0; k < 20; ++k) word += "ұлттық", key += "uwlttyq";  // 120 letters in, 140 out
  CHECK(fold(word, Lang::kKk) == key);
}

namespace {

// Tokens over the letters a language's rules name, plus ASCII letters, an apostrophe, a letter that no
// rule names and a three-byte letter: every letter alone, every pair, and triples from a fixed
// pseudo-random sequence, so that letters the fast path takes meet letters it leaves to the general path.
std::vector<std::string> rule_letter_tokens(Lang lang, int triples) {
  std::u32string letters = detail::script_rule_letters(lang);
  for (char32_t c : std::u32string(U"abcdeghiklnorsuwyz'\u0444\u1E21\u2019")) letters += c;
  std::vector<std::string> tokens;
  for (char32_t a : letters) {
    tokens.push_back(detail::to_utf8(std::u32string(1, a)));
    for (char32_t b : letters) tokens.push_back(detail::to_utf8(std::u32string{a, b}));
  }
  uint32_t seed = 12345;
  auto next = [&] {
    seed = seed * 1103515245u + 12345u;
    return letters[(seed >> 8) % letters.size()];
  };
  for (int k = 0; k < triples; ++k) tokens.push_back(detail::to_utf8(std::u32string{next(), next(), next()}));
  for (int k = 0; k < triples / 4; ++k) tokens.push_back(detail::to_utf8(std::u32string{next(), next(), next(), next(), next()}));
  return tokens;
}

constexpr Lang kRuleLanguages[] = {Lang::kKk, Lang::kKy, Lang::kUz, Lang::kAz, Lang::kTk};

}  // namespace

TEST_CASE("the script rules' fast path gives the general path's key for every letter of the rules") {
  for (Lang lang : kRuleLanguages) {
    CAPTURE(lang_code(lang));
    REQUIRE(detail::has_script_rules(lang));
    size_t fast = 0, diverged = 0;
    for (const std::string& token : rule_letter_tokens(lang, 20000)) {
      std::string general, fast_key, key;
      detail::apply_script_rules_general(lang, token, general);
      detail::apply_script_rules(lang, token, key);
      if (detail::script_rules_fast_path(lang, token, fast_key)) {
        ++fast;
        if (fast_key != general) {
          ++diverged;
          CAPTURE(token);
          CHECK(fast_key == general);
        }
      }
      if (key != general) {
        ++diverged;
        CAPTURE(token);
        CHECK(key == general);
      }
      if (diverged > 10) break;
    }
    CHECK(diverged == 0);
    CHECK(fast > 1000);  // the fast path is taken, not always left to the general one
  }
}

TEST_CASE("folding and the script rules in one pass give the key of the fold then the rules") {
  // The fold alone as a language without script rules and with the same casing gives it: English for
  // Kazakh, Kyrgyz, Uzbek and Turkmen, Turkish for Azerbaijani (whose rules name no â î û, the only
  // letters Turkish folds differently).
  for (Lang lang : kRuleLanguages) {
    CAPTURE(lang_code(lang));
    const Lang same_casing = lang == Lang::kAz ? Lang::kTr : Lang::kEn;
    size_t diverged = 0;
    for (const std::string& lower : rule_letter_tokens(lang, 2000)) {
      // The token as it is, and with every letter uppercased.
      std::u32string upper;
      for (char32_t c : detail::to_u32(lower)) upper += static_cast<char32_t>(u_toupper(static_cast<UChar32>(c)));
      for (const std::string& token : {lower, detail::to_utf8(upper)}) {
        std::string expected;
        detail::apply_script_rules_general(lang, fold(token, same_casing), expected);
        if (fold(token, lang) != expected) {
          ++diverged;
          CAPTURE(token);
          CHECK(fold(token, lang) == expected);
        }
      }
      if (diverged > 10) break;
    }
    CHECK(diverged == 0);
  }
  CHECK(fold("ҚАЗАҚСТАН", Lang::kKk) == "qazaqstan");
  std::string key;
  CHECK(detail::script_rules_fast_path(Lang::kKk, "қазақстан", key));
  CHECK(key == "qazaqstan");
  key.clear();
  CHECK_FALSE(detail::script_rules_fast_path(Lang::kUz, "o'zbek", key));  // o' → ŏ: a rule of two letters
  CHECK(key.empty());
}
