#include "detail/scripts.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/uspoof.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <numeric>
#include <set>
#include <unordered_map>
#include <vector>

#include "detail/embedded_data.h"
#include "detail/utf8.h"

namespace tamga::detail {
namespace {

struct Rule {
  char context = 0;  // 0, '^' (token start) or '~' (after a vowel)
  std::u32string to;
};

struct Table {
  std::unordered_map<std::u32string, std::vector<Rule>> rules;
  size_t longest = 0;
  std::u32string vowels;
  // The same rules by first letter, longest first (rules with a context before the plain one), so one
  // lookup per letter finds every candidate. Letters below kDirect index a flat array.
  struct Candidate {
    std::u32string from;
    const Rule* rule;
  };
  static constexpr char32_t kDirect = 0x600;
  std::vector<std::vector<Candidate>> by_first;     // index from `direct` or `other`
  std::vector<int> direct;                          // kDirect slots, -1 = no rule
  std::unordered_map<char32_t, int> other;
  // For a letter below kDirect that becomes one letter whatever surrounds it: that letter (its single
  // rule, or itself when it has no rule), else 0. One lookup for most letters.
  std::vector<char32_t> plain;

  void build_index() {
    direct.assign(kDirect, -1);
    std::vector<std::pair<const std::u32string*, const std::vector<Rule>*>> keys;
    for (const auto& [from, list] : rules) keys.emplace_back(&from, &list);
    std::sort(keys.begin(), keys.end(), [](const auto& a, const auto& b) {
      return a.first->size() != b.first->size() ? a.first->size() > b.first->size() : *a.first < *b.first;
    });
    for (const auto& [from, list] : keys) {
      char32_t c = from->front();
      int& slot = c < kDirect ? direct[c] : other.try_emplace(c, -1).first->second;
      if (slot < 0) {
        slot = static_cast<int>(by_first.size());
        by_first.emplace_back();
      }
      for (const Rule& r : *list) by_first[static_cast<size_t>(slot)].push_back({*from, &r});
    }
    plain.resize(kDirect);
    std::iota(plain.begin(), plain.end(), char32_t{0});  // no rule: kept
    for (char32_t c = 0; c < kDirect; ++c) {
      if (direct[c] < 0) continue;
      // Its only rule one plain letter for one letter: that letter; else 0.
      const auto& list = by_first[static_cast<size_t>(direct[c])];
      const bool single = list.size() == 1 && list[0].from.size() == 1 && list[0].rule->context == 0 && list[0].rule->to.size() == 1;
      plain[c] = single ? list[0].rule->to[0] : 0;
    }
  }
  const std::vector<Candidate>* candidates(char32_t c) const {
    int slot = -1;
    if (c < kDirect) {
      slot = direct[c];
    } else if (auto it = other.find(c); it != other.end()) {
      slot = it->second;
    }
    return slot < 0 ? nullptr : &by_first[static_cast<size_t>(slot)];
  }
};

// The tables composed letter by letter, for the tokens in which no rule with a context or of several
// letters can fire in any table (see build_fast_path): then every table writes each letter's plain
// rule (or the letter itself), and the key is each letter's image through all tables, concatenated.
// A letter's image and what it must not meet are precomputed for every code point of one or two
// UTF-8 bytes.
struct FastPath {
  struct Letter {
    uint64_t bytes = 0;   // the image through every table, UTF-8 (the first `length` bytes)
    uint16_t row = 0;     // its left class times `columns`: where a pair with it on the left is looked up
    uint8_t column = 0;   // its right class
    uint8_t length = 0;
  };
  std::vector<Letter> letters;          // by code point, below kLetters
  std::vector<unsigned char> conflict;  // [left class * columns + right class]: 1 when the pair needs the general path
  uint16_t start_row = 0;               // the left class of the token's start
  size_t longest = 1;                   // the longest image, in bytes
  bool usable = false;
  static constexpr char32_t kLetters = 0x800;
};

struct ScriptRules {
  std::vector<Table> tables;
  std::string error;
  bool rewrites_ascii = false;  // does any rule start with an ASCII letter?
  size_t longest_to = 1;  // the most code points a rule writes: a table's output is at most this times its input
  FastPath fast;
};

void parse_rules(std::string_view text, ScriptRules& out) {
  size_t line_no = 0, start = 0;
  bool header_seen = false;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    std::string_view line = text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
    start = nl == std::string_view::npos ? text.size() + 1 : nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    if (line.substr(0, 2) == "#@") {
      std::string_view d = line.substr(2);
      while (!d.empty() && d.front() == ' ') d.remove_prefix(1);
      if (d.substr(0, 6) == "table:") {
        out.tables.emplace_back();
        header_seen = false;
      } else if (d.substr(0, 7) == "vowels:" && !out.tables.empty()) {
        std::string_view v = d.substr(7);
        for (char32_t c : to_u32(v))
          if (c != U' ') out.tables.back().vowels += c;
      }
      continue;
    }
    if (line.front() == '#') continue;
    if (out.tables.empty()) {
      out.error = "line " + std::to_string(line_no) + ": rule before any '#@ table:' line";
      return;
    }
    size_t tab = line.find('\t');
    if (tab == std::string_view::npos) {
      out.error = "line " + std::to_string(line_no) + ": expected 'from<TAB>to'";
      return;
    }
    std::string_view from = line.substr(0, tab), to = line.substr(tab + 1);
    if (!header_seen && from == "from" && to == "to") {
      header_seen = true;
      continue;
    }
    Rule rule;
    if (!from.empty() && (from.front() == '^' || from.front() == '~') && from.size() > 1) {
      rule.context = from.front();
      from.remove_prefix(1);
    }
    rule.to = to_u32(to);
    Table& t = out.tables.back();
    std::u32string key = to_u32(from);
    t.longest = std::max(t.longest, key.size());
    auto& list = t.rules[key];
    // Rules with a context are tried before the plain rule for the same letters.
    list.push_back(std::move(rule));
    if (list.back().context) std::rotate(list.begin(), list.end() - 1, list.end());
  }
}

// The letter-by-letter composition of the tables, sound by construction: in a table, a letter's rule
// is its first context-free one-letter rule (or none: the letter is kept) unless a rule of several
// letters starts there, which needs the letter and the next one to be that rule's first two letters,
// or a '~' rule fires, which needs a vowel and then the letter, or a '^' rule of one letter fires at
// the start. So a token in which, in every table's input, no two neighbours form such a pair and the
// first letter starts no '^' rule, goes through every table one letter at a time. A table's input is
// the letters' images through the tables before it, concatenated: pairs inside one letter's image are
// checked once here, and a pair across two letters' images is looked up in `conflict` by classes
// that keep of each letter only what the pairs depend on. Letters with an empty image (ь, ъ), three-
// and four-byte letters and images past eight bytes are left to the general path.
void build_fast_path(ScriptRules& r) {
  const size_t table_count = r.tables.size();
  if (table_count == 0) return;
  struct TableFacts {
    std::set<std::pair<char32_t, char32_t>> pairs;  // neighbours that may start a rule of several letters or a '~' rule
    std::set<char32_t> lefts, rights, starts;        // their letters; letters a one-letter '^' rule starts with
  };
  std::vector<TableFacts> facts(table_count);
  std::vector<unsigned char> mentioned(FastPath::kLetters);  // in some rule or vowel list
  auto mention = [&](const std::u32string& letters) {
    for (char32_t c : letters)
      if (c < FastPath::kLetters) mentioned[c] = 1;
  };
  for (size_t t = 0; t < table_count; ++t) {
    const Table& table = r.tables[t];
    mention(table.vowels);
    for (const auto& [from, list] : table.rules) {
      mention(from);
      for (const Rule& rule : list) {
        mention(rule.to);
        if (from.size() >= 2) {
          facts[t].pairs.emplace(from[0], from[1]);
        } else if (rule.context == '~') {
          for (char32_t v : table.vowels) facts[t].pairs.emplace(v, from[0]);
        } else if (rule.context == '^') {
          facts[t].starts.insert(from[0]);
        }
      }
    }
    for (const auto& [left, right] : facts[t].pairs) facts[t].lefts.insert(left), facts[t].rights.insert(right);
  }
  auto plain_rule = [](const Table& t, char32_t c) -> std::u32string {
    if (const auto* list = t.candidates(c))
      for (const Table::Candidate& cand : *list)
        if (cand.from.size() == 1 && cand.rule->context == 0) return cand.rule->to;
    return std::u32string(1, c);
  };

  // Classes: a letter's first and last letter in each table's input where they can take part in a
  // conflict (kNone where they cannot), and whether it starts a '^' rule. Left class 0 is the token's
  // start; right class 0 is a letter that always needs the general path.
  constexpr char32_t kNone = 0xFFFFFFFF;
  std::map<std::u32string, size_t> left_classes{{U"", 0}}, right_classes{{U"", 0}};
  auto class_of = [](std::map<std::u32string, size_t>& classes, const std::u32string& key) {
    return classes.try_emplace(key, classes.size()).first->second;
  };
  const std::u32string no_key(table_count, kNone);
  const size_t plain_left = class_of(left_classes, no_key), plain_right = class_of(right_classes, no_key);
  std::vector<size_t> left_of(FastPath::kLetters, plain_left), right_of(FastPath::kLetters, plain_right);
  // Every letter kept by every table, and in no conflict, to begin with: built once, copied.
  static const std::vector<FastPath::Letter> kept = [] {
    std::vector<FastPath::Letter> letters(FastPath::kLetters);
    for (char32_t c = 0; c < FastPath::kLetters; ++c)
      letters[c].length = static_cast<uint8_t>(encode_utf8(c, reinterpret_cast<char*>(&letters[c].bytes)));
    return letters;
  }();
  r.fast.letters = kept;
  for (char32_t c = 0; c < FastPath::kLetters; ++c) {
    if (!mentioned[c]) continue;
    FastPath::Letter& letter = r.fast.letters[c];
    std::u32string image(1, c), left_key, right_key;
    bool fast = true, starts = false;
    for (size_t t = 0; t < table_count && fast; ++t) {
      for (size_t k = 0; k + 1 < image.size(); ++k) fast = fast && !facts[t].pairs.count({image[k], image[k + 1]});
      left_key += facts[t].lefts.count(image.back()) ? image.back() : kNone;
      const bool start = facts[t].starts.count(image.front()) != 0;
      right_key += facts[t].rights.count(image.front()) || start ? image.front() : kNone;
      starts = starts || start;
      std::u32string next;
      for (char32_t x : image) next += plain_rule(r.tables[t], x);
      image = std::move(next);
      fast = fast && !image.empty();
    }
    std::string bytes = fast ? to_utf8(image) : std::string();
    if (!fast || bytes.size() > 8) {
      right_of[c] = 0;  // always the general path
      continue;
    }
    std::memcpy(&letter.bytes, bytes.data(), bytes.size());
    letter.length = static_cast<uint8_t>(bytes.size());
    r.fast.longest = std::max(r.fast.longest, bytes.size());
    left_of[c] = class_of(left_classes, left_key);
    right_of[c] = class_of(right_classes, right_key + (starts ? U"^" : U""));
  }
  const size_t columns = right_classes.size(), rows = left_classes.size();
  if (columns > 255 || rows * columns > 0xFFFF) return;  // not usable: every token takes the general path
  r.fast.conflict.assign(rows * columns, 1);
  for (const auto& [left_key, row] : left_classes) {
    for (const auto& [right_key, column] : right_classes) {
      if (column == 0) continue;
      bool conflict = false;
      if (row == 0) {
        conflict = right_key.size() > table_count;  // starts a '^' rule
      } else {
        for (size_t t = 0; t < table_count; ++t)
          conflict = conflict || facts[t].pairs.count({left_key[t], right_key[t]});
      }
      r.fast.conflict[row * columns + column] = conflict;
    }
  }
  for (char32_t c = 0; c < FastPath::kLetters; ++c) {
    r.fast.letters[c].row = static_cast<uint16_t>(left_of[c] * columns);
    r.fast.letters[c].column = static_cast<uint8_t>(right_of[c]);
  }
  r.fast.start_row = 0;
  r.fast.usable = true;
}

const ScriptRules* rules_for(Lang lang) {
  // Built once, on first use (a function-local static: one guard check per call, no lock).
  static const auto all = [] {
    std::array<std::unique_ptr<ScriptRules>, kLangCount> built;
    for (int l = 1; l < kLangCount; ++l) {
      std::string_view text = embedded_file("scripts/" + std::string(lang_code(static_cast<Lang>(l))) + ".tsv");
      if (text.empty()) continue;
      auto r = std::make_unique<ScriptRules>();
      parse_rules(text, *r);
      for (Table& t : r->tables) {
        t.build_index();
        for (char32_t c = 0; c < 0x80; ++c) r->rewrites_ascii = r->rewrites_ascii || t.candidates(c);
      }
      for (const Table& t : r->tables) {
        for (const auto& [from, list] : t.rules)
          for (const Rule& rule : list) r->longest_to = std::max(r->longest_to, rule.to.size());
      }
      if (r->error.empty()) build_fast_path(*r);
      built[static_cast<size_t>(l)] = std::move(r);
    }
    return built;
  }();
  return all[static_cast<size_t>(lang)].get();
}

}  // namespace

bool has_script_rules(Lang lang) {
  const ScriptRules* r = rules_for(lang);
  return r && r->error.empty() && !r->tables.empty();
}

std::string script_rules_error(Lang lang) {
  const ScriptRules* r = rules_for(lang);
  return r ? r->error : std::string();
}

namespace {

// One table's rules over the n code points at `in`: writes at most `cap` to `out` and returns their
// count, or npos when they do not fit.
size_t apply_table(const Table& t, const char32_t* in, size_t n, char32_t* out, size_t cap) {
  size_t o = 0;
  for (size_t i = 0; i < n;) {
    const char32_t c = in[i];
    if (c < Table::kDirect && t.plain[c]) {  // one letter for one, or no rule
      if (o == cap) return std::string_view::npos;
      out[o++] = t.plain[c];
      ++i;
      continue;
    }
    const auto* list = t.candidates(c);
    bool done = false;
    if (list) {
      for (const Table::Candidate& cand : *list) {
        const size_t len = cand.from.size();
        if (len > n - i || !std::equal(cand.from.begin(), cand.from.end(), in + i)) continue;
        const Rule& r = *cand.rule;
        if (r.context == '^' && i != 0) continue;
        if (r.context == '~' && (i == 0 || t.vowels.find(in[i - 1]) == std::u32string::npos)) continue;
        if (r.to.size() > cap - o) return std::string_view::npos;
        std::copy(r.to.begin(), r.to.end(), out + o);
        o += r.to.size();
        i += len;
        done = true;
        break;
      }
    }
    if (!done) {
      if (o == cap) return std::string_view::npos;
      out[o++] = in[i++];
    }
  }
  return o;
}

// The general path: decoded, each table in turn over code points, encoded.
void apply_tables(const ScriptRules& r, std::string_view token, std::string& out) {
  // Buffers are reused per thread, and sized so that a table cannot overflow them: no allocation per
  // token once they have grown.
  thread_local std::u32string from, to;
  if (from.size() < token.size()) from.resize(token.size());  // at most a code point per byte
  size_t n = 0;
  for (size_t i = 0; i < token.size();) from[n++] = next_code_point(token, i);
  for (const Table& t : r.tables) {
    // Each step reads at least one code point and writes at most longest_to: this always fits.
    if (to.size() < n * r.longest_to) to.resize(n * r.longest_to);
    n = apply_table(t, from.data(), n, to.data(), to.size());
    std::swap(from, to);
  }
  const size_t mark = out.size();
  out.resize(mark + 4 * n);
  size_t w = mark;
  for (size_t k = 0; k < n; ++k) w += encode_utf8(from[k], out.data() + w);
  out.resize(w);
}

// The fast path (FastPath): each letter's image written eight bytes at a time into `buffer` (room for
// token.size() * fast.longest + 8 bytes), and the pairs checked without a branch. With `kFolds`, each
// letter is first case-folded by `fold` (see fold_with_script_rules). Returns the key's length, or
// npos when the token needs the general path.
template <bool kFolds>
size_t apply_fast(const FastPath& fast, std::string_view token, const uint32_t* fold, char* buffer) {
  const auto* p = reinterpret_cast<const unsigned char*>(token.data());
  const size_t n = token.size();
  const FastPath::Letter* letters = fast.letters.data();
  const unsigned char* conflict = fast.conflict.data();
  unsigned row = fast.start_row;
  uint32_t needs_general = 0, marks = 0;
  char* w = buffer;
  size_t i = 0;
  auto put = [&](unsigned c) {
    if constexpr (kFolds) {
      const uint32_t e = fold[c];
      marks |= e;
      c = e & (FastPath::kLetters - 1);
    }
    const FastPath::Letter& letter = letters[c];
    needs_general |= conflict[row + letter.column];
    std::memcpy(w, &letter.bytes, 8);
    w += letter.length;
    row = letter.row;
  };
  while (i + 1 < n) {  // one- and two-byte letters; a lead of three or four bytes fails the token
    const unsigned lead = p[i];
    const unsigned two = lead >> 7;
    // Six bits of the lead: three- and four-byte leads give 0x800 and up, which `fold` marks general.
    if constexpr (!kFolds) needs_general |= lead >= 0xE0;
    put(two ? ((lead & (kFolds ? 0x3F : 0x1F)) << 6) | (p[i + 1] & 0x3Fu) : lead);
    i += 1 + two;
  }
  if (i < n) {  // the last byte: ASCII in valid UTF-8
    needs_general |= p[i] >> 7;
    put(p[i] & 0x7Fu);
  }
  if constexpr (kFolds) {
    needs_general |= (marks & kFoldGeneral) | ((marks & (kFoldLatin | kFoldCyrillic)) == (kFoldLatin | kFoldCyrillic));
  }
  return needs_general ? std::string_view::npos : static_cast<size_t>(w - buffer);
}

bool all_ascii(std::string_view token) {
  size_t i = 0;
  uint64_t high = 0;
  for (; i + 8 <= token.size(); i += 8) {
    uint64_t word;
    std::memcpy(&word, token.data() + i, 8);
    high |= word;
  }
  for (; i < token.size(); ++i) high |= static_cast<unsigned char>(token[i]);
  return (high & 0x8080808080808080ull) == 0;
}

}  // namespace

void apply_script_rules(Lang lang, std::string_view token, std::string& out) {
  const ScriptRules* r = rules_for(lang);
  if (!r || !r->error.empty()) {
    out.append(token);
    return;
  }
  if (!r->rewrites_ascii && all_ascii(token)) {
    out.append(token);
    return;
  }
  if (r->fast.usable) {
    char buffer[512];
    if (token.size() * r->fast.longest + 8 <= sizeof buffer) {
      const size_t n = apply_fast<false>(r->fast, token, nullptr, buffer);
      if (n != std::string_view::npos) {
        out.append(buffer, n);
        return;
      }
    }
  }
  apply_tables(*r, token, out);
}

void apply_script_rules_general(Lang lang, std::string_view token, std::string& out) {
  const ScriptRules* r = rules_for(lang);
  if (!r || !r->error.empty()) {
    out.append(token);
    return;
  }
  apply_tables(*r, token, out);
}

std::u32string script_rule_letters(Lang lang) {
  const ScriptRules* r = rules_for(lang);
  std::set<char32_t> letters;
  if (r) {
    for (const Table& t : r->tables) {
      letters.insert(t.vowels.begin(), t.vowels.end());
      for (const auto& [from, list] : t.rules) {
        letters.insert(from.begin(), from.end());
        for (const Rule& rule : list) letters.insert(rule.to.begin(), rule.to.end());
      }
    }
  }
  return std::u32string(letters.begin(), letters.end());
}

// The handle is the language's ScriptRules (an opaque type outside this file), or null when its
// fast path cannot be used.
const ScriptRuleSet* script_rule_set(Lang lang) {
  const ScriptRules* r = rules_for(lang);
  return r && r->error.empty() && r->fast.usable ? reinterpret_cast<const ScriptRuleSet*>(r) : nullptr;
}

size_t fold_with_script_rules(const ScriptRuleSet* rules, std::string_view token, const uint32_t* fold, char* out,
                              size_t room) {
  const auto* r = reinterpret_cast<const ScriptRules*>(rules);
  if (!r || token.size() * r->fast.longest + 8 > room) return std::string_view::npos;
  return apply_fast<true>(r->fast, token, fold, out);
}

bool script_rules_fast_path(Lang lang, std::string_view token, std::string& out) {
  const ScriptRules* r = rules_for(lang);
  if (!r || !r->error.empty() || !r->fast.usable) return false;
  std::string buffer(token.size() * r->fast.longest + 8, '\0');
  const size_t n = apply_fast<false>(r->fast, token, nullptr, buffer.data());
  if (n == std::string_view::npos) return false;
  out.append(buffer.data(), n);
  return true;
}

namespace {

struct LookAlikes {
  std::unordered_map<char32_t, char32_t> cyrillic_to_latin, latin_to_cyrillic;
};

// Built from ICU's confusable skeletons: a Cyrillic letter whose skeleton is one Latin letter looks
// like that letter (а/a, е/e, о/o, р/p, с/c, у/y, х/x, і/i, ј/j, һ/h, ѕ/s, В/B, Н/H, М/M, Т/T, К/K).
const LookAlikes& look_alikes() {
  static const LookAlikes table = [] {
    LookAlikes t;
    UErrorCode err = U_ZERO_ERROR;
    USpoofChecker* sc = uspoof_open(&err);
    if (U_FAILURE(err)) return t;
    for (UChar32 c = 0x0400; c <= 0x052F; ++c) {
      UErrorCode e = U_ZERO_ERROR;
      if (uscript_getScript(c, &e) != USCRIPT_CYRILLIC || !u_isalpha(c)) continue;
      UChar in[2];
      int32_t in_len = 0;
      U16_APPEND_UNSAFE(in, in_len, c);
      UChar skel[8];
      int32_t n = uspoof_getSkeleton(sc, 0, in, in_len, skel, 8, &e);
      if (U_FAILURE(e) || n != 1) continue;
      char32_t latin = skel[0];
      if (!((latin >= U'a' && latin <= U'z') || (latin >= U'A' && latin <= U'Z'))) continue;
      t.cyrillic_to_latin.emplace(static_cast<char32_t>(c), latin);
      t.latin_to_cyrillic.emplace(latin, static_cast<char32_t>(c));  // first (most common) letter wins
    }
    uspoof_close(sc);
    return t;
  }();
  return table;
}

}  // namespace

LetterScript letter_script(char32_t c) {
  if (c < 0x80) return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') ? LetterScript::kLatin : LetterScript::kNeither;
  // The common letters by range, without asking ICU (Latin-1 and Latin Extended-A/B; Cyrillic).
  if (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) return LetterScript::kLatin;
  if (c >= 0x400 && c <= 0x52F && !(c >= 0x482 && c <= 0x489)) return LetterScript::kCyrillic;
  UErrorCode e = U_ZERO_ERROR;
  UScriptCode s = uscript_getScript(static_cast<UChar32>(c), &e);
  return s == USCRIPT_LATIN ? LetterScript::kLatin : s == USCRIPT_CYRILLIC ? LetterScript::kCyrillic : LetterScript::kNeither;
}

bool map_look_alikes(std::u32string& token) {
  size_t latin = 0, cyrillic = 0;
  for (char32_t c : token) {
    LetterScript s = letter_script(c);
    latin += s == LetterScript::kLatin;
    cyrillic += s == LetterScript::kCyrillic;
  }
  if (latin == 0 || cyrillic == 0) return false;
  const auto& map = latin >= cyrillic ? look_alikes().cyrillic_to_latin : look_alikes().latin_to_cyrillic;
  for (char32_t& c : token) {
    auto it = map.find(c);
    if (it != map.end()) c = it->second;
  }
  return true;
}

}  // namespace tamga::detail
