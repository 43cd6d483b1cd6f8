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

// Marks the reported statement of one sentence, tokens [begin, end), if it is one.
void mark_reported_sentence(std::string_view text, const TokenList& tokens, const LanguageRules& rules, size_t begin,
                            size_t end, std::vector<unsigned char>& quoted) {
  const auto& ts = tokens.tokens;
  auto mark = [&](size_t from, size_t to) {
    for (size_t k = from; k < to; ++k) quoted[k] = 1;
  };
  // One pass: a source ("according to ...", "X'e göre") anywhere makes the whole sentence the source's;
  // otherwise the first reporting verb decides.
  size_t verb = end;
  for (size_t i = begin; i < end; ++i) {
    std::string_view norm = tokens.norm(ts[i]);
    // Most tokens are no cue at all: one bit test before the cue sets.
    if (!rules.voice_cues.may_match(norm)) continue;
    // Most tokens start no source phrase: one bucket lookup instead of every phrase.
    if (rules.source_phrase_starts.matches(norm)) {
      for (const auto& phrase : rules.source_phrases) {
        if (i + phrase.size() > end) continue;
        bool all = true;
        for (size_t k = 0; k < phrase.size() && all; ++k) all = tokens.norm(ts[i + k]) == phrase[k];
        if (all) return mark(begin, end);
      }
    }
    if (i > begin && !rules.source_postposition.empty() && norm == rules.source_postposition) {
      std::string_view head = tokens.norm(ts[i - 1]);
      if (head.find('\'') != std::string_view::npos || rules.source_heads.matches(head)) return mark(begin, end);
    }
    if (verb == end && rules.reporting_verbs.matches(norm)) verb = i;
  }
  if (verb == end) return;
  size_t last = end - 1;
  if (last - verb <= 2 && verb > begin) {
    // "..., he said." / "... dedi.": what comes before is the report.
    size_t stop = verb;
    // Leave the speaker out: for English, the words after the last comma before the verb.
    for (size_t k = verb; rules.speaker_after_comma && k > begin; --k) {
      std::string_view gap = text.substr(ts[k - 1].end, ts[k].start - ts[k - 1].end);
      if (gap.find(',') != std::string_view::npos || gap.find(':') != std::string_view::npos) { stop = k; break; }
    }
    mark(begin, stop);
  } else {
    // "... said (that) ...": what follows is the report.
    mark(verb + 1, end);
  }
}

const LanguageRules& sentence_rules(const Token& first, Lang doc_lang) {
  return rules_for(first.lang == Lang::kUnknown ? doc_lang : first.lang);
}

// Marks reported statements sentence by sentence (only the wanted ones, when given). Tokens come in
// sentence order: a wanted sentence's tokens are found by binary search, the others are not walked.
void mark_reported(std::string_view text, const TokenList& tokens, Lang doc_lang, std::vector<unsigned char>& quoted,
                   const std::vector<unsigned char>* wanted) {
  const auto& ts = tokens.tokens;
  if (wanted) {
    auto from = ts.begin();
    for (unsigned sentence = 0; sentence < wanted->size() && from != ts.end(); ++sentence) {
      if (!(*wanted)[sentence]) continue;
      auto first = std::partition_point(from, ts.end(), [&](const Token& t) { return t.sentence < sentence; });
      auto last = std::partition_point(first, ts.end(), [&](const Token& t) { return t.sentence <= sentence; });
      from = last;
      if (first == last) continue;
      mark_reported_sentence(text, tokens, sentence_rules(*first, doc_lang), static_cast<size_t>(first - ts.begin()),
                             static_cast<size_t>(last - ts.begin()), quoted);
    }
    return;
  }
  size_t begin = 0;
  while (begin < ts.size()) {
    size_t end = begin;
    while (end < ts.size() && ts[end].sentence == ts[begin].sentence) ++end;
    mark_reported_sentence(text, tokens, sentence_rules(ts[begin], doc_lang), begin, end, quoted);
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
  if (wanted_sentences) {
    // Tokens come in sentence order: those after the last wanted sentence are cut off by binary search.
    auto last_wanted = std::find(wanted_sentences->rbegin(), wanted_sentences->rend(), 1);
    if (last_wanted == wanted_sentences->rend()) return;
    const auto last_sentence = static_cast<unsigned>(wanted_sentences->rend() - last_wanted - 1);
    count = static_cast<size_t>(
        std::partition_point(ts.begin(), ts.end(), [&](const Token& t) { return t.sentence <= last_sentence; }) - ts.begin());
    while (count > 0 && !wanted(ts[count - 1].sentence)) --count;
  }
  if (count == 0) return;
  size_t limit = text.size();
  if (wanted_sentences) {
    size_t line_end = text.find('\n', ts[count - 1].end);
    if (line_end != std::string_view::npos) limit = line_end + 1;
  }
  // The tokens starting inside each quotation (few of them): found by binary search, not token by token.
  auto first = ts.begin();
  const auto stop = ts.begin() + static_cast<std::ptrdiff_t>(count);
  for (const auto& [open, close] : quoted_ranges(text.substr(0, limit))) {
    first = std::partition_point(first, stop, [open = open](const Token& t) { return t.start < open; });
    for (; first != stop && first->start < close; ++first) quoted[static_cast<size_t>(first - ts.begin())] = 1;
  }
  mark_reported(text, tokens, lang, quoted, wanted_sentences);
}

}  // namespace tamga::detail
