// Word segmentation (Unicode UAX #29 as ICU's root rules apply it): the byte ranges of words and
// numbers, without the spaces and punctuation between them.
#pragma once
#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <string_view>
#include <vector>

namespace tamga::detail {

struct WordSegment {
  unsigned start = 0, end = 0;  // byte offsets in the text passed in
  bool numeric = false;         // ICU's UBRK_WORD_NUMBER status (the segment ends in a digit)
};

// The fast path: text[begin, end) made only of characters whose word-break class is simple (Latin and
// Cyrillic letters, ASCII digits, common punctuation and spaces) is segmented here, exactly as ICU
// would. Returns false, leaving `out` unspecified, for text with anything else (combining marks, format
// characters, emoji, other scripts): then ICU must segment it.
bool fast_word_segments(std::string_view text, size_t begin, size_t end, std::vector<WordSegment>& out);

// ICU's word break iterator over text[begin, end); `text_buffer` is reused between calls.
void icu_word_segments(icu::BreakIterator& words, UText& text_buffer, std::string_view text, size_t begin, size_t end,
                       std::vector<WordSegment>& out);

}  // namespace tamga::detail
