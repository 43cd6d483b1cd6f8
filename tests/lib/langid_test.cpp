#include "tamga/langid.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

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

namespace tamga::detail {
// lib/langid.cpp: the evidence of a text from the fast counter or the character-by-character reference.
std::string langid_evidence(std::string_view text, bool vote, bool reference);
}  // namespace tamga::detail

namespace {

// The fast evidence counter and the reference one agree on `text`, voting or not.
void check_same_evidence(const std::string& text) {
  for (bool vote : {true, false}) {
    INFO("vote " << vote << ", text (" << text.size() << " bytes): " << text.substr(0, 200));
    REQUIRE(detail::langid_evidence(text, vote, false) == detail::langid_evidence(text, vote, true));
  }
}

// Letters the counters treat apart (distinctive letters in both cases, apostrophes, letters whose
// lowercase is shorter, a combining mark, three-byte characters, other scripts, signs of two bytes).
const std::vector<std::string> kSpecial = {
    "ə", "Ə", "ý", "Ý", "ň", "Ň", "ž", "Ž", "ä", "Ä", "ö", "Ö", "ü", "Ü", "ç", "Ç", "ұ", "Ұ", "і", "І",
    "ә", "Ә", "ҹ", "Ҹ", "ҝ", "Ҝ", "ј", "Ј", "җ", "Җ", "ғ", "Ғ", "қ", "Қ", "ң", "Ң", "ө", "Ө", "ү", "Ү",
    "ў", "Ў", "ҳ", "Ҳ", "ğ", "Ğ", "ı", "I", "ş", "Ş", "ñ", "Ñ", "ū", "Ū", "q", "Q", "w", "W", "'", "’",
    "ʻ", "ʼ", "‘", "´", "ʹ", "＇", "`", "İ", "\u212A", "\u0301", "€", "—", "µ", "ª", "×", "«", "»",
    "\u00A0", "α", "Ω", "ա", "ש", "ع", "\u0483", "ё", "Ё", "я", "Я", "é", "ɛ", "ʰ", "\t", "\r", "\n", "o",
    "g", "O", "G", "中", "😀"};

}  // namespace

TEST_CASE("the evidence counter gives the reference's evidence for every special letter at every offset") {
  // Each letter after runs of 0..40 bytes, so that it falls on every position of a 16-byte block, in
  // and after ASCII words, Cyrillic words, spaces, and before a line end or the end of the text.
  for (const std::string& letter : kSpecial) {
    for (size_t k = 0; k <= 40; ++k) {
      check_same_evidence(std::string(k, 'a') + letter + "bc o" + letter + " g" + letter + "\n" + letter);
      check_same_evidence(std::string(k, ' ') + "O" + letter + letter + "qw" + letter);
      std::string cyrillic;
      for (size_t n = 0; n < k / 2; ++n) cyrillic += "ж";
      check_same_evidence(cyrillic + letter + "ле " + letter + "\n\n" + std::string(k % 7, 'x') + letter + ".");
      check_same_evidence("Og" + std::string(k, 'W') + letter);
    }
  }
}

TEST_CASE("the evidence counter gives the reference's evidence on function words at the length limit") {
  // тууралуу is the longest function word (16 bytes); words of 15 to 25 bytes around it, in ASCII,
  // Cyrillic, with İ and the Kelvin sign (whose lowercase forms are shorter), at every offset.
  const std::vector<std::string> words = {
      "тууралуу", "ТУУРАЛУУ", "Тууралуу", "the", "The", "and", "bu", "ve", "bilen", "және", "учун", "и",
      "бойынша", "İle", "İçin", "\u212Aim", "aaaaaaaaaaaaaaa", "aaaaaaaaaaaaaaaa", "aaaaaaaaaaaaaaaaa",
      "aaaaaaaaaaaaaaaaaaaaaaaa", "aaaaaaaaaaaaaaaaaaaaaaaaa", "İİİİİİİİİİİİİİİİ", "İİİİİİİİİİİİİİİİİ",
      "тууралууq", "жжжжжжжж", "жжжжжжжжж", "the'", "oʻzbek", "gʻ"};
  for (const std::string& word : words) {
    for (size_t k = 0; k <= 40; ++k) {
      check_same_evidence(std::string(k, ' ') + word + " " + word + ", " + word + "\n" + word);
      check_same_evidence(std::string(k, 'b') + " " + word + "\nthe and " + word);
      check_same_evidence("ş" + std::string(k, '-') + word);  // the text ends mid-word
    }
  }
  // Lines that vote: real numbers, not only agreement.
  const std::string text = "The minister said that the plan is ready and it will work for all of them.\n"
                           "Bakanlar bu kararı aldı ve iş birliği yapacak.\nМинистрлер және басқалар\n";
  check_same_evidence(text);
  const std::string evidence = detail::langid_evidence(text, true, false);
  CHECK(evidence.rfind("96 22 0 ", 0) == 0);  // Latin and Cyrillic letters
  CHECK(evidence != detail::langid_evidence(text, false, false));
}

TEST_CASE("the evidence counter gives the reference's evidence on apostrophes after o and g") {
  for (const char* apostrophe : {"'", "’", "ʻ", "ʼ", "‘", "´", "ʹ", "＇", "`"}) {
    // The o or g byte may also be taken by invalid UTF-8 before it (a lone continuation byte, a cut
    // three- or four-byte sequence): then no o or g comes before the apostrophe.
    for (const char* before : {"o", "g", "O", "G", "x", "ö", "о", "ğ", "oo", "go", "'", "ʻ", "", " ", "\n", "İ",
                               "\xB0o", "\xC3g", "\xE2\x80o", "\xF0\x9F\x98G", "\xC1\xAF", "шo", "\xD0\xB0g"}) {
      for (size_t k = 0; k <= 20; ++k) {
        std::string text = std::string(k, 'z') + before + apostrophe + "zbek " + before + apostrophe + apostrophe;
        check_same_evidence(text);
        check_same_evidence(std::string(k, ' ') + before + apostrophe);
      }
    }
  }
  // The count is real: two Uzbek apostrophes here (after o and g, not after x).
  const std::string uzbek = detail::langid_evidence("oʻzbek gʻ xʻ", false, false);
  CHECK(uzbek == "7 0 0 0 0 0 0 0 0 0 0 0 0 2 0 0 0 0 0 | 0 0 0 0 0 0 0 0 0");
}

TEST_CASE("the evidence counter gives the reference's evidence on random mixed text and invalid UTF-8") {
  // Texts drawn from words, special letters, separators, line ends and stray bytes (lone continuation
  // bytes, overlong forms such as C1 AF, an o, before an apostrophe, truncated sequences).
  const std::vector<std::string> pieces = {
      "the", "Settings", "window", "quick", "Бағдарлама", "жалған", "қарсы", "ақпарат", "mücadele", "şekilde",
      "Ağdam", "əməkdaşlıq", "Oʻzbekiston", "gʻalaba", " ", " ", " ", "  ", "\n", "\n", ", ", ". ", "-", "\"",
      "\xC1\xAF", "\xC1\xA7", "\x80", "\xBF", "\xC3", "\xD0", "\xE2\x80", "\xF0\x9F\x98", "\xFF", "\xFE",
      "\xC0\x80", "\xED\xA0\x80", "\xE0\x80\xAF"};
  uint64_t state = 88172645463325252ull;
  auto next = [&] {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  };
  for (int n = 0; n < 20000; ++n) {
    std::string text;
    const size_t count = next() % 40;
    for (size_t k = 0; k < count; ++k) {
      const uint64_t r = next();
      text += r % 3 == 0 ? kSpecial[(r >> 8) % kSpecial.size()] : pieces[(r >> 8) % pieces.size()];
    }
    check_same_evidence(text);
  }
}

TEST_CASE("the evidence counter gives the reference's evidence on texts cut at 64 KiB") {
  std::string line = "Bakanlar dezenformasyonla mücadelede iş birliği yapma kararı aldı. Министрлер ақпаратқа.\n";
  std::string base;
  while (base.size() < 70000) base += line;
  // The cut falls at every byte of a few characters: inside a word, a two-byte letter, a line end.
  for (size_t size = 65500; size <= 65560; ++size) check_same_evidence(base.substr(0, size));
  for (size_t shift = 0; shift < 20; ++shift) check_same_evidence(std::string(shift, 'x') + base);
  // One line longer than the cut, of letters only.
  check_same_evidence(std::string(70000, 'a'));
  std::string cyrillic;
  while (cyrillic.size() < 70000) cyrillic += "ж";
  check_same_evidence(cyrillic + "q");
  check_same_evidence("x" + cyrillic);
  // Lines of distinctive two-byte letters only, up to the cut (their counts are summed in packed fields).
  for (const char* letter : {"ә", "ş", "Ә"}) {
    std::string distinctive;
    while (distinctive.size() < 70000) distinctive += letter;
    check_same_evidence(distinctive);
    check_same_evidence("y" + distinctive);
    check_same_evidence(distinctive.substr(0, 30000) + "\n" + distinctive);
  }
}

TEST_CASE("the evidence counter gives the reference's evidence on the labelled sentences") {
  std::ifstream in(std::string(TAMGA_SOURCE_DIR) + "/tests/data/langid.tsv");
  REQUIRE(in);
  std::string line, all;
  while (std::getline(in, line)) {
    check_same_evidence(line);
    check_same_evidence(line + "\n");
    all += line + "\n";
  }
  check_same_evidence(all);
}

TEST_CASE("the evidence counter gives the reference's evidence on lines with one function word, several, or none") {
  // A line with one function word takes its language without comparing counts; lines end in \n, \r\n,
  // blank lines, or the end of the text; other languages' words (Russian и) vote for no covered language.
  const std::vector<std::string> lines = {
      "the cat sat", "Cat sat the", "и кот", "ve kedi", "the and kedi", "the ve", "the ve ve", "ş the",
      "şəhər the", "qwe the", "", "\r", "plain words only", "Бакы и и the", "the и", "and"};
  for (const std::string& a : lines) {
    for (const std::string& b : lines) {
      check_same_evidence(a + "\n" + b);
      check_same_evidence(a + "\r\n" + b + "\n\n" + a + "\n");
      check_same_evidence("\n" + a + " " + b + "\n" + b);
    }
  }
  // Real numbers: "the cat sat" votes its 9 letters for English (index 1); "the ve" ties and votes for
  // nobody; "и кот" votes for another language (the last index).
  CHECK(detail::langid_evidence("the cat sat\n", true, false) == "9 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 | 0 9 0 0 0 0 0 0 0");
  CHECK(detail::langid_evidence("the ve\nzzz", true, false) == "8 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 | 0 0 0 0 0 0 0 0 0");
  CHECK(detail::langid_evidence("и кот\n", true, false) == "0 4 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 | 0 0 0 0 0 0 0 0 4");
}
