#include "tamga/tokenize.h"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <algorithm>

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
bool gap_ends_sentence(std::string_view gap) {
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

}  // namespace

void assign_sentences(std::string_view text, TokenList& tokens) {
  unsigned sentence = 0;
  for (size_t i = 0; i < tokens.tokens.size(); ++i) {
    Token& t = tokens.tokens[i];
    if (i > 0) {
      const Token& p = tokens.tokens[i - 1];
      bool new_segment = t.lang != p.lang;
      if (new_segment || (t.start >= p.end && t.start <= text.size() && gap_ends_sentence(text.substr(p.end, t.start - p.end))))
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

  const size_t first_token = out.tokens.size();
  unsigned sentence = out.tokens.empty() ? 0 : out.tokens.back().sentence + 1;
  unsigned previous_end = static_cast<unsigned>(begin);
  // Keys are written straight into `normalized`, grown ahead (a key is at most twice its token on the
  // fast path, plus the fold's slack) and cut to `used` at the end: no string append per token.
  std::string& norm = out.normalized;
  size_t used = norm.size();
  // The whole text can be read, past the segment's end too: the fold reads sixteen bytes at a time.
  auto fold = [&](std::string_view token) {
    const size_t room = 2 * token.size() + Normalizer::kFoldSlack;
    if (norm.size() < used + room) norm.resize(std::max(2 * norm.size(), used + room + 256));
    const size_t readable = static_cast<size_t>(full.data() + full.size() - token.data());
    size_t n = impl.normalizer.fold_token_into(token, readable, lang, norm.data() + used);
    if (n != std::string_view::npos) {
      used += n;
      return false;
    }
    norm.resize(used);
    bool mixed = impl.normalizer.fold_token(token, lang, norm);
    used = norm.size();
    return mixed;
  };
  // Segments lie inside the text: no bounds checks.
  auto slice = [&](size_t from, size_t to) { return std::string_view(text.data() + from, to - from); };
  for (const detail::WordSegment& seg : impl.segments) {
    std::string_view gap = slice(previous_end, seg.start);
    if (out.tokens.size() > first_token) {
      Token& last = out.tokens.back();
      if (!last.numeric && !seg.numeric && joining_apostrophe_length(gap) > 0) {
        // Merge "Ankara`da" into one token.
        last.end = seg.end;
        used = last.norm_start;
        last.mixed_script = fold(slice(last.start, last.end));
        last.norm_end = static_cast<unsigned>(used);
        previous_end = seg.end;
        continue;
      }
      if (gap.size() >= 2 && gap_ends_sentence(gap)) ++sentence;  // an end needs two characters
    }
    const auto norm_start = static_cast<unsigned>(used);
    const bool mixed = fold(slice(seg.start, seg.end));
    out.tokens.push_back({seg.start, seg.end, norm_start, static_cast<unsigned>(used), sentence, seg.numeric, mixed, lang});
    previous_end = seg.end;
  }
  norm.resize(used);
}

}  // namespace tamga
