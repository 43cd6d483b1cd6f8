#include <doctest/doctest.h>

#include "../support.h"
#include "detail/lexicon_impl.h"

using namespace tamga;
using tamga::test::lexicon_from;
using tamga::test::scan_text;
using tamga::test::surfaces;

namespace {

// The matches of `lex` in `text`, tokenized as `lang`, as "pattern@first-last|" in find_matches' order.
std::string matches_in(const Lexicon& lex, std::string_view text, Lang lang) {
  auto created = Tokenizer::create();
  REQUIRE(created.ok());
  TokenList tokens;
  created.value()->tokenize(text, lang, tokens);
  std::vector<Match> matches;
  lex.find_matches(tokens, lang, matches);
  std::string found;
  for (const Match& m : matches)
    found += lex.entries()[m.entry].pattern + "@" + std::to_string(m.first) + "-" + std::to_string(m.last) + "|";
  return found;
}

}  // namespace

TEST_CASE("multi-word Turkish entries match inflected, upper-case and apostrophe forms") {
  auto lex = lexicon_from("#@ technique: Loaded_Language\npattern\tgloss\nyalan haber\tfake news\npropaganda\tx\n", Lang::kTr);
  CHECK(surfaces(scan_text(lex, "Yalan haberlerin ardı kesilmiyor.", Lang::kTr)) == "Yalan haberlerin");
  CHECK(surfaces(scan_text(lex, "YALAN HABERLERİ yayanlar", Lang::kTr)) == "YALAN HABERLERİ");
  CHECK(surfaces(scan_text(lex, "Bu bir yalancı haberi", Lang::kTr)) == "");
  CHECK(surfaces(scan_text(lex, "Propaganda'nın dili; propagandası", Lang::kTr), "Loaded_Language") ==
        "Propaganda'nın|propagandası");
}

TEST_CASE("a compound written with its possessive matches the compound's plural and case forms") {
  auto lex = lexicon_from(
      "#@ technique: Name_Calling,Labeling\npattern\tgloss\nvatan haini\ttraitor\nfaiz lobisi\tx\ntarih kitabı\tx\n",
      Lang::kTr);
  CHECK(surfaces(scan_text(lex, "vatan haini, vatan hainleri, vatan hainlerine", Lang::kTr), "Name_Calling,Labeling") ==
        "vatan haini|vatan hainleri|vatan hainlerine");
  CHECK(surfaces(scan_text(lex, "faiz lobisinin, faiz lobileri", Lang::kTr), "Name_Calling,Labeling") ==
        "faiz lobisinin|faiz lobileri");
  CHECK(surfaces(scan_text(lex, "tarih kitapları", Lang::kTr), "Name_Calling,Labeling") == "tarih kitapları");
  CHECK(surfaces(scan_text(lex, "vatan hain", Lang::kTr)) == "");
}

TEST_CASE("exact, prefix and regex pattern words") {
  auto lex = lexicon_from(
      "pattern\ttechnique\tgloss\n=lie\tLoaded_Language\tx\npropagand*\tLoaded_Language\tx\n"
      "re:^nazi(s|sm)?$\tBandwagon,Reductio_ad_hitlerum\tx\n",
      Lang::kEn);
  auto doc = scan_text(lex, "A lie, lies, propagandists, Nazis, nazism, nazify.", Lang::kEn);
  CHECK(surfaces(doc, "Loaded_Language") == "lie|propagandists");
  CHECK(surfaces(doc, "Bandwagon,Reductio_ad_hitlerum") == "Nazis|nazism");
}

TEST_CASE("the longest match wins over the entries it overlaps") {
  auto lex = lexicon_from(
      "pattern\ttechnique\tgloss\nvatan haini\tName_Calling,Labeling\tx\nhain\tName_Calling,Labeling\tx\n"
      "vatan\tFlag-Waving\tx\n",
      Lang::kTr);
  auto doc = scan_text(lex, "Onlar vatan hainidir.", Lang::kTr);
  CHECK(surfaces(doc) == "vatan hainidir");
  REQUIRE(doc.hits.size() == 1);
  CHECK(doc.hits[0].entry == "tr.name_calling.vatan_haini");
}

TEST_CASE("one span counts once per technique, and once for each different technique") {
  auto lex = lexicon_from(
      "pattern\ttechnique\tgloss\nnazi\tName_Calling,Labeling\tx\nnazi*\tName_Calling,Labeling\tx\n"
      "nazi\tBandwagon,Reductio_ad_hitlerum\tx\n",
      Lang::kEn);
  auto doc = scan_text(lex, "He is a nazi.", Lang::kEn);
  REQUIRE(doc.hits.size() == 2);
  CHECK(doc.hits[0].technique != doc.hits[1].technique);
}

TEST_CASE("phrases do not match across sentences") {
  auto lex = lexicon_from("pattern\ttechnique\tgloss\ndeep state\tName_Calling,Labeling\tx\n", Lang::kEn);
  CHECK(surfaces(scan_text(lex, "It was deep. State officials left.", Lang::kEn)) == "");
  CHECK(surfaces(scan_text(lex, "The deep-state plot", Lang::kEn)) == "deep-state");
}

TEST_CASE("language-neutral entries match every language, without inflection") {
  auto lex = lexicon_from("pattern\ttechnique\tgloss\nfake\tDoubt\tx\n", Lang::kUnknown);
  CHECK(surfaces(scan_text(lex, "fake fakes", Lang::kEn)) == "fake");
  CHECK(surfaces(scan_text(lex, "fake fakes", Lang::kTr)) == "fake");
}

TEST_CASE("entries only match text of their own language") {
  auto lex = lexicon_from("pattern\ttechnique\tgloss\nhain\tName_Calling,Labeling\tx\n", Lang::kTr);
  CHECK(surfaces(scan_text(lex, "hain", Lang::kAz)) == "");
}

TEST_CASE("hits carry line and column in code points") {
  auto lex = lexicon_from("pattern\ttechnique\tgloss\nhain\tName_Calling,Labeling\ttraitor\n", Lang::kTr);
  auto doc = scan_text(lex, "Başlık\nÇğş — hainler geldi", Lang::kTr);
  REQUIRE(doc.hits.size() == 1);
  CHECK(doc.hits[0].line == 2);
  CHECK(doc.hits[0].col == 7);
  CHECK(doc.hits[0].gloss == "traitor");
  CHECK(doc.text.substr(doc.hits[0].start, doc.hits[0].end - doc.hits[0].start) == "hainler");
}

TEST_CASE("a regex word is tried only on tokens in its possible range, and repetitions and long tokens still match") {
  // The range RE2 gives (PossibleMatchRange) rejects tokens before the match is tried; it must never
  // reject a token the regex matches: repetitions past the first copy, tokens longer than the range's
  // 16 bytes, alternations, anything after a literal prefix.
  auto lex = lexicon_from(
      "#@ technique: Loaded_Language\npattern\tgloss\n"
      "re:^a+b$\tx\nre:^(ab)*c$\tx\nre:^internationali[sz](ts?|m)$\tx\nre:^x.*$\tx\nre:^(solely|entirely|wholly)$\tx\n",
      Lang::kEn);
  auto found = [&](const char* text) { return surfaces(scan_text(lex, text, Lang::kEn), "Loaded_Language"); };
  CHECK(found("ab aaaaaaaaaaaaaaaaaaaaaaab b") == "ab|aaaaaaaaaaaaaaaaaaaaaaab");
  CHECK(found("c ababababababababababc abc ac") == "c|ababababababababababc|abc");
  CHECK(found("internationalists internationalism internationalizt") ==
        "internationalists|internationalism|internationalizt");
  CHECK(found("x xylophonesxylophonesxylophones wx") == "x|xylophonesxylophonesxylophones");
  CHECK(found("Solely entirely WHOLLY wholesome") == "Solely|entirely|WHOLLY");
}

TEST_CASE("a key with whole-token and partial candidates, and phrases sharing a first word, each match where they should") {
  // "press" is an exact form, the first word of three phrases, and the start of a prefix entry: its
  // candidates are split between the whole-token table and the trie, and the phrases with an exact second
  // word are told apart by that word before their entries are read.
  auto lex = lexicon_from(
      "pattern\ttechnique\tgloss\n=press\tLoaded_Language\tx\n=press =freedom\tFlag-Waving\tx\n"
      "=press =release\tDoubt\tx\n=press conference\tCausal_Oversimplification\tx\npress*\tSlogans\tx\n",
      Lang::kEn);
  auto doc = scan_text(
      lex, "The press. Press freedom, a press release, pressure, the press conferences; press releases.", Lang::kEn);
  CHECK(surfaces(doc, "Loaded_Language") == "press|press");
  CHECK(surfaces(doc, "Flag-Waving") == "Press freedom");
  CHECK(surfaces(doc, "Doubt") == "press release");                           // exact: not "releases"
  CHECK(surfaces(doc, "Causal_Oversimplification") == "press conferences");  // a plain word inflects
  CHECK(surfaces(doc, "Slogans") == "press|pressure|press");
}

TEST_CASE("same_bytes compares words of every length class, including a difference in any one byte") {
  // Lengths below 4 go byte by byte, 4 to 8 by two overlapping loads, longer by 8-byte steps and a last
  // overlapping load: a difference in any byte must be seen.
  const std::string base = "abcdefghijklmnopqrstuvwxyz0123456789";
  for (size_t n = 0; n <= 30; ++n) {
    std::string a = base.substr(0, n), b = a;
    CHECK(tamga::detail::same_bytes(a.data(), b.data(), n));
    for (size_t k = 0; k < n; ++k) {
      b = a;
      b[k] = '#';
      CHECK_FALSE(tamga::detail::same_bytes(a.data(), b.data(), n));
    }
  }
}

TEST_CASE("keys of every length hash the same when read from a buffer as when a table is built") {
  // The matcher reads a token's key sixteen bytes at a time from the normalized buffer (bytes past the
  // key masked off, a copy near the buffer's end); tables are built from the key alone. Both must agree
  // for every length, wherever the key sits, whatever follows it.
  const std::string base = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ";
  for (size_t n = 0; n <= 40; ++n) {
    const std::string key = base.substr(0, n);
    const uint64_t built = tamga::detail::unmixed_hash(key);
    for (size_t before : {size_t{0}, size_t{1}, size_t{7}, size_t{16}})
      for (size_t after : {size_t{0}, size_t{1}, size_t{5}, size_t{15}, size_t{16}, size_t{30}}) {
        const std::string buffer = std::string(before, '#') + key + std::string(after, '%');
        const tamga::detail::BufferKeyHasher hasher(buffer);
        CHECK(hasher.unmixed(before, n) == built);
      }
    // Any one byte changed changes the hash (keys of one length differ in their bytes only).
    for (size_t k = 0; k < n; ++k) {
      std::string other = key;
      other[k] = '#';
      CHECK(tamga::detail::unmixed_hash(other) != built);
    }
  }
  // Keys that differ only in length (zero bytes past the shorter one) hash apart.
  CHECK(tamga::detail::unmixed_hash(std::string_view("a\0", 2)) != tamga::detail::unmixed_hash("a"));
  CHECK(tamga::detail::unmixed_hash(std::string(17, '\0')) != tamga::detail::unmixed_hash(std::string(16, '\0')));
}

TEST_CASE("a lexicon of exact forms only matches keys of every length, phrases sharing a first word, in entry order") {
  // Exact forms only: every active index has whole-token keys and nothing else, so tokens are checked
  // against the present bitmap alone before the general path. Keys of 1 to 17 bytes and two-byte letters
  // test the key comparison; the phrases read their second word's hash, which the next token reuses.
  auto lex = lexicon_from(
      "pattern\ttechnique\tgloss\n=a\tLoaded_Language\tx\n=sky\tDoubt\tx\n=blue\tDoubt\tx\n=default\tDoubt\tx\n"
      "=blue =sky\tSlogans\tx\n=blue =moon\tSlogans\tx\n=internationalism\tDoubt\tx\n"
      "=internationalisms\tDoubt\tx\n=çöp\tDoubt\tx\n=sky =blue\tSlogans\tx\n",
      Lang::kEn);
  CHECK(matches_in(*lex, "A blue sky blue moon, default defaults internationalism internationalisms Çöp skyy sk.",
                   Lang::kEn) ==
        "=a@0-0|=blue@1-1|=blue =sky@1-2|=sky@2-2|=sky =blue@2-3|=blue@3-3|=blue =moon@3-4|=default@5-5|"
        "=internationalism@7-7|=internationalisms@8-8|=çöp@9-9|");
  // "deep" starts phrases only: its list is passed over whole when no second word can be the next token,
  // and read when one can; at the end of the text there is no next token.
  auto phrases = lexicon_from(
      "pattern\ttechnique\tgloss\n=deep =state\tDoubt\tx\n=deep =sea\tDoubt\tx\n=deep =deep\tSlogans\tx\n", Lang::kEn);
  CHECK(matches_in(*phrases, "deep water deep sea deep deep state deep", Lang::kEn) ==
        "=deep =sea@2-3|=deep =deep@4-5|=deep =state@5-6|");
  // The same words in a language without entries match nothing.
  CHECK(matches_in(*lex, "blue sky default", Lang::kTr).empty());
}

TEST_CASE("exact keys of the same length that differ in one byte, at sixteen bytes and past, are told apart") {
  // A key of at most sixteen bytes is confirmed by comparing its two head words, a longer one byte by byte.
  auto lex = lexicon_from(
      "pattern\ttechnique\tgloss\n=abcdefghijklmnop\tDoubt\tx\n=abcdefghijklmnoq =x\tSlogans\tx\n"
      "=abcdefghijklmnopqrs\tDoubt\tx\n=abcdefghijklmnopqrt =y\tSlogans\tx\n=ab\tDoubt\tx\n",
      Lang::kEn);
  CHECK(matches_in(*lex,
                   "abcdefghijklmnop abcdefghijklmnoq x abcdefghijklmnopqrs abcdefghijklmnopqrt y ac ab abcdefghijklmnor",
                   Lang::kEn) ==
        "=abcdefghijklmnop@0-0|=abcdefghijklmnoq =x@1-2|=abcdefghijklmnopqrs@3-3|=abcdefghijklmnopqrt =y@4-5|=ab@7-7|");
}
