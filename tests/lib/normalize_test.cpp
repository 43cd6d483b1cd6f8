#include "tamga/normalize.h"

#include <doctest/doctest.h>
#include <unicode/uchar.h>

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
