#include "detail/scripts.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/uspoof.h>

#include <algorithm>
#include <array>
#include <memory>
#include <mutex>
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
  // For a letter below kDirect whose only rule is one plain letter for one letter: that letter, else 0.
  std::vector<char32_t> single;
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
    single.assign(kDirect, 0);
    for (char32_t c = 0; c < kDirect; ++c) {
      if (direct[c] < 0) continue;
      const auto& list = by_first[static_cast<size_t>(direct[c])];
      if (list.size() == 1 && list[0].from.size() == 1 && list[0].rule->context == 0 && list[0].rule->to.size() == 1)
        single[c] = list[0].rule->to[0];
    }
    plain.assign(kDirect, 0);
    for (char32_t c = 0; c < kDirect; ++c) plain[c] = single[c] ? single[c] : direct[c] < 0 ? c : 0;
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

struct ScriptRules {
  std::vector<Table> tables;
  std::string error;
  bool rewrites_ascii = false;  // does any rule start with an ASCII letter?
  // Does any table have a rule starting with this letter (below Table::kDirect)? Does any table have
  // rules starting with letters past it?
  std::vector<unsigned char> starts_rule;
  bool rules_past_direct = false;
  size_t longest_to = 1;  // the most code points a rule writes: a table's output is at most this times its input
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
      r->starts_rule.assign(Table::kDirect, 0);
      for (const Table& t : r->tables) {
        for (char32_t c = 0; c < Table::kDirect; ++c) r->starts_rule[c] |= t.direct[c] >= 0;
        r->rules_past_direct = r->rules_past_direct || !t.other.empty();
        for (const auto& [from, list] : t.rules)
          for (const Rule& rule : list) r->longest_to = std::max(r->longest_to, rule.to.size());
      }
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

}  // namespace

void apply_script_rules(Lang lang, std::string_view token, std::string& out) {
  const ScriptRules* r = rules_for(lang);
  if (!r || !r->error.empty()) {
    out.append(token);
    return;
  }
  if (!r->rewrites_ascii &&
      std::all_of(token.begin(), token.end(), [](char ch) { return static_cast<unsigned char>(ch) < 0x80; })) {
    out.append(token);
    return;
  }
  // Most tokens of a text already in the key's script have no letter any rule rewrites: looked for while
  // decoding, and then the token is kept as it is. Buffers are reused per thread, and sized so that a
  // table cannot overflow them: no allocation per token once they have grown.
  thread_local std::u32string from, to;
  if (from.size() < token.size()) from.resize(token.size());  // at most a code point per byte
  size_t n = 0;
  bool any_rule = false;
  for (size_t i = 0; i < token.size();) {
    const char32_t c = next_code_point(token, i);
    from[n++] = c;
    if (c < Table::kDirect) {
      any_rule = any_rule || r->starts_rule[c];
    } else if (!any_rule && r->rules_past_direct) {
      for (const Table& t : r->tables)
        if (t.candidates(c)) {
          any_rule = true;
          break;
        }
    }
  }
  if (!any_rule) {
    out.append(token);
    return;
  }
  for (const Table& t : r->tables) {
    // Each step reads at least one code point and writes at most longest_to: this always fits.
    if (to.size() < n * r->longest_to) to.resize(n * r->longest_to);
    n = apply_table(t, from.data(), n, to.data(), to.size());
    std::swap(from, to);
  }
  thread_local std::string bytes;
  if (bytes.size() < 4 * n) bytes.resize(4 * n);
  size_t w = 0;
  for (size_t k = 0; k < n; ++k) w += encode_utf8(from[k], bytes.data() + w);
  out.append(bytes.data(), w);
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
