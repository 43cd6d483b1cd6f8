#include "detail/voice.h"

#include <unicode/uchar.h>

#include <algorithm>

#include "detail/byte_set.h"
#include "detail/language_rules.h"
#include "detail/utf8.h"

namespace tamga::detail {

namespace {
bool is_letter_or_digit(char32_t c) { return c != 0 && u_isalnum(static_cast<UChar32>(c)); }

bool is_ascii_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

}  // namespace

std::vector<std::pair<unsigned, unsigned>> quoted_ranges(std::string_view text) {
  std::vector<std::pair<unsigned, unsigned>> ranges;
  int curly = 0, guillemet = 0, angle = 0, single_curly = 0;
  bool straight_double = false, straight_single = false;
  bool low_open = false;  // „ ... “ (German/Baltic style): “ then closes
  unsigned open_at = 0;
  auto inside = [&] { return curly > 0 || guillemet > 0 || angle > 0 || single_curly > 0 || straight_double || straight_single; };
  auto reset = [&] {
    curly = guillemet = angle = single_curly = 0;
    straight_double = straight_single = low_open = false;
  };
  // Only a few bytes can open or close a quotation: '"', '\'', a line end, and the lead bytes of « » (C2)
  // and of the curly quotes (E2). Everything else is skipped without decoding; the character before a
  // quote mark is decoded backwards only where it matters.
  // A line end matters only inside a quotation (a blank line closes it): outside one, line ends are not
  // looked at, which spares a stop per line in text of short lines.
  static const ByteSet interesting({'"', '\'', '\n', 0xC2, 0xE2});
  static const ByteSet opening({'"', '\'', 0xC2, 0xE2});
  auto previous_at = [&](size_t at) -> char32_t {
    if (at == 0) return 0;
    size_t k = at - 1;
    while (k > 0 && at - k < 4 && (static_cast<unsigned char>(text[k]) & 0xC0) == 0x80) --k;
    return next_code_point(text.substr(0, at), k);
  };
  for (size_t i = 0; i < text.size();) {
    i = (inside() ? interesting : opening).find(text, i);
    if (i >= text.size()) break;
    // An apostrophe right after an ASCII letter or digit (it's, Türkiye'nin) opens nothing, and closes
    // nothing while no straight single quotation is open: passed over undecoded.
    if (text[i] == '\'' && !straight_single && i > 0 && is_ascii_alnum(text[i - 1])) {
      ++i;
      continue;
    }
    size_t at = i;
    char32_t c = next_code_point(text, i);
    // The other characters of the C2 and E2 blocks (no-break space, dashes, the ellipsis) change nothing.
    if (c != U'\n' && c != U'"' && c != U'\'' && c != 0xAB && c != 0xBB && (c < 0x2018 || c > 0x203A)) continue;
    // The following letter matters only around apostrophes; decoded only there.
    auto next_char = [&]() -> char32_t {
      if (i >= text.size()) return 0;
      size_t k = i;
      return next_code_point(text, k);
    };
    if (c == U'\n') {
      // A blank line (only spaces between two line ends) closes any open quotation.
      size_t k = at;
      while (k > 0 && (text[k - 1] == ' ' || text[k - 1] == '\t' || text[k - 1] == '\r')) --k;
      if (k > 0 && text[k - 1] == '\n' && inside()) {
        ranges.emplace_back(open_at, static_cast<unsigned>(at));
        reset();
      }
      continue;
    }
    bool was_inside = inside();
    switch (c) {
      case U'\u201C':  // “ opens, or closes a „
        if (low_open) { --curly; low_open = false; }
        else ++curly;
        break;
      case U'\u201E': ++curly; low_open = true; break;
      case U'\u201D': if (curly > 0) --curly; else if (!was_inside) ++curly; break;  // ” also opens in Swedish/Finnish style
      case U'\u00AB': ++guillemet; break;
      case U'\u00BB': if (guillemet > 0) --guillemet; break;
      case U'\u2039': ++angle; break;
      case U'\u203A': if (angle > 0) --angle; break;
      case U'"': straight_double = !straight_double; break;
      case U'\u2018':
        if (!is_letter_or_digit(previous_at(at))) ++single_curly;
        break;
      case U'\u2019':
        if (single_curly > 0 && !is_letter_or_digit(next_char())) --single_curly;
        break;
      case U'\'': {
        char32_t next = next_char();
        char32_t previous = previous_at(at);
        if (!straight_single && !is_letter_or_digit(previous) && is_letter_or_digit(next)) straight_single = true;
        else if (straight_single && previous != U' ' && !is_letter_or_digit(next)) straight_single = false;
        break;
      }
      default: break;
    }
    bool now_inside = inside();
    if (!was_inside && now_inside) open_at = static_cast<unsigned>(at);
    if (was_inside && !now_inside) ranges.emplace_back(open_at, static_cast<unsigned>(i));
  }
  if (inside()) ranges.emplace_back(open_at, static_cast<unsigned>(text.size()));
  return ranges;
}

namespace {

// Marks reported statements sentence by sentence.
void mark_reported(std::string_view text, const TokenList& tokens, Lang doc_lang, std::vector<unsigned char>& quoted,
                   const std::vector<unsigned char>* wanted) {
  const auto& ts = tokens.tokens;
  size_t begin = 0;
  while (begin < ts.size()) {
    size_t end = begin;
    while (end < ts.size() && ts[end].sentence == ts[begin].sentence) ++end;
    unsigned sentence = ts[begin].sentence;
    if (wanted && (sentence >= wanted->size() || !(*wanted)[sentence])) {
      begin = end;
      continue;
    }
    const LanguageRules& rules = rules_for(ts[begin].lang == Lang::kUnknown ? doc_lang : ts[begin].lang);
    auto mark = [&](size_t from, size_t to) {
      for (size_t k = from; k < to; ++k) quoted[k] = 1;
    };
    bool done = false;
    // "according to ..." / "X'e göre": the whole sentence is the source's.
    for (size_t i = begin; i < end && !done; ++i) {
      // Most tokens start no source phrase: one bucket lookup instead of every phrase.
      if (rules.source_phrase_starts.matches(tokens.norm(ts[i]))) {
        for (const auto& phrase : rules.source_phrases) {
          if (i + phrase.size() > end) continue;
          bool all = true;
          for (size_t k = 0; k < phrase.size() && all; ++k) all = tokens.norm(ts[i + k]) == phrase[k];
          if (all) { mark(begin, end); done = true; break; }
        }
      }
      if (!done && i > begin && !rules.source_postposition.empty() && tokens.norm(ts[i]) == rules.source_postposition) {
        std::string_view head = tokens.norm(ts[i - 1]);
        bool source = head.find('\'') != std::string_view::npos || rules.source_heads.matches(head);
        if (source) { mark(begin, end); done = true; }
      }
    }
    for (size_t i = begin; i < end && !done; ++i) {
      if (!rules.reporting_verbs.matches(tokens.norm(ts[i]))) continue;
      size_t last = end - 1;
      if (last - i <= 2 && i > begin) {
        // "..., he said." / "... dedi.": what comes before is the report.
        size_t stop = i;
        // Leave the speaker out: for English, the words after the last comma before the verb.
        for (size_t k = i; rules.speaker_after_comma && k > begin; --k) {
          std::string_view gap = text.substr(ts[k - 1].end, ts[k].start - ts[k - 1].end);
          if (gap.find(',') != std::string_view::npos || gap.find(':') != std::string_view::npos) { stop = k; break; }
        }
        mark(begin, stop);
      } else {
        // "... said (that) ...": what follows is the report.
        mark(i + 1, end);
      }
      done = true;
    }
    begin = end;
  }
}

}  // namespace

void mark_quoted_tokens(std::string_view text, const TokenList& tokens, Lang lang, std::vector<unsigned char>& quoted,
                        const std::vector<unsigned char>* wanted_sentences) {
  const auto& ts = tokens.tokens;
  quoted.assign(ts.size(), 0);
  // Quotation marks pair from left to right: only the text up to the last wanted sentence matters. The
  // scan stops at the end of that sentence's last line (a mark's meaning depends on the character after
  // it, never further).
  size_t count = ts.size();
  auto wanted = [&](unsigned sentence) { return sentence < wanted_sentences->size() && (*wanted_sentences)[sentence]; };
  if (wanted_sentences)
    while (count > 0 && !wanted(ts[count - 1].sentence)) --count;
  if (count == 0) return;
  size_t limit = text.size();
  if (wanted_sentences) {
    size_t line_end = text.find('\n', ts[count - 1].end);
    if (line_end != std::string_view::npos) limit = line_end + 1;
  }
  auto ranges = quoted_ranges(text.substr(0, limit));
  size_t r = 0;
  for (size_t i = 0; i < count; ++i) {
    unsigned start = ts[i].start;
    while (r < ranges.size() && ranges[r].second <= start) ++r;
    if (r < ranges.size() && ranges[r].first <= start && start < ranges[r].second) quoted[i] = 1;
  }
  mark_reported(text, tokens, lang, quoted, wanted_sentences);
}

}  // namespace tamga::detail
