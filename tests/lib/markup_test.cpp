#include "tamga/markup.h"

#include <doctest/doctest.h>

#include "../support.h"

using namespace tamga;

TEST_CASE("the Markdown prose view blanks code, link targets, comments and front matter, keeping every offset") {
  std::string md =
      "---\ntitle: hoax\n---\n# Hoax\n\nA [hoax](http://x/hoax \"hoax\") and `hoax` here.\n\n```\nhoax\n```\n\n"
      "    hoax code\n\n<!-- hoax -->\n[ref]: http://hoax\n";
  std::string view = prose_view(md, DocumentFormat::kMarkdown);
  REQUIRE(view.size() == md.size());
  size_t count = 0;
  for (size_t pos = 0; (pos = view.find("hoax", pos)) != std::string::npos; ++pos) ++count;
  CHECK(count == 1);                      // only the link text
  CHECK(view.find("Hoax") == md.find("Hoax"));  // the heading stays, at the same offset
  for (size_t i = 0; i < md.size(); ++i)
    if (md[i] == '\n') CHECK(view[i] == '\n');  // lines are kept
}

TEST_CASE("the HTML prose view drops tags, attributes, script and style, and decodes entities in place") {
  std::string html =
      "<p class=\"hoax\">Caf&eacute; &amp; hoax</p><script>hoax()</script><style>.hoax{}</style><!-- hoax -->";
  std::string view = prose_view(html, DocumentFormat::kHtml);
  REQUIRE(view.size() == html.size());
  CHECK(view.find("hoax") == html.find("hoax</p>"));
  CHECK(view.find("hoax", view.find("hoax") + 1) == std::string::npos);
  CHECK(view.find("Café") != std::string::npos);
  CHECK(view.find("&amp;") == std::string::npos);
  CHECK(fold(view.substr(view.find("Caf"), 10), Lang::kEn).substr(0, 5) == "café");
}

TEST_CASE("hits in Markdown point at the original file's bytes, lines and columns") {
  auto lex = test::lexicon_from("pattern\ttechnique\tgloss\nhoax\tDoubt\tx\n", Lang::kEn);
  ScanOptions options;
  options.force_lang = Lang::kEn;
  auto scanner = Scanner::create(lex, options);
  Document doc;
  doc.format = DocumentFormat::kMarkdown;
  doc.text = "Intro `hoax` line.\n\nThe [big hoax](http://hoax) is here.\n";
  scanner.value()->scan(doc);
  REQUIRE(doc.hits.size() == 1);
  CHECK(doc.hits[0].line == 3);
  CHECK(doc.hits[0].col == 10);
  CHECK(doc.text.substr(doc.hits[0].start, doc.hits[0].end - doc.hits[0].start) == "hoax");
}

TEST_CASE("inline suppressions: next line, blocks, by technique, in each format's comment syntax") {
  auto md = find_suppressions("a\n<!-- tamga-disable-next-line Doubt -->\n\nb line\nc\n", DocumentFormat::kMarkdown);
  REQUIRE(md.size() == 1);
  CHECK(md[0].techniques == std::vector<Technique>{Technique::kDoubt});
  auto text = find_suppressions("x\n# tamga-disable\ny\n// tamga-enable\nz\n", DocumentFormat::kText);
  REQUIRE(text.size() == 1);
  CHECK(text[0].techniques.empty());
  CHECK(text[0].start == 17);
  CHECK(text[0].end == 20);
  // Not in a comment: no effect.
  CHECK(find_suppressions("say tamga-disable-next-line here\nx\n", DocumentFormat::kText).empty());
  CHECK(find_suppressions("tamga-disable\nx\n", DocumentFormat::kMarkdown).empty());
}

// Found by the markup fuzz target: a block disabled and enabled on one line ended before it began.
TEST_CASE("a block disabled and enabled on one line suppresses the text between the two comments") {
  std::string_view text = "<!-- tamga-disable --> so-called <!-- tamga-enable --> rest\n";
  auto ranges = find_suppressions(text, DocumentFormat::kMarkdown);
  REQUIRE(ranges.size() == 1);
  CHECK(text.substr(ranges[0].start, ranges[0].end - ranges[0].start) == " so-called ");
  auto adjacent = find_suppressions("<!-- tamga-disable --><!-- tamga-enable --> text\n", DocumentFormat::kHtml);
  REQUIRE(adjacent.size() == 1);
  CHECK(adjacent[0].start == 22);
  CHECK(adjacent[0].end == 22);
}

// Found by the markup fuzz target: "&#x\r\nFFFF;" was decoded (strtoul skips white space), deleting a line break.
TEST_CASE("a numeric character reference is digits only: white space or a sign leaves it as written") {
  for (std::string_view text : {"a&#x\r\nFFFF;b", "a&#\n65;b", "a&#+65;b", "a&# 65;b", "a&#x-41;b"}) {
    CAPTURE(text);
    CHECK(prose_view(text, DocumentFormat::kHtml) == text);
    CHECK(prose_view(text, DocumentFormat::kMarkdown) == text);
  }
  CHECK(prose_view("a&#65;b", DocumentFormat::kHtml) == "aA\xC2\xAD\xC2\xAD" "b");
  CHECK(prose_view("a&#x41;b", DocumentFormat::kHtml) == "aA\xE2\x81\xA0\xC2\xAD" "b");
}
