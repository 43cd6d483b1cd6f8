// Differential check of the tokenizer's fast path against ICU word segmentation: reads text files (one
// document per line, or whole files with --whole), segments each with both, and reports every
// difference in word boundaries or number/word status. Exit status 1 when any difference is found.
//   usage: tamga_tokenizer_diff [--whole] FILE...
#include <unicode/brkiter.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "detail/word_segments.h"
#include "tamga/decode.h"

int main(int argc, char** argv) {
  bool whole = false;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--whole") whole = true;
    else files.push_back(a);
  }
  if (files.empty()) {
    std::cerr << "usage: tamga_tokenizer_diff [--whole] FILE...\n";
    return 2;
  }
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> words(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), err));
  if (U_FAILURE(err)) {
    std::cerr << "cannot create ICU word break iterator\n";
    return 2;
  }
  UText buffer = UTEXT_INITIALIZER;
  std::vector<tamga::detail::WordSegment> fast, icu;
  size_t units = 0, fast_units = 0, differences = 0, bytes = 0, fast_bytes = 0, segments = 0;
  auto check = [&](const std::string& name, size_t line_no, std::string_view text) {
    ++units;
    bytes += text.size();
    if (!tamga::detail::fast_word_segments(text, 0, text.size(), fast)) return;
    ++fast_units;
    fast_bytes += text.size();
    tamga::detail::icu_word_segments(*words, buffer, text, 0, text.size(), icu);
    segments += icu.size();
    bool same = fast.size() == icu.size();
    for (size_t k = 0; same && k < fast.size(); ++k)
      same = fast[k].start == icu[k].start && fast[k].end == icu[k].end && fast[k].numeric == icu[k].numeric;
    if (same) return;
    if (++differences <= 20) {
      std::cerr << name << ":" << line_no << ": fast path and ICU differ\n";
      size_t k = 0;
      while (k < fast.size() && k < icu.size() && fast[k].start == icu[k].start && fast[k].end == icu[k].end &&
             fast[k].numeric == icu[k].numeric)
        ++k;
      auto show = [&](const char* who, const std::vector<tamga::detail::WordSegment>& v) {
        std::cerr << "  " << who << ":";
        for (size_t j = k; j < v.size() && j < k + 4; ++j)
          std::cerr << " [" << text.substr(v[j].start, v[j].end - v[j].start) << (v[j].numeric ? "|num" : "") << "]";
        std::cerr << "\n";
      };
      show("fast", fast);
      show("icu ", icu);
    }
  };
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    if (!in) {
      std::cerr << f << ": cannot open\n";
      return 2;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    auto decoded = tamga::decode(ss.str());
    if (!decoded.ok()) {
      std::cerr << f << ": " << decoded.status().message() << "\n";
      return 2;
    }
    const std::string& text = decoded.value().text;
    if (whole) {
      check(f, 1, text);
      continue;
    }
    size_t line_no = 0, start = 0;
    while (start < text.size()) {
      size_t nl = text.find('\n', start);
      if (nl == std::string::npos) nl = text.size();
      check(f, ++line_no, std::string_view(text).substr(start, nl - start));
      start = nl + 1;
    }
  }
  utext_close(&buffer);
  std::printf("units %zu (%zu bytes); fast path took %zu (%zu bytes, %.1f%%); %zu ICU word segments compared; %zu differences\n",
              units, bytes, fast_units, fast_bytes, bytes ? 100.0 * static_cast<double>(fast_bytes) / static_cast<double>(bytes) : 0.0,
              segments, differences);
  return differences == 0 ? 0 : 1;
}
