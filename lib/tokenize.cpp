#include "tamga/tokenize.h"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <cstddef>
#include <cstring>

#include "detail/scripts.h"
#include "detail/utf8.h"
#include "detail/word_segments.h"
#include "tamga/normalize.h"

namespace tamga {

struct Tokenizer::Impl {
  std::unique_ptr<icu::BreakIterator> words;
  Normalizer normalizer;
  UText text_buffer = UTEXT_INITIALIZER;
  std::vector<detail::WordSegment> segments;  // reused between calls
  std::string folded;                          // a key fold_token writes, reused between calls
  ~Impl() { utext_close(&text_buffer); }
};

Tokenizer::Tokenizer() : impl_(std::make_unique<Impl>()) {}
Tokenizer::~Tokenizer() = default;

Result<std::unique_ptr<Tokenizer>> Tokenizer::create() {
  std::unique_ptr<Tokenizer> t(new Tokenizer());
  UErrorCode err = U_ZERO_ERROR;
  t->impl_->words.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), err));
  if (U_FAILURE(err) || !t->impl_->words) {
    return Status(StatusCode::kResourceExhausted, std::string("cannot create ICU word break iterator: ") + u_errorName(err));
  }
  return t;
}

namespace {

// Does the gap between two tokens end a sentence? Terminal punctuation followed by whitespace, or a blank
// line. ("U.S" keeps its inner dot inside the token, so it does not count.)
bool gap_ends_sentence_by_code_points(std::string_view gap) {
  size_t newlines = 0;
  bool terminal = false;
  bool space_after_terminal = false;
  for (size_t i = 0; i < gap.size();) {
    char32_t c = detail::next_code_point(gap, i);
    if (c == U'\n' && ++newlines >= 2) return true;
    if (c == U'.' || c == U'!' || c == U'?' || c == U'\u2026' || c == U'\u061F' || c == U'\u3002') terminal = true;
    else if (terminal && (c == U' ' || c == U'\n' || c == U'\t' || c == U'\r' || c == U'\u00A0')) space_after_terminal = true;
  }
  return space_after_terminal;
}

// The same answer; `readable_end` bounds the bytes that may be read past the gap. Most gaps are a few
// ASCII bytes (", ", ". ", " - "): those are answered from one 16-byte read with bit masks, without a
// branch per character, and only the rest are decoded.
bool gap_ends_sentence(std::string_view gap, const char* readable_end) {
#if defined(__SSE2__)
  if (gap.size() <= 16 && readable_end - gap.data() >= 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(gap.data()));
    const unsigned in_gap = (1u << gap.size()) - 1;
    if ((static_cast<unsigned>(_mm_movemask_epi8(v)) & in_gap) == 0) {  // ASCII only
      auto is = [&](char c) { return _mm_cmpeq_epi8(v, _mm_set1_epi8(c)); };
      auto bits = [&](__m128i m) { return static_cast<unsigned>(_mm_movemask_epi8(m)) & in_gap; };
      const __m128i newline = is('\n');
      const unsigned newlines = bits(newline);
      const unsigned terminals = bits(_mm_or_si128(_mm_or_si128(is('.'), is('!')), is('?')));
      const unsigned spaces = bits(_mm_or_si128(_mm_or_si128(is(' '), newline), _mm_or_si128(is('\t'), is('\r'))));
      // The positions past the first terminal (none when there is none).
      const unsigned past_first_terminal = ~(((terminals & (0u - terminals)) << 1) - 1);
      return (newlines & (newlines - 1)) != 0 || (spaces & past_first_terminal) != 0;
    }
  }
#endif
  (void)readable_end;
  return gap_ends_sentence_by_code_points(gap);
}

}  // namespace

void assign_sentences(std::string_view text, TokenList& tokens) {
  unsigned sentence = 0;
  for (size_t i = 0; i < tokens.tokens.size(); ++i) {
    Token& t = tokens.tokens[i];
    if (i > 0) {
      const Token& p = tokens.tokens[i - 1];
      bool new_segment = t.lang != p.lang;
      if (new_segment || (t.start >= p.end && t.start <= text.size() &&
                          gap_ends_sentence(text.substr(p.end, t.start - p.end), text.data() + text.size())))
        ++sentence;
    }
    t.sentence = sentence;
  }
}

bool mixes_scripts(std::string_view word) {
  std::u32string cps = detail::to_u32(word);
  return detail::map_look_alikes(cps);
}

namespace {

// Apostrophes ICU does not keep inside a word (` and ´) still join a Turkic suffix to its stem.
size_t joining_apostrophe_length(std::string_view gap) {
  if (gap == "`") return 1;
  if (gap == "\xC2\xB4") return 2;
  return 0;
}

}  // namespace

void Tokenizer::tokenize(std::string_view text, Lang lang, TokenList& out) {
  out.clear();
  // Room for a typical text's tokens (a word and a space: about 6 bytes) up front, instead of growing
  // by doubling and copying through every document; capped, as a huge text may be one long token.
  out.tokens.reserve(std::min<size_t>(text.size() / 6, 1 << 16) + 8);
  out.normalized.reserve(text.size() + 16);
  append(text, 0, text.size(), lang, out);
}

void Tokenizer::append(std::string_view full, size_t begin, size_t end_offset, Lang lang, TokenList& out) {
  auto& impl = *impl_;
  std::string_view text = full.substr(0, end_offset);
  // Latin and Cyrillic prose is segmented by the fast path; ICU takes anything it does not know.
  if (!detail::fast_word_segments(text, begin, text.size(), impl.segments))
    detail::icu_word_segments(*impl.words, impl.text_buffer, text, begin, text.size(), impl.segments);

  // Tokens are written in place, in room made 64 at a time (zeroing a small block is a few stores), and
  // the list is cut to the count at the end: no push_back per token, whose checks reload the vector
  // after every fold call.
  std::vector<Token>& tokens = out.tokens;
  unsigned sentence = tokens.empty() ? 0 : tokens.back().sentence + 1;
  const size_t first_index = tokens.size();
  Token* next = tokens.data() + first_index;
  Token* room_end = next;
  size_t made = 0;  // tokens made by this call
  unsigned previous_end = static_cast<unsigned>(begin);
  // Keys are written straight into `normalized`, grown ahead (a key is at most twice its token on the
  // fast path, plus the fold's slack) and cut to `used` at the end: no string append per token.
  std::string& norm = out.normalized;
  size_t used = norm.size();
  char* norm_data = norm.data();
  size_t norm_room = norm.size();
  const char* const readable_end = full.data() + full.size();
  // The whole text can be read, past the segment's end too: the fold reads sixteen bytes at a time.
  // Room for `bytes` more past `used`, by doubling (rare: out of the per-token path).
  auto grow = [&](size_t bytes) __attribute__((noinline)) {
    norm.resize(std::max(2 * norm_room, used + bytes + 256));
    norm_data = norm.data();
    norm_room = norm.size();
  };
  auto fold = [&](std::string_view token) {
    const size_t room = 2 * token.size() + Normalizer::kFoldSlack;
    if (norm_room < used + room) [[unlikely]] grow(room);
    const auto readable = static_cast<size_t>(readable_end - token.data());
    const size_t n = impl.normalizer.fold_token_into(token, readable, lang, norm_data + used);
    if (n != std::string_view::npos) [[likely]] {
      used += n;
      return false;
    }
    // The general fold writes to its own string, copied in: `normalized` keeps its room.
    impl.folded.clear();
    const bool mixed = impl.normalizer.fold_token(token, lang, impl.folded);
    if (norm_room < used + impl.folded.size()) grow(impl.folded.size());
    std::memcpy(norm_data + used, impl.folded.data(), impl.folded.size());
    used += impl.folded.size();
    return mixed;
  };
  // Segments lie inside the text: no bounds checks.
  auto slice = [&](size_t from, size_t to) { return std::string_view(text.data() + from, to - from); };
  for (const detail::WordSegment& seg : impl.segments) {
    if (made > 0) {
      const std::string_view gap = slice(previous_end, seg.start);
      // Only a gap that starts with ` or with C2 (´ is C2 B4) can join: one predictable test of its first
      // byte (the segment's, when the gap is empty: segments are not empty) before the exact one.
      const auto lead = static_cast<unsigned char>(text[previous_end]);
      if ((lead == '`' || lead == 0xC2) && !next[-1].numeric &&
          !seg.numeric && joining_apostrophe_length(gap) > 0) {
        // Merge "Ankara`da" into one token.
        Token& last = next[-1];
        last.end = seg.end;
        used = last.norm_start;
        last.mixed_script = fold(slice(last.start, last.end));
        last.norm_end = static_cast<unsigned>(used);
        previous_end = seg.end;
        continue;
      }
      sentence += gap.size() >= 2 && gap_ends_sentence(gap, readable_end);  // an end needs two characters
    }
    const auto norm_start = static_cast<unsigned>(used);
    const bool mixed = fold(slice(seg.start, seg.end));
    if (next == room_end) {
      tokens.resize(first_index + made + 64);
      next = tokens.data() + first_index + made;
      room_end = tokens.data() + tokens.size();
    }
    Token& t = *next++;
    ++made;
    // start and end, adjacent in both structs: one 8-byte copy.
    static_assert(offsetof(Token, end) == offsetof(Token, start) + sizeof(unsigned) &&
                  offsetof(detail::WordSegment, end) == offsetof(detail::WordSegment, start) + sizeof(unsigned));
    std::memcpy(&t.start, &seg.start, 2 * sizeof(unsigned));
    t.norm_start = norm_start;
    t.norm_end = static_cast<unsigned>(used);
    t.sentence = sentence;
    t.numeric = seg.numeric;
    t.mixed_script = mixed;
    t.lang = lang;
    previous_end = seg.end;
  }
  tokens.resize(first_index + made);
  norm.resize(used);
}

}  // namespace tamga
