// Languages and scripts tamga knows.
#pragma once
#include <optional>
#include <string_view>

namespace tamga {

enum class Lang : unsigned char { kUnknown, kEn, kTr, kAz, kKk, kKy, kUz, kTk };
enum class Script : unsigned char { kUnknown, kLatin, kCyrillic, kOther };

inline constexpr int kLangCount = 8;

std::string_view lang_code(Lang lang);      // "en", "tr", ..., "und" for unknown
std::optional<Lang> parse_lang(std::string_view code);
std::string_view script_code(Script s);      // ISO 15924: "Latn", "Cyrl", "Zyyy", "Zzzz"
// Turkish and Azerbaijani fold I to dotless ı and İ to i.
inline bool uses_turkic_casing(Lang lang) { return lang == Lang::kTr || lang == Lang::kAz; }
bool is_turkic(Lang lang);

}  // namespace tamga
