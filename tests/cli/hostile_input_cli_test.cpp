// Hostile input, one case per kind: the exit status, the message on standard error (what, and where:
// file, line, byte), the number of output records, and bounded time and memory. Big inputs are generated
// into scratch folders at test time.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "hostile_support.h"

using namespace tamga::test;

namespace {

// Peak memory of a tamga run on small input: ASan's shadow memory and quarantine make it large.
constexpr long kSmallRunMb = 400;

std::string scan(const std::string& args) { return tamga_cmd("scan --format jsonl --lang en -l '" + test_lexicon() + "' " + args); }

bool contains(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

// Text Turkish and Kazakh readers write: many valid multi-byte letters, so a few bad bytes read as
// damaged UTF-8, not as a legacy encoding.
const std::string kLetters = "Ölçü şğı çöü İstanbul Қазақстан hoax\n";

// One class of invalid UTF-8, placed on line 2 after valid text: replaced with U+FFFD, a warning at its
// byte offset in the record, and on standard error the file, line, byte and the bytes themselves.
void check_invalid_utf8(const std::string& name, const std::string& bad, const std::string& first_bytes, size_t warnings) {
  fs::path dir = case_dir(name);
  std::string prefix = kLetters + "line two ";
  fs::path file = dir / "doc.txt";
  write_bytes(file, prefix + bad + " hoax\n");
  Bounded r = run_bounded(scan(quoted(file)), time_limit(30));
  CHECK_FALSE(r.timed_out);
  CHECK(r.status == 0);
  auto records = parse_records(r.out);
  REQUIRE(records.size() == 1);
  CHECK(records[0].errors.empty());
  REQUIRE(records[0].warnings.size() == warnings);
  CHECK(records[0].warnings[0] == "invalid-utf8");
  CHECK(records[0].warning_bytes[0] == static_cast<long long>(prefix.size()));
  CHECK(contains(records[0].text, "\xEF\xBF\xBD"));
  CHECK(records[0].hits == 3);  // hoax twice, and the repetition: the text around the bad bytes is intact
  std::string more = warnings > 1 ? " (and " + std::to_string(warnings - 1) + " more in the record)" : "";
  CHECK(r.err == "tamga: " + file.string() + ":2: warning: invalid UTF-8 (" + first_bytes + ") at byte " +
                     std::to_string(prefix.size()) + ", replaced with U+FFFD" + more + "\n");
  CHECK(r.max_rss_mb < kSmallRunMb);
}

}  // namespace

TEST_CASE("hostile: an empty file gives one empty record, exit 0") {
  fs::path file = case_dir("empty") / "empty.txt";
  write_bytes(file, "");
  Bounded r = run_bounded(scan(quoted(file)), time_limit(30));
  CHECK(r.status == 0);
  CHECK(r.err == "");
  auto records = parse_records(r.out);
  REQUIRE(records.size() == 1);
  CHECK(records[0].id == file.string());
  CHECK(records[0].tokens == 0);
  CHECK(records[0].errors.empty());
  CHECK(r.max_rss_mb < kSmallRunMb);
}

TEST_CASE("hostile: whitespace and punctuation only give a record with no tokens, exit 0") {
  fs::path file = case_dir("blank") / "blank.txt";
  write_bytes(file, " \t\n\n  ...!!! ,,, — «» ¿? \r\n\v\f\n");
  Bounded r = run_bounded(scan(quoted(file)), time_limit(30));
  CHECK(r.status == 0);
  CHECK(r.err == "");
  auto records = parse_records(r.out);
  REQUIRE(records.size() == 1);
  CHECK(records[0].tokens == 0);
  CHECK(records[0].hits == 0);
}

TEST_CASE("hostile: invalid UTF-8, stray continuation bytes") { check_invalid_utf8("stray", "\x80", "0x80", 1); }

TEST_CASE("hostile: invalid UTF-8, sequences cut short") {
  check_invalid_utf8("truncated", "\xE2\x82", "0xE2 0x82", 1);
  check_invalid_utf8("truncated-4", "\xF0\x9F\x98", "0xF0 0x9F 0x98", 1);
}

TEST_CASE("hostile: invalid UTF-8, overlong forms") {
  check_invalid_utf8("overlong-2", "\xC0\xAF", "0xC0", 2);
  check_invalid_utf8("overlong-3", "\xE0\x80\xAF", "0xE0", 3);
}

TEST_CASE("hostile: invalid UTF-8, encoded surrogates") { check_invalid_utf8("surrogate", "\xED\xA0\x80", "0xED", 3); }

TEST_CASE("hostile: invalid UTF-8, code points past U+10FFFF") {
  check_invalid_utf8("past-max", "\xF4\x90\x80\x80", "0xF4", 4);
  check_invalid_utf8("past-max-f5", "\xF5\x80", "0xF5", 2);
}

TEST_CASE("hostile: UTF-16 without a byte-order mark is recognized, with a warning") {
  fs::path dir = case_dir("utf16");
  std::string text = "The hoax spread again.\n";
  std::string le, be;
  for (char c : text) {
    le += c, le += '\0';
    be += '\0', be += c;
  }
  write_bytes(dir / "le.txt", le);
  write_bytes(dir / "be.txt", be);
  Bounded r = run_bounded(scan(quoted(dir / "be.txt") + " " + quoted(dir / "le.txt")), time_limit(30));
  CHECK(r.status == 0);
  auto records = parse_records(r.out);
  REQUIRE(records.size() == 2);
  for (const Record& rec : records) {
    CHECK(rec.text == text);
    CHECK(rec.hits == 1);
    CHECK(rec.warnings == std::vector<std::string>{"encoding-guessed"});
  }
  CHECK(r.err == "tamga: " + (dir / "be.txt").string() + ": warning: no byte-order mark; decoded as UTF-16BE\n" +
                     "tamga: " + (dir / "le.txt").string() + ": warning: no byte-order mark; decoded as UTF-16LE\n");
}

TEST_CASE("hostile: NUL bytes: a file is skipped as binary, a JSON record keeps and escapes them") {
  fs::path dir = case_dir("nul");
  write_bytes(dir / "nul.txt", std::string("Some text\0with a NUL hoax\n", 26));
  Bounded file = run_bounded(scan(quoted(dir / "nul.txt")), time_limit(30));
  CHECK(file.status == 0);
  CHECK(file.out == "");
  CHECK(file.err == "tamga: " + (dir / "nul.txt").string() + ": binary file skipped\n");

  write_bytes(dir / "nul.jsonl", "{\"id\":\"a\\u0000b\",\"text\":\"before\\u0000after hoax\"}\n");
  Bounded jsonl = run_bounded(scan(quoted(dir / "nul.jsonl")), time_limit(30));
  CHECK(jsonl.status == 0);
  CHECK(jsonl.err == "");
  auto records = parse_records(jsonl.out);
  REQUIRE(records.size() == 1);
  CHECK(records[0].id == std::string("a\0b", 3));
  CHECK(records[0].hits == 1);
  CHECK(jsonl.out.find('\0') == std::string::npos);
  CHECK(contains(jsonl.out, "before\\u0000after"));
  Bounded text = run_bounded(tamga_cmd("scan --color always --lang en -l '" + test_lexicon() + "' " + quoted(dir / "nul.jsonl")),
                             time_limit(30));
  CHECK(text.out.find('\0') == std::string::npos);
  CHECK(contains(text.out, "a\\x00b"));
}

TEST_CASE("hostile: binary files (an image, an executable) are skipped with a notice") {
  fs::path dir = case_dir("binary");
  write_bytes(dir / "image.png", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10", 20) + std::string(4000, '\x7f'));
  std::string elf("\x7F" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x02\0\x3E\0", 20);
  write_bytes(dir / "program", elf + std::string(4000, '\0'));
  write_bytes(dir / "story.txt", "A hoax.\n");
  Bounded r = run_bounded(scan(quoted(dir)), time_limit(30));
  CHECK(r.status == 0);
  CHECK(r.err == "tamga: " + (dir / "image.png").string() + ": binary file skipped\n" + "tamga: " +
                     (dir / "program").string() + ": binary file skipped\n");
  auto records = parse_records(r.out);
  REQUIRE(records.size() == 1);
  CHECK(records[0].id == (dir / "story.txt").string());
}

TEST_CASE("hostile: an 8 MB token without spaces") {
  fs::path file = case_dir("token") / "token.txt";
  write_bytes(file, std::string(8 << 20, 'x') + " hoax\n");
  Bounded r = run_bounded(scan(quoted(file)), time_limit(60));
  CHECK_FALSE(r.timed_out);
  CHECK(r.status == 0);
  CHECK(r.err == "");
  auto records = parse_records(r.out);
  REQUIRE(records.size() == 1);
  REQUIRE(records[0].hits == 1);
  CHECK(records[0].hit_places[0] == std::pair<long long, long long>(1, (8 << 20) + 2));
  CHECK(r.max_rss_mb < 800);
  MESSAGE("8 MB token: " << r.seconds << " s, " << r.max_rss_mb << " MB");
}

TEST_CASE("hostile: a 200 MB single line is refused by the document size limit without being read") {
  fs::path dir = case_dir("huge");
  fs::path file = dir / "line.txt";
  {
    std::ofstream out(file, std::ios::binary);
    std::string chunk(1 << 20, 'a');
    for (int k = 0; k < 200; ++k) out << chunk;
  }
  write_bytes(dir / "small.txt", "A hoax.\n");
  Bounded r = run_bounded(scan(quoted(file) + " " + quoted(dir / "small.txt")), time_limit(30));
  fs::remove(file);
  CHECK_FALSE(r.timed_out);
  CHECK(r.status == 2);
  CHECK(r.err == "tamga: " + file.string() + ": 209715200 bytes, over the maximum document size of 64 MiB (--max-doc-size)\n");
  auto records = parse_records(r.out);
  REQUIRE(records.size() == 2);
  CHECK(records[0].errors == std::vector<std::string>{"too-large"});
  CHECK(records[1].hits == 1);
  CHECK(r.max_rss_mb < 200);  // less than the input: it was never read into memory
  MESSAGE("200 MB line: " << r.seconds << " s, " << r.max_rss_mb << " MB");
}

TEST_CASE("hostile: --max-doc-size on a JSON Lines record and on standard input, and bad sizes are usage errors") {
  fs::path dir = case_dir("limit");
  fs::path file = dir / "big.jsonl";
  write_bytes(file, "{\"id\":\"big\",\"text\":\"" + std::string(3 << 20, 'a') + "\"}\n{\"id\":\"next\",\"text\":\"a hoax\"}\n");
  Bounded r = run_bounded(scan("--max-doc-size 1M " + quoted(file)), time_limit(30));
  CHECK(r.status == 2);
  CHECK(r.err == "tamga: " + file.string() + ":1: 3145750 bytes, over the maximum document size of 1 MiB (--max-doc-size)\n");
  auto records = parse_records(r.out);
  REQUIRE(records.size() == 2);
  CHECK(records[0].id == file.string() + ":1");
  CHECK(records[0].errors == std::vector<std::string>{"too-large"});
  CHECK(records[1].id == "next");
  CHECK(records[1].hits == 1);

  // Through a pipe the size is not known up front: reading stops at the limit.
  Bounded in = run_bounded("cat | " + scan("--max-doc-size 1K -"), time_limit(30), std::string(5000, 'b'));
  CHECK(in.status == 2);
  CHECK(in.err == "tamga: <stdin>: more than 1024 bytes, over the maximum document size of 1 KiB (--max-doc-size)\n");
  CHECK(parse_records(in.out).size() == 1);

  // The option is read from .tamga.ini like every other.
  write_bytes(dir / ".tamga.ini", "max-doc-size = 2K\n");
  write_bytes(dir / "doc.txt", std::string(3000, 'c'));
  Bounded ini = run_bounded("cd " + quoted(dir) + " && " + scan("doc.txt"), time_limit(30));
  CHECK(ini.status == 2);
  CHECK(contains(ini.err, "over the maximum document size of 2 KiB"));

  for (const char* bad : {"0", "10X", "-5", "M"}) {
    CAPTURE(bad);
    Bounded u = run_bounded(scan(std::string("--max-doc-size=") + bad + " -"), time_limit(30));
    CHECK(u.status == 2);
    CHECK(contains(u.err, "--max-doc-size takes a size above 0"));
    CHECK(u.out == "");
  }
}

TEST_CASE("hostile: a million tiny lines") {
  fs::path file = case_dir("lines") / "lines.txt";
  std::string text;
  text.reserve(2100000);
  for (int k = 0; k < 1000000; ++k) text += k % 100 == 0 ? "hoax\n" : ".\n";
  write_bytes(file, text);
  Bounded r = run_bounded(tamga_cmd("scan --color never --lang en -l '" + test_lexicon() + "' " + quoted(file)), time_limit(60));
  CHECK_FALSE(r.timed_out);
  CHECK(r.status == 0);
  CHECK(r.err == "");
  // One document: its summary line, and a hit line per hoax (10,000) and per repetition (9,999), the last on
  // line 999,901 (line and column are found in linear time, not by counting from the start per hit).
  CHECK(count_lines(r.out) == 1 + 10000 + 9999);
  CHECK(contains(r.out, file.string() + ":999901:1: Doubt: \"hoax\""));
  CHECK(r.max_rss_mb < kSmallRunMb);
  MESSAGE("1M lines: " << r.seconds << " s, " << r.max_rss_mb << " MB");
}

TEST_CASE("hostile: a storm of combining marks") {
  fs::path file = case_dir("combining") / "marks.txt";
  std::string storm;
  for (int k = 0; k < 100000; ++k) storm += "\xCC\x81";  // U+0301
  write_bytes(file, "hoax a" + storm + " hoax\n" + storm + "\n");
  Bounded r = run_bounded(scan(quoted(file)), time_limit(30));
  CHECK_FALSE(r.timed_out);
  CHECK(r.status == 0);
  CHECK(r.err == "");
  auto records = parse_records(r.out);
  REQUIRE(records.size() == 1);
  REQUIRE(records[0].hits == 3);
  // Columns count code points: "hoax " is 5, "a" and its 100,000 marks 100,001, then a space.
  CHECK(records[0].hit_places[1] == std::pair<long long, long long>(1, 5 + 100001 + 1 + 1));
}

TEST_CASE("hostile: zero-width and bidirectional controls are shown escaped on a terminal") {
  fs::path dir = case_dir("bidi");
  // In the id (the file name) and around words: right-to-left override, isolates, marks, zero-width space.
  fs::path file = dir / "report\xE2\x80\xAEtxt.exe\xE2\x80\x8B.txt";
  write_bytes(file, "The \xE2\x80\xAEhoax\xE2\x80\xAC and \xE2\x81\xA6" "alleged\xE2\x81\xA9 \xE2\x80\x8Fso-called\xE2\x80\x8B.\n");
  Bounded r = run_bounded(tamga_cmd("scan --color always --lang en -l '" + test_lexicon() + "' " + quoted(file)), time_limit(30));
  CHECK(r.status == 0);
  CHECK(r.err == "");
  CHECK(contains(r.out, "report\\u{202E}txt.exe\\u{200B}.txt"));
  for (const char* raw : {"\xE2\x80\xAE", "\xE2\x80\xAC", "\xE2\x81\xA6", "\xE2\x81\xA9", "\xE2\x80\x8F", "\xE2\x80\x8B"}) {
    CAPTURE(raw);
    CHECK_FALSE(contains(r.out, raw));
  }
  Bounded j = run_bounded(scan(quoted(file)), time_limit(30));
  auto records = parse_records(j.out);
  REQUIRE(records.size() == 1);
  CHECK(records[0].hits >= 2);  // hoax and alleged match through the controls around them
}

TEST_CASE("hostile: emoji with zero-width joiners") {
  fs::path file = case_dir("emoji") / "emoji.txt";
  // A family (7 code points joined by ZWJ), a rainbow flag, skin tones.
  write_bytes(file, "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7\xE2\x80\x8D\xF0\x9F\x91\xA6 hoax "
                    "\xF0\x9F\x8F\xB3\xEF\xB8\x8F\xE2\x80\x8D\xF0\x9F\x8C\x88\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBDhoax\n");
  Bounded r = run_bounded(scan(quoted(file)), time_limit(30));
  CHECK(r.status == 0);
  CHECK(r.err == "");
  auto records = parse_records(r.out);
  REQUIRE(records.size() == 1);
  REQUIRE(records[0].hits == 3);
  CHECK(records[0].hit_places[0] == std::pair<long long, long long>(1, 9));
  CHECK(records[0].hit_places[1] == std::pair<long long, long long>(1, 9 + 5 + 4 + 2));
  // Emoji are text, not controls: the terminal output keeps them as they are.
  Bounded t = run_bounded(tamga_cmd("scan --color never --lang en -l '" + test_lexicon() + "' " + quoted(file)), time_limit(30));
  CHECK(contains(t.out, file.string() + ":1:9: Doubt: \"hoax\""));
}

TEST_CASE("hostile: ANSI escape and OSC sequences never reach the terminal, whatever --color says") {
  fs::path dir = case_dir("ansi");
  fs::path file = dir / "title\x1B]0;owned\x07.txt";
  write_bytes(file, "\x1B[31mhoax\x1B[0m \x1B]0;pwned\x07 \x1B]8;;http://evil.example\x1B\\link\x1B]8;;\x1B\\ \xC2\x9B" "2J hoax\x1B[2J\n"
                    "bad \xFF byte\n");
  for (const char* color : {"always", "never"}) {
    CAPTURE(color);
    Bounded r = run_bounded(tamga_cmd(std::string("scan --lang en -l '") + test_lexicon() + "' --color " + color + " " + quoted(file)),
                            time_limit(30));
    CHECK(r.status == 0);
    // tamga's own colours are the only escape sequences on standard output; the document's are shown as \x1B.
    std::string out = r.out;
    for (const char* own : {"\x1B[1;35m", "\x1B[36m", "\x1B[1;31m", "\x1B[2m", "\x1B[0m"}) {
      for (size_t at; (at = out.find(own)) != std::string::npos;) out.erase(at, std::string_view(own).size());
    }
    CHECK(out.find('\x1B') == std::string::npos);
    CHECK(out.find('\x07') == std::string::npos);
    CHECK_FALSE(contains(out, "\xC2\x9B"));
    CHECK(contains(out, "title\\x1B]0;owned\\x07.txt"));
    // Standard error names the file escaped too, with the line and byte of the bad byte.
    CHECK(r.err.find('\x1B') == std::string::npos);
    CHECK(contains(r.err, "title\\x1B]0;owned\\x07.txt:2: warning: invalid UTF-8 (0xFF) at byte"));
  }
  Bounded j = run_bounded(scan(quoted(file)), time_limit(30));
  CHECK(j.out.find('\x1B') == std::string::npos);
  CHECK(contains(j.out, "\\u001b[31mhoax"));
  CHECK(contains(j.out, "\\u009b2J"));
}

TEST_CASE("hostile: deeply nested and unclosed HTML") {
  fs::path file = case_dir("html") / "page.html";
  std::string html;
  for (int k = 0; k < 100000; ++k) html += "<div><span>";
  html += "<p>A hoax.</p><b><i><table><tr><td><script>var s = 'hoax";
  for (int k = 0; k < 20000; ++k) html += "<p";
  html += "<!-- hoax";
  write_bytes(file, html);
  Bounded r = run_bounded(scan(quoted(file)), time_limit(30));
  CHECK_FALSE(r.timed_out);
  CHECK(r.status == 0);
  CHECK(r.err == "");
  auto records = parse_records(r.out);
  REQUIRE(records.size() == 1);
  CHECK(records[0].hits == 1);  // the paragraph; not the unclosed script or comment
  CHECK(r.max_rss_mb < kSmallRunMb);
}

TEST_CASE("hostile: an unclosed Markdown fence hides the rest of the file, nothing else") {
  fs::path file = case_dir("markdown") / "draft.md";
  write_bytes(file, "# Title\n\nA hoax here.\n\n```python\nhoax = 'hoax'\n\n" + std::string(5000, '~') + "\nalleged\n");
  Bounded r = run_bounded(scan(quoted(file)), time_limit(30));
  CHECK(r.status == 0);
  CHECK(r.err == "");
  auto records = parse_records(r.out);
  REQUIRE(records.size() == 1);
  REQUIRE(records[0].hits == 1);
  CHECK(records[0].hit_places[0] == std::pair<long long, long long>(3, 3));
}

TEST_CASE("hostile: JSON Lines with truncated, invalid, non-object and text-less lines and duplicate ids") {
  fs::path file = case_dir("jsonl") / "records.jsonl";
  write_bytes(file,
              "\xEF\xBB\xBF{\"id\":\"a\",\"text\":\"A hoax.\"}\n"  // 1, after a byte-order mark
              "{\"id\":\"b\",\"text\":\"cut short\n"               // 2 truncated
              "not json at all\n"                                   // 3 invalid
              "[1,2,3]\n"                                           // 4 not an object
              "\"a string\"\n"                                      // 5 not an object
              "{\"id\":\"c\"}\n"                                    // 6 no text
              "{\"id\":\"d\",\"text\":42}\n"                        // 7 text not a string
              "\n"                                                  // 8 blank: not a record
              "{\"id\":\"a\",\"text\":\"Another hoax.\"}\r\n"       // 9 duplicate id, CRLF
              "{\"id\":\"e\",\"text\":\"so-called\"}");             // 10 no final newline
  for (const char* jobs : {"-j 1", "-j 2"}) {
    CAPTURE(jobs);
    Bounded r = run_bounded(scan(std::string(jobs) + " " + quoted(file)), time_limit(30));
    CHECK(r.status == 2);
    auto records = parse_records(r.out);
    REQUIRE(records.size() == 9);
    std::vector<std::string> ids, codes;
    for (const Record& rec : records) {
      ids.push_back(rec.id);
      codes.push_back(rec.errors.empty() ? "" : rec.errors[0]);
    }
    std::string f = file.string();
    CHECK(ids == std::vector<std::string>{"a", f + ":2", f + ":3", f + ":4", f + ":5", "c", "d", "a", "e"});
    CHECK(codes == std::vector<std::string>{"", "invalid-json", "invalid-json", "not-an-object", "not-an-object",
                                            "missing-text", "missing-text", "", ""});
    CHECK(records[0].hits == 1);
    CHECK(records[7].hits == 1);  // both records with id "a" are kept, in order
    CHECK(records[8].hits == 1);
    CHECK(contains(r.err, "tamga: " + f + ":2: not valid JSON: "));
    CHECK(contains(r.err, "tamga: " + f + ":3: not valid JSON: "));
    CHECK(contains(r.err, "tamga: " + f + ":4: the record is not a JSON object\n"));
    CHECK(contains(r.err, "tamga: " + f + ":6: no string field 'text'\n"));
    CHECK(contains(r.err, "tamga: " + f + ":7: no string field 'text'\n"));
    CHECK(count_lines(r.err) == 6);
  }
}

TEST_CASE("hostile: a lexicon with malformed lines reports each as file:line and the good entries still match") {
  fs::path lex = case_dir("lexicon-malformed") / "bad.tsv";
  write_bytes(lex,
              "#@ lang: en\n"
              "#@ bogus default\n"                        // 2
              "pattern\ttechnique\tweight\tgloss\n"
              "hoax\tDoubt\t1\ta fabrication\n"
              "a line without any tab\n"                  // 5
              "lie\tDoubt\tabc\tbad weight\n"             // 6
              "lie\tBogus_Technique\t1\tx\n"              // 7
              "lie\tDoubt\t1\tx\textra\tcells\n"          // 8
              "\tDoubt\t1\tno pattern\n"                  // 9
              "!!!\tDoubt\t1\tno letters\n"               // 10
              "bad\xFF\tDoubt\t1\tinvalid UTF-8\n");      // 11
  Bounded r = run_bounded(tamga_cmd("scan --format jsonl --lang en -l " + quoted(lex) + " -"), time_limit(30), "A hoax.");
  CHECK(r.status == 2);
  std::string f = lex.string();
  for (const std::string& expected :
       {f + ":2: file default 'bogus default' is not 'key: value'", f + ":5: missing technique",
        f + ":6: bad weight 'abc'", f + ":7: unknown technique 'Bogus_Technique'",
        f + ":8: 6 fields but the header names 4 columns", f + ":9: empty pattern",
        f + ":10: pattern word '!!!' has no letters or digits", f + ":11: invalid UTF-8 at byte 4 of the line"}) {
    CAPTURE(expected);
    CHECK(contains(r.err, expected));
  }
  auto records = parse_records(r.out);
  REQUIRE(records.size() == 1);
  CHECK(records[0].hits == 1);
}

TEST_CASE("hostile: regular expressions RE2 rejects, and the size limits of a lexicon") {
  fs::path lex = case_dir("lexicon-regex") / "regex.tsv";
  std::string words;
  for (int k = 0; k < 33; ++k) words += "w ";
  write_bytes(lex, "#@ lang: en\n#@ technique: Doubt\npattern\tgloss\n"
                   "re:(unclosed\tx\n"                                   // 4
                   "re:(a)\\1\tbackreference\n"                          // 5
                   "re:a{1001}\ttoo many repeats\n"                      // 6
                   "re:\\pL{1000}\tover the memory budget\n"             // 7
                   "re:" + std::string(1001, 'a') + "\ttoo long\n" +     // 8
                   std::string(2001, 'p') + "\ttoo long\n" +             // 9
                   words + "\ttoo many words\n" +                        // 10
                   std::string(70000, 'q') + "\n" +                      // 11
                   "hoax\tstill loaded\n");
  Bounded r = run_bounded(tamga_cmd("scan --format jsonl --lang en -l " + quoted(lex) + " -"), time_limit(30), "A hoax.");
  CHECK_FALSE(r.timed_out);
  CHECK(r.status == 2);
  std::string f = lex.string();
  for (const std::string& expected :
       {f + ":4: bad regular expression '(unclosed': missing )", f + ":5: bad regular expression '(a)\\1': invalid escape",
        f + ":6: bad regular expression 'a{1001}': invalid repetition size: {1001}",
        f + ":7: regular expression '\\pL{1000}' is too large for RE2's memory budget of 8 MiB",
        f + ":8: regular expression of 1001 bytes; the limit is 1000", f + ":9: pattern of 2001 bytes; the limit is 2000",
        f + ":10: pattern of 33 words; the limit is 32", f + ":11: line of 70000 bytes; the limit is 65536"}) {
    CAPTURE(expected);
    CHECK(contains(r.err, expected));
  }
  CHECK(count_lines(r.err) == 8);
  auto records = parse_records(r.out);
  REQUIRE(records.size() == 1);
  CHECK(records[0].hits == 1);
}

TEST_CASE("hostile: a pathological regular expression runs in linear time") {
  fs::path dir = case_dir("lexicon-pathological");
  write_bytes(dir / "slow.tsv", "#@ lang: en\n#@ technique: Doubt\npattern\tgloss\n"
                                "re:(x+x+)+y\tcatastrophic for a backtracking engine\n"
                                "re:(?:a|a)*b\tthe same\n"
                                "re:(?:\\w+\\s*){100}z\tmany repeats\n");
  // Long tokens that almost match: a backtracking engine would take exponential time on each.
  write_bytes(dir / "doc.txt", std::string(1 << 20, 'x') + " " + std::string(1 << 20, 'a') + " " + std::string(30, 'x') + "y\n");
  Bounded r = run_bounded(tamga_cmd("scan --format jsonl --lang en -l " + quoted(dir / "slow.tsv") + " " + quoted(dir / "doc.txt")),
                          time_limit(60));
  CHECK_FALSE(r.timed_out);
  CHECK(r.status == 0);
  CHECK(r.err == "");
  auto records = parse_records(r.out);
  REQUIRE(records.size() == 1);
  CHECK(records[0].hits == 1);  // only the short token ending in y matches
  MESSAGE("pathological regex: " << r.seconds << " s");
}

TEST_CASE("hostile: a lexicon saved by a spreadsheet (BOM, CRLF, quoted cells, UTF-16) loads") {
  fs::path dir = case_dir("lexicon-spreadsheet");
  std::string tsv = "pattern\ttechnique\tweight\tgloss\r\n"
                    "hoax\tDoubt\t1\t\"a fabrication, \"\"fake\"\"\"\r\n"
                    "\"so-called\"\tDoubt\t1\t\"rejects the name\"\r\n"
                    "\r\n";
  write_bytes(dir / "excel-utf8.tsv", "\xEF\xBB\xBF" + tsv);
  std::string utf16 = "\xFF\xFE";
  for (unsigned char c : tsv) utf16 += static_cast<char>(c), utf16 += '\0';
  write_bytes(dir / "excel-unicode.tsv", utf16);
  for (const char* name : {"excel-utf8.tsv", "excel-unicode.tsv"}) {
    CAPTURE(name);
    Bounded r = run_bounded(tamga_cmd("scan --format jsonl --lang en -l " + quoted(dir / name) + " -"), time_limit(30),
                            "A hoax, the so-called experts said.");
    CHECK(r.status == 0);
    CHECK(r.err == "");
    auto records = parse_records(r.out);
    REQUIRE(records.size() == 1);
    CHECK(records[0].hits == 2);
    CHECK(contains(r.out, "\"gloss\":\"a fabrication, \\\"fake\\\"\""));
  }
}

TEST_CASE("hostile: an unreadable file gives an error record and the others are still scanned") {
  fs::path dir = case_dir("unreadable");
  write_bytes(dir / "good.txt", "A hoax.\n");
  // Reading /proc/self/mem from offset 0 fails with EIO for anyone, root included.
  fs::create_symlink("/proc/self/mem", dir / "broken.txt");
  Bounded r = run_bounded(scan(quoted(dir)), time_limit(30));
  CHECK(r.status == 2);
  CHECK(r.err == "tamga: " + (dir / "broken.txt").string() + ": cannot read: Input/output error\n");
  auto records = parse_records(r.out);
  REQUIRE(records.size() == 2);
  CHECK(records[0].id == (dir / "broken.txt").string());
  CHECK(records[0].errors == std::vector<std::string>{"read-failed"});
  CHECK(records[1].hits == 1);
  if (::geteuid() != 0) {  // permissions do not stop root
    write_bytes(dir / "secret.txt", "x");
    fs::permissions(dir / "secret.txt", fs::perms::none);
    Bounded p = run_bounded(scan(quoted(dir / "secret.txt")), time_limit(30));
    CHECK(p.status == 2);
    CHECK(p.err == "tamga: " + (dir / "secret.txt").string() + ": cannot read: Permission denied\n");
    CHECK(parse_records(p.out).size() == 1);
  }
}

TEST_CASE("hostile: symbolic link loops and dangling links are reported, not followed forever or dropped silently") {
  fs::path dir = case_dir("links");
  fs::create_directories(dir / "tree");
  write_bytes(dir / "tree" / "good.txt", "A hoax.\n");
  fs::create_symlink("loop_b", dir / "tree" / "loop_a");
  fs::create_symlink("loop_a", dir / "tree" / "loop_b");
  fs::create_symlink("nowhere", dir / "tree" / "dangling");
  fs::create_directory_symlink("..", dir / "tree" / "parent");  // a folder loop: links to folders are not followed
  Bounded r = run_bounded(scan(quoted(dir / "tree") + " " + quoted(dir / "tree" / "loop_a")), time_limit(30));
  CHECK_FALSE(r.timed_out);
  CHECK(r.status == 2);
  std::string t = (dir / "tree").string();
  CHECK(contains(r.err, "tamga: " + t + "/loop_a: cannot read: Too many levels of symbolic links\n"));
  CHECK(contains(r.err, "tamga: " + t + "/loop_b: cannot read: Too many levels of symbolic links\n"));
  CHECK(contains(r.err, "tamga: " + t + "/dangling: cannot read: broken symbolic link\n"));
  CHECK(count_lines(r.err) == 4);  // the three in the folder, and the loop named on the command line
  auto records = parse_records(r.out);
  REQUIRE(records.size() == 1);
  CHECK(records[0].id == t + "/good.txt");
}

TEST_CASE("hostile: a folder given as -o is refused before anything runs, and so is an output in a missing folder") {
  fs::path dir = case_dir("output-dir");
  fs::create_directories(dir / "out");
  Bounded r = run_bounded(scan("-o " + quoted(dir / "out") + " -"), time_limit(30), "A hoax.");
  CHECK(r.status == 2);
  CHECK(r.err == "tamga scan: -o " + (dir / "out").string() + ": is a folder\n");
  CHECK(r.out == "");
  CHECK(fs::is_empty(dir / "out"));
  Bounded missing = run_bounded(scan("-o " + quoted(dir / "no" / "such" / "file.jsonl") + " -"), time_limit(30), "A hoax.");
  CHECK(missing.status == 2);
  CHECK(missing.err == "tamga scan: -o " + (dir / "no" / "such" / "file.jsonl").string() + ": cannot create: No such file or directory\n");
}

TEST_CASE("hostile: CSV and TSV cells that a spreadsheet would run are neutralised") {
  fs::path file = case_dir("csv") / "ids.jsonl";
  write_bytes(file,
              "{\"id\":\"=HYPERLINK(\\\"http://evil.example\\\",\\\"x\\\")\",\"text\":\"hoax\"}\n"
              "{\"id\":\"+cmd|' /C calc'!A0\",\"text\":\"hoax\"}\n"
              "{\"id\":\"-2+3\",\"text\":\"hoax\"}\n"
              "{\"id\":\"@SUM(A1:A9)\",\"text\":\"hoax\"}\n"
              "{\"id\":\"\\t=1+1\",\"text\":\"hoax\"}\n"
              "{\"id\":\"\\r=1+1\",\"text\":\"hoax\"}\n"
              "{\"id\":\"-1.5\",\"text\":\"hoax\"}\n");
  Bounded csv = run_bounded(tamga_cmd("scan --format csv --lang en -l '" + test_lexicon() + "' " + quoted(file)), time_limit(30));
  CHECK(csv.status == 0);
  CHECK(contains(csv.out, "\n\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",en,"));
  CHECK(contains(csv.out, "\n'+cmd|' /C calc'!A0,en,"));
  CHECK(contains(csv.out, "\n'-2+3,en,"));
  CHECK(contains(csv.out, "\n'@SUM(A1:A9),en,"));
  CHECK(contains(csv.out, "\n'\t=1+1,en,"));
  CHECK(contains(csv.out, "\n\"'\r=1+1\",en,"));
  CHECK(contains(csv.out, "\n-1.5,en,"));  // a plain number stays a number
  Bounded tsv = run_bounded(tamga_cmd("scan --format tsv --hits --lang en -l '" + test_lexicon() + "' " + quoted(file)), time_limit(30));
  CHECK(contains(tsv.out, "\n'\\t=1+1\t"));
  CHECK(contains(tsv.out, "\n'\\r=1+1\t"));
  CHECK(contains(tsv.out, "\n'@SUM(A1:A9)\t"));
}

TEST_CASE("hostile: JSON output escapes every control character, C1 and line separators included") {
  Bounded r = run_bounded(scan("-"), time_limit(30),
                          std::string("a\x01 b\x1F c\x7F d\xC2\x85 e\xC2\x9F f\xE2\x80\xA8 g\xE2\x80\xA9 hoax\n"));
  CHECK(r.status == 0);
  for (const char* escaped : {"\\u0001", "\\u001f", "\\u007f", "\\u0085", "\\u009f", "\\u2028", "\\u2029"}) {
    CAPTURE(escaped);
    CHECK(contains(r.out, escaped));
  }
  for (const char* raw : {"\x01", "\x1F", "\x7F", "\xC2\x85", "\xC2\x9F", "\xE2\x80\xA8", "\xE2\x80\xA9"}) CHECK_FALSE(contains(r.out, raw));
  auto records = parse_records(r.out);
  REQUIRE(records.size() == 1);
  CHECK(records[0].hits == 1);
}
