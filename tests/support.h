// Helpers shared by the tests.
#pragma once
#include <memory>
#include <string>
#include <string_view>

#include "tamga/tamga.h"

namespace tamga::test {

// Compiles lexicon text; fails the test if it has errors.
std::shared_ptr<const Lexicon> lexicon_from(std::string_view tsv, Lang lang);

// Scans `text` with `lexicon` as language `lang`.
Document scan_text(const std::shared_ptr<const Lexicon>& lexicon, std::string_view text, Lang lang);

// Surfaces of the hits of one technique (all techniques when `technique` is empty), in order.
std::string surfaces(const Document& doc, std::string_view technique = {});

// Encodes UTF-8 text into a legacy encoding with ICU (for decoding tests).
std::string encode(std::string_view utf8, const char* encoding);

}  // namespace tamga::test
