// Shared by the libFuzzer targets: invariant checks that abort (so libFuzzer records the input), a strict
// UTF-8 validator written independently of the library's, and checks of tokens, hits and scores.
#pragma once
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "tamga/document.h"
#include "tamga/tokenize.h"

#define FUZZ_CHECK(condition)                                                                         \
  do {                                                                                                \
    if (!(condition)) {                                                                               \
      std::fprintf(stderr, "fuzz invariant violated: %s (%s:%d)\n", #condition, __FILE__, __LINE__); \
      std::abort();                                                                                   \
    }                                                                                                 \
  } while (0)

namespace tamga::fuzz {

// Takes selector bytes off the front of the input; what is left is the payload.
class InputReader {
 public:
  InputReader(const uint8_t* data, size_t size) : rest_(reinterpret_cast<const char*>(data), size) {}
  unsigned byte() {
    if (rest_.empty()) return 0;
    auto b = static_cast<unsigned char>(rest_.front());
    rest_.remove_prefix(1);
    return b;
  }
  std::string_view rest() const { return rest_; }

 private:
  std::string_view rest_;
};

// Well-formed UTF-8 as Unicode defines it: no overlongs, no surrogates, nothing above U+10FFFF.
inline bool valid_utf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    auto b = static_cast<unsigned char>(s[i]);
    size_t len;
    uint32_t cp;
    if (b < 0x80) { ++i; continue; }
    if ((b & 0xE0) == 0xC0) { len = 2; cp = b & 0x1Fu; }
    else if ((b & 0xF0) == 0xE0) { len = 3; cp = b & 0x0Fu; }
    else if ((b & 0xF8) == 0xF0) { len = 4; cp = b & 0x07u; }
    else return false;
    if (i + len > s.size()) return false;
    for (size_t k = 1; k < len; ++k) {
      auto c = static_cast<unsigned char>(s[i + k]);
      if ((c & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (c & 0x3Fu);
    }
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000)) return false;
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += len;
  }
  return true;
}

// An offset at the end of the text or at the first byte of a code point.
inline bool on_boundary(std::string_view text, size_t offset) {
  return offset == text.size() || (offset < text.size() && (static_cast<unsigned char>(text[offset]) & 0xC0) != 0x80);
}

// Tokens made by the tokenizer: in the text, on code point boundaries, in order, not overlapping, their
// normalized forms back to back and valid UTF-8, sentence numbers never going down.
inline void check_tokens(std::string_view text, const TokenList& list) {
  unsigned previous_end = 0, previous_norm_end = 0, previous_sentence = 0;
  for (size_t i = 0; i < list.tokens.size(); ++i) {
    const Token& t = list.tokens[i];
    FUZZ_CHECK(t.start < t.end);
    FUZZ_CHECK(t.end <= text.size());
    FUZZ_CHECK(t.start >= previous_end);
    FUZZ_CHECK(on_boundary(text, t.start));
    FUZZ_CHECK(on_boundary(text, t.end));
    FUZZ_CHECK(t.norm_start == previous_norm_end);
    FUZZ_CHECK(t.norm_start <= t.norm_end);
    FUZZ_CHECK(t.norm_end <= list.normalized.size());
    FUZZ_CHECK(valid_utf8(list.norm(t)));
    FUZZ_CHECK(t.sentence >= previous_sentence);
    previous_end = t.end;
    previous_norm_end = t.norm_end;
    previous_sentence = t.sentence;
  }
  FUZZ_CHECK(previous_norm_end == list.normalized.size());
}

// Hits of a scanned document: each covers whole tokens, sits on code point boundaries, has the line and
// column of its start, a finite non-negative weight; hits come in order of their start.
inline void check_hits(const Document& doc) {
  std::string_view text = doc.text;
  const auto& tokens = doc.tokens.tokens;
  unsigned previous_start = 0;
  size_t line_start = 0, pos = 0;
  unsigned line = 1;
  for (const Hit& h : doc.hits) {
    FUZZ_CHECK(h.start < h.end);
    FUZZ_CHECK(h.end <= text.size());
    FUZZ_CHECK(on_boundary(text, h.start) && on_boundary(text, h.end));
    FUZZ_CHECK(h.start >= previous_start);
    FUZZ_CHECK(h.first_token <= h.last_token && h.last_token < tokens.size());
    FUZZ_CHECK(tokens[h.first_token].start == h.start);
    FUZZ_CHECK(tokens[h.last_token].end == h.end);
    FUZZ_CHECK(std::isfinite(h.weight) && h.weight >= 0);
    FUZZ_CHECK(std::isfinite(h.base_weight) && h.base_weight > 0);
    for (; pos < h.start; ++pos)
      if (text[pos] == '\n') { ++line; line_start = pos + 1; }
    unsigned col = 1;
    for (size_t k = line_start; k < h.start; ++k) col += (static_cast<unsigned char>(text[k]) & 0xC0) != 0x80;
    FUZZ_CHECK(h.line == line);
    FUZZ_CHECK(h.col == col);
    previous_start = h.start;
  }
}

// Scores agree with the tokens and hits they were computed from and stay in range.
inline void check_scores(const Document& doc) {
  const Scores& s = doc.scores;
  FUZZ_CHECK(s.tokens == doc.tokens.tokens.size());
  FUZZ_CHECK(s.total.hits == doc.hits.size());
  FUZZ_CHECK(s.author.hits + s.quoted.hits == s.total.hits);
  unsigned by_technique = 0;
  for (const auto& t : s.techniques) by_technique += t.hits;
  FUZZ_CHECK(by_technique == s.total.hits);
  for (double v : {s.score, s.author_score, s.quoted_score}) FUZZ_CHECK(std::isfinite(v) && v >= 0 && v <= 100);
}

}  // namespace tamga::fuzz
