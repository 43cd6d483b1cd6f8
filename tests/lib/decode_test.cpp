#include "tamga/decode.h"

#include <doctest/doctest.h>

#include "../support.h"

using namespace tamga;
using namespace std::string_literals;
using tamga::test::encode;

namespace {
const std::string kTurkish =
    "Cumhurbaşkanlığı İletişim Başkanı, dezenformasyonla mücadele için yeni bir merkez kurulduğunu açıkladı. "
    "Açıklamada, sosyal medyada yayılan yalan haberlerin toplumun huzurunu bozduğu ve vatandaşların doğru "
    "bilgiye ulaşması gerektiği vurgulandı. Gazeteciler, düzenlemenin basın özgürlüğünü kısıtlayabileceğini "
    "söyledi; hükümet ise bunun yalnızca çarpıtılmış içerikleri hedeflediğini belirtti. Şişli'de, Üsküdar'da "
    "ve Çankaya'da düzenlenen toplantılarda öğrenciler ile öğretmenler görüşlerini paylaştı.";
const std::string kRussianScript =
    "Министр информации заявил, что ложная информация распространяется в социальных сетях быстрее, чем "
    "правдивые новости. По его словам, граждане должны проверять источники и не доверять анонимным каналам. "
    "Журналисты отметили, что новый закон может ограничить свободу слова, однако правительство подчеркнуло, "
    "что речь идёт только о заведомо ложных сообщениях.";
}  // namespace

TEST_CASE("valid UTF-8 decodes unchanged without warnings") {
  auto r = decode("Türkiye’nin sesi — қазақ тілі");
  REQUIRE(r.ok());
  CHECK(r->text == "Türkiye’nin sesi — қазақ тілі");
  CHECK(r->encoding == "UTF-8");
  CHECK(r->warnings.empty());
}

TEST_CASE("an invalid UTF-8 byte becomes U+FFFD with a warning naming its byte offset") {
  auto r = decode("abc\xFF" "def \xC3\xA7");
  REQUIRE(r.ok());
  CHECK(r->text == "abc\xEF\xBF\xBD" "def ç");
  REQUIRE(r->warnings.size() == 1);
  CHECK(r->warnings[0].code == "invalid-utf8");
  CHECK(r->warnings[0].byte == 3);
  CHECK(r->warnings[0].message.find("byte 3") != std::string::npos);
}

TEST_CASE("each class of invalid UTF-8 is replaced, never crashing") {
  struct Case {
    std::string bytes;
    std::string text;
  };
  const Case cases[] = {
      {"\x80x", "\xEF\xBF\xBDx"},                                       // stray continuation byte
      {"a\xE2\x82", "a\xEF\xBF\xBD"},                                   // truncated sequence at the end
      {"\xC0\xAFz", "\xEF\xBF\xBD\xEF\xBF\xBDz"},                       // overlong form
      {"\xED\xA0\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},         // encoded surrogate
      {"\xF4\x90\x80\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},  // past U+10FFFF
      {"\xF0\x9F\x98", "\xEF\xBF\xBD"},                                 // truncated emoji
  };
  DecodeOptions utf8;
  utf8.encoding = "UTF-8";
  for (const auto& c : cases) {
    auto r = decode(c.bytes, utf8);
    REQUIRE(r.ok());
    CHECK(r->text == c.text);
    CHECK_FALSE(r->warnings.empty());
  }
}

TEST_CASE("warnings are capped and the rest summarized") {
  std::string bytes(100, '\xFF');
  bytes += " some valid text with ç and ş to stay UTF-8: çşğüöı çşğüöı çşğüöı";
  for (int i = 0; i < 30; ++i) bytes += " \xC3\xA7\xC5\x9F";
  DecodeOptions o;
  o.max_warnings = 5;
  o.encoding = "UTF-8";
  auto r = decode(bytes, o);
  REQUIRE(r.ok());
  CHECK(r->warnings.size() == 6);
  CHECK(r->warnings.back().message.find("95 more") != std::string::npos);
}

TEST_CASE("byte-order marks select UTF-8, UTF-16 and UTF-32") {
  auto utf8 = decode("\xEF\xBB\xBFhello");
  CHECK(utf8->text == "hello");
  auto le = decode("\xFF\xFE" + encode("İstanbul", "UTF-16LE"));
  CHECK(le->text == "İstanbul");
  CHECK(le->encoding == "UTF-16LE");
  auto be = decode("\xFE\xFF" + encode("Қазақ", "UTF-16BE"));
  CHECK(be->text == "Қазақ");
  auto le32 = decode("\xFF\xFE\x00\x00"s + encode("ğ", "UTF-32LE"));
  CHECK(le32->text == "ğ");
  CHECK(le32->encoding == "UTF-32LE");
}

TEST_CASE("UTF-16 without a byte-order mark is recognized, with a warning") {
  auto r = decode(encode("Merhaba dünya, bugün hava çok güzel.", "UTF-16LE"));
  REQUIRE(r.ok());
  CHECK(r->text == "Merhaba dünya, bugün hava çok güzel.");
  CHECK(r->warnings.at(0).code == "encoding-guessed");
  CHECK_FALSE(looks_binary(encode("Merhaba dünya", "UTF-16LE")));
}

TEST_CASE("Turkish legacy encodings are detected") {
  for (const char* enc : {"windows-1254", "ISO-8859-9"}) {
    CAPTURE(enc);
    auto r = decode(encode(kTurkish, enc));
    REQUIRE(r.ok());
    CHECK(r->text == kTurkish);
    CHECK(r->warnings.at(0).code == "encoding-detected");
  }
}

TEST_CASE("Cyrillic legacy encodings are detected") {
  for (const char* enc : {"windows-1251", "KOI8-R"}) {
    CAPTURE(enc);
    auto r = decode(encode(kRussianScript, enc));
    REQUIRE(r.ok());
    CHECK(r->text == kRussianScript);
  }
}

TEST_CASE("an explicit encoding is used as given, and an unknown one is an error") {
  DecodeOptions o;
  o.encoding = "windows-1254";
  auto r = decode(encode("Şişli'de ılık bir gün", "windows-1254"), o);
  REQUIRE(r.ok());
  CHECK(r->text == "Şişli'de ılık bir gün");
  o.encoding = "no-such-encoding";
  auto bad = decode("x", o);
  CHECK_FALSE(bad.ok());
  CHECK(bad.status().message().find("no-such-encoding") != std::string::npos);
}

TEST_CASE("binary files are recognized by NUL bytes") {
  CHECK(looks_binary("\x89PNG\r\n\x1a\n\0\0\0\rIHDR"s));
  CHECK(looks_binary("\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0"s));
  CHECK_FALSE(looks_binary("plain text"));
  CHECK_FALSE(looks_binary(""));
}
