#include "tamga/scanner.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <unordered_map>

#include "detail/language_rules.h"
#include "detail/utf8.h"
#include "detail/voice.h"
#include "tamga/findings.h"
#include "tamga/langid.h"
#include "tamga/markup.h"

namespace tamga {

Document document_from_bytes(std::string id, std::string_view bytes, const DecodeOptions& options) {
  Document doc;
  doc.id = std::move(id);
  auto decoded = decode(bytes, options);
  if (!decoded.ok()) {
    doc.errors.push_back({"decode-failed", decoded.status().message(), -1});
    return doc;
  }
  doc.text = std::move(decoded->text);
  doc.encoding = std::move(decoded->encoding);
  doc.warnings = std::move(decoded->warnings);
  return doc;
}


struct Scanner::Impl {
  std::shared_ptr<const Lexicon> lexicon;
  ScanOptions options;
  std::unique_ptr<Tokenizer> tokenizer;
  std::vector<Match> matches;
  std::vector<unsigned char> quoted;
  std::vector<unsigned char> hit_sentences;
  std::vector<int> owner;  // per token: index of the accepted span covering it, or -1
  // Reused from document to document: no allocation per document once they have grown.
  std::vector<std::pair<unsigned, unsigned>> spans;       // accepted spans' first and last tokens
  std::vector<uint32_t> span_techniques;                  // and the techniques counted on each (a bit each)
  static_assert(kTechniqueCount <= 32);
  std::vector<std::pair<unsigned, const Match*>> accepted;  // (span, match)
  std::unordered_map<std::string_view, unsigned> seen;    // hits per entry, for Repetition
  std::string view;        // the prose view of a Markdown or HTML document

  // The text as matched: the document's own, or its prose view (same length, same offsets).
  std::string_view matching_text(const Document& doc) {
    if (doc.format == DocumentFormat::kText) return doc.text;
    view = prose_view(doc.text, doc.format);
    return view;
  }
};

Scanner::Scanner() : impl_(std::make_unique<Impl>()) {}
Scanner::~Scanner() = default;

Result<std::unique_ptr<Scanner>> Scanner::create(std::shared_ptr<const Lexicon> lexicon, ScanOptions options) {
  auto tokenizer = Tokenizer::create();
  if (!tokenizer.ok()) return tokenizer.status();
  std::unique_ptr<Scanner> s(new Scanner());
  s->impl_->lexicon = std::move(lexicon);
  s->impl_->options = options;
  s->impl_->tokenizer = std::move(tokenizer).value();
  return s;
}

namespace {

// Is there a line end followed by another (a blank line, "\n\n" or "\n\r\n")? One pass.
bool has_blank_line(std::string_view text) {
  // A line end followed by another (or by CR and another): sixteen positions at a time where SSE2 is,
  // not one memchr call per line.
  size_t i = 0;
#if defined(__SSE2__)
  const __m128i nl = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r');
  for (; i + 18 <= text.size(); i += 16) {
    const char* p = text.data() + i;
    auto at = [&](size_t k) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + k)); };
    const __m128i here = _mm_cmpeq_epi8(at(0), nl);
    const __m128i next = _mm_or_si128(_mm_cmpeq_epi8(at(1), nl),
                                      _mm_and_si128(_mm_cmpeq_epi8(at(1), cr), _mm_cmpeq_epi8(at(2), nl)));
    if (_mm_movemask_epi8(_mm_and_si128(here, next))) return true;
  }
#endif
  for (i = text.find('\n', i); i != std::string_view::npos; i = text.find('\n', i + 1)) {
    size_t next = i + 1;
    if (next < text.size() && text[next] == '\r') ++next;
    if (next < text.size() && text[next] == '\n') return true;
  }
  return false;
}

}  // namespace

void Scanner::identify(Document& doc) {
  if (impl_->options.force_lang) {
    doc.lang = *impl_->options.force_lang;
    doc.script = detect_script(doc.text);
    doc.lang_confidence = 1;
    return;
  }
  doc.segments.clear();
  std::string_view text = impl_->matching_text(doc);
  LanguageGuess g = identify_language(text);
  doc.lang = g.lang;
  doc.script = g.script;
  doc.lang_confidence = g.confidence;
  if (!has_blank_line(text)) return;
  auto paragraphs = identify_paragraphs(text, true, &g);
  if (paragraphs.size() < 2) return;
  // A document that mixes languages: each run of paragraphs keeps its own language; the document's is
  // the one with the most bytes.
  std::map<Lang, size_t> bytes;
  for (const auto& p : paragraphs) {
    doc.segments.push_back({p.start, p.end, p.guess.lang, p.guess.script, p.guess.confidence});
    bytes[p.guess.lang] += p.end - p.start;
  }
  auto main = std::max_element(bytes.begin(), bytes.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
  doc.lang = main->first;
}

void Scanner::tokenize(Document& doc) {
  std::string_view text = impl_->matching_text(doc);
  if (doc.segments.empty()) {
    impl_->tokenizer->tokenize(text, doc.lang, doc.tokens);
    return;
  }
  doc.tokens.clear();
  for (const Segment& s : doc.segments) impl_->tokenizer->append(text, s.start, s.end, s.lang, doc.tokens);
}

namespace {


// Line (1-based) and column (1-based, code points) of byte offsets, computed in one forward pass over
// offsets visited in increasing order.
class LineCounter {
 public:
  explicit LineCounter(std::string_view text) : text_(text) {}
  void locate(unsigned offset, unsigned& line, unsigned& col) {
    if (offset < pos_) { pos_ = 0; line_ = 1; line_start_ = 0; }
    const size_t stop = std::min<size_t>(offset, text_.size());
    size_t i = pos_;
#if defined(__SSE2__)
    // Sixteen bytes at a time, counting the line ends without a branch per block (lines are often
    // short: a memchr call, or a taken branch, per line costs more than the line); the start of the
    // last line is then found looking back from `stop`.
    const __m128i nl = _mm_set1_epi8('\n');
    __m128i counts = _mm_setzero_si128();
    for (; i + 16 <= stop; i += 16) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text_.data() + i));
      // Each line end adds 1 to its byte lane's sum: psadbw sums the sixteen 0/1 bytes in two halves.
      counts = _mm_add_epi64(counts, _mm_sad_epu8(_mm_and_si128(_mm_cmpeq_epi8(v, nl), _mm_set1_epi8(1)), _mm_setzero_si128()));
    }
    const auto found = static_cast<unsigned>(_mm_cvtsi128_si32(counts) + _mm_cvtsi128_si32(_mm_unpackhi_epi64(counts, counts)));
    if (found) {
      line_ += found;
      size_t k = i;
      while (text_[k - 1] != '\n') --k;  // one of the blocks had one; the column counts these bytes anyway
      line_start_ = k;
    }
#endif
    for (; i < stop; ++i)
      if (text_[i] == '\n') ++line_, line_start_ = i + 1;
    pos_ = std::max(pos_, stop);
    line = line_;
    col = static_cast<unsigned>(detail::code_point_count(text_.substr(line_start_, offset - line_start_))) + 1;
  }

 private:
  std::string_view text_;
  size_t pos_ = 0, line_start_ = 0;
  unsigned line_ = 1;
};

void add_modifier(Hit& hit, std::string kind, std::string_view cue, double factor) {
  for (const auto& m : hit.modifiers)
    if (m.kind == kind) return;
  hit.modifiers.push_back({std::move(kind), std::string(cue), factor});
}

}  // namespace

void Scanner::match(Document& doc) {
  auto& impl = *impl_;
  const auto& entries = impl.lexicon->entries();
  const auto& ts = doc.tokens.tokens;
  doc.hits.clear();
  impl.matches.clear();
  impl.lexicon->find_matches(doc.tokens, doc.lang, impl.matches);
  auto& ms = impl.matches;
  auto byte_length = [&](const Match& m) { return ts[m.last].end - ts[m.first].start; };
  // Longest first; at equal length the earliest; then lexicon order. The longest match wins, and one
  // span counts once per technique.
  std::sort(ms.begin(), ms.end(), [&](const Match& a, const Match& b) {
    if (byte_length(a) != byte_length(b)) return byte_length(a) > byte_length(b);
    if (a.first != b.first) return a.first < b.first;
    return a.entry < b.entry;
  });
  impl.owner.assign(ts.size(), -1);
  auto& spans = impl.spans;
  auto& span_techniques = impl.span_techniques;
  auto& accepted = impl.accepted;
  spans.clear();
  span_techniques.clear();
  accepted.clear();
  for (const Match& m : ms) {
    int owner = impl.owner[m.first];
    bool free = true, same = owner >= 0;
    for (unsigned k = m.first; k <= m.last; ++k) {
      if (impl.owner[k] >= 0) free = false;
      if (impl.owner[k] != owner) same = false;
    }
    const uint32_t tech = uint32_t{1} << static_cast<unsigned>(entries[m.entry].technique);
    if (free) {
      spans.emplace_back(m.first, m.last);
      span_techniques.push_back(tech);
      for (unsigned k = m.first; k <= m.last; ++k) impl.owner[k] = static_cast<int>(spans.size() - 1);
      accepted.emplace_back(static_cast<unsigned>(spans.size() - 1), &m);
    } else if (same) {
      const auto span = static_cast<size_t>(owner);
      if (spans[span].first != m.first || spans[span].second != m.last) continue;
      if (span_techniques[span] & tech) continue;  // one span counts once per technique
      span_techniques[span] |= tech;
      accepted.emplace_back(static_cast<unsigned>(owner), &m);
    }
  }
  std::sort(accepted.begin(), accepted.end(), [](const auto& a, const auto& b) {
    if (a.second->first != b.second->first) return a.second->first < b.second->first;
    return a.second->entry < b.second->entry;
  });

  // Voice is needed only where something matched, and only for the sentences with a hit.
  if (!accepted.empty()) {
    impl.hit_sentences.clear();
    for (const auto& [span, m] : accepted) {
      unsigned sentence = ts[m->first].sentence;
      if (sentence >= impl.hit_sentences.size()) impl.hit_sentences.resize(sentence + 1, 0);
      impl.hit_sentences[sentence] = 1;
    }
    detail::mark_quoted_tokens(impl.matching_text(doc), doc.tokens, doc.lang, impl.quoted, &impl.hit_sentences);
  }
  auto surface = [&](unsigned k) { return std::string_view(doc.text).substr(ts[k].start, ts[k].end - ts[k].start); };

  doc.hits.reserve(accepted.size());
  for (const auto& [span, m] : accepted) {
    const Entry& e = entries[m->entry];
    Hit h;
    h.technique = e.technique;
    h.entry = e.id;
    h.gloss = e.gloss;
    h.first_token = m->first;
    h.last_token = m->last;
    h.start = ts[m->first].start;
    h.end = ts[m->last].end;
    h.base_weight = e.weight;
    h.voice = impl.quoted[m->first] ? Voice::kQuoted : Voice::kAuthor;
    unsigned sentence = ts[m->first].sentence;
    const detail::LanguageRules& rules = detail::rules_for(ts[m->first].lang);
    if (m->negative_suffix) add_modifier(h, "negation", "negative verb suffix", 0.5);
    for (unsigned k = m->first; k <= m->last; ++k)
      if (ts[k].mixed_script) add_modifier(h, "mixed-script", surface(k), 1.0);
    for (unsigned d = 1; d <= rules.window && d <= m->first; ++d) {
      unsigned k = m->first - d;
      if (ts[k].sentence != sentence) break;
      std::string_view norm = doc.tokens.norm(ts[k]);
      if (rules.negation_before_cues.may_match(norm))
        for (const auto& c : rules.negation_before)
          if (detail::cue_matches(c.cue, norm)) add_modifier(h, "negation", surface(k), c.factor);
      if (d == 1 && rules.intensifier_before_cues.may_match(norm))  // intensifiers qualify the word right after them
        for (const auto& c : rules.intensifier_before)
          if (detail::cue_matches(c.cue, norm)) add_modifier(h, "intensifier", surface(k), c.factor);
    }
    for (unsigned d = 1; d <= 2 && m->last + d < ts.size(); ++d) {
      unsigned k = m->last + d;
      if (ts[k].sentence != sentence) break;
      std::string_view norm = doc.tokens.norm(ts[k]);
      if (rules.negation_after_cues.may_match(norm))
        for (const auto& c : rules.negation_after)
          if (detail::cue_matches(c.cue, norm)) add_modifier(h, "negation", surface(k), c.factor);
    }
    double w = e.weight;
    for (const auto& mod : h.modifiers) w *= mod.factor;
    h.weight = w;
    doc.hits.push_back(std::move(h));
  }

  // Inline suppressions written in the document itself, before Repetition counts occurrences.
  filter_findings(doc, nullptr, nullptr);

  // Repetition: the same entry hit again in one document (a loaded term, or a label for a person or
  // group) is also reported as Repetition, from its second occurrence on, at half the entry's weight.
  auto& seen = impl.seen;
  seen.clear();
  std::vector<Hit> repeats;
  for (const Hit& h : doc.hits) {
    if (h.technique == Technique::kRepetition) continue;
    unsigned n = ++seen[h.entry];
    if (n < 2) continue;
    Hit r = h;
    r.technique = Technique::kRepetition;
    r.entry = "rule.repetition:" + h.entry;
    r.gloss = fmt::format("repeats \"{}\" (occurrence {} in this document)",
                          std::string_view(doc.text).substr(h.start, h.end - h.start), n);
    r.base_weight = 0.5 * h.base_weight;
    r.weight = 0.5 * h.weight;
    repeats.push_back(std::move(r));
  }
  for (auto& r : repeats) doc.hits.push_back(std::move(r));
  std::stable_sort(doc.hits.begin(), doc.hits.end(), [](const Hit& a, const Hit& b) { return a.start < b.start; });

  // ... and once more for the Repetition hits themselves.
  if (!repeats.empty()) filter_findings(doc, nullptr, nullptr);

  LineCounter lines(doc.text);
  for (Hit& h : doc.hits) lines.locate(h.start, h.line, h.col);
}

void Scanner::scan(Document& doc) {
  identify(doc);
  tokenize(doc);
  match(doc);
  score_document(doc, impl_->options.quoted_factor);
}

}  // namespace tamga
