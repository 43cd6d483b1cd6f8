#include "tamga/langid.h"

#include <cld2/public/compact_lang_det.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "detail/byte_set.h"
#include "detail/embedded_data.h"
#include "detail/utf8.h"

namespace tamga {

namespace {

struct LetterCounts {
  size_t latin = 0, cyrillic = 0, other = 0;
  // Letters that single out a language (lowercase and uppercase counted together).
  size_t schwa = 0;           // ə: Azerbaijani
  size_t turkmen = 0;         // ý ň ž: Turkmen
  size_t a_umlaut = 0;        // ä: Turkmen, Kazakh Latin
  size_t kazakh_cyr = 0;      // ұ і: Kazakh only
  size_t schwa_cyr = 0;       // ә: Kazakh, Turkmen and Azerbaijani Cyrillic
  size_t kyrgyz_kazakh = 0;   // ң ө ү: Kyrgyz, Kazakh, Turkmen
  size_t kazakh_uzbek = 0;    // ғ қ: Kazakh and Uzbek (ғ also Azerbaijani) Cyrillic
  size_t uzbek_cyr = 0;       // ў ҳ: Uzbek Cyrillic only
  size_t azerbaijani_cyr = 0; // ҹ ҝ ј: Azerbaijani Cyrillic
  size_t turkmen_cyr = 0;     // җ: Turkmen Cyrillic
  size_t uzbek_lat = 0;       // oʻ gʻ (any apostrophe after o/g), q, x common
  size_t turkish = 0;         // ğ ı ş (also Azerbaijani)
  size_t kazakh_latin = 0;    // ñ ū
  size_t q = 0;               // q: Kazakh, Uzbek and Azerbaijani Latin, never Turkish or Turkmen
  size_t w = 0;               // w: Turkmen (and English), never Turkish, Azerbaijani or Kazakh
  size_t turkic_latin = 0;    // ä ö ü ş ç: some Turkic language written in Latin
};

// Function words (data/langid/function-words.txt) in a flat open-addressing table: one hash and at most
// a few byte comparisons per word of the text.
constexpr int kOtherLanguage = kLangCount;  // a language tamga does not cover (Russian, German, ...)
constexpr size_t kMaxFunctionWord = 16;     // bytes; longer words are never looked up (nor listed)

class FunctionWords {
 public:
  FunctionWords() {
    std::string_view text = detail::embedded_file("langid/function-words.txt");
    std::vector<std::pair<std::string, int>> words;
    size_t start = 0;
    while (start < text.size()) {
      size_t nl = text.find('\n', start);
      std::string_view line = text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
      start = nl == std::string_view::npos ? text.size() : nl + 1;
      if (line.empty() || line.front() == '#') continue;
      size_t tab = line.find('\t');
      if (tab == std::string_view::npos) continue;
      auto lang = parse_lang(line.substr(0, tab));
      int index = lang ? static_cast<int>(*lang) : kOtherLanguage;
      std::string_view rest = line.substr(tab + 1);
      while (!rest.empty()) {
        size_t sp = rest.find(' ');
        std::string_view w = rest.substr(0, sp);
        rest = sp == std::string_view::npos ? std::string_view() : rest.substr(sp + 1);
        if (w.empty() || w.size() > kMaxFunctionWord) continue;
        auto it = std::find_if(words.begin(), words.end(), [&](const auto& p) { return p.first == w; });
        if (it == words.end()) words.emplace_back(std::string(w), index);
        else if (it->second != index) it->second = -1;  // shared by two languages: evidence for neither
      }
    }
    size_t size = 64;
    while (size < words.size() * 4) size *= 2;
    slots_.assign(size, Slot{});
    mask_ = size - 1;
    shift_ = 64 - std::countr_zero(size);
    for (const auto& [w, index] : words) {
      if (index < 0) continue;
      longest_ = std::max(longest_, w.size());
      lengths_by_first_[static_cast<unsigned char>(w[0])] |= 1u << w.size();
      char padded[kMaxFunctionWord + 16] = {};
      std::memcpy(padded, w.data(), w.size());
      const size_t bit = candidate_bit(head(padded, w.size()), w.size());
      candidates_[bit / 64] |= uint64_t{1} << (bit % 64);
      size_t h = slot_of(padded, w.size());
      while (slots_[h].length) h = (h + 1) & mask_;
      slots_[h].length = static_cast<uint8_t>(w.size());
      slots_[h].lang = static_cast<int8_t>(index);
      std::memcpy(slots_[h].text, w.data(), w.size());
    }
    build_exact(words);
  }
  size_t longest() const { return longest_; }
  // The word's first 8 bytes, zero past its end (`word` has 16 readable bytes, `length` is at most
  // kMaxFunctionWord + 1).
  uint64_t head(const char* word, size_t length) const { return chunk(word) & word_masks_[length][0]; }
  // Whether the word (its head and length) may be a function word: few other words pass (about one in
  // fifty here), so that the branch on it mostly goes one way.
  bool may_be(uint64_t head, size_t length) const {
    const size_t bit = candidate_bit(head, length);
    return (candidates_[bit / 64] >> (bit % 64)) & 1u;
  }
  // What find() gives, as kNoWord where it gives -1, for a word of up to kMaxFunctionWord + 1 bytes,
  // with no branch: one hash, one slot, one comparison. `word` has 16 readable bytes.
  static constexpr int kNoWord = kOtherLanguage + 1;
  int lookup(const char* word, size_t length, uint64_t a) const {
    const uint64_t b = chunk(word + 8) & word_masks_[length][1];
    const uint64_t x = exact_hash(a, b, length, seed_);
    const Exact& e = exact_[((x >> 32) & slot_mask_) ^ displacement_[x >> bucket_shift_]];
    const uint64_t differ = (e.a ^ a) | (e.b ^ b) | (e.length ^ length);
    // kNoWord unless nothing differs, without a branch
    return kNoWord + static_cast<int>(static_cast<unsigned>(e.lang - kNoWord) & (0u - static_cast<unsigned>(differ == 0)));
  }
  // The language index the word is a function word of, or -1. `word` has 16 readable bytes.
  int find(const char* word, size_t length) const {
    // Most words are longer than any function word starting with their letter: no hashing for them.
    if (length > longest_ || !((lengths_by_first_[static_cast<unsigned char>(word[0])] >> length) & 1u)) return -1;
    for (size_t h = slot_of(word, length);; h = (h + 1) & mask_) {
      const Slot& s = slots_[h];
      if (!s.length) return -1;
      if (s.length == length && same_text(s.text, word, length)) return s.lang;
    }
  }

 private:
  struct Slot {
    uint8_t length = 0;
    int8_t lang = -1;
    char text[kMaxFunctionWord];
  };
  static uint64_t chunk(const char* p) {
    uint64_t v;
    std::memcpy(&v, p, sizeof v);
    return v;
  }
  static uint64_t low_bytes(size_t k) { return k >= 8 ? ~uint64_t{0} : (uint64_t{1} << (8 * k)) - 1; }
  // The slot a word starts probing at, from its length and first 16 bytes (the word has 16 readable
  // bytes; those past its end are masked off): a multiply or two, where a general string hash loops.
  size_t slot_of(const char* word, size_t length) const {
    uint64_t a = chunk(word) & low_bytes(length);
    uint64_t b = length > 8 ? chunk(word + 8) & low_bytes(length - 8) : 0;
    uint64_t x = (a ^ std::rotl(b * 0x9E3779B97F4A7C15ull, 29) ^ length) * 0xff51afd7ed558ccdull;
    return static_cast<size_t>(x >> shift_);
  }
  // Equal first `n` bytes, both sides having 16 readable bytes: two 8-byte comparisons instead of a call.
  static bool same_text(const char* a, const char* b, size_t n) {
    if constexpr (std::endian::native == std::endian::little) {
      if (n <= 16) {
        if ((chunk(a) ^ chunk(b)) & low_bytes(n)) return false;
        return n <= 8 || !((chunk(a + 8) ^ chunk(b + 8)) & low_bytes(n - 8));
      }
    }
    return std::memcmp(a, b, n) == 0;
  }
  // The words of find() in a table where each has a slot of its own (hash and displace): a word's hash
  // picks a bucket and a slot; the bucket's displacement, chosen when the table is built, moves the
  // slots of its words apart from every other word's.
  struct Exact {
    uint64_t a = 0, b = 0;  // the word's bytes 0-7 and 8-15, zero past its end
    uint32_t length = 0xFF;  // no word: matches no length
    int32_t lang = kNoWord;
  };
  // The high halves of two products, where their bits are mixed best, give the slot (bits 32 up) and
  // the bucket (the top bits).
  static uint64_t exact_hash(uint64_t a, uint64_t b, size_t length, uint64_t seed) {
    return ((a ^ seed) * 0x9E3779B97F4A7C15ull) ^ ((b + length) * 0xff51afd7ed558ccdull);
  }
  void build_exact(const std::vector<std::pair<std::string, int>>& words) {
    std::vector<Exact> keys;
    for (const auto& [w, index] : words) {
      if (index < 0) continue;
      char padded[16] = {};
      std::memcpy(padded, w.data(), w.size());
      Exact e;
      e.a = chunk(padded);
      e.b = chunk(padded + 8);
      e.length = static_cast<uint32_t>(w.size());
      e.lang = index;
      keys.push_back(e);
    }
    // Slots for a third more than the words (512 for the 371 there are), four words to a bucket; a
    // table twice the size when no seed of a few places every word (never so far).
    size_t size = 64;
    while (size < keys.size() + keys.size() / 3) size *= 2;
    for (;; size *= 2)
      for (uint64_t seed = 1; seed <= 64; ++seed)
        if (try_exact(keys, size, seed)) return;
  }
  bool try_exact(const std::vector<Exact>& keys, size_t size, uint64_t seed) {
    const size_t buckets = size / 4;
    const int bucket_shift = 64 - std::countr_zero(buckets);
    std::vector<std::vector<size_t>> by_bucket(buckets);  // the slots each bucket's words hash to
    for (const Exact& k : keys) {
      const uint64_t x = exact_hash(k.a, k.b, k.length, seed);
      by_bucket[x >> bucket_shift].push_back((x >> 32) & (size - 1));
    }
    std::vector<size_t> order(buckets);
    for (size_t k = 0; k < buckets; ++k) order[k] = k;
    std::stable_sort(order.begin(), order.end(), [&](size_t p, size_t q) { return by_bucket[p].size() > by_bucket[q].size(); });
    std::vector<bool> taken(size);
    std::vector<uint32_t> displacement(buckets, 0);
    for (size_t bucket : order) {
      const auto& slots = by_bucket[bucket];
      if (slots.empty()) break;
      bool placed = false;
      for (size_t d = 0; d < size && !placed; ++d) {
        placed = true;
        for (size_t k = 0; k < slots.size() && placed; ++k) {
          if (taken[slots[k] ^ d]) placed = false;
          for (size_t j = 0; j < k && placed; ++j) placed = slots[j] != slots[k];
        }
        if (!placed) continue;
        for (size_t slot : slots) taken[slot ^ d] = true;
        displacement[bucket] = static_cast<uint32_t>(d);
      }
      if (!placed) return false;
    }
    seed_ = seed;
    slot_mask_ = size - 1;
    bucket_shift_ = bucket_shift;
    displacement_ = std::move(displacement);
    exact_.assign(size, Exact{});
    for (const Exact& k : keys) {
      const uint64_t x = exact_hash(k.a, k.b, k.length, seed);
      exact_[((x >> 32) & slot_mask_) ^ displacement_[x >> bucket_shift_]] = k;
    }
    return true;
  }
  std::vector<Exact> exact_;
  // By word length (up to kMaxFunctionWord + 1): the bytes of the word in its first 8 and next 8.
  std::array<std::array<uint64_t, 2>, kMaxFunctionWord + 2> word_masks_ = [] {
    std::array<std::array<uint64_t, 2>, kMaxFunctionWord + 2> masks{};
    for (size_t n = 0; n < masks.size(); ++n) masks[n] = {low_bytes(n), n > 8 ? low_bytes(n - 8) : 0};
    return masks;
  }();
  std::vector<uint32_t> displacement_;
  uint64_t seed_ = 0, slot_mask_ = 0;
  int bucket_shift_ = 63;
  std::vector<Slot> slots_;
  size_t mask_ = 0;
  int shift_ = 64;
  size_t longest_ = 0;
  std::array<uint32_t, 256> lengths_by_first_{};  // bit n: some function word of n bytes starts with this byte
  // A bit for each function word's first 8 bytes and length, hashed.
  static constexpr int kCandidateBits = 14;
  static size_t candidate_bit(uint64_t head, size_t length) {
    return ((head ^ length) * 0x9E3779B97F4A7C15ull) >> (64 - kCandidateBits);
  }
  std::array<uint64_t, (size_t{1} << kCandidateBits) / 64> candidates_{};
};

const FunctionWords& function_words() {
  static const FunctionWords table;
  return table;
}

Lang letter_rule(const LetterCounts& c, Script script, size_t letters);

Script majority_script(const LetterCounts& c) {
  if (c.latin == 0 && c.cyrillic == 0 && c.other == 0) return Script::kUnknown;
  if (c.latin >= c.cyrillic && c.latin >= c.other) return Script::kLatin;
  if (c.cyrillic >= c.other) return Script::kCyrillic;
  return Script::kOther;
}

// Letters of the text, and, when asked, a vote line by line: each line's language from its own letters
// and function words, weighted by its letters. A document of shuffled lines in several languages gets
// the language most of its letters are written in, as a document of paragraphs does.
struct Evidence {
  LetterCounts whole;
  std::array<size_t, kLangCount + 1> voted{};  // letters of the lines identified as each language
};

// What language identification needs of a character: its lowercase form (also as UTF-8, for function
// words), which script's letters it counts with, and which distinctive-letter counter it feeds.
struct CharInfo {
  enum Kind : uint8_t { kNotLetter, kLatin, kCyrillic, kOtherScript, kUncountedLetter };
  enum Feature : uint8_t {
    kNone, kSchwa, kTurkmen, kAUmlaut, kTurkicLatin, kKazakhCyr, kSchwaCyr, kAzerbaijaniCyr, kTurkmenCyr,
    kKazakhUzbek, kKyrgyzKazakh, kUzbekCyr, kTurkish, kKazakhLatin, kQ, kW, kApostrophe
  };
  char32_t lower = 0;
  Kind kind = kNotLetter;
  Feature feature = kNone;
  uint8_t length = 0;  // of utf8
  char utf8[4] = {};
};

// What EvidenceCounter's fast path needs of a two-byte character, in 16 bytes. `plain` marks a Latin or
// Cyrillic letter that is not an apostrophe and does not lowercase to o or g: counted by its kind and
// feature and added to the word, nothing else. Other characters take the general path.
struct TwoByteInfo {
  // Three counts in one word, so that a letter adds to all three at once: two-byte letters, of them
  // Cyrillic, and distinctive (a feature). Each stays below 2^21: at most 64 KiB of a text is counted.
  static constexpr int kCyrillicShift = 21, kDistinctiveShift = 42;
  static constexpr uint64_t kCountMask = (uint64_t{1} << 21) - 1;
  char utf8[4] = {};  // lowercase
  uint8_t length = 0;
  uint8_t feature = 0;
  // 1 for a plain letter, 2 for one whose lowercase is two bytes too, written over the letter in place.
  uint8_t plain = 0;
  uint64_t counts = 0;  // 1, and 1 at kCyrillicShift for Cyrillic, and 1 at kDistinctiveShift for a feature
};

CharInfo describe(char32_t ch) {
  CharInfo info;
  info.lower = ch < 0x80 ? ((ch >= U'A' && ch <= U'Z') ? ch - U'A' + U'a' : ch)
                         : static_cast<char32_t>(u_tolower(static_cast<UChar32>(ch)));
  info.length = static_cast<uint8_t>(detail::encode_utf8(info.lower, info.utf8));
  char32_t lower = info.lower;
  if (ch < 0x80) {
    if (lower >= U'a' && lower <= U'z') info.kind = CharInfo::kLatin;
  } else if (ch >= 0xC0 && ch <= 0x24F && ch != 0xD7 && ch != 0xF7) {
    info.kind = CharInfo::kLatin;  // Latin-1 and Latin Extended-A/B letters
  } else if ((ch >= 0x400 && ch <= 0x481) || (ch >= 0x48A && ch <= 0x52F)) {
    info.kind = CharInfo::kCyrillic;
  } else if (u_isalpha(static_cast<UChar32>(ch))) {
    UErrorCode err = U_ZERO_ERROR;
    UScriptCode sc = uscript_getScript(static_cast<UChar32>(ch), &err);
    info.kind = sc == USCRIPT_LATIN      ? CharInfo::kLatin
                : sc == USCRIPT_CYRILLIC ? CharInfo::kCyrillic
                : (sc != USCRIPT_COMMON && sc != USCRIPT_INHERITED) ? CharInfo::kOtherScript
                                                                  : CharInfo::kUncountedLetter;
  }
  switch (lower) {
    case U'ə': info.feature = CharInfo::kSchwa; break;                                        // Azerbaijani
    case U'ý': case U'ň': case U'ž': info.feature = CharInfo::kTurkmen; break;                // Turkmen
    case U'ä': info.feature = CharInfo::kAUmlaut; break;                                     // Turkmen, Kazakh Latin
    case U'ö': case U'ü': case U'ç': info.feature = CharInfo::kTurkicLatin; break;
    case U'ұ': case U'і': info.feature = CharInfo::kKazakhCyr; break;                        // Kazakh only
    case U'ә': info.feature = CharInfo::kSchwaCyr; break;
    case U'ҹ': case U'ҝ': case U'ј': info.feature = CharInfo::kAzerbaijaniCyr; break;
    case U'җ': info.feature = CharInfo::kTurkmenCyr; break;
    case U'ғ': case U'қ': info.feature = CharInfo::kKazakhUzbek; break;
    case U'ң': case U'ө': case U'ү': info.feature = CharInfo::kKyrgyzKazakh; break;
    case U'ў': case U'ҳ': info.feature = CharInfo::kUzbekCyr; break;
    case U'ğ': case U'ı': case U'ş': info.feature = CharInfo::kTurkish; break;
    case U'ñ': case U'ū': info.feature = CharInfo::kKazakhLatin; break;
    default:
      if (ch < 0x80 && lower == U'q') info.feature = CharInfo::kQ;
      else if (ch < 0x80 && lower == U'w') info.feature = CharInfo::kW;
      else if (ch == U'\'' || (ch >= 0x80 && detail::is_apostrophe(ch))) info.feature = CharInfo::kApostrophe;
  }
  return info;
}

// describe() of every code point of one or two UTF-8 bytes (Latin, Cyrillic and their neighbours), and
// of General Punctuation (curly quotes and apostrophes, dashes), computed once.
struct CharTable {
  static constexpr char32_t kSize = 0x800;
  static_assert(kSize >= 0x800, "two_byte is filled from chars");
  static constexpr char32_t kPunctuationFirst = 0x2000, kPunctuationEnd = 0x2070;
  std::array<CharInfo, kSize> chars;
  std::array<CharInfo, kPunctuationEnd - kPunctuationFirst> punctuation;
  std::array<bool, 256> plain_ascii_letter{};  // an ASCII letter with no feature (all but q and w)
  // ASCII spaces and punctuation that only end a word: nothing of them is counted (not line ends, not
  // apostrophes).
  std::array<bool, 256> ascii_separator{};
  std::array<bool, 256> ascii_letter{};  // a-z, A-Z
  std::array<TwoByteInfo, 0x800> two_byte;  // by code point, for those of two bytes (0x80..0x7FF)
  CharTable() {
    for (char32_t c = 0; c < kSize; ++c) {
      const CharInfo& info = chars[c] = describe(c);
      TwoByteInfo& t = two_byte[c];
      std::memcpy(t.utf8, info.utf8, 4);
      t.length = info.length;
      t.feature = info.feature;
      t.counts = 1 | (uint64_t{info.kind == CharInfo::kCyrillic} << TwoByteInfo::kCyrillicShift) |
                 (uint64_t{info.feature != CharInfo::kNone} << TwoByteInfo::kDistinctiveShift);
      const bool plain = (info.kind == CharInfo::kLatin || info.kind == CharInfo::kCyrillic) &&
                         info.feature != CharInfo::kApostrophe && info.lower != U'o' && info.lower != U'g';
      t.plain = plain ? (info.length == 2 ? 2 : 1) : 0;
    }
    for (char32_t c = kPunctuationFirst; c < kPunctuationEnd; ++c) punctuation[c - kPunctuationFirst] = describe(c);
    for (char32_t c = 0; c < 0x80; ++c) {
      plain_ascii_letter[c] = chars[c].kind == CharInfo::kLatin && chars[c].feature == CharInfo::kNone;
      ascii_separator[c] = chars[c].kind == CharInfo::kNotLetter && chars[c].feature == CharInfo::kNone && c != U'\n';
      ascii_letter[c] = chars[c].kind == CharInfo::kLatin;
    }
  }
};

const CharTable& char_table() {
  static const CharTable table;
  return table;
}

// The CharInfo of `ch`: from the tables, or described into `slow`.
const CharInfo& char_info(const CharTable& table, char32_t ch, CharInfo& slow) {
  if (ch < CharTable::kSize) return table.chars[ch];
  if (ch >= CharTable::kPunctuationFirst && ch < CharTable::kPunctuationEnd)
    return table.punctuation[ch - CharTable::kPunctuationFirst];
  slow = describe(ch);
  return slow;
}

// Distinctive letters decide where CLD2 is weak: short texts, Turkmen, Kazakh Latin, and the
// Turkish/Azerbaijani/Turkmen ties. The one statement of the rules, over counts read through
// `feature(CharInfo::Feature)` and `uzbek()` (apostrophes after o or g), each only when a rule asks:
// for a whole text's LetterCounts, and for a line straight from the evidence counter's counts.
template <class FeatureCount, class UzbekCount>
Lang letter_rule_of(Script script, size_t letters, const FeatureCount& feature, const UzbekCount& uzbek) {
  auto per_letter = [&](size_t n) { return static_cast<double>(n) / static_cast<double>(letters); };
  if (script == Script::kCyrillic) {
    const size_t kazakh_cyr = feature(CharInfo::kKazakhCyr), schwa_cyr = feature(CharInfo::kSchwaCyr);
    if (feature(CharInfo::kAzerbaijaniCyr) > 0) return Lang::kAz;
    if (feature(CharInfo::kUzbekCyr) > 0 && kazakh_cyr == 0 && schwa_cyr == 0) return Lang::kUz;
    if (kazakh_cyr > 0) return Lang::kKk;
    if (feature(CharInfo::kTurkmenCyr) > 0) return Lang::kTk;
    if (schwa_cyr > 0) return feature(CharInfo::kKazakhUzbek) > 0 ? Lang::kKk : Lang::kTk;
    if (feature(CharInfo::kKyrgyzKazakh) > 0) return feature(CharInfo::kKazakhUzbek) > 0 ? Lang::kKk : Lang::kKy;
  } else if (script == Script::kLatin) {
    if (per_letter(feature(CharInfo::kSchwa)) > 0.002) return Lang::kAz;
    const size_t turkmen = feature(CharInfo::kTurkmen), a_umlaut = feature(CharInfo::kAUmlaut);
    const size_t turkish = feature(CharInfo::kTurkish), q = feature(CharInfo::kQ);
    if (turkmen > 0 && per_letter(turkmen + a_umlaut) > 0.004) return Lang::kTk;
    if (feature(CharInfo::kKazakhLatin) > 0 || (a_umlaut > 0 && turkish > 0) || (q > 0 && turkish > 0)) return Lang::kKk;
    if (feature(CharInfo::kW) > 0 && a_umlaut + feature(CharInfo::kTurkicLatin) + turkish > 0 && q == 0) return Lang::kTk;
    if (uzbek() > 0 && turkish == 0) return Lang::kUz;
    if (turkish > 0 && per_letter(turkish) > 0.003) return Lang::kTr;
  }
  return Lang::kUnknown;
}

// Characters counted by kind and feature, with no branching while counting; the LetterCounts the rules
// read are derived from them once per line. One flat array, so that adding a line to the whole and
// starting the next are a few vector operations.
struct RawCounts {
  static constexpr size_t kFeatures = CharInfo::kUncountedLetter + 1;  // where the features start
  static constexpr size_t kUzbek = kFeatures + CharInfo::kApostrophe + 1;
  // 32 bits: at most 64 KiB of a text is counted. Kinds, features, then apostrophes after o or g (oʻ, gʻ).
  std::array<uint32_t, 24> n{};

  uint32_t& kind(CharInfo::Kind k) { return n[k]; }
  uint32_t& feature(CharInfo::Feature f) { return n[kFeatures + f]; }
  uint32_t& uzbek_apostrophes() { return n[kUzbek]; }
  uint32_t kind(CharInfo::Kind k) const { return n[k]; }
  uint32_t feature(CharInfo::Feature f) const { return n[kFeatures + f]; }

  void add(const RawCounts& other) {
    for (size_t k = 0; k < n.size(); ++k) n[k] += other.n[k];
  }
  // Whether any letter or apostrophe the letter rule reads was counted: without one it finds nothing.
  bool any_distinctive() const {
    uint32_t any = n[kUzbek];
    for (size_t f = CharInfo::kSchwa; f <= CharInfo::kW; ++f) any |= n[kFeatures + f];
    return any != 0;
  }
  LetterCounts letters() const {
    LetterCounts c;
    c.latin = kind(CharInfo::kLatin);
    c.cyrillic = kind(CharInfo::kCyrillic);
    c.other = kind(CharInfo::kOtherScript);
    c.schwa = feature(CharInfo::kSchwa);
    c.turkmen = feature(CharInfo::kTurkmen);
    c.a_umlaut = feature(CharInfo::kAUmlaut);
    c.turkic_latin = feature(CharInfo::kAUmlaut) + feature(CharInfo::kTurkicLatin) + feature(CharInfo::kTurkish);
    c.kazakh_cyr = feature(CharInfo::kKazakhCyr);
    c.schwa_cyr = feature(CharInfo::kSchwaCyr);
    c.azerbaijani_cyr = feature(CharInfo::kAzerbaijaniCyr);
    c.turkmen_cyr = feature(CharInfo::kTurkmenCyr);
    c.kazakh_uzbek = feature(CharInfo::kKazakhUzbek);
    c.kyrgyz_kazakh = feature(CharInfo::kKyrgyzKazakh);
    c.uzbek_cyr = feature(CharInfo::kUzbekCyr);
    c.turkish = feature(CharInfo::kTurkish);
    c.kazakh_latin = feature(CharInfo::kKazakhLatin);
    c.q = feature(CharInfo::kQ);
    c.w = feature(CharInfo::kW);
    c.uzbek_lat = n[kUzbek];
    return c;
  }
};
static_assert(RawCounts::kUzbek < std::tuple_size_v<decltype(RawCounts::n)>);

// The set bits of a 16-bit mask, by arithmetic: the generic x86-64 build has no POPCNT instruction, and
// std::popcount would be a library call.
unsigned bits_set16(unsigned x) {
  x -= (x >> 1) & 0x5555u;
  x = (x & 0x3333u) + ((x >> 2) & 0x3333u);
  x = (x + (x >> 4)) & 0x0F0Fu;
  return (x + (x >> 8)) & 0x1Fu;
}

// The end of a run of plain ASCII letters (a-z, A-Z but q and w) starting at or before `i`: sixteen
// bytes at a time where SSE2 is there.
size_t plain_letters_end(std::string_view text, size_t i, size_t limit) {
#if defined(__SSE2__)
  while (i + 16 <= limit) {
    const char* p = text.data() + i;
    const unsigned plain =
        detail::ascii_letter_mask(p) & ~(detail::caseless_letter_mask(p, 'q') | detail::caseless_letter_mask(p, 'w'));
    if (plain != 0xFFFF) return i + static_cast<size_t>(__builtin_ctz(~plain));
    i += 16;
  }
#endif
  const CharTable& table = char_table();
  while (i < limit && table.plain_ascii_letter[static_cast<unsigned char>(text[i])]) ++i;
  return i;
}

// The character-by-character counter EvidenceCounter replaced, kept as the reference its tests compare
// it with (detail::langid_evidence).
// The language with the most function words of a line, or -1 when none leads (index 0 is never one).
template <size_t N>
int leading_language(const std::array<unsigned, N>& words) {
  static_assert(N > kOtherLanguage);
  int best = -1;
  unsigned top = 0, second = 0;
  for (size_t k = 1; k <= kOtherLanguage; ++k) {
    if (words[k] > top) {
      second = top;
      top = words[k];
      best = static_cast<int>(k);
    } else if (words[k] > second) {
      second = words[k];
    }
  }
  return top > second ? best : -1;
}

class ReferenceEvidenceCounter {
 public:
  explicit ReferenceEvidenceCounter(bool vote)
      : vote_(vote), words_(vote ? &function_words() : nullptr), longest_(vote ? words_->longest() : 0) {}

  Evidence count(std::string_view text) {
    Evidence e;
    const CharTable& table = char_table();
    char32_t previous = 0;
    size_t limit = std::min<size_t>(text.size(), 1 << 16);
    CharInfo slow;
    for (size_t i = 0; i < limit;) {
      const CharInfo* info;
      auto byte = static_cast<unsigned char>(text[i]);
      if (byte < 0x80) {
        info = &table.chars[byte];
        // Most characters are runs of plain ASCII letters: counted and added to the word, nothing else.
        if (table.plain_ascii_letter[byte]) {
          const size_t run_start = i;
          i = plain_letters_end(text, i + 1, limit);
          const size_t run = i - run_start;
          line_.kind(CharInfo::kLatin) += static_cast<uint32_t>(run);
          if (vote_) {
            if (word_length_ + run <= longest_) {
              // Lowercased 16 bytes at a time where the text has them (the bytes past the run are not
              // counted in the word's length); the word buffer has room for the overhang.
#if defined(__SSE2__)
              if (run_start + 16 <= text.size()) {
                __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + run_start));
                _mm_storeu_si128(reinterpret_cast<__m128i*>(word_ + word_length_), _mm_or_si128(bytes, _mm_set1_epi8(0x20)));
                word_length_ += run;
              } else
#endif
                for (size_t k = run_start; k < i; ++k) word_[word_length_++] = static_cast<char>(text[k] | 0x20);
            } else {
              word_length_ = kMaxFunctionWord + 1;
            }
          }
          previous = static_cast<char32_t>(text[i - 1] | 0x20);
          continue;
        }
        if (table.ascii_separator[byte]) {  // a space or punctuation: ends the word, counts for nothing
          if (vote_) end_word();
          previous = byte;
          ++i;
          continue;
        }
        ++i;
      } else {
        auto next = i + 1 < limit ? static_cast<unsigned char>(text[i + 1]) : 0;
        char32_t ch;
        if (byte >= 0xC2 && byte < 0xE0 && (next & 0xC0) == 0x80) {  // two bytes: Latin, Cyrillic
          ch = (static_cast<char32_t>(byte & 0x1F) << 6) | (next & 0x3F);
          i += 2;
        } else {
          ch = detail::next_code_point(text, i);
        }
        info = &char_info(table, ch, slow);
      }
      // Counted by kind and feature without branching; turned into LetterCounts once per line.
      ++line_.kind(info->kind);
      ++line_.feature(info->feature);
      if (info->feature == CharInfo::kApostrophe && (previous == U'o' || previous == U'g')) ++line_.uzbek_apostrophes();
      if (vote_) {
        if (info->kind != CharInfo::kNotLetter) {
          add_to_word(*info);
        } else {
          end_word();
          if (info->lower == U'\n') end_line(e);
        }
      }
      previous = info->lower;
    }
    if (vote_) {
      end_word();
      end_line(e);
    } else {
      whole_.add(line_);  // without a vote the text is one line
    }
    e.whole = whole_.letters();
    return e;
  }

 private:
  void add_to_word(const CharInfo& info) {
    if (word_length_ + info.length > longest_) {
      word_length_ = kMaxFunctionWord + 1;  // too long to be a function word
      return;
    }
    std::memcpy(word_ + word_length_, info.utf8, 4);
    word_length_ += info.length;
  }
  void end_word() {
    if (word_length_ > 0 && word_length_ <= longest_) {
      int lang = words_->find(word_, word_length_);
      if (lang >= 0) {
        ++line_words_[static_cast<size_t>(lang)];
        ++line_word_total_;
      }
    }
    word_length_ = 0;
  }
  // The line's language: its letters' rule and its function words, when they do not disagree.
  void end_line(Evidence& e) {
    const size_t letters = size_t{line_.kind(CharInfo::kLatin)} + line_.kind(CharInfo::kCyrillic) + line_.kind(CharInfo::kOtherScript);
    if (letters > 0) {
      // Most lines of short text have no function word, or no distinctive letter: that side is skipped.
      const int by_words = line_word_total_ > 0 ? leading_language(line_words_) : -1;
      int by_letters = -1;
      if (line_.any_distinctive()) {
        const LetterCounts line = line_.letters();
        Lang rule = letter_rule(line, majority_script(line), letters);
        by_letters = rule == Lang::kUnknown ? -1 : static_cast<int>(rule);
      }
      int line_lang = by_letters < 0 ? by_words : (by_words < 0 || by_words == by_letters) ? by_letters : -1;
      if (line_lang >= 0) e.voted[static_cast<size_t>(line_lang)] += letters;
    }
    whole_.add(line_);
    line_ = RawCounts{};
    if (line_word_total_ > 0) {
      line_words_.fill(0);
      line_word_total_ = 0;
    }
  }

  bool vote_;
  const FunctionWords* words_;
  RawCounts line_;   // the current line's characters
  RawCounts whole_;  // the lines before it
  std::array<unsigned, kLangCount + 1> line_words_{};
  unsigned line_word_total_ = 0;  // the sum of line_words_
  // No word longer than the longest function word is kept (kMaxFunctionWord + 1 marks one); the
  // slack takes a 16-byte store at any length up to it.
  size_t longest_ = 0;
  char word_[kMaxFunctionWord + 16];
  size_t word_length_ = 0;
};

// Evidence gathered word by word: one 16-byte block finds a word of ASCII and two-byte Latin or
// Cyrillic letters and the separators after it, counts q and w by masks and each two-byte letter by
// one table entry, and is the word's lowercase form; a function word is told by a filter and a lookup
// without a branch. Only the characters that are rare in running text (line ends, apostrophes, other
// scripts, three-byte characters, invalid UTF-8) and a text's last 15 bytes take the path character
// by character. Lines are told apart by a snapshot of the counts at the line start, not by adding
// each line to a total.
// Gives exactly what ReferenceEvidenceCounter gives (tests/lib/langid_test.cpp compares them).
class EvidenceCounter {
 public:
  explicit EvidenceCounter(bool vote)
      : vote_(vote), words_(&function_words()), longest_(vote ? words_->longest() : 0) {}

  Evidence count(std::string_view text) {
    Evidence e;
    const CharTable& table = char_table();
    const char* s = text.data();
    const size_t limit = std::min<size_t>(text.size(), 1 << 16);
    // The word length of a word that cannot be a function word (without a vote, of every word).
    const size_t too_long = vote_ ? longest_ + 1 : kMaxFunctionWord + 1;
    size_t wl = 0;  // bytes of the lowercase word so far, at most too_long
    // Letters of the fast paths not yet in cur_: their bytes (one for an ASCII letter, two for the
    // others), and the sum of the two-byte letters' TwoByteInfo::counts (distinctive ones too, not yet
    // in `distinctive`).
    size_t letter_bytes = 0;
    uint64_t two_byte_counts = 0;
    // Letters and apostrophes of the line the letter rule reads (features kSchwa..kW, Uzbek apostrophes).
    size_t distinctive = 0;
    auto flush = [&] {
      const size_t two_byte_letters = two_byte_counts & TwoByteInfo::kCountMask;
      const size_t cyrillic = (two_byte_counts >> TwoByteInfo::kCyrillicShift) & TwoByteInfo::kCountMask;
      cur_.kind(CharInfo::kLatin) += static_cast<uint32_t>(letter_bytes - two_byte_letters - cyrillic);
      cur_.kind(CharInfo::kCyrillic) += static_cast<uint32_t>(cyrillic);
      distinctive += static_cast<size_t>(two_byte_counts >> TwoByteInfo::kDistinctiveShift);
      letter_bytes = 0;
      two_byte_counts = 0;
    };
    // The Uzbek apostrophe follows o or g: the byte before it, unless a character decoded from invalid
    // UTF-8 took that byte (decoded_end: where the last character the general path decoded ended), or
    // a character lowercasing to o or g that ended there (og_end).
    size_t decoded_end = SIZE_MAX, og_end = SIZE_MAX;
    CharInfo slow;
#if defined(__SSE2__)
    const __m128i case_bit = _mm_set1_epi8(0x20), letter_a = _mm_set1_epi8('a'), letter_range = _mm_set1_epi8(25);
    const __m128i letter_q = _mm_set1_epi8('q'), letter_w = _mm_set1_epi8('w');
    const __m128i continuation_end = _mm_set1_epi8(static_cast<char>(0xC0)), lead_end = _mm_set1_epi8(static_cast<char>(0xE0));
    const __m128i line_end = _mm_set1_epi8('\n'), apostrophe = _mm_set1_epi8('\'');
#endif
    size_t i = 0;
    while (i < limit) {
#if defined(__SSE2__)
      // Most of a text is words of ASCII and two-byte letters, each followed by spaces or punctuation:
      // one block of sixteen bytes tells where the word and the separators after it end, counts the
      // word's ASCII letters, q and w by masks and its two-byte letters by their table entries, and is
      // its lowercase form. What ends them otherwise (a line end, an apostrophe, another letter, the end
      // of the block) takes the path below, one character at a time.
      if (i + 16 <= limit) {
        const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i));
        const __m128i folded = _mm_or_si128(bytes, case_bit);
        const __m128i offset = _mm_sub_epi8(folded, letter_a);
        const __m128i ascii_letter = _mm_cmpeq_epi8(_mm_min_epu8(offset, letter_range), offset);
        const auto letters = static_cast<unsigned>(_mm_movemask_epi8(ascii_letter));
        // A lead byte C0-DF followed by a continuation byte (80-BF: below C0, compared signed). C0 and
        // C1 (overlong forms) are no letter in the table: the word stops at them as it does at others.
        const __m128i continuation = _mm_cmplt_epi8(bytes, continuation_end);
        const __m128i lead = _mm_andnot_si128(continuation, _mm_cmplt_epi8(bytes, lead_end));
        const __m128i next_continuation = _mm_srli_si128(continuation, 1);
        const auto leads = static_cast<unsigned>(_mm_movemask_epi8(_mm_and_si128(lead, next_continuation)));
        auto run = static_cast<unsigned>(__builtin_ctz(~(letters | leads | (leads << 1))));  // 16 at most
        // The lowercase word: ASCII letters folded here, two-byte letters written over below. Past the
        // word's length the bytes do not count; word_ has room for sixteen past too_long.
        _mm_storeu_si128(reinterpret_cast<__m128i*>(word_ + wl), _mm_or_si128(bytes, _mm_and_si128(ascii_letter, case_bit)));
        for (unsigned m = leads & ((1u << run) - 1); m; m &= m - 1) {
          const auto k = static_cast<unsigned>(__builtin_ctz(m));
          const auto lead_byte = static_cast<unsigned char>(s[i + k]), next = static_cast<unsigned char>(s[i + k + 1]);
          // The code point: lead C0-DF and continuation 80-BF, less their marker bits (C0 and 80).
          const TwoByteInfo& t = table.two_byte[lead_byte * 64u + next - (0xC0u * 64u + 0x80u)];
          if (t.plain != 2) {  // the word goes on, from this letter, on the path below
            run = k;
            break;
          }
          two_byte_counts += t.counts;
          ++cur_.n[RawCounts::kFeatures + t.feature];
          std::memcpy(word_ + wl + k, t.utf8, 2);
        }
        const unsigned in_run = (1u << run) - 1;
        letter_bytes += run;
        const __m128i q_bytes = _mm_cmpeq_epi8(folded, letter_q), w_bytes = _mm_cmpeq_epi8(folded, letter_w);
        if (static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(q_bytes, w_bytes))) & in_run) {  // rare
          const auto q = static_cast<unsigned>(_mm_movemask_epi8(q_bytes)) & in_run;
          const auto w = static_cast<unsigned>(_mm_movemask_epi8(w_bytes)) & in_run;
          cur_.feature(CharInfo::kQ) += bits_set16(q);
          cur_.feature(CharInfo::kW) += bits_set16(w);
          distinctive += bits_set16(q | w);
        }
        wl = wl + run <= longest_ ? wl + run : too_long;
        // Spaces and punctuation that only end a word: ASCII but letters, line ends and apostrophes.
        const __m128i kept = _mm_or_si128(ascii_letter, _mm_or_si128(_mm_cmpeq_epi8(bytes, line_end), _mm_cmpeq_epi8(bytes, apostrophe)));
        // (A byte's top bit: set for a byte of a longer character, and in kept.)
        const unsigned separators = ~static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(kept, bytes))) & 0xFFFF;
        const auto gap = static_cast<unsigned>(__builtin_ctz(~(separators >> run)));
        i += run;
        // After separators the next word starts a block of its own; after a word ending the block, the
        // block goes on with it.
        if (gap) {
          end_word(wl);  // (without a vote longest_ is 0: nothing is looked up)
          i += gap;
          continue;
        }
        if (run == 16) continue;
      }
#endif
      const auto byte = static_cast<unsigned char>(s[i]);
      const CharInfo* info;
      size_t start = i;
      bool decoded = false;  // by next_code_point
      if (byte < 0x80) {
        if (byte == '\n') {
          // A line end counts for nothing the rules read (its kind and feature are never looked at): it
          // ends the word and the line, without the general path's checks.
          ++i;
          if (vote_) {
            end_word(wl);
            flush();
            end_line(e, distinctive != 0);
            distinctive = 0;
          }
          continue;
        }
        if (table.ascii_letter[byte]) {  // a run of ASCII letters near the end of the text
          size_t end = i;
          unsigned q = 0, w = 0;  // counted apart: they are distinctive
          for (; end < limit && table.ascii_letter[static_cast<unsigned char>(s[end])]; ++end) {
            q += (s[end] | 0x20) == 'q';
            w += (s[end] | 0x20) == 'w';
          }
          const size_t run = end - i;
          letter_bytes += run;
          cur_.feature(CharInfo::kQ) += q;
          cur_.feature(CharInfo::kW) += w;
          distinctive += q + w;
          if (wl + run <= longest_) {
            for (size_t k = 0; k < run; ++k) word_[wl + k] = static_cast<char>(s[i + k] | 0x20);
            wl += run;
          } else {
            wl = too_long;
          }
          i = end;
          continue;
        }
        ++i;
        if (table.ascii_separator[byte]) {  // a space or punctuation: ends the word, counts for nothing
          if (vote_) end_word(wl);
          continue;
        }
        info = &table.chars[byte];  // an apostrophe or a control character
      } else {
        const auto next = i + 1 < limit ? static_cast<unsigned char>(s[i + 1]) : 0;
        if (byte >= 0xC2 && byte < 0xE0 && (next & 0xC0) == 0x80) {  // two bytes: Latin, Cyrillic
          const char32_t ch = (static_cast<char32_t>(byte & 0x1F) << 6) | (next & 0x3F);
          const TwoByteInfo& t = table.two_byte[ch];
          i += 2;
          if (t.plain) {
            letter_bytes += 2;
            two_byte_counts += t.counts;  // (a plain letter's feature is never an apostrophe)
            ++cur_.n[RawCounts::kFeatures + t.feature];
            std::memcpy(word_ + wl, t.utf8, 4);
            wl = std::min(wl + t.length, too_long);
            continue;
          }
          info = &table.chars[ch];
        } else {
          const char32_t ch = detail::next_code_point(text, i);
          decoded = true;
          info = &char_info(table, ch, slow);
        }
      }
      // The general path, as ReferenceEvidenceCounter counts every character.
      ++cur_.kind(info->kind);
      ++cur_.feature(info->feature);
      distinctive += info->feature != CharInfo::kNone && info->feature != CharInfo::kApostrophe;
      if (info->feature == CharInfo::kApostrophe &&
          (og_end == start ||
           (start > 0 && decoded_end != start && ((s[start - 1] | 0x20) == 'o' || (s[start - 1] | 0x20) == 'g')))) {
        ++cur_.uzbek_apostrophes();
        ++distinctive;
      }
      if (vote_) {
        if (info->kind != CharInfo::kNotLetter) {
          std::memcpy(word_ + wl, info->utf8, 4);
          wl = std::min(wl + info->length, too_long);
        } else {
          end_word(wl);
          if (info->lower == U'\n') {
            flush();
            end_line(e, distinctive != 0);
            distinctive = 0;
          }
        }
      }
      if (info->lower == U'o' || info->lower == U'g') og_end = i;
      if (decoded) decoded_end = i;
    }
    flush();
    if (vote_) {
      end_word(wl);
      end_line(e, distinctive != 0);
    }
    e.whole = cur_.letters();
    return e;
  }
 private:
  // Most words are longer than any function word starting with their letter: one test rejects them. The
  // rest are looked up and counted without a branch (a hit is as likely as not).
  void end_word(size_t& wl) {
    const uint64_t head = words_->head(word_, wl);
    if (words_->may_be(head, wl)) {
      const int lang = words_->lookup(word_, wl, head);
      ++line_words_[static_cast<size_t>(lang)];  // kNoWord has a slot of its own, never read
      const bool found = lang != FunctionWords::kNoWord;
      line_word_total_ += found;
      const int keep = static_cast<int>(found) - 1;  // all ones when not found
      last_word_lang_ = (lang & ~keep) | (last_word_lang_ & keep);
    }
    wl = 0;
  }
  // letter_rule of the current line, reading only the counts its rules ask for, as they ask (most lines
  // stop at the first rule or two) instead of building the line's LetterCounts.
  Lang line_rule(size_t letters) const {
    auto count = [&](size_t k) { return size_t{cur_.n[k] - line_start_.n[k]}; };
    const size_t latin = count(CharInfo::kLatin), cyrillic = count(CharInfo::kCyrillic), other = count(CharInfo::kOtherScript);
    // majority_script of the line (letters > 0: never kUnknown)
    const Script script = latin >= cyrillic && latin >= other ? Script::kLatin
                          : cyrillic >= other                 ? Script::kCyrillic
                                                              : Script::kOther;
    return letter_rule_of(script, letters, [&](CharInfo::Feature f) { return count(RawCounts::kFeatures + f); },
                          [&] { return count(RawCounts::kUzbek); });
  }
  // The line's language: its letters' rule and its function words, when they do not disagree.
  // `distinctive`: the line has a letter or apostrophe the letter rule reads (without one it finds nothing).
  void end_line(Evidence& e, bool distinctive) {
    auto line_kind = [&](CharInfo::Kind k) { return size_t{cur_.kind(k) - line_start_.kind(k)}; };
    const size_t letters = line_kind(CharInfo::kLatin) + line_kind(CharInfo::kCyrillic) + line_kind(CharInfo::kOtherScript);
    if (letters > 0) {
      // Most lines of short text have no function word, or no distinctive letter: that side is skipped.
      int by_words = -1;
      if (line_word_total_ == 1) {
        // One function word (the common case): its language leads, unless it is index 0, which the
        // search below skips.
        by_words = last_word_lang_ > 0 ? last_word_lang_ : -1;
      } else if (line_word_total_ > 1) {
        by_words = leading_language(line_words_);
      }
      int by_letters = -1;
      if (distinctive) {
        Lang rule = line_rule(letters);
        by_letters = rule == Lang::kUnknown ? -1 : static_cast<int>(rule);
      }
      int line_lang = by_letters < 0 ? by_words : (by_words < 0 || by_words == by_letters) ? by_letters : -1;
      if (line_lang >= 0) e.voted[static_cast<size_t>(line_lang)] += letters;
    }
    line_start_ = cur_;
    if (line_word_total_ > 0) {
      line_words_.fill(0);
      line_word_total_ = 0;
    }
  }

  bool vote_;
  const FunctionWords* words_;
  RawCounts cur_;         // the characters counted so far
  RawCounts line_start_;  // cur_ when the current line started
  std::array<unsigned, FunctionWords::kNoWord + 1> line_words_{};  // by language, and kNoWord
  unsigned line_word_total_ = 0;  // the sum of line_words_ but kNoWord
  int last_word_lang_ = -1;       // the language of the line's last function word
  size_t longest_ = 0;
  // Room for a 16-byte store at any length up to too_long (the longest function word and one).
  char word_[kMaxFunctionWord + 1 + 16];
};

LetterCounts count_letters(std::string_view text) { return EvidenceCounter(false).count(text).whole; }

Lang letter_rule(const LetterCounts& c, Script script, size_t letters) {
  auto feature = [&](CharInfo::Feature f) -> size_t {
    switch (f) {
      case CharInfo::kSchwa: return c.schwa;
      case CharInfo::kTurkmen: return c.turkmen;
      case CharInfo::kAUmlaut: return c.a_umlaut;
      case CharInfo::kTurkicLatin: return c.turkic_latin - c.a_umlaut - c.turkish;  // letters() summed them
      case CharInfo::kKazakhCyr: return c.kazakh_cyr;
      case CharInfo::kSchwaCyr: return c.schwa_cyr;
      case CharInfo::kAzerbaijaniCyr: return c.azerbaijani_cyr;
      case CharInfo::kTurkmenCyr: return c.turkmen_cyr;
      case CharInfo::kKazakhUzbek: return c.kazakh_uzbek;
      case CharInfo::kKyrgyzKazakh: return c.kyrgyz_kazakh;
      case CharInfo::kUzbekCyr: return c.uzbek_cyr;
      case CharInfo::kTurkish: return c.turkish;
      case CharInfo::kKazakhLatin: return c.kazakh_latin;
      case CharInfo::kQ: return c.q;
      case CharInfo::kW: return c.w;
      case CharInfo::kNone: case CharInfo::kApostrophe: return 0;
    }
    return 0;
  };
  return letter_rule_of(script, letters, feature, [&] { return c.uzbek_lat; });
}

Lang from_cld2(CLD2::Language l) {
  switch (l) {
    case CLD2::ENGLISH: return Lang::kEn;
    case CLD2::TURKISH: return Lang::kTr;
    case CLD2::AZERBAIJANI: return Lang::kAz;
    case CLD2::KAZAKH: return Lang::kKk;
    case CLD2::KYRGYZ: return Lang::kKy;
    case CLD2::UZBEK: return Lang::kUz;
    case CLD2::TURKMEN: return Lang::kTk;
    default: return Lang::kUnknown;
  }
}

}  // namespace

namespace detail {
// For the tests: the evidence of `text` (whole-text letter counts, then the letters voted for each
// language) as text, from the fast counter or the reference one.
std::string langid_evidence(std::string_view text, bool vote, bool reference);
std::string langid_evidence(std::string_view text, bool vote, bool reference) {
  const Evidence e = reference ? ReferenceEvidenceCounter(vote).count(text) : EvidenceCounter(vote).count(text);
  const LetterCounts& c = e.whole;
  std::string out;
  for (size_t v : {c.latin, c.cyrillic, c.other, c.schwa, c.turkmen, c.a_umlaut, c.kazakh_cyr, c.schwa_cyr,
                   c.kyrgyz_kazakh, c.kazakh_uzbek, c.uzbek_cyr, c.azerbaijani_cyr, c.turkmen_cyr, c.uzbek_lat,
                   c.turkish, c.kazakh_latin, c.q, c.w, c.turkic_latin})
    out += std::to_string(v) + ' ';
  out += '|';
  for (size_t v : e.voted) out += ' ' + std::to_string(v);
  return out;
}
}  // namespace detail

Script detect_script(std::string_view text) { return majority_script(count_letters(text)); }

LanguageGuess identify_language(std::string_view text) {
  LanguageGuess g;
  Evidence evidence = EvidenceCounter(true).count(text);
  const LetterCounts& c = evidence.whole;
  size_t letters = c.latin + c.cyrillic + c.other;
  if (letters == 0) return g;
  g.script = majority_script(c);
  // Letters alone can decide when the text is dense with letters no other language here (nor English)
  // uses: CLD2 could only confirm the answer or be overruled by the letters. They decide below when
  // the line vote cannot, and make a vote that agrees with them as sure as they are.
  // Latin needs 5%: English quoting a few Turkic names (Şuşa, Bakı, Ağdam) reaches 2-3%, while Turkish,
  // Azerbaijani, Turkmen and Kazakh Latin prose has 8-15%. A Cyrillic text's rule wins over CLD2 anyway.
  size_t distinctive = g.script == Script::kCyrillic
                           ? c.kazakh_cyr + c.schwa_cyr + c.kyrgyz_kazakh + c.kazakh_uzbek + c.uzbek_cyr +
                                 c.azerbaijani_cyr + c.turkmen_cyr
                           : c.schwa + c.turkmen + c.turkic_latin + c.kazakh_latin + c.uzbek_lat;
  bool letters_decide = static_cast<double>(distinctive) >=
                        (g.script == Script::kCyrillic ? 0.01 : 0.05) * static_cast<double>(letters);
  Lang rule = letter_rule(c, g.script, letters);
  // The line vote decides when at least half the letters are in lines it could tell and one language
  // leads: the common case of a text in one language, and a text mixing lines of several (which gets
  // the language most of its letters are in, as a text mixing paragraphs does). CLD2, the costly part,
  // is left for the rest.
  {
    const auto& voted = evidence.voted;
    size_t classified = 0, top = 0, second = 0;
    size_t best = 0;
    for (size_t k = 1; k < voted.size(); ++k) {
      classified += voted[k];
      if (voted[k] > top) {
        second = top;
        top = voted[k];
        best = k;
      } else if (voted[k] > second) {
        second = voted[k];
      }
    }
    constexpr size_t kMinVoteLetters = 40;
    if (letters >= kMinVoteLetters && best != static_cast<size_t>(kOtherLanguage) && top > 0 &&
        2 * classified >= letters && top > second) {
      g.lang = static_cast<Lang>(best);
      // The share of letters in lines of that language; as sure as the letters are when they agree.
      g.confidence = 0.5 + 0.45 * static_cast<double>(top) / static_cast<double>(letters);
      if (letters_decide && rule == g.lang) g.confidence = 0.95;
      return g;
    }
  }
  if (letters_decide && rule != Lang::kUnknown) {
    g.lang = rule;
    g.confidence = 0.95;
    return g;
  }
  CLD2::Language top3[3];
  int percent3[3];
  int text_bytes = 0;
  bool reliable = false;
  std::string_view sample = text.substr(0, 1 << 16);
  // Cut at a code point boundary.
  size_t cut = sample.size();
  while (cut > 0 && cut < text.size() && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  sample = sample.substr(0, cut);
  CLD2::Language l = CLD2::ExtDetectLanguageSummary(sample.data(), static_cast<int>(sample.size()), true, top3,
                                                    percent3, &text_bytes, &reliable);
  Lang cld = from_cld2(l);
  double cld_conf = reliable ? std::min(1.0, percent3[0] / 100.0) : 0.4 * percent3[0] / 100.0;

  if (cld != Lang::kUnknown && reliable) {
    // A reliable CLD2 answer stands, except between Turkic languages, where the letters decide.
    bool tie_break = rule != Lang::kUnknown && rule != cld && is_turkic(rule) && is_turkic(cld);
    g.lang = tie_break ? rule : cld;
    g.confidence = rule == cld ? std::max(cld_conf, 0.95) : tie_break ? 0.8 : cld_conf;
  } else if (rule != Lang::kUnknown) {
    g.lang = rule;
    g.confidence = rule == cld ? 0.9 : 0.7;
  } else if (cld != Lang::kUnknown) {
    g.lang = cld;
    g.confidence = cld_conf;
  } else if (g.script == Script::kLatin && letters >= 3) {
    // Plain ASCII Latin with no Turkic letters and nothing CLD2 recognized: most likely English.
    g.lang = Lang::kEn;
    g.confidence = 0.3;
  }
  return g;
}

std::vector<ParagraphGuess> identify_paragraphs(std::string_view text, bool merge, const LanguageGuess* known_whole) {
  std::vector<ParagraphGuess> out;
  // Split after each blank line (a line with only spaces counts as blank).
  size_t start = 0, i = 0;
  while (i < text.size()) {
    size_t nl = text.find('\n', i);
    if (nl == std::string_view::npos) break;
    size_t j = nl + 1;
    while (j < text.size() && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r')) ++j;
    if (j < text.size() && text[j] == '\n') {
      while (j < text.size() && (text[j] == '\n' || text[j] == ' ' || text[j] == '\t' || text[j] == '\r')) ++j;
      out.push_back({static_cast<unsigned>(start), static_cast<unsigned>(j), {}});
      start = j;
    }
    i = j;
  }
  if (start < text.size() || out.empty()) out.push_back({static_cast<unsigned>(start), static_cast<unsigned>(text.size()), {}});
  // Below this many letters a paragraph is too short to tell on its own.
  constexpr size_t kMinLetters = 40;
  // The whole text's guess is needed only for paragraphs too short to tell (CLD2 is the costly part);
  // a text of one paragraph is its own whole.
  std::optional<LanguageGuess> whole;
  if (known_whole) whole = *known_whole;
  auto whole_guess = [&]() -> const LanguageGuess& {
    if (!whole) whole = identify_language(text);
    return *whole;
  };
  for (auto& p : out) {
    std::string_view para = text.substr(p.start, p.end - p.start);
    size_t letters = 0;
    for (size_t k = 0; k < para.size() && letters < kMinLetters;) {
      char32_t c = detail::next_code_point(para, k);
      letters += u_isalpha(static_cast<UChar32>(c)) != 0;
    }
    if (letters >= kMinLetters) {
      p.guess = identify_language(para);
      if (out.size() == 1) whole = p.guess;
    }
    if (p.guess.lang == Lang::kUnknown) {
      p.guess = whole_guess();
      p.guess.confidence = 0;  // inherited, filled in below from the neighbours when possible
    }
  }
  // Short paragraphs take their previous neighbour's language (a headline its article's).
  for (size_t k = 0; k < out.size(); ++k) {
    if (out[k].guess.confidence > 0) continue;
    for (size_t n = k + 1; n < out.size(); ++n)
      if (out[n].guess.confidence > 0) { out[k].guess = out[n].guess; break; }
    if (out[k].guess.confidence == 0 && k > 0) out[k].guess = out[k - 1].guess;
  }
  if (!merge) return out;
  std::vector<ParagraphGuess> merged;
  for (const auto& p : out) {
    if (!merged.empty() && merged.back().guess.lang == p.guess.lang && merged.back().guess.script == p.guess.script) {
      merged.back().end = p.end;
      merged.back().guess.confidence = std::max(merged.back().guess.confidence, p.guess.confidence);
    } else {
      merged.push_back(p);
    }
  }
  return merged;
}

}  // namespace tamga
