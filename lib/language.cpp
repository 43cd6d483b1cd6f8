#include "tamga/language.h"

#include <array>

namespace tamga {
namespace {
constexpr std::array<std::string_view, kLangCount> kCodes{"und", "en", "tr", "az", "kk", "ky", "uz", "tk"};
}

std::string_view lang_code(Lang lang) { return kCodes[static_cast<size_t>(lang)]; }

std::optional<Lang> parse_lang(std::string_view code) {
  for (size_t i = 1; i < kCodes.size(); ++i) {
    if (kCodes[i] == code) return static_cast<Lang>(i);
  }
  return std::nullopt;
}

std::string_view script_code(Script s) {
  switch (s) {
    case Script::kLatin: return "Latn";
    case Script::kCyrillic: return "Cyrl";
    case Script::kOther: return "Zyyy";
    case Script::kUnknown: break;
  }
  return "Zzzz";
}

bool is_turkic(Lang lang) {
  switch (lang) {
    case Lang::kTr: case Lang::kAz: case Lang::kKk: case Lang::kKy: case Lang::kUz: case Lang::kTk: return true;
    default: return false;
  }
}

}  // namespace tamga
