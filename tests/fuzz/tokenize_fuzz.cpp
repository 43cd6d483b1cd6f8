// Normalization and tokenization for each language: tokens in order on code point boundaries, their keys
// the same as folding each token alone, sentence numbers reproducible from the text (as records are read
// back), and the whole-text normalization's map back to the original in range and in order.
#include <memory>

#include "fuzz_support.h"
#include "tamga/decode.h"
#include "tamga/normalize.h"
#include "tamga/tokenize.h"

namespace {

std::unique_ptr<tamga::Tokenizer> tokenizer;
tamga::Normalizer* normalizer;

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  auto created = tamga::Tokenizer::create();
  FUZZ_CHECK(created.ok());
  tokenizer = std::move(created).value();
  normalizer = new tamga::Normalizer();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace tamga;
  fuzz::InputReader in(data, size);
  const auto lang = static_cast<Lang>(in.byte() % kLangCount);
  // The tokenizer takes valid UTF-8, which decoding guarantees.
  DecodeOptions utf8;
  utf8.encoding = "utf-8";
  utf8.max_warnings = 0;
  auto decoded = decode(in.rest(), utf8);
  FUZZ_CHECK(decoded.ok());
  const std::string& text = decoded->text;

  TokenList list;
  tokenizer->tokenize(text, lang, list);
  fuzz::check_tokens(text, list);

  std::string key;
  for (const Token& t : list.tokens) {
    FUZZ_CHECK(t.lang == lang);
    std::string_view surface = std::string_view(text).substr(t.start, t.end - t.start);
    key.clear();
    bool mixed = normalizer->fold_token(surface, lang, key);
    FUZZ_CHECK(key == list.norm(t));
    FUZZ_CHECK(mixed == t.mixed_script);
    FUZZ_CHECK(mixes_scripts(surface) == t.mixed_script);
  }

  TokenList reread = list;
  assign_sentences(text, reread);
  for (size_t i = 0; i < list.tokens.size(); ++i) FUZZ_CHECK(reread.tokens[i].sentence == list.tokens[i].sentence);

  // The same text tokenized in two segments keeps every offset relative to the whole text.
  size_t middle = text.size() / 2;
  while (middle < text.size() && !fuzz::on_boundary(text, middle)) ++middle;
  TokenList halves;
  tokenizer->append(text, 0, middle, lang, halves);
  tokenizer->append(text, middle, text.size(), Lang::kEn, halves);
  fuzz::check_tokens(text, halves);

  Normalizer::Mapped mapped = normalizer->normalize_mapped(text, lang);
  FUZZ_CHECK(fuzz::valid_utf8(mapped.normalized));
  FUZZ_CHECK(mapped.offsets.size() == mapped.normalized.size() + 1);
  FUZZ_CHECK(mapped.offsets.back() == text.size());
  unsigned previous = 0;
  for (unsigned offset : mapped.offsets) {
    FUZZ_CHECK(offset >= previous && offset <= text.size());
    FUZZ_CHECK(fuzz::on_boundary(text, offset));
    previous = offset;
  }
  return 0;
}
