#include "detail/morphology.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <sstream>
#include <string>
#include <unordered_map>

#include "detail/embedded_data.h"
#include "detail/utf8.h"

namespace tamga::detail {
namespace {

// ---------------------------------------------------------------------------------------------------
// A language's inflection, read from data/morphology/<lang>.txt (format: data/README.md): vowel and
// consonant classes, archiphonemes, and a graph of suffix arcs between states.
// ---------------------------------------------------------------------------------------------------

struct VowelInfo {
  int back = -1;     // 1 back, 0 front, -1 unspecified
  int rounded = -1;  // 1 rounded, 0 unrounded, -1 unspecified
};

enum class SoundClass { kVowel, kNasal, kSonorant, kVoiced, kVoiceless };

struct Archiphoneme {
  bool vowel = false;
  std::map<std::string, std::vector<std::u32string>, std::less<>> by_context;
};

struct Arc {
  std::u32string suffix;
  int to = 0;
  bool negative = false;
  int id = 0;  // index into Grammar::realized
};

struct Grammar {
  std::unordered_map<char32_t, VowelInfo> vowels;
  std::u32string voiceless, nasal, sonorant;
  std::vector<std::pair<std::u32string, std::u32string>> soften;  // hard → soft
  bool vowel_drop = false, gemination = false, narrow_before_yor = false, no_lone_final_consonant = false;
  std::u32string lenient_after;
  std::map<char32_t, Archiphoneme> archiphonemes;
  std::vector<std::string> state_names;
  std::vector<std::vector<Arc>> arcs;  // by state
  int noun = -1, verb = -1;
  std::string error;  // non-empty when the data did not parse

  // Every arc's suffix realized once per context class at load time, so parsing a word does no
  // template expansion and no allocation: realized[arc.id * kContextClasses + context_class(...)].
  struct Realization {
    std::u32string text;
    char32_t last = 0;        // its last letter
    char32_t last_vowel = 0;  // its last vowel, 0 when it has none
  };
  static constexpr int kVowelClasses = 10;  // none, or (back, rounded) each in {-1, 0, 1}
  static constexpr int kSoundClasses = 6;   // none, or a SoundClass
  static constexpr int kContextClasses = kVowelClasses * kSoundClasses * 2;
  using Realizations = std::vector<Realization>;
  // Filled on first use (most arc × context pairs never occur): a slot is null until some thread has
  // realized it; a thread that loses the race frees its copy.
  std::unique_ptr<std::atomic<const Realizations*>[]> realized;
  size_t realized_count = 0;
  std::vector<char32_t> vowel_of, sound_of;  // a letter standing for each vowel / sound class
  Grammar() = default;
  Grammar(const Grammar&) = delete;
  Grammar& operator=(const Grammar&) = delete;
  ~Grammar() {
    for (size_t i = 0; i < realized_count; ++i) delete realized[i].load();
  }

  int context_class(char32_t last_vowel, char32_t last, bool lenient) const {
    int vowel_class = 0;
    if (last_vowel != 0) {
      auto it = vowels.find(last_vowel);
      VowelInfo v = it == vowels.end() ? VowelInfo{} : it->second;
      vowel_class = 1 + (v.back + 1) * 3 + (v.rounded + 1);
    }
    int sound = last == 0 ? 0 : 1 + static_cast<int>(sound_class(last));
    return (vowel_class * kSoundClasses + sound) * 2 + (lenient ? 1 : 0);
  }

  bool is_vowel(char32_t c) const { return vowels.count(c) > 0; }
  SoundClass sound_class(char32_t c) const {
    if (is_vowel(c)) return SoundClass::kVowel;
    if (nasal.find(c) != std::u32string::npos) return SoundClass::kNasal;
    if (sonorant.find(c) != std::u32string::npos) return SoundClass::kSonorant;
    if (voiceless.find(c) != std::u32string::npos) return SoundClass::kVoiceless;
    return SoundClass::kVoiced;
  }
  int state(const std::string& name) {
    for (size_t i = 0; i < state_names.size(); ++i)
      if (state_names[i] == name) return static_cast<int>(i);
    state_names.push_back(name);
    arcs.emplace_back();
    return static_cast<int>(state_names.size() - 1);
  }
  // Softened form of a final letter, or 0.
  char32_t soft_of(char32_t hard) const {
    for (const auto& [h, s] : soften)
      if (h.size() == 1 && h[0] == hard) return s[0];
    return 0;
  }
  std::vector<std::u32string> realizations(char32_t name) const {
    auto it = archiphonemes.find(name);
    if (it == archiphonemes.end()) return {};
    std::vector<std::u32string> all;
    for (const auto& [_, list] : it->second.by_context) all.insert(all.end(), list.begin(), list.end());
    return all;
  }
};

std::vector<std::string> words_of(std::string_view s) {
  std::vector<std::string> out;
  std::istringstream in{std::string(s)};
  std::string w;
  while (in >> w) out.push_back(w);
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

void parse_grammar(std::string_view text, Grammar& g) {
  g.noun = g.state("noun");
  g.verb = g.state("verb");
  size_t line_no = 0;
  auto fail = [&](const std::string& message) {
    if (g.error.empty()) g.error = "line " + std::to_string(line_no) + ": " + message;
  };
  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    std::string_view line = text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
    start = nl == std::string_view::npos ? text.size() + 1 : nl + 1;
    ++line_no;
    if (size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    line = trim(line);
    if (line.empty()) continue;
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) {
      fail("expected 'key: values'");
      continue;
    }
    std::string key(trim(line.substr(0, colon)));
    std::string_view value = trim(line.substr(colon + 1));
    auto key_words = words_of(key);
    if (key_words.size() == 2 && key_words[0] == "vowels") {
      VowelInfo info;
      const std::string& cls = key_words[1];
      if (cls.rfind("back", 0) == 0) info.back = 1;
      else if (cls.rfind("front", 0) == 0) info.back = 0;
      if (cls.find("-rounded") != std::string::npos) info.rounded = 1;
      else if (cls.find("-unrounded") != std::string::npos) info.rounded = 0;
      for (const auto& v : words_of(value)) g.vowels[to_u32(v)[0]] = info;
    } else if (key_words.size() == 2 && key_words[0] == "consonants") {
      std::u32string letters;
      for (const auto& c : words_of(value)) letters += to_u32(c);
      if (key_words[1] == "voiceless") g.voiceless += letters;
      else if (key_words[1] == "nasal") g.nasal += letters;
      else if (key_words[1] == "sonorant") g.sonorant += letters;
      else fail("unknown consonant class " + key_words[1]);
    } else if (key == "soften") {
      for (const auto& pair : words_of(value)) {
        size_t gt = pair.find('>');
        if (gt == std::string::npos) { fail("soften pair without '>'"); continue; }
        g.soften.emplace_back(to_u32(pair.substr(0, gt)), to_u32(pair.substr(gt + 1)));
      }
    } else if (key == "options") {
      for (const auto& o : words_of(value)) {
        if (o == "vowel-drop") g.vowel_drop = true;
        else if (o == "gemination") g.gemination = true;
        else if (o == "narrow-before-yor") g.narrow_before_yor = true;
        else if (o == "no-lone-final-consonant") g.no_lone_final_consonant = true;
        else fail("unknown option " + o);
      }
    } else if (key == "lenient-after") {
      for (const auto& c : words_of(value)) g.lenient_after += to_u32(c);
    } else if (key_words.size() == 2 && key_words[0] == "archiphoneme" && key_words[1].size() == 1 &&
               key_words[1][0] >= 'A' && key_words[1][0] <= 'Z') {
      Archiphoneme a;
      for (const auto& spec : words_of(value)) {
        size_t eq = spec.find('=');
        if (eq == std::string::npos) { fail("archiphoneme context without '='"); continue; }
        std::string ctx = spec.substr(0, eq);
        std::vector<std::u32string> alternatives;
        std::string letters = spec.substr(eq + 1);
        size_t from = 0;
        while (true) {
          size_t bar = letters.find('|', from);
          alternatives.push_back(to_u32(letters.substr(from, bar == std::string::npos ? std::string::npos : bar - from)));
          if (bar == std::string::npos) break;
          from = bar + 1;
        }
        if (ctx.rfind("back", 0) == 0 || ctx.rfind("front", 0) == 0) a.vowel = true;
        a.by_context[ctx] = std::move(alternatives);
      }
      g.archiphonemes[static_cast<char32_t>(key_words[1][0])] = std::move(a);
    } else if ((key_words.size() >= 2 && key_words[0] == "arc") ||
               (key_words.size() >= 3 && key_words[0] == "negative" && key_words[1] == "arc")) {
      bool negative = key_words[0] == "negative";
      std::string spec = key.substr(key.find("arc") + 3);
      std::string from_part = spec, to_part;
      if (size_t gt = spec.find('>'); gt != std::string::npos) {
        from_part = spec.substr(0, gt);
        to_part = std::string(trim(spec.substr(gt + 1)));
      }
      std::vector<int> froms;
      std::string name;
      std::istringstream fs(from_part);
      while (std::getline(fs, name, ',')) {
        std::string n(trim(name));
        if (!n.empty()) froms.push_back(g.state(n));
      }
      if (froms.empty()) { fail("arc without a state"); continue; }
      int to = to_part.empty() ? froms.front() : g.state(to_part);
      for (int f : froms)
        for (const auto& suffix : words_of(value)) g.arcs[static_cast<size_t>(f)].push_back({to_u32(suffix), to, negative});
    } else {
      fail("unknown key '" + key + "'");
    }
  }
  // Longer pairs first, so nk>ng wins over k>ğ.
  std::stable_sort(g.soften.begin(), g.soften.end(), [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  // Every letter of every suffix must be a known archiphoneme or a lowercase letter.
  for (const auto& state : g.arcs)
    for (const Arc& arc : state)
      for (char32_t c : arc.suffix)
        if (c >= U'A' && c <= U'Z' && !g.archiphonemes.count(c)) fail(std::string("undefined archiphoneme ") + static_cast<char>(c));
}

struct Context {
  char32_t last_vowel = 0;
  char32_t last = 0;
};

void realize(const Grammar& g, std::u32string_view templ, Context ctx, bool lenient, std::u32string& prefix,
             std::vector<std::u32string>& out);

// A letter of each context class (vowel class × sound class) stands for the class: realization depends
// on the classes only.
void prepare_realizations(Grammar& g) {
  g.vowel_of.assign(Grammar::kVowelClasses, 0);
  g.sound_of.assign(Grammar::kSoundClasses, 0);
  for (const auto& [v, info] : g.vowels) {
    size_t cls = static_cast<size_t>(g.context_class(v, 0, false) / 2 / Grammar::kSoundClasses);
    if (!g.vowel_of[cls] || v < g.vowel_of[cls]) g.vowel_of[cls] = v;
  }
  std::u32string letters;
  for (const auto& [v, _] : g.vowels) letters += v;
  letters += g.nasal + g.sonorant + g.voiceless + U"bcdgjzvğ";
  for (char32_t c : letters) {
    size_t cls = static_cast<size_t>(g.context_class(0, c, false) / 2 % Grammar::kSoundClasses);
    if (!g.sound_of[cls]) g.sound_of[cls] = c;
  }
  int next_id = 0;
  for (auto& state : g.arcs)
    for (Arc& arc : state) arc.id = next_id++;
  g.realized_count = static_cast<size_t>(next_id) * Grammar::kContextClasses;
  g.realized = std::make_unique<std::atomic<const Grammar::Realizations*>[]>(g.realized_count);
  for (size_t i = 0; i < g.realized_count; ++i) g.realized[i].store(nullptr);
}

const Grammar::Realizations& realizations_of(const Grammar& g, const Arc& arc, size_t context) {
  auto& slot = g.realized[static_cast<size_t>(arc.id) * Grammar::kContextClasses + context];
  if (const auto* known = slot.load(std::memory_order_acquire)) return *known;
  int lenient = static_cast<int>(context % 2);
  int sound = static_cast<int>(context / 2 % Grammar::kSoundClasses);
  int vowel = static_cast<int>(context / 2 / Grammar::kSoundClasses);
  Context ctx{g.vowel_of[static_cast<size_t>(vowel)], g.sound_of[static_cast<size_t>(sound)]};
  std::vector<std::u32string> texts;
  std::u32string prefix;
  realize(g, arc.suffix, ctx, lenient != 0, prefix, texts);
  auto made = std::make_unique<Grammar::Realizations>();
  for (auto& t : texts) {
    Grammar::Realization r;
    r.last = t.empty() ? 0 : t.back();
    for (size_t i = t.size(); i-- > 0;)
      if (g.is_vowel(t[i])) { r.last_vowel = t[i]; break; }
    r.text = std::move(t);
    made->push_back(std::move(r));
  }
  const Grammar::Realizations* expected = nullptr;
  if (slot.compare_exchange_strong(expected, made.get(), std::memory_order_acq_rel)) return *made.release();
  return *expected;
}

const Grammar* grammar_for(Lang lang) {
  static std::array<std::unique_ptr<Grammar>, kLangCount> grammars;
  static std::once_flag once;
  std::call_once(once, [] {
    for (int l = 1; l < kLangCount; ++l) {
      std::string path = "morphology/" + std::string(lang_code(static_cast<Lang>(l))) + ".txt";
      std::string_view text = embedded_file(path);
      if (text.empty()) continue;
      auto g = std::make_unique<Grammar>();
      parse_grammar(text, *g);
      if (g->error.empty()) prepare_realizations(*g);
      grammars[static_cast<size_t>(l)] = std::move(g);
    }
  });
  return grammars[static_cast<size_t>(lang)].get();
}

Context context_of(const Grammar& g, std::u32string_view s, Context before = {}) {
  Context ctx = before;
  if (!s.empty()) ctx.last = s.back();
  for (size_t i = s.size(); i-- > 0;) {
    if (g.is_vowel(s[i])) { ctx.last_vowel = s[i]; break; }
  }
  return ctx;
}

const std::vector<std::u32string>* lookup(const Archiphoneme& a, std::initializer_list<std::string> keys) {
  for (const auto& k : keys) {
    auto it = a.by_context.find(k);
    if (it != a.by_context.end()) return &it->second;
  }
  return nullptr;
}

// Realizations of one archiphoneme after `ctx`. With `lenient`, vowel archiphonemes after a back vowel
// also take their front realization (loanwords: saat-i, kontrol-ü).
std::vector<std::u32string> realize_archiphoneme(const Grammar& g, const Archiphoneme& a, Context ctx, bool lenient) {
  VowelInfo v;
  if (auto it = g.vowels.find(ctx.last_vowel); it != g.vowels.end()) v = it->second;
  std::string bk = v.back == 0 ? "front" : "back";
  std::string rd = v.rounded == 1 ? "-rounded" : "-unrounded";
  if (a.vowel) {
    std::vector<std::u32string> out;
    if (auto* r = lookup(a, {bk + rd, bk, "any"})) out = *r;
    if (lenient && bk == "back")
      if (auto* r = lookup(a, {"front" + rd, "front"})) out.insert(out.end(), r->begin(), r->end());
    return out;
  }
  std::vector<std::string> chain;
  switch (ctx.last == 0 ? SoundClass::kVoiced : g.sound_class(ctx.last)) {
    case SoundClass::kVowel: chain = {"vowel"}; break;
    case SoundClass::kNasal: chain = {"nasal", "sonorant", "voiced"}; break;
    case SoundClass::kSonorant: chain = {"sonorant", "voiced"}; break;
    case SoundClass::kVoiced: chain = {"voiced"}; break;
    case SoundClass::kVoiceless: chain = {"voiceless"}; break;
  }
  chain.push_back("any");
  for (const auto& c : chain) {
    if (auto* r = lookup(a, {c + "." + bk, c})) return *r;
  }
  return {};
}

bool is_vowel_symbol(const Grammar& g, char32_t c) {
  if (g.is_vowel(c)) return true;
  auto it = g.archiphonemes.find(c);
  return it != g.archiphonemes.end() && it->second.vowel;
}

void realize(const Grammar& g, std::u32string_view templ, Context ctx, bool lenient, std::u32string& prefix,
             std::vector<std::u32string>& out) {
  if (templ.empty()) {
    out.push_back(prefix);
    return;
  }
  auto emit = [&](std::u32string_view piece, std::u32string_view rest, bool still_lenient) {
    size_t mark = prefix.size();
    prefix += piece;
    realize(g, rest, context_of(g, piece, ctx), still_lenient, prefix, out);
    prefix.resize(mark);
  };
  char32_t t = templ[0];
  if (t == U'(' && templ.size() >= 3 && templ[2] == U')') {
    char32_t inner = templ[1];
    std::u32string_view rest = templ.substr(3);
    bool after_vowel = ctx.last != 0 && g.is_vowel(ctx.last);
    bool present = is_vowel_symbol(g, inner) ? !after_vowel : after_vowel;
    if (!present) {
      realize(g, rest, ctx, lenient, prefix, out);
    } else {
      std::u32string expanded(1, inner);
      expanded += rest;
      realize(g, expanded, ctx, lenient, prefix, out);
    }
    return;
  }
  std::u32string_view rest = templ.substr(1);
  if (t >= U'A' && t <= U'Z') {
    auto it = g.archiphonemes.find(t);
    if (it == g.archiphonemes.end()) return;
    for (const auto& r : realize_archiphoneme(g, it->second, ctx, lenient)) emit(r, rest, lenient && !it->second.vowel);
    return;
  }
  emit(std::u32string_view(&templ[0], 1), rest, lenient);
}

bool walk(const Grammar& g, int state, std::u32string_view rest, Context ctx, int depth, bool lenient, bool& negative) {
  if (rest.empty()) return true;
  if (depth >= 8) return false;
  const size_t context = static_cast<size_t>(g.context_class(ctx.last_vowel, ctx.last, lenient));
  for (const Arc& arc : g.arcs[static_cast<size_t>(state)]) {
    for (const Grammar::Realization& real : realizations_of(g, arc, context)) {
      const std::u32string& r = real.text;
      if (r.empty() || r.size() > rest.size()) continue;
      // With no-lone-final-consonant, a lone consonant right after the stem that ends the word mostly
      // makes a different word (Turkish beka → bekar): only accepted when more suffixes follow.
      if (g.no_lone_final_consonant && depth == 0 && r.size() == 1 && !g.is_vowel(r[0]) && r.size() == rest.size()) continue;
      bool direct = rest.compare(0, r.size(), r) == 0;
      // A suffix-final hard consonant softens before a vowel: -AcAk + Im → -acağım.
      bool softened = false;
      if (!direct && rest.size() > r.size()) {
        char32_t soft = g.soft_of(r.back());
        softened = soft != 0 && rest.compare(0, r.size() - 1, r, 0, r.size() - 1) == 0 && rest[r.size() - 1] == soft &&
                   g.is_vowel(rest[r.size()]);
      }
      if (!direct && !softened) continue;
      Context next{real.last_vowel ? real.last_vowel : ctx.last_vowel, rest[r.size() - 1]};
      bool neg = false;
      if (walk(g, arc.to, rest.substr(r.size()), next, depth + 1, false, neg)) {
        negative = neg || arc.negative;
        return true;
      }
    }
  }
  return false;
}

InflectionParse parse_from_stem(const Grammar& g, Context ctx, std::u32string_view ending, bool lenient) {
  InflectionParse r;
  for (int start : {g.noun, g.verb}) {
    bool neg = false;
    if (walk(g, start, ending, ctx, 0, lenient, neg)) {
      r.ok = true;
      r.negative = neg;
      return r;
    }
  }
  return r;
}

// --- English -----------------------------------------------------------------------------------------

bool english_ending(std::string_view key, StemCondition condition, std::string_view rest) {
  auto one_of = [&](std::initializer_list<std::string_view> set) {
    return std::find(set.begin(), set.end(), rest) != set.end();
  };
  switch (condition) {
    case StemCondition::kEnIes: return one_of({"es", "ed", "es'", "er", "est"});
    case StemCondition::kEnDropE: return one_of({"ing"});
    case StemCondition::kEnDoubled: return one_of({"ed", "ing"});
    default: break;
  }
  if (one_of({"s", "'s", "s'", "'", "ing"})) return true;
  char last = key.empty() ? 0 : key.back();
  if (rest == "d" || rest == "d's") return last == 'e';
  if (rest == "ed") return last != 'e';
  if (rest == "es" || rest == "es'") return last == 's' || last == 'x' || last == 'z' || last == 'h' || last == 'o';
  return false;
}

bool is_english_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

}  // namespace

std::string morphology_error(Lang lang) {
  const Grammar* g = grammar_for(lang);
  return g ? g->error : std::string();
}

void stem_variants(Lang lang, std::string_view stem, std::vector<StemVariant>& out) {
  out.push_back({std::string(stem), StemCondition::kNone});
  if (lang == Lang::kEn) {
    size_t n = stem.size();
    if (n >= 3 && stem[n - 1] == 'y' && !is_english_vowel(stem[n - 2]))
      out.push_back({std::string(stem.substr(0, n - 1)) + "i", StemCondition::kEnIes});
    if (n >= 4 && stem[n - 1] == 'e' && stem[n - 2] != 'e')
      out.push_back({std::string(stem.substr(0, n - 1)), StemCondition::kEnDropE});
    if (n >= 3 && !is_english_vowel(stem[n - 1]) && is_english_vowel(stem[n - 2]) && !is_english_vowel(stem[n - 3]) &&
        std::string_view("wxy").find(stem[n - 1]) == std::string_view::npos)
      out.push_back({std::string(stem) + stem[n - 1], StemCondition::kEnDoubled});
    return;
  }
  const Grammar* gp = grammar_for(lang);
  if (!gp || !gp->error.empty()) return;
  const Grammar& g = *gp;
  std::u32string s = to_u32(stem);
  if (s.size() < 2) return;
  size_t vowels = 0;
  for (char32_t c : s) vowels += g.is_vowel(c);
  auto add = [&](const std::u32string& v, StemCondition c) {
    std::string key = to_utf8(v);
    for (const auto& existing : out)
      if (existing.key == key && existing.condition == c) return;
    out.push_back({std::move(key), c});
  };
  auto soften = [&](std::u32string v) {
    for (const auto& [hard, soft] : g.soften) {
      if (hard.size() <= v.size() && v.compare(v.size() - hard.size(), hard.size(), hard) == 0) {
        v.replace(v.size() - hard.size(), hard.size(), soft);
        return v;
      }
    }
    return v;
  };
  auto softens = [&](const std::u32string& v) { return soften(v) != v; };
  char32_t last = s.back();
  std::vector<std::u32string> high;
  if (auto it = g.archiphonemes.find(U'I'); it != g.archiphonemes.end())
    for (const auto& r : g.realizations(U'I'))
      if (r.size() == 1) high.push_back(r);
  if (!g.is_vowel(last)) {
    if (softens(s)) add(soften(s), StemCondition::kNextVowel);
    if (g.vowel_drop && vowels >= 2 && s.size() >= 4) {
      std::u32string v(1, s[s.size() - 2]);
      bool is_high = std::find(high.begin(), high.end(), v) != high.end();
      if (is_high && !g.is_vowel(s[s.size() - 3])) {
        std::u32string dropped = s.substr(0, s.size() - 2) + s.back();
        add(dropped, StemCondition::kDroppedVowel);
        if (softens(dropped)) add(soften(dropped), StemCondition::kDroppedVowel);
      }
    }
    if (g.gemination && vowels == 1) {
      add(s + last, StemCondition::kNextVowel);
      std::u32string soft = soften(s);
      add(soft + soft.back(), StemCondition::kNextVowel);
    }
  } else if (g.narrow_before_yor) {
    auto a = g.realizations(U'A');
    bool low = std::any_of(a.begin(), a.end(), [&](const std::u32string& r) { return r.size() == 1 && r[0] == last; });
    if (low) {
      // karala → karalı-yor, söyle → söylü-yor, de → di-yor: the final vowel narrows, harmonizing with
      // the vowel before it.
      Context before = context_of(g, std::u32string_view(s).substr(0, s.size() - 1));
      if (before.last_vowel == 0) before.last_vowel = last;
      auto it = g.archiphonemes.find(U'I');
      if (it != g.archiphonemes.end()) {
        for (const auto& r : realize_archiphoneme(g, it->second, before, false))
          add(s.substr(0, s.size() - 1) + r, StemCondition::kNextYor);
      }
    }
  }
}

void compound_head_variants(Lang lang, std::string_view word, std::vector<StemVariant>& out) {
  const Grammar* g = grammar_for(lang);
  if (!g || !g->error.empty()) return;
  std::u32string s = to_u32(word);
  if (s.size() < 4) return;
  auto high = g->realizations(U'I');
  auto is_high = [&](char32_t c) {
    return std::any_of(high.begin(), high.end(), [&](const std::u32string& r) { return r.size() == 1 && r[0] == c; });
  };
  if (!is_high(s.back())) return;
  std::u32string head = s.substr(0, s.size() - 1);
  if (head.back() == U's' && head.size() >= 3 && g->is_vowel(head[head.size() - 2])) head.pop_back();  // lobi-si
  else if (g->is_vowel(head.back())) return;
  out.push_back({to_utf8(head), StemCondition::kCompoundHead});
  // kitab-ı → kitap-ları: the head hardens again before a consonant.
  for (const auto& [hard, soft] : g->soften) {
    if (soft.size() == 1 && hard.size() == 1 && head.back() == soft[0]) {
      head.back() = hard[0];
      out.push_back({to_utf8(head), StemCondition::kCompoundHead});
      break;
    }
  }
}

namespace {

// The Turkic path of parse_inflection: `rest` is not empty and not an apostrophe suffix.
InflectionParse parse_turkic_ending(const Grammar& g, std::string_view key, StemCondition condition,
                                    std::string_view rest) {
  InflectionParse r;
  std::u32string stem = to_u32(key), ending = to_u32(rest);
  Context ctx = context_of(g, stem);
  switch (condition) {
    case StemCondition::kNextVowel:
      if (!g.is_vowel(ending.front())) return r;
      break;
    case StemCondition::kDroppedVowel: {
      if (!g.is_vowel(ending.front())) return r;
      // The lost vowel was a high vowel; harmony follows it.
      for (const auto& v : g.realizations(U'I')) {
        if (v.size() != 1) continue;
        r = parse_from_stem(g, Context{v[0], ctx.last}, ending, false);
        if (r.ok) return r;
      }
      return r;
    }
    case StemCondition::kCompoundHead: {
      // The compound keeps a 3rd-person possessive: -(s)I or -lArI, then case and copula endings.
      std::vector<std::u32string> heads;
      std::u32string prefix;
      for (const char* p : {"(s)I", "lArI"}) realize(g, to_u32(p), ctx, false, prefix, heads);
      int possessed = -1;
      for (size_t i = 0; i < g.state_names.size(); ++i)
        if (g.state_names[i] == "possessed") possessed = static_cast<int>(i);
      for (const auto& h : heads) {
        if (ending.compare(0, h.size(), h) != 0) continue;
        std::u32string_view after = std::u32string_view(ending).substr(h.size());
        bool neg = false;
        if (after.empty() || (possessed >= 0 && walk(g, possessed, after, context_of(g, h, ctx), 1, false, neg))) {
          r.ok = true;
          return r;
        }
      }
      return r;
    }
    case StemCondition::kNextYor: {
      if (ending.compare(0, 3, U"yor") != 0) return r;
      int tense = -1;
      for (size_t i = 0; i < g.state_names.size(); ++i)
        if (g.state_names[i] == "tense") tense = static_cast<int>(i);
      if (tense < 0) return r;
      r.ok = walk(g, tense, std::u32string_view(ending).substr(3), Context{U'o', U'r'}, 1, false, r.negative);
      return r;
    }
    default: break;
  }
  bool lenient = !ctx.last || g.lenient_after.find(ctx.last) != std::u32string::npos;
  return parse_from_stem(g, ctx, ending, lenient);
}

struct StringViewHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// The parse depends on the stem only through its last letter and last vowel, and natural text repeats
// the same few hundred endings, so each thread remembers recent answers. Bounded: cleared when full.
class EndingCache {
 public:
  const InflectionParse* find(Lang lang, const Grammar& g, std::string_view key, StemCondition condition,
                              std::string_view rest) {
    make_key(lang, g, key, condition, rest);
    auto it = map_.find(std::string_view(key_));
    return it == map_.end() ? nullptr : &it->second;
  }
  // Stores the answer for the key built by the last find().
  void store(InflectionParse parse) {
    if (map_.size() >= kMaxEntries) map_.clear();
    map_.emplace(key_, parse);
  }

 private:
  static constexpr size_t kMaxEntries = 1 << 16;
  void make_key(Lang lang, const Grammar& g, std::string_view key, StemCondition condition, std::string_view rest) {
    char32_t last = 0, last_vowel = 0;
    for (size_t i = 0; i < key.size();) {
      char32_t c = next_code_point(key, i);
      last = c;
      if (g.is_vowel(c)) last_vowel = c;
    }
    key_.clear();
    key_ += static_cast<char>(lang);
    key_ += static_cast<char>(condition);
    key_.append(reinterpret_cast<const char*>(&last), sizeof last);
    key_.append(reinterpret_cast<const char*>(&last_vowel), sizeof last_vowel);
    key_ += rest;
  }
  std::string key_;
  std::unordered_map<std::string, InflectionParse, StringViewHash, std::equal_to<>> map_;
};

}  // namespace

InflectionParse parse_inflection(Lang lang, std::string_view key, StemCondition condition, std::string_view rest) {
  InflectionParse r;
  if (rest.empty()) {
    r.ok = condition == StemCondition::kNone;
    return r;
  }
  // Any suffix after an apostrophe: Türkiye'nin, Ankara'da; in English only the possessive.
  if (rest.front() == '\'' && condition == StemCondition::kNone && rest.size() > 1) {
    r.ok = lang != Lang::kEn || rest == "'s";
    if (lang != Lang::kEn) return r;
  }
  if (lang == Lang::kEn) {
    r.ok = english_ending(key, condition, rest);
    return r;
  }
  const Grammar* gp = grammar_for(lang);
  if (!gp || !gp->error.empty()) return r;
  thread_local EndingCache cache;
  if (const InflectionParse* known = cache.find(lang, *gp, key, condition, rest)) return *known;
  r = parse_turkic_ending(*gp, key, condition, rest);
  cache.store(r);
  return r;
}

InflectionParse inflected_match(Lang lang, const std::vector<StemVariant>& variants, std::string_view token) {
  for (const StemVariant& v : variants) {
    if (token.size() < v.key.size() || token.compare(0, v.key.size(), v.key) != 0) continue;
    InflectionParse p = parse_inflection(lang, v.key, v.condition, token.substr(v.key.size()));
    if (p.ok) return p;
  }
  return {};
}

}  // namespace tamga::detail
