#include "detail/morphology.h"

#include <doctest/doctest.h>

#include "tamga/normalize.h"

using namespace tamga;

namespace {
bool matches(Lang lang, std::string_view stem, std::string_view word, bool* negative = nullptr) {
  std::vector<detail::StemVariant> variants;
  detail::stem_variants(lang, fold(stem, lang), variants);
  auto p = detail::inflected_match(lang, variants, fold(word, lang));
  if (negative) *negative = p.negative;
  return p.ok;
}
}  // namespace

TEST_CASE("Turkish nouns match their inflected forms with vowel harmony") {
  for (const char* w : {"haber", "haberler", "haberlerin", "haberleri", "habere", "haberde", "haberden", "haberlerimizden",
                        "haberdeki", "haberdekiler", "haberiyle", "haberlerdir", "haberdi", "habermiş"}) {
    CAPTURE(std::string(w));
    CHECK(matches(Lang::kTr, "haber", w));
  }
  for (const char* w : {"propagandası", "propagandanın", "propagandaya", "propagandada", "propagandalar"}) {
    CAPTURE(std::string(w));
    CHECK(matches(Lang::kTr, "propaganda", w));
  }
  CHECK(matches(Lang::kTr, "hain", "HAİNLERİN"));
  CHECK(matches(Lang::kTr, "terörist", "teröristlere"));
}

TEST_CASE("Turkish consonant alternation, vowel loss and gemination") {
  CHECK(matches(Lang::kTr, "kitap", "kitabı"));
  CHECK(matches(Lang::kTr, "kitap", "kitapta"));
  CHECK(matches(Lang::kTr, "köpek", "köpeği"));
  CHECK(matches(Lang::kTr, "renk", "rengi"));
  CHECK(matches(Lang::kTr, "akıl", "aklı"));
  CHECK(matches(Lang::kTr, "şehir", "şehrimizde"));
  CHECK(matches(Lang::kTr, "zulüm", "zulmü"));
  CHECK(matches(Lang::kTr, "hak", "hakkımız"));
  CHECK(matches(Lang::kTr, "et", "ediyor"));
  CHECK(matches(Lang::kTr, "et", "etti"));
}

TEST_CASE("Turkish verbs match tense, person and negation, and report the negative suffix") {
  bool neg = false;
  for (const char* w : {"saldırdı", "saldırıyor", "saldıracak", "saldıracağız", "saldırmış", "saldırır", "saldırıldı",
                        "saldıran", "saldırmak", "saldırıyorlardı"}) {
    CAPTURE(std::string(w));
    CHECK(matches(Lang::kTr, "saldır", w, &neg));
    CHECK_FALSE(neg);
  }
  for (const char* w : {"saldırmadı", "saldırmıyor", "saldırmaz", "saldırmayacak"}) {
    CAPTURE(std::string(w));
    CHECK(matches(Lang::kTr, "saldır", w, &neg));
    CHECK(neg);
  }
  CHECK(matches(Lang::kTr, "karala", "karalıyorlar"));
  CHECK(matches(Lang::kTr, "söyle", "söylüyor"));
}

TEST_CASE("Turkish words that merely start like an entry do not match") {
  CHECK_FALSE(matches(Lang::kTr, "yalan", "yalancı"));
  CHECK_FALSE(matches(Lang::kTr, "hain", "hainane"));
  CHECK_FALSE(matches(Lang::kTr, "hain", "hainlik"));
  CHECK_FALSE(matches(Lang::kTr, "kan", "kanun"));
  CHECK_FALSE(matches(Lang::kTr, "terör", "terörist"));
  CHECK_FALSE(matches(Lang::kTr, "millet", "milletvekili"));
  CHECK_FALSE(matches(Lang::kTr, "dış", "dışişleri"));
  CHECK_FALSE(matches(Lang::kTr, "sat", "satranç"));
  CHECK_FALSE(matches(Lang::kTr, "maşa", "maşallah"));
  CHECK_FALSE(matches(Lang::kTr, "beka", "bekar"));
  CHECK_FALSE(matches(Lang::kTr, "ajan", "ajans"));
  CHECK(matches(Lang::kTr, "saat", "saati"));
  CHECK(matches(Lang::kTr, "kontrol", "kontrolü"));
}

TEST_CASE("any suffix after an apostrophe matches") {
  CHECK(matches(Lang::kTr, "türkiye", "Türkiye'nin"));
  CHECK(matches(Lang::kTr, "ankara", "Ankara’da"));
  CHECK(matches(Lang::kTr, "pkk", "PKK'lı"));
}

TEST_CASE("English plural, possessive and verb endings") {
  for (auto [stem, word] : {std::pair{"enemy", "enemies"}, {"enemy", "enemy's"}, {"enemy", "enemies'"}, {"thug", "thugs"},
                            {"crisis", "crisis's"}, {"hoax", "hoaxes"}, {"slaughter", "slaughtered"},
                            {"slaughter", "slaughtering"}, {"hate", "hated"}, {"hate", "hating"}, {"stop", "stopped"},
                            {"destroy", "destroys"}, {"bully", "bullied"}}) {
    CAPTURE(word);
    CHECK(matches(Lang::kEn, stem, word));
  }
  CHECK_FALSE(matches(Lang::kEn, "liar", "liars'x"));
  CHECK_FALSE(matches(Lang::kEn, "nazi", "nazism"));
  CHECK_FALSE(matches(Lang::kEn, "lie", "lied-ish"));
  CHECK_FALSE(matches(Lang::kEn, "war", "warm"));
  CHECK_FALSE(matches(Lang::kEn, "hate", "hatch"));
}
