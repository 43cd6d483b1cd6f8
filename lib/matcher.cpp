#include <fmt/format.h>

#include <algorithm>

#include "detail/lexicon_impl.h"
#include "tamga/tokenize.h"

namespace tamga {

Lexicon::Lexicon() : impl_(std::make_unique<Impl>()) {}
Lexicon::~Lexicon() = default;
const std::vector<Entry>& Lexicon::entries() const { return impl_->entries; }

void Lexicon::Impl::compile(std::vector<Entry> all, std::vector<std::unique_ptr<RE2>> res) {
  entries = std::move(all);
  regexes = std::move(res);
  regex_ranges.assign(regexes.size(), {});
  for (size_t k = 0; k < regexes.size(); ++k) {
    MatchRange& r = regex_ranges[k];
    r.known = regexes[k]->PossibleMatchRange(&r.min, &r.max, 16);
    r.min_first = r.min.empty() ? 0 : static_cast<unsigned char>(r.min[0]);
    r.max_first = r.max.empty() ? 0 : static_cast<unsigned char>(r.max[0]);
  }
  variants.resize(entries.size());
  for (unsigned e = 0; e < entries.size(); ++e) {
    const Entry& entry = entries[e];
    auto& per_word = variants[e];
    per_word.resize(entry.words.size());
    for (size_t w = 0; w < entry.words.size(); ++w) {
      if (entry.words[w].kind == PatternKind::kWord) {
        if (entry.lang == Lang::kUnknown)
          per_word[w].push_back({entry.words[w].text, detail::StemCondition::kNone});
        else
          detail::stem_variants(entry.lang, entry.words[w].text, per_word[w]);
        if (w > 0 && w + 1 == entry.words.size() && entry.lang != Lang::kUnknown)
          detail::compound_head_variants(entry.lang, entry.words[w].text, per_word[w]);
      }
    }
    LangIndex& idx = index[static_cast<size_t>(entry.lang)];
    const PatternWord& first = entry.words.front();
    const uint64_t next_word_hash = entry.words.size() > 1 && entry.words[1].kind == PatternKind::kExact
                                        ? detail::spread_hash(detail::unmixed_hash(entry.words[1].text)) | 1  // never 0
                                        : 0;
    switch (first.kind) {
      case PatternKind::kRegex: idx.regex_first.push_back(e); break;
      case PatternKind::kExact:
      case PatternKind::kPrefix:
        idx.by_key[first.text].push_back({e, first.kind, detail::StemCondition::kNone, next_word_hash});
        break;
      case PatternKind::kWord:
        for (const auto& v : per_word[0]) idx.by_key[v.key].push_back({e, PatternKind::kWord, v.condition, next_word_hash});
        break;
    }
  }
  for (LangIndex& idx : index) idx.build(*this);
}

void Lexicon::Impl::Trie::build(std::vector<KeyList> keys) {
  nodes.clear();
  terminals.clear();
  dense_children.clear();
  if (keys.empty()) return;
  std::sort(keys.begin(), keys.end(), [](const auto& a, const auto& b) { return *a.first < *b.first; });
  // Breadth first. A work item: keys [lo, hi) share their first `depth` bytes and hang under `node`.
  struct Work {
    uint32_t node;
    size_t lo, hi, depth;
  };
  std::vector<Work> queue{{0, 0, keys.size(), 0}};
  nodes.emplace_back();
  std::vector<unsigned char> child_bytes;
  for (size_t next = 0; next < queue.size(); ++next) {
    auto [node, lo, hi, depth] = queue[next];
    if (lo < hi && keys[lo].first->size() == depth) {  // sorted: the key that ends here comes first
      terminals.push_back({keys[lo].first, keys[lo].second});
      nodes[node].terminal = static_cast<uint32_t>(terminals.size());
      ++lo;
    }
    auto first_child = static_cast<uint32_t>(nodes.size());
    child_bytes.clear();
    for (size_t i = lo; i < hi;) {
      size_t j = i + 1;
      while (j < hi && (*keys[j].first)[depth] == (*keys[i].first)[depth]) ++j;
      child_bytes.push_back(static_cast<unsigned char>((*keys[i].first)[depth]));
      queue.push_back({static_cast<uint32_t>(nodes.size()), i, j, depth + 1});
      nodes.emplace_back();
      i = j;
    }
    Node& n = nodes[node];
    n.first_child = first_child;
    n.child_count = static_cast<uint32_t>(child_bytes.size());
    if (child_bytes.size() <= sizeof n.bytes) {
      std::copy(child_bytes.begin(), child_bytes.end(), n.bytes);
    } else {
      n.dense = static_cast<int32_t>(dense_children.size() / 256);
      dense_children.resize(dense_children.size() + 256, 0);
      for (uint32_t k = 0; k < n.child_count; ++k)
        dense_children[static_cast<size_t>(n.dense) * 256 + child_bytes[k]] = first_child + k;
    }
  }
}

void Lexicon::Impl::WholeKeys::build(const std::vector<KeyList>& keys) {
  slots.clear();
  present.clear();
  mask = 0;
  if (keys.empty()) return;
  // Shorter keys first: the most frequent words are short, and a key inserted early sits in its own
  // slot, found at the first probe, where a later one may be pushed to the next.
  // (A counting sort by length, keeping the given order within a length: no comparison of strings.)
  std::vector<size_t> starts;
  for (const auto& k : keys) {
    if (starts.size() < k.first->size() + 2) starts.resize(k.first->size() + 2, 0);
    ++starts[k.first->size() + 1];
  }
  for (size_t len = 1; len < starts.size(); ++len) starts[len] += starts[len - 1];
  std::vector<KeyList> ordered(keys.size());
  for (const auto& k : keys) ordered[starts[k.first->size()]++] = k;
  size_t size = 16;
  while (size < 2 * keys.size()) size *= 2;
  slots.assign(size, Slot{});
  mask = size - 1;
  shift = 64 - static_cast<unsigned>(__builtin_ctzll(size));
  present.assign((size_t{1} << 16) / 64, 0);
  for (const auto& [key, candidates] : ordered) {
    const uint64_t unmixed = detail::unmixed_hash(*key);
    const uint64_t spread = detail::spread_hash(unmixed);
    present[present_bit(unmixed) / 64] |= uint64_t{1} << (present_bit(unmixed) % 64);
    size_t k = spread >> shift;
    while (slots[k].key) k = (k + 1) & mask;
    Slot& s = slots[k];
    s.spread = spread;
    s.key = key->data();
    s.key_size = key->size();
    char head[16] = {};
    std::memcpy(head, key->data(), std::min<size_t>(key->size(), 16));
    s.head_lo = detail::load64(head);
    s.head_hi = detail::load64(head + 8);
    s.candidates = candidates;
    s.all_next_words = !candidates->empty();
    for (const Candidate& c : *candidates) {
      s.all_next_words = s.all_next_words && c.next_word_hash != 0;
      const auto b = static_cast<unsigned>(c.next_word_hash >> 56);
      s.next_words[b / 64] |= uint64_t{1} << (b % 64);
    }
  }
}

void Lexicon::Impl::LangIndex::build(const Lexicon::Impl& lexicon) {
  std::vector<KeyList> keys;
  keys.reserve(by_key.size());
  whole_lists.clear();
  partial_lists.clear();
  for (const auto& [key, list] : by_key) {
    keys.emplace_back(&key, &list);
    for (const Candidate& c : list) (lexicon.needs_whole_token(c) ? whole_lists : partial_lists)[key].push_back(c);
  }
  all.build(keys);
  // The split lists' keys point into by_key, which outlives them.
  auto lists = [&](const auto& by) {
    std::vector<KeyList> out;
    for (const auto& [key, list] : by) out.emplace_back(&by_key.find(key)->first, &list);
    return out;
  };
  whole.build(lists(whole_lists));
  partial.build(lists(partial_lists));
}

bool Lexicon::Impl::word_matches(unsigned entry, unsigned word, std::string_view token, bool* negative) const {
  const Entry& e = entries[entry];
  const PatternWord& w = e.words[word];
  switch (w.kind) {
    case PatternKind::kExact: return token == w.text;
    case PatternKind::kPrefix: return token.substr(0, w.text.size()) == w.text;
    case PatternKind::kRegex: return regex_full_match(static_cast<size_t>(w.regex), token);
    case PatternKind::kWord: break;
  }
  if (e.lang == Lang::kUnknown) return token == w.text;
  auto parse = detail::inflected_match(e.lang, variants[entry][word], token);
  if (parse.ok && negative) *negative = *negative || parse.negative;
  return parse.ok;
}

bool Lexicon::word_matches(const PatternWord& word, Lang lang, std::string_view token, bool* negative) const {
  switch (word.kind) {
    case PatternKind::kExact: return token == word.text;
    case PatternKind::kPrefix: return token.substr(0, word.text.size()) == word.text;
    case PatternKind::kRegex:
      return word.regex >= 0 && static_cast<size_t>(word.regex) < impl_->regexes.size() &&
             impl_->regex_full_match(static_cast<size_t>(word.regex), token);
    case PatternKind::kWord: break;
  }
  std::vector<detail::StemVariant> variants;
  detail::stem_variants(lang, word.text, variants);
  auto parse = detail::inflected_match(lang, variants, token);
  if (negative) *negative = parse.negative;
  return parse.ok;
}

void Lexicon::find_matches(const TokenList& tokens, Lang lang, std::vector<Match>& out) const {
  const auto& impl = *impl_;
  const size_t n = tokens.tokens.size();
  // Checks the words after the first; records the match.
  auto extend = [&](unsigned entry, size_t first, bool negative) {
    const Entry& e = impl.entries[entry];
    size_t count = e.words.size();
    if (first + count > n) return;
    unsigned sentence = tokens.tokens[first].sentence;
    for (size_t k = 1; k < count; ++k) {
      const Token& t = tokens.tokens[first + k];
      if (t.sentence != sentence) return;
      const PatternWord& w = e.words[k];
      std::string_view token = tokens.norm(t);
      // An exact word (most phrase words of a plain list) is a comparison; the rest go through word_matches.
      // (Compared inline: words are short, a call to memcmp costs more than the compare.)
      if (w.kind == PatternKind::kExact
              ? token.size() != w.text.size() || !detail::same_bytes(token.data(), w.text.data(), token.size())
              : !impl.word_matches(entry, static_cast<unsigned>(k), token, &negative))
        return;
    }
    out.push_back({entry, static_cast<unsigned>(first), static_cast<unsigned>(first + count - 1), negative});
  };
  // The indexes a language's tokens are looked up in, empty ones left out (a lexicon usually has entries
  // of a few languages only); chosen again only when the language changes between tokens. Which of an
  // index's three parts are empty is noted once here, not asked per token.
  struct Active {
    const Impl::LangIndex* idx;
    bool whole, partial, regex;
  };
  std::array<Active, 2> active{};
  size_t active_count = 0;
  // When every active index has whole-token keys only (a list of exact forms), a token is first checked
  // against their present bitmaps alone, in a loop small enough to keep its state in registers; only the
  // few tokens that pass take the general path below.
  bool whole_only = false;
  const uint64_t* present_a = nullptr;  // the active indexes' bitmaps (the same twice when one is active)
  const uint64_t* present_b = nullptr;
  bool selected = false;
  Lang selected_lang = Lang::kUnknown;
  auto select_indexes = [&](Lang token_lang) __attribute__((noinline)) {
    selected = true;
    selected_lang = token_lang;
    active_count = 0;
    whole_only = true;
    for (const Impl::LangIndex* idx : impl.indexes_for(token_lang))
      if (idx && (!idx->all.empty() || !idx->regex_first.empty())) {
        active[active_count++] = {idx, !idx->whole.empty(), !idx->partial.empty(), !idx->regex_first.empty()};
        whole_only = whole_only && !idx->whole.empty() && idx->partial.empty() && idx->regex_first.empty();
      }
    if (whole_only && active_count > 0) {
      present_a = active[0].idx->whole.present.data();
      present_b = active[active_count - 1].idx->whole.present.data();
    }
  };
  // The unmixed hash of token `carried_for`, computed when the token before it asked for its next word:
  // each token's bytes are hashed at most once.
  uint64_t carried_unmixed = 0;
  size_t carried_for = SIZE_MAX;
  const Token* const toks = tokens.tokens.data();
  const char* const norm = tokens.normalized.data();
  // Every token's key lies in `normalized`: hashed with 16-byte reads, no branch on its length.
  const detail::BufferKeyHasher hasher(tokens.normalized);
  auto unmixed_of = [&](const Token& t) { return hasher.unmixed(t.norm_start, t.norm_end - t.norm_start); };
  // Every part of every active index for token i; `unmixed` is its hash when `hashed`.
  auto match_token = [&](size_t i, std::string_view token, uint64_t unmixed, bool hashed) __attribute__((noinline)) {
    // The next token's hash, computed the first time a phrase candidate asks for it.
    uint64_t next_hash = 0;
    bool hashed_next = false;
    auto next_word_may_match = [&](const Impl::Candidate& c) {
      if (!c.next_word_hash) return true;
      if (!hashed_next) {
        hashed_next = true;
        if (i + 1 < n) {
          carried_unmixed = unmixed_of(toks[i + 1]);
          carried_for = i + 1;
          next_hash = detail::spread_hash(carried_unmixed) | 1;
        }
      }
      return c.next_word_hash == next_hash;
    };
    for (size_t a = 0; a < active_count; ++a) {
      const Active& act = active[a];
      const Impl::LangIndex* idx = act.idx;
      if (act.whole) {
        if (!hashed) {
          hashed = true;
          unmixed = carried_for == i ? carried_unmixed : unmixed_of(toks[i]);
        }
        if (const auto* slot = idx->whole.find_unmixed(token, unmixed)) {
          // A list none of whose second words can be the next token is passed over whole (asking for
          // its first candidate computes next_hash).
          bool may = true;
          if (slot->all_next_words) {
            next_word_may_match(slot->candidates->front());
            may = slot->may_continue(next_hash);
          }
          if (may)
            for (const Impl::Candidate& c : *slot->candidates)
              if (next_word_may_match(c)) extend(c.entry, i, false);
        }
      }
      if (act.partial)
        idx->partial.for_each_prefix(token, [&](std::string_view key, std::string_view rest, const Impl::Candidate& c) {
          if (!next_word_may_match(c)) return;
          bool negative = false;
          bool ok = false;
          const Entry& e = impl.entries[c.entry];
          switch (c.kind) {
            case PatternKind::kExact: ok = rest.empty(); break;
            case PatternKind::kPrefix: ok = true; break;
            case PatternKind::kRegex: break;
            case PatternKind::kWord:
              if (e.lang == Lang::kUnknown) {
                ok = rest.empty();
              } else {
                auto parse = detail::parse_inflection(e.lang, key, c.condition, rest);
                ok = parse.ok;
                negative = parse.negative;
              }
              break;
          }
          if (ok) extend(c.entry, i, negative);
        });
      if (act.regex)
        for (unsigned entry : idx->regex_first) {
          const PatternWord& w = impl.entries[entry].words.front();
          if (impl.regex_full_match(static_cast<size_t>(w.regex), token)) extend(entry, i, false);
        }
    }
  };
  // Token i, of a run whose active indexes all have whole-token keys only, whose present bit is set in
  // one of them: the few tokens that pass the prefilter, without the general path's questions.
  auto match_whole_token = [&](size_t i, uint64_t unmixed) __attribute__((noinline)) {
    const Token& t = toks[i];
    const size_t size = t.norm_end - t.norm_start;
    const std::string_view token(norm + t.norm_start, size);
    uint64_t lo = 0, hi = 0;
    if (size <= 16) [[likely]] hasher.head(t.norm_start, size, lo, hi);
    const uint64_t spread = detail::spread_hash(unmixed);
    const size_t bit = Impl::WholeKeys::present_bit(unmixed);
    uint64_t next_hash = 0;  // the next token's spread hash | 1, once a list asks for it; 0 at the end
    bool hashed_next = false;
    for (size_t a = 0; a < active_count; ++a) {
      const Impl::WholeKeys& whole = active[a].idx->whole;
      if (active_count > 1 && !((whole.present[bit / 64] >> (bit % 64)) & 1u)) continue;
      const Impl::WholeKeys::Slot* slot = whole.find_spread(token, spread, lo, hi);
      if (!slot) continue;
      if (!hashed_next) {
        hashed_next = true;
        if (i + 1 < n) next_hash = detail::spread_hash(unmixed_of(toks[i + 1])) | 1;
      }
      // A list none of whose second words can be the next token is passed over whole.
      if (!slot->may_continue(next_hash)) continue;
      for (const Impl::Candidate& c : *slot->candidates)
        if (!c.next_word_hash || c.next_word_hash == next_hash) extend(c.entry, i, false);
    }
  };
  for (size_t i = 0; i < n;) {
    const Token& current = toks[i];
    // Each token is matched with its own paragraph's language (the document's when it has none).
    const Lang token_lang = current.lang == Lang::kUnknown ? lang : current.lang;
    if (token_lang != selected_lang || !selected) select_indexes(token_lang);
    if (active_count == 0) {
      ++i;
      continue;
    }
    if (!whole_only) {
      match_token(i, tokens.norm(current), 0, false);
      ++i;
      continue;
    }
    // The run of tokens of this language, each checked against the present bitmaps alone, with the
    // loop's state in locals (registers) rather than in the variables match_token shares.
    const uint64_t* const in_a = present_a;
    const uint64_t* const in_b = present_b;
    // The token languages of the run, one bit each: its own, and kUnknown when the document's is it.
    static_assert(kLangCount <= 32);
    const uint32_t run_langs = (1u << static_cast<unsigned>(token_lang)) | (lang == token_lang ? 1u : 0u);
    const detail::BufferKeyHasher run_hasher = hasher;
    const Token* t = toks + i;
    for (const Token* const end = toks + n; t != end; ++t) {
      if (!((run_langs >> static_cast<unsigned>(t->lang)) & 1u)) break;
      const uint64_t unmixed = run_hasher.unmixed(t->norm_start, t->norm_end - t->norm_start);
      const size_t bit = Impl::WholeKeys::present_bit(unmixed);
      if (((in_a[bit / 64] | in_b[bit / 64]) >> (bit % 64)) & 1u)
        match_whole_token(static_cast<size_t>(t - toks), unmixed);
    }
    i = static_cast<size_t>(t - toks);
  }
}

namespace {

std::string_view condition_text(detail::StemCondition c) {
  switch (c) {
    case detail::StemCondition::kNone: return "stem";
    case detail::StemCondition::kNextVowel: return "stem alternant used before a vowel";
    case detail::StemCondition::kDroppedVowel: return "stem without its last vowel, before a vowel";
    case detail::StemCondition::kCompoundHead: return "compound head without its possessive";
    case detail::StemCondition::kNextYor: return "stem narrowed before -yor";
    case detail::StemCondition::kEnIes: return "stem with y changed to i";
    case detail::StemCondition::kEnDropE: return "stem without its final e";
    case detail::StemCondition::kEnDoubled: return "stem with its last consonant doubled";
  }
  return "stem";
}

}  // namespace

void Lexicon::explain(const TokenList& tokens, Lang lang, std::vector<Explanation>& out) const {
  const auto& impl = *impl_;
  const size_t n = tokens.tokens.size();
  for (size_t i = 0; i < n; ++i) {
    std::string_view token = tokens.norm(tokens.tokens[i]);
    Lang token_lang = tokens.tokens[i].lang == Lang::kUnknown ? lang : tokens.tokens[i].lang;
    for (const Impl::LangIndex* idx : impl.indexes_for(token_lang)) {
      if (!idx) continue;
      idx->all.for_each_prefix(token, [&](std::string_view key, std::string_view rest, const Impl::Candidate& c) {
        const Entry& e = impl.entries[c.entry];
        Explanation x{c.entry, static_cast<unsigned>(i), static_cast<unsigned>(i), false, {}};
        bool ok = false;
        switch (c.kind) {
          case PatternKind::kExact:
            ok = rest.empty();
            x.reason = ok ? fmt::format("'{}' is the exact form '={}'", token, key)
                          : fmt::format("'{}' is not the exact form '={}'", token, key);
            break;
          case PatternKind::kPrefix:
            ok = true;
            x.reason = fmt::format("'{}' starts with the prefix '{}*'", token, key);
            break;
          case PatternKind::kRegex: break;
          case PatternKind::kWord:
            if (e.lang == Lang::kUnknown) {
              ok = rest.empty();
              x.reason = ok ? fmt::format("'{}' equals the word (no inflection for language-neutral entries)", token)
                            : fmt::format("'{}' is not the word '{}' (no inflection for language-neutral entries)",
                                          token, key);
            } else {
              auto parse = detail::parse_inflection(e.lang, key, c.condition, rest);
              ok = parse.ok;
              std::string how = fmt::format("{} '{}'", condition_text(c.condition), key);
              if (rest.empty())
                x.reason = ok ? fmt::format("'{}' is the {}", token, how)
                              : fmt::format("'{}' needs an ending after the {}", token, how);
              else if (rest.front() == '\'' && ok)
                x.reason = fmt::format("'{}' is the {} + a suffix after an apostrophe", token, how);
              else
                x.reason = fmt::format("'{}' is the {} + '{}', {} {} ending{}", token, how, rest,
                                       ok ? "a valid" : "not a valid", lang_code(e.lang),
                                       parse.negative ? " (negative verb form)" : "");
            }
            break;
        }
        if (ok && e.words.size() > 1) {
          bool negative = false;
          size_t k = 1;
          for (; k < e.words.size(); ++k) {
            if (i + k >= n || tokens.tokens[i + k].sentence != tokens.tokens[i].sentence ||
                !impl.word_matches(c.entry, static_cast<unsigned>(k), tokens.norm(tokens.tokens[i + k]), &negative))
              break;
          }
          if (k < e.words.size()) {
            ok = false;
            x.reason += fmt::format(
                "; but word {} of the phrase ('{}') does not match {}", k + 1, e.words[k].text,
                i + k < n ? fmt::format("'{}'", tokens.norm(tokens.tokens[i + k])) : std::string("(end of text)"));
          } else {
            x.last = static_cast<unsigned>(i + k - 1);
            x.reason += "; the rest of the phrase matches";
          }
        }
        x.matched = ok;
        out.push_back(std::move(x));
      });
      for (unsigned entry : idx->regex_first) {
        const PatternWord& w = impl.entries[entry].words.front();
        if (impl.regex_full_match(static_cast<size_t>(w.regex), token))
          out.push_back({entry, static_cast<unsigned>(i), static_cast<unsigned>(i),
                         impl.entries[entry].words.size() == 1,
                         fmt::format("'{}' matches the expression re:{}", token, w.text)});
      }
    }
  }
}

}  // namespace tamga
