#include "tamga/langid.h"

#include <doctest/doctest.h>

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
