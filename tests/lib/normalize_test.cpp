#include "tamga/normalize.h"

#include <doctest/doctest.h>

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
