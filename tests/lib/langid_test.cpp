#include "tamga/langid.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <string>

using namespace tamga;

TEST_CASE("English and Turkish news sentences are identified with their script") {
  auto en = identify_language("The ministers agreed to cooperate against disinformation and to train journalists.");
  CHECK(en.lang == Lang::kEn);
  CHECK(en.script == Script::kLatin);
  auto tr = identify_language("Bakanlar dezenformasyonla mücadelede iş birliği yapma ve gazetecileri eğitme kararı aldı.");
  CHECK(tr.lang == Lang::kTr);
  CHECK(tr.confidence > 0.5);
}

TEST_CASE("distinctive letters settle Turkic languages") {
  CHECK(identify_language("Nazirlər dezinformasiyaya qarşı mübarizədə əməkdaşlıq etmək qərarına gəldilər.").lang == Lang::kAz);
  CHECK(identify_language("Министрлер жалған ақпаратқа қарсы күресте ынтымақтасуға келісті.").lang == Lang::kKk);
  CHECK(identify_language("Ministrler ýalan habarlara garşy göreşde hyzmatdaşlyk etmäge ylalaşdylar.").lang == Lang::kTk);
  CHECK(identify_language("Вазирлар ёлғон хабарларга қарши курашда ҳамкорлик қилишга келишиб олдилар.").lang == Lang::kUz);
  CHECK(identify_language("Vazirlar yolgʻon xabarlarga qarshi kurashda hamkorlik qilishga kelishib oldilar.").lang == Lang::kUz);
}

TEST_CASE("text without letters has no language") {
  auto g = identify_language("12 345 — !!!");
  CHECK(g.lang == Lang::kUnknown);
  CHECK(detect_script("12 345") == Script::kUnknown);
  CHECK(detect_script("Қазақ") == Script::kCyrillic);
}

TEST_CASE("the labelled sentences are identified at least 95% right when 8 words or longer") {
  std::ifstream in(std::string(TAMGA_SOURCE_DIR) + "/tests/data/langid.tsv");
  REQUIRE(in);
  std::string line;
  std::getline(in, line);  // header
  size_t long_total = 0, long_right = 0, short_total = 0, short_right = 0;
  while (std::getline(in, line)) {
    size_t a = line.find('\t'), b = line.find('\t', a + 1);
    std::string lang = line.substr(0, a), script = line.substr(a + 1, b - a - 1), text = line.substr(b + 1);
    size_t words = 1;
    for (char c : text) words += c == ' ';
    auto g = identify_language(text);
    bool right = lang_code(g.lang) == lang && script_code(g.script) == script;
    if (words >= 8) {
      ++long_total;
      long_right += right;
    } else {
      ++short_total;
      short_right += right;
    }
  }
  REQUIRE(long_total >= 9 * 30);
  CHECK(static_cast<double>(long_right) / long_total >= 0.95);
  MESSAGE("long: " << long_right << "/" << long_total << ", short: " << short_right << "/" << short_total);
}

TEST_CASE("paragraphs in different languages are identified one by one") {
  std::string text =
      "The ministers agreed to cooperate against disinformation and to train young journalists together.\n\n"
      "Bakanlar dezenformasyonla mücadelede iş birliği yapma ve genç gazetecileri birlikte eğitme kararı aldı.\n\n"
      "Kısa not.\n";
  auto paras = identify_paragraphs(text);
  REQUIRE(paras.size() == 2);
  CHECK(paras[0].guess.lang == Lang::kEn);
  CHECK(paras[1].guess.lang == Lang::kTr);
  CHECK(paras[0].start == 0);
  CHECK(paras[1].end == text.size());
}

TEST_CASE("English text quoting Turkic names is still English (letters decide only when they are dense)") {
  auto g = identify_language(
      "The delegation met officials in Şuşa and Bakı, then travelled to Ağdam, where the governor said the "
      "reconstruction programme would continue through the winter despite the rising costs of materials.");
  CHECK(g.lang == Lang::kEn);
}

TEST_CASE("a paragraph guess reuses the whole text's guess when given") {
  std::string text = "Bakanlar dezenformasyonla mücadelede iş birliği yapma ve gazetecileri eğitme kararı aldı.";
  LanguageGuess whole = identify_language(text);
  auto paragraphs = identify_paragraphs(text, false, &whole);
  REQUIRE(paragraphs.size() == 1);
  CHECK(paragraphs[0].guess.lang == whole.lang);
  CHECK(paragraphs[0].guess.confidence == doctest::Approx(whole.confidence));
  CHECK(identify_paragraphs(text, false)[0].guess.lang == whole.lang);
}

TEST_CASE("a text mixing lines of several languages gets the language most of its letters are written in") {
  std::string english = "The ministers agreed to cooperate against disinformation and to train young journalists.\n";
  std::string turkish = "Bakanlar dezenformasyonla mücadelede iş birliği yapma ve gazetecileri eğitme kararı aldı.\n";
  std::string kazakh = "Министрлер жалған ақпаратқа қарсы күресте ынтымақтасуға және журналистерді оқытуға келісті.\n";
  auto g = identify_language(english + turkish + english + kazakh + english);
  CHECK(g.lang == Lang::kEn);
  CHECK(g.confidence < 0.9);  // a mixed text is less sure than one in a single language
  CHECK(identify_language(turkish + english + turkish + turkish + kazakh).lang == Lang::kTr);
  CHECK(identify_language(kazakh + kazakh + english + turkish).lang == Lang::kKk);
}

TEST_CASE("Russian, which no lexicon covers, is not taken for Kazakh or Kyrgyz by its function words") {
  auto g = identify_language(
      "Министры договорились о сотрудничестве в борьбе с дезинформацией, а также о подготовке молодых "
      "журналистов, которые будут работать в региональных редакциях и на телевидении.");
  CHECK(g.lang == Lang::kUnknown);
  CHECK(g.script == Script::kCyrillic);
}

TEST_CASE("a function word two languages share counts for neither") {
  // "bu", "bir", "biz" are Turkish, Azerbaijani, Turkmen and Uzbek alike: a line of them alone is not told
  // apart by words, and the letters decide (here Turkish ı, ş, ğ).
  CHECK(identify_language("Bu bir şey değil, biz bunu yıllardır söylüyoruz ve sonuna kadar söyleyeceğiz.").lang ==
        Lang::kTr);
  CHECK(identify_language("Bu bir şey deyil, biz bunu illərdir deyirik və sona qədər deyəcəyik.").lang == Lang::kAz);
}

TEST_CASE("lines with neither a function word nor a distinctive letter count in the letters but vote for nobody") {
  // Confidence is 0.5 + 0.45 x the share of letters in lines voting for the winner: UI-style lines of
  // plain words lower it by exactly their letters.
  const std::string voting = "The minister said that the plan is ready and it will work for all of them.\n";
  const std::string silent = "Settings Dialog Preferences Toolbar\n";
  auto letters = [](const std::string& s) {
    return static_cast<double>(std::count_if(s.begin(), s.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); }));
  };
  auto g = identify_language(voting + silent);
  CHECK(g.lang == Lang::kEn);
  CHECK(g.confidence == doctest::Approx(0.5 + 0.45 * letters(voting) / (letters(voting) + letters(silent))));
  // Alone, the silent line has no vote and too few letters: the vote does not decide it.
  CHECK(identify_language(voting).confidence == doctest::Approx(0.95));
}
