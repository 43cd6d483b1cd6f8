#include <fmt/format.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <map>
#include <tuple>

#include "detail/language_rules.h"
#include "detail/utf8.h"
#include "tamga/lexicon.h"

namespace tamga {

namespace {

// Does word `b` match every token word `a` matches? (Conservative: false when unsure.)
bool subsumes(const Lexicon& lex, const PatternWord& b, const PatternWord& a, Lang lang) {
  if (b.kind == PatternKind::kRegex || a.kind == PatternKind::kRegex) return false;
  switch (b.kind) {
    case PatternKind::kPrefix:
      return a.text.compare(0, b.text.size(), b.text) == 0 && (a.kind != PatternKind::kPrefix || a.text.size() >= b.text.size());
    case PatternKind::kExact: return a.kind == PatternKind::kExact && a.text == b.text;
    case PatternKind::kWord:
      if (a.kind == PatternKind::kWord) return a.text == b.text;
      if (a.kind == PatternKind::kExact) return lex.word_matches(b, lang, a.text);
      return false;
    case PatternKind::kRegex: break;
  }
  return false;
}

}  // namespace

std::vector<LexiconIssue> lint(const Lexicon& lexicon) {
  std::vector<LexiconIssue> issues;
  const auto& entries = lexicon.entries();
  // Shadowing, within groups of one language, technique and phrase length.
  std::map<std::tuple<Lang, Technique, size_t>, std::vector<unsigned>> groups;
  for (unsigned i = 0; i < entries.size(); ++i)
    groups[{entries[i].lang, entries[i].technique, entries[i].words.size()}].push_back(i);
  for (const auto& [key, members] : groups) {
    for (unsigned a : members) {
      for (unsigned b : members) {
        if (a == b) continue;
        const Entry& ea = entries[a];
        const Entry& eb = entries[b];
        bool all = true;
        for (size_t k = 0; k < ea.words.size() && all; ++k) all = subsumes(lexicon, eb.words[k], ea.words[k], ea.lang);
        if (!all) continue;
        // Two entries that subsume each other are duplicates (reported on loading); report the later one.
        bool mutual = true;
        for (size_t k = 0; k < ea.words.size() && mutual; ++k) mutual = subsumes(lexicon, ea.words[k], eb.words[k], ea.lang);
        if (mutual && a < b) continue;
        issues.push_back({ea.file, ea.line,
                          fmt::format("entry '{}' is shadowed by '{}' ({}:{}): every text it matches, that entry matches "
                                      "with the same technique",
                                      ea.pattern, eb.pattern, eb.file, eb.line)});
        break;
      }
    }
  }
  for (const Entry& e : entries) {
    if (e.lang == Lang::kUnknown) continue;
    const auto& alphabet = detail::rules_for(e.lang).alphabet;
    if (!alphabet.empty() && e.pattern.rfind("re:", 0) != 0) {
      std::u32string letters = detail::to_u32(e.pattern);
      for (char32_t c : letters) {
        char32_t lower = static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
        if (!u_isalpha(static_cast<UChar32>(c)) || alphabet.find(lower) != std::u32string::npos) continue;
        std::string letter;
        detail::append_utf8(letter, c);
        issues.push_back({e.file, e.line,
                          fmt::format("'{}' in '{}' is not a letter of the {} alphabet: wrong language or script for "
                                      "this file?",
                                      letter, e.pattern, lang_code(e.lang))});
        break;
      }
    }
    if (is_turkic(e.lang) && e.words.size() == 1 && e.words[0].kind == PatternKind::kWord &&
        detail::code_point_count(e.words[0].text) <= 3) {
      issues.push_back({e.file, e.line,
                        fmt::format("short root '{}': its inflected forms can be other words; write '={}' or a phrase",
                                    e.pattern, e.pattern)});
    }
  }
  std::sort(issues.begin(), issues.end(), [](const LexiconIssue& x, const LexiconIssue& y) {
    return std::tie(x.file, x.line) < std::tie(y.file, y.line);
  });
  return issues;
}

}  // namespace tamga
