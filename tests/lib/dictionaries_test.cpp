// Foreign dictionaries: parsing LIWC, LIWC-22, quanteda, Lexicoder and WordStat files, converting them to
// tamga lexicons, writing lexicons as LIWC and quanteda dictionaries, and round trips between them.
#include "tamga/dictionaries.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <tuple>

using namespace tamga;

namespace {

std::string fixture(const std::string& name) {
  std::ifstream in(std::filesystem::path(TAMGA_SOURCE_DIR) / "tests" / "data" / "dictionaries" / name, std::ios::binary);
  REQUIRE(in);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Dictionary parse_fixture(const std::string& name, DictionaryFormat format) {
  Dictionary d = parse_dictionary(fixture(name), name, format);
  for (const auto& e : d.errors) FAIL_CHECK(e.to_string());
  return d;
}

// "category: pattern" per entry, in order.
std::vector<std::string> listing(const Dictionary& d) {
  std::vector<std::string> out;
  for (const auto& e : d.entries) out.push_back(e.category + ": " + e.pattern);
  return out;
}

std::vector<std::string> messages(const std::vector<LexiconIssue>& issues) {
  std::vector<std::string> out;
  for (const auto& i : issues) out.push_back(i.to_string());
  return out;
}

std::vector<Entry> load(const std::string& tsv, Lang lang = Lang::kUnknown) {
  LexiconBuilder b;
  b.add_text(tsv, "imported.tsv", lang);
  for (const auto& e : b.errors()) FAIL_CHECK(e.to_string());
  return b.build()->entries();
}

using Key = std::tuple<std::string, std::string, std::string>;  // pattern, technique, lang
std::set<Key> keys(const std::vector<Entry>& entries) {
  std::set<Key> out;
  for (const auto& e : entries)
    out.emplace(e.pattern, std::string(technique_name(e.technique)), std::string(lang_code(e.lang)));
  return out;
}

ImportResult import_ok(const Dictionary& d, const ImportOptions& o) {
  ImportResult r = import_dictionary(d, o);
  for (const auto& e : r.errors) FAIL_CHECK(e.to_string());
  REQUIRE(r.errors.empty());
  return r;
}

ImportOptions mapping(std::vector<std::pair<std::string, Technique>> map) {
  ImportOptions o;
  o.map = std::move(map);
  return o;
}

bool contains(const std::vector<std::string>& v, std::string_view needle) {
  for (const auto& s : v)
    if (s.find(needle) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("dictionary formats are named on the command line and inferred from file extensions") {
  CHECK(parse_dictionary_format("liwc") == DictionaryFormat::kLiwc);
  CHECK(parse_dictionary_format("LIWC22") == DictionaryFormat::kLiwc22);
  CHECK(parse_dictionary_format("quanteda") == DictionaryFormat::kQuanteda);
  CHECK(parse_dictionary_format("lexicoder") == DictionaryFormat::kLexicoder);
  CHECK(parse_dictionary_format("wordstat") == DictionaryFormat::kWordstat);
  CHECK_FALSE(parse_dictionary_format("excel"));
  CHECK(dictionary_format_of_path("dir/LIWC2015.dic") == DictionaryFormat::kLiwc);
  CHECK(dictionary_format_of_path("my.dicx") == DictionaryFormat::kLiwc22);
  CHECK(dictionary_format_of_path("d.yaml") == DictionaryFormat::kQuanteda);
  CHECK(dictionary_format_of_path("LSD2015.lc3") == DictionaryFormat::kLexicoder);
  CHECK(dictionary_format_of_path("RID.CAT") == DictionaryFormat::kWordstat);
  CHECK_FALSE(dictionary_format_of_path("dir.dic/file"));
}

TEST_CASE("a LIWC dictionary gives categories from its table and one entry per word and category") {
  Dictionary d = parse_fixture("sample.dic", DictionaryFormat::kLiwc);
  REQUIRE(d.categories.size() == 3);
  CHECK(d.categories[0].name == "negemo");
  CHECK(d.categories[0].description == "Negative emotion");
  CHECK(d.categories[0].line == 2);
  CHECK(listing(d) == std::vector<std::string>{"negemo: hoax", "negemo: liar*", "anger: liar*", "anger: lying scum",
                                               "certain: absolutely", "certain: definitely", "certain: like"});
  CHECK(d.entries[3].line == 8);
}

TEST_CASE("LIWC conditional category codes are skipped with a warning naming the line") {
  Dictionary d = parse_fixture("sample.dic", DictionaryFormat::kLiwc);
  REQUIRE(d.warnings.size() == 1);
  CHECK(d.warnings[0].to_string().find("sample.dic:11: conditional category codes of 'like'") == 0);
}

TEST_CASE("a LIWC dictionary with CR line ends, space separators and zero-padded ids parses") {
  Dictionary d = parse_dictionary("%\r01 A category\r02\tAnother\r%\rmore 01\rcivil rights\t2 1\r", "x.dic",
                                  DictionaryFormat::kLiwc);
  CHECK(d.errors.empty());
  CHECK(listing(d) == std::vector<std::string>{"A category: more", "Another: civil rights", "A category: civil rights"});
}

TEST_CASE("LIWC errors name the file, the line and the problem") {
  auto errs = [](std::string_view text) {
    return messages(parse_dictionary(text, "x.dic", DictionaryFormat::kLiwc).errors);
  };
  CHECK(errs("word\t1\n") == std::vector<std::string>{
                                 "x.dic:1: expected a '%' line opening the category table (is this a LIWC .dic file?)"});
  CHECK(errs("%\n1\tneg\nhoax\t1\n") ==
        std::vector<std::string>{"x.dic:3: category line 'hoax\t1' is not 'NUMBER<TAB>NAME'",
                                 "x.dic:1: the category table opened here is not closed by a '%' line"});
  CHECK(errs("%\n1\tneg\n%\nhoax\t2\n") ==
        std::vector<std::string>{"x.dic:4: category 2 of 'hoax' is not declared in the category table"});
  CHECK(errs("%\n1\tneg\n%\nhoax\n") == std::vector<std::string>{"x.dic:4: entry 'hoax' has no category numbers"});
  CHECK(errs("%\n1\tneg\n1\tpos\n%\n") ==
        std::vector<std::string>{"x.dic:3: category number 1 is declared twice (first at line 2)"});
}

TEST_CASE("a LIWC-22 dicx gives its header's categories, X marks, weights and quoted phrases") {
  Dictionary d = parse_fixture("sample.dicx", DictionaryFormat::kLiwc22);
  REQUIRE(d.categories.size() == 3);
  CHECK(d.categories[2].name == "certain");
  CHECK(listing(d) == std::vector<std::string>{"negemo: hoax", "negemo: liar*", "anger: liar*", "anger: lying scum",
                                               "certain: no \"ifs\" or buts", "certain: surely"});
  CHECK(d.entries.back().weight == 0.5);
  CHECK(d.entries.back().line == 6);
}

TEST_CASE("LIWC-22 errors name the line: a missing DicTerm header, extra cells, bad cells, an unclosed quote") {
  auto errs = [](std::string_view text) {
    return messages(parse_dictionary(text, "x.dicx", DictionaryFormat::kLiwc22).errors);
  };
  CHECK(contains(errs("Term,neg\nhoax,X\n"), "x.dicx:1: expected the header row 'DicTerm,CATEGORY,...'"));
  CHECK(errs("DicTerm,neg\nhoax,X,X\n") ==
        std::vector<std::string>{"x.dicx:2: 3 cells but the header row names 2 columns"});
  CHECK(errs("DicTerm,neg\nhoax,yes\n") ==
        std::vector<std::string>{"x.dicx:2: cell 'yes' of 'hoax' in category 'neg' is neither X nor a number"});
  CHECK(errs("DicTerm,neg\nhoax,X\n\"lying\nscum,X\n") ==
        std::vector<std::string>{"x.dicx:3: a quoted field opened here is never closed"});
}

TEST_CASE("a quanteda dictionary joins nested keys with dots and reads block lists, flow lists and scalars") {
  Dictionary d = parse_fixture("sample.yml", DictionaryFormat::kQuanteda);
  CHECK(listing(d) == std::vector<std::string>{"fear.threat: invasion", "fear.threat: flood of migrants",
                                               "fear.disease: plague", "fear.disease: infest*", "loaded: hoax",
                                               "loaded: scum*", "certainty: absolutely"});
  CHECK(d.entries[1].line == 5);
  CHECK(d.entries.back().line == 10);
}

TEST_CASE("quanteda errors name the line: tabs, keys with words and sub-keys, unclosed lists, stray items") {
  auto errs = [](std::string_view text) {
    return messages(parse_dictionary(text, "x.yml", DictionaryFormat::kQuanteda).errors);
  };
  CHECK(errs("a:\n\t- x\n") == std::vector<std::string>{"x.yml:2: a tab in the indentation (YAML indents with spaces)"});
  CHECK(errs("a:\n  - x\n  b:\n    - y\n") == std::vector<std::string>{"x.yml:3: key 'a' has both words and sub-keys"});
  CHECK(errs("a: [x, y\n") == std::vector<std::string>{"x.yml:1: a [list] must close on the line it opens"});
  CHECK(errs("- x\n") == std::vector<std::string>{"x.yml:1: a list item outside any key"});
  CHECK(errs("a:\n  - b: c\n") ==
        std::vector<std::string>{"x.yml:2: 'b: c' is a key, not a word (a mapping inside a list?)"});
  CHECK(errs("a: \"open\n") == std::vector<std::string>{"x.yml:1: a quoted string is not closed on its line"});
}

TEST_CASE("quanteda comments, quoted keys and escapes are read as YAML reads them") {
  Dictionary d = parse_dictionary("# c\n\"Name_Calling,Labeling\":   # the key\n  - 'it''s'\n  - \"caf\\u00e9 #1\"\n",
                                  "x.yml", DictionaryFormat::kQuanteda);
  CHECK(d.errors.empty());
  CHECK(listing(d) == std::vector<std::string>{"Name_Calling,Labeling: it's", "Name_Calling,Labeling: café 1"});
  CHECK(d.entries[1].source == "café #1");
}

TEST_CASE("a Lexicoder dictionary gives one category per '+' line and keeps phrases") {
  Dictionary d = parse_fixture("sample.lc3", DictionaryFormat::kLexicoder);
  CHECK(listing(d) == std::vector<std::string>{"negative: hoax", "negative: liar*", "certainty: without a doubt",
                                               "certainty: absolutely"});
  auto errs = messages(parse_dictionary("hoax\n+neg\nliar\n", "x.lc3", DictionaryFormat::kLexicoder).errors);
  CHECK(errs == std::vector<std::string>{"x.lc3:1: 'hoax' comes before the first '+category' line"});
}

TEST_CASE("a WordStat dictionary nests categories by indentation and reads weights and underscore phrases") {
  Dictionary d = parse_fixture("sample.cat", DictionaryFormat::kWordstat);
  CHECK(listing(d) == std::vector<std::string>{"FEAR.THREAT: INVASION", "FEAR.THREAT: FLOOD OF MIGRANTS",
                                               "FEAR.DISEASE: PLAGUE*", "LOADED: HOAX", "LOADED: LYING SCUM"});
  CHECK(d.entries[1].weight == 2);
  CHECK(d.entries[1].source == "FLOOD_OF_MIGRANTS");
  // Leading spaces before the tabs, and words without a weight, as some files have them.
  Dictionary spaced = parse_dictionary("SOUTH\n   \tZA\n   \t\tSouth Africa (1)\n   \t\tCape Town\n", "x.cat",
                                       DictionaryFormat::kWordstat);
  CHECK(spaced.errors.empty());
  CHECK(listing(spaced) == std::vector<std::string>{"SOUTH.ZA: South Africa", "SOUTH.ZA: Cape Town"});
}

TEST_CASE("WordStat errors name the line: a word outside a category, lines indented under a word") {
  auto errs = [](std::string_view text) {
    return messages(parse_dictionary(text, "x.cat", DictionaryFormat::kWordstat).errors);
  };
  CHECK(errs("HOAX (1)\n") == std::vector<std::string>{"x.cat:1: word 'HOAX' is not inside a category"});
  CHECK(errs("LOADED\n\tHOAX (1)\n\t\tLIAR (1)\n") ==
        std::vector<std::string>{"x.cat:3: indented under the word 'HOAX', which is not a category"});
  auto warnings = messages(parse_dictionary("A\n\tX (20)\n", "x.cat", DictionaryFormat::kWordstat).warnings);
  CHECK(warnings == std::vector<std::string>{"x.cat:2: weight 20 of 'X' is outside tamga's range (0, 10]; skipped"});
}

TEST_CASE("a trailing star is a tamga prefix, other globs become case-insensitive regular expressions") {
  Dictionary d = parse_dictionary("a:\n  - propagand*\n  - '*ness'\n  - col?r\n  - '*'\n", "x.yml",
                                  DictionaryFormat::kQuanteda);
  CHECK(listing(d) == std::vector<std::string>{"a: propagand*", "a: re:(?i)^.*ness$", "a: re:(?i)^col.r$"});
  REQUIRE(d.warnings.size() == 1);
  CHECK(d.warnings[0].to_string() == "x.yml:5: '*' has nothing tamga can match; skipped");
  auto entries = load(import_ok(d, mapping({{"a", Technique::kDoubt}})).tsv, Lang::kEn);
  CHECK(entries.size() == 3);
}

TEST_CASE("import maps categories to techniques and writes a lexicon that loads cleanly with a gloss per entry") {
  Dictionary d = parse_fixture("sample.dic", DictionaryFormat::kLiwc);
  ImportResult r = import_ok(d, mapping({{"negemo", Technique::kLoadedLanguage},
                                         {"anger", Technique::kNameCalling},
                                         {"CERTAIN", Technique::kExaggeration}}));
  CHECK(r.entries == 7);
  CHECK(r.categories == 3);
  CHECK(r.tsv.find("pattern\ttechnique\tgloss\n") != std::string::npos);
  CHECK(r.tsv.find("hoax\tLoaded_Language\tLIWC category negemo (Negative emotion)\n") != std::string::npos);
  LexiconBuilder b;
  b.add_text(r.tsv, "imported.tsv", Lang::kEn);
  CHECK(b.errors().empty());
  CHECK(b.warnings().empty());
  auto lex = b.build();
  REQUIRE(lex->entries().size() == 7);
  CHECK(lex->entries()[3].pattern == "lying scum");
  CHECK(lex->entries()[3].technique == Technique::kNameCalling);
  CHECK(lex->entries()[3].words.size() == 2);
  CHECK(lex->entries()[1].words[0].kind == PatternKind::kPrefix);
  for (const auto& e : lex->entries()) CHECK_FALSE(e.gloss.empty());
}

TEST_CASE("an unmapped category is an error naming the file, the line of the category and the category") {
  Dictionary d = parse_fixture("sample.dic", DictionaryFormat::kLiwc);
  ImportResult r = import_dictionary(d, mapping({{"negemo", Technique::kLoadedLanguage}}));
  CHECK(r.tsv.empty());
  auto errs = messages(r.errors);
  REQUIRE(errs.size() == 2);
  CHECK(errs[0].find("sample.dic:3: category 'anger' has no technique") == 0);
  CHECK(errs[1].find("sample.dic:4: category 'certain' has no technique") == 0);
}

TEST_CASE("a mapped parent maps its sub-categories, and a category named after a technique maps itself") {
  Dictionary d = parse_dictionary("fear:\n  threat: [invasion]\n  disease: [plague]\nDoubt: [alleged]\n"
                                  "loaded_language: [hoax]\n",
                                  "x.yml", DictionaryFormat::kQuanteda);
  ImportResult r = import_ok(d, mapping({{"fear", Technique::kFear}, {"fear.disease", Technique::kLoadedLanguage}}));
  auto k = keys(load(r.tsv));
  CHECK(k == std::set<Key>{{"invasion", "Appeal_to_fear-prejudice", "und"},
                           {"plague", "Loaded_Language", "und"},
                           {"alleged", "Doubt", "und"},
                           {"hoax", "Loaded_Language", "und"}});
}

TEST_CASE("--keep-categories writes a category column and takes --technique, else the first --map target") {
  Dictionary d = parse_fixture("sample.lc3", DictionaryFormat::kLexicoder);
  ImportOptions o = mapping({{"certainty", Technique::kDoubt}});
  o.keep_categories = true;
  ImportResult r = import_ok(d, o);
  CHECK(r.tsv.find("pattern\ttechnique\tgloss\tcategory\n") != std::string::npos);
  CHECK(r.tsv.find("hoax\tDoubt\tLexicoder category negative\tnegative\n") != std::string::npos);
  o.technique = Technique::kLoadedLanguage;
  r = import_ok(d, o);
  CHECK(r.tsv.find("hoax\tLoaded_Language\tLexicoder category negative\tnegative\n") != std::string::npos);
  CHECK(r.tsv.find("absolutely\tDoubt\tLexicoder category certainty\tcertainty\n") != std::string::npos);
  ImportOptions none;
  none.keep_categories = true;
  CHECK(import_dictionary(d, none).errors.size() == 2);  // nothing to take a technique from
}

TEST_CASE("--only-mapped skips unmapped categories with one warning, and an unused --map is a warning") {
  Dictionary d = parse_fixture("sample.dic", DictionaryFormat::kLiwc);
  ImportOptions o = mapping({{"anger", Technique::kNameCalling}, {"posemo", Technique::kSlogans}});
  o.only_mapped = true;
  ImportResult r = import_ok(d, o);
  CHECK(r.entries == 2);
  auto w = messages(r.warnings);
  CHECK(contains(w, "sample.dic: --map category 'posemo' is not in this dictionary"));
  CHECK(contains(w, "sample.dic: 2 categories with no mapping skipped (--only-mapped): negemo, certain"));
}

TEST_CASE("an entry of several categories mapped to one technique is written once, its gloss naming them all") {
  Dictionary d = parse_fixture("sample.dic", DictionaryFormat::kLiwc);
  ImportOptions o;
  o.technique = Technique::kLoadedLanguage;
  ImportResult r = import_ok(d, o);
  CHECK(r.entries == 6);
  CHECK(r.tsv.find("liar*\tLoaded_Language\tLIWC categories negemo (Negative emotion), anger\n") != std::string::npos);
}

TEST_CASE("--exact writes plain words as exact forms, and --lang becomes the file default and weights a column") {
  Dictionary d = parse_fixture("sample.cat", DictionaryFormat::kWordstat);
  ImportOptions o = mapping({{"fear", Technique::kFear}, {"loaded", Technique::kLoadedLanguage}});
  o.exact = true;
  o.lang = Lang::kEn;
  ImportResult r = import_ok(d, o);
  CHECK(r.tsv.find("#@ lang: en\npattern\ttechnique\tweight\tgloss\n") != std::string::npos);
  CHECK(r.tsv.find("=FLOOD =OF =MIGRANTS\tAppeal_to_fear-prejudice\t2\t") != std::string::npos);
  CHECK(r.tsv.find("PLAGUE*\t") != std::string::npos);
  auto entries = load(r.tsv);
  REQUIRE(entries.size() == 5);
  CHECK(entries[0].lang == Lang::kEn);
  CHECK(entries[0].words[0].kind == PatternKind::kExact);
  CHECK(entries[1].weight == 2);
}

TEST_CASE("an entry tamga cannot compile is left out with a warning naming its source line") {
  Dictionary d = parse_dictionary("%\n1\tposemo\n%\n:)\t1\n#happy\t1\ngood\t1\n", "x.dic", DictionaryFormat::kLiwc);
  ImportOptions o;
  o.technique = Technique::kLoadedLanguage;
  ImportResult r = import_ok(d, o);
  CHECK(r.entries == 2);
  auto w = messages(r.warnings);
  CHECK(contains(w, "x.dic:4: ':)' skipped: pattern word ':)' has no letters or digits"));
  CHECK(keys(load(r.tsv)) == std::set<Key>{{"happy", "Loaded_Language", "und"}, {"good", "Loaded_Language", "und"}});
}

TEST_CASE("a --map is CATEGORY=TECHNIQUE, split at the last '=', with the technique by name or slug") {
  auto m = parse_category_mapping("a=b=Name_Calling,Labeling");
  REQUIRE(m.ok());
  CHECK(m->first == "a=b");
  CHECK(m->second == Technique::kNameCalling);
  CHECK(parse_category_mapping("negemo=loaded_language")->second == Technique::kLoadedLanguage);
  CHECK_FALSE(parse_category_mapping("negemo").ok());
  CHECK_FALSE(parse_category_mapping("=Doubt").ok());
  CHECK(parse_category_mapping("negemo=Nope").status().message().find("unknown technique 'Nope'") == 0);
}

TEST_CASE("export to LIWC writes one category per technique, exact words plain, prefixes kept, no regexes") {
  auto entries = load("pattern\ttechnique\tweight\tgloss\n=alleged\tDoubt\t1\tg\npropagand*\tLoaded_Language\t1\tg\n"
                      "so-called\tDoubt\t1.5\tg\nre:^x+$\tDoubt\t1\tg\nhoax\tDoubt\t1\tg\nhoax\tLoaded_Language\t1\tg\n",
                      Lang::kEn);
  auto r = export_dictionary(entries, {DictionaryFormat::kLiwc, std::nullopt});
  REQUIRE(r.ok());
  CHECK(r->text == "%\n1\tLoaded_Language\n2\tDoubt\n%\nalleged\t2\nhoax\t1\t2\npropagand*\t1\nso-called\t2\n");
  CHECK(r->entries == 5);
  auto w = messages(r->warnings);
  REQUIRE(w.size() == 2);
  CHECK(w[0] == "imported.tsv:5: regular expression pattern 're:^x+$' has no LIWC equivalent; skipped");
  CHECK(w[1] == ": 1 entry with weights other than 1: LIWC dictionaries have no weights");
  CHECK_FALSE(export_dictionary(entries, {DictionaryFormat::kWordstat, std::nullopt}).ok());
}

TEST_CASE("export to quanteda writes one key per technique, nested by language when there are several") {
  LexiconBuilder b;
  b.add_text("pattern\ttechnique\tgloss\nhoax\tDoubt\tg\nyes\tDoubt\tg\n", "en.tsv", Lang::kEn);
  auto one = export_dictionary(b.build()->entries(), {DictionaryFormat::kQuanteda, std::nullopt});
  REQUIRE(one.ok());
  CHECK(one->text.find("Doubt:\n  - hoax\n  - \"yes\"\n") != std::string::npos);  // YAML 1.1 would read yes as true

  LexiconBuilder m;
  m.add_text("pattern\ttechnique\tgloss\nhoax\tName_Calling,Labeling\tg\n", "en.tsv", Lang::kEn);
  m.add_text("pattern\ttechnique\tgloss\nhain\tName_Calling,Labeling\tg\n", "tr.tsv", Lang::kTr);
  m.add_text("pattern\ttechnique\tgloss\n#@ lang: *\nsoros\tDoubt\tg\n", "any.tsv", Lang::kUnknown);
  auto entries = m.build()->entries();
  auto r = export_dictionary(entries, {DictionaryFormat::kQuanteda, std::nullopt});
  REQUIRE(r.ok());
  CHECK(r->text.find("en:\n  \"Name_Calling,Labeling\":\n    - hoax\ntr:\n  \"Name_Calling,Labeling\":\n    - hain\n"
                     "any:\n  Doubt:\n    - soros\n") != std::string::npos);
  auto tr = export_dictionary(entries, {DictionaryFormat::kQuanteda, Lang::kTr});
  REQUIRE(tr.ok());
  CHECK(tr->text.find("hoax") == std::string::npos);
  CHECK(tr->text.find("tr:\n  \"Name_Calling,Labeling\":\n    - hain\nany:\n") != std::string::npos);
}

TEST_CASE("round trip: import, export and import again gives the same entries, for every source format") {
  struct Case {
    const char* file;
    DictionaryFormat format;
    std::vector<std::pair<std::string, Technique>> map;
  };
  std::vector<Case> cases{
      {"sample.dic", DictionaryFormat::kLiwc,
       {{"negemo", Technique::kLoadedLanguage}, {"anger", Technique::kNameCalling}, {"certain", Technique::kExaggeration}}},
      {"sample.dicx", DictionaryFormat::kLiwc22,
       {{"negemo", Technique::kLoadedLanguage}, {"anger", Technique::kNameCalling}, {"certain", Technique::kDoubt}}},
      {"sample.yml", DictionaryFormat::kQuanteda,
       {{"fear", Technique::kFear}, {"loaded", Technique::kLoadedLanguage}, {"certainty", Technique::kExaggeration}}},
      {"sample.lc3", DictionaryFormat::kLexicoder,
       {{"negative", Technique::kLoadedLanguage}, {"certainty", Technique::kDoubt}}},
      {"sample.cat", DictionaryFormat::kWordstat, {{"fear", Technique::kFear}, {"loaded", Technique::kLoadedLanguage}}},
  };
  for (const auto& c : cases) {
    for (DictionaryFormat to : {DictionaryFormat::kLiwc, DictionaryFormat::kQuanteda}) {
      CAPTURE(c.file);
      CAPTURE(dictionary_format_name(to));
      auto first = load(import_ok(parse_fixture(c.file, c.format), mapping(c.map)).tsv);
      auto exported = export_dictionary(first, {to, std::nullopt});
      REQUIRE(exported.ok());
      Dictionary again = parse_dictionary(exported->text, "exported", to);
      CHECK(again.errors.empty());
      auto second = load(import_ok(again, {}).tsv);  // categories named after techniques map themselves
      CHECK(keys(second) == keys(first));
      CHECK(second.size() == first.size());
    }
  }
}

TEST_CASE("round trip: a small lexicon exported and imported gives the same patterns and techniques") {
  const std::string tsv =
      "pattern\ttechnique\tgloss\nso-called\tDoubt\tg\npropagand*\tLoaded_Language\tg\nhain\tName_Calling,Labeling\tg\n"
      "with us or against us\tBlack-and-White_Fallacy\tg\nhoax\tDoubt\tg\nhoax\tLoaded_Language\tg\n";
  auto original = load(tsv, Lang::kEn);
  for (DictionaryFormat to : {DictionaryFormat::kLiwc, DictionaryFormat::kQuanteda}) {
    CAPTURE(dictionary_format_name(to));
    auto exported = export_dictionary(original, {to, std::nullopt});
    REQUIRE(exported.ok());
    ImportOptions o;
    o.lang = Lang::kEn;
    auto back = load(import_ok(parse_dictionary(exported->text, "exported", to), o).tsv);
    CHECK(keys(back) == keys(original));
  }
  // `=word` comes back plain (LIWC and quanteda words are exact forms); --exact brings back `=word`.
  auto exact = load("pattern\ttechnique\tgloss\n=alleged\tDoubt\tg\n", Lang::kEn);
  auto exported = export_dictionary(exact, {DictionaryFormat::kLiwc, std::nullopt});
  ImportOptions o;
  o.exact = true;
  o.lang = Lang::kEn;
  CHECK(keys(load(import_ok(parse_dictionary(exported->text, "x", DictionaryFormat::kLiwc), o).tsv)) ==
        keys(exact));
}

TEST_CASE("round trip: a quanteda export of several languages imports with each entry's language") {
  LexiconBuilder m;
  m.add_text("pattern\ttechnique\tgloss\nhoax\tDoubt\tg\nelites\tName_Calling,Labeling\tg\n", "en.tsv", Lang::kEn);
  m.add_text("pattern\ttechnique\tgloss\nhain\tName_Calling,Labeling\tg\niddia et\tDoubt\tg\n", "tr.tsv", Lang::kTr);
  m.add_text("#@ lang: *\npattern\ttechnique\tgloss\nsoros\tDoubt\tg\n", "any.tsv", Lang::kUnknown);
  auto original = m.build()->entries();
  auto exported = export_dictionary(original, {DictionaryFormat::kQuanteda, std::nullopt});
  REQUIRE(exported.ok());
  Dictionary d = parse_dictionary(exported->text, "x.yml", DictionaryFormat::kQuanteda);
  CHECK(d.errors.empty());
  ImportResult r = import_ok(d, {});
  CHECK(r.tsv.find("pattern\ttechnique\tlang\tgloss\n") != std::string::npos);
  CHECK(keys(load(r.tsv)) == keys(original));
}
