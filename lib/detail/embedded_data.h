// Language data from data/, embedded at build time (cmake/EmbedData.cmake).
#pragma once
#include <span>
#include <string_view>

namespace tamga::detail {

struct EmbeddedFile {
  std::string_view path;     // relative to data/, e.g. "morphology/tr.txt"
  std::string_view content;
};

std::span<const EmbeddedFile> embedded_files();

// The content of one embedded file, or empty when there is none.
inline std::string_view embedded_file(std::string_view path) {
  for (const auto& f : embedded_files())
    if (f.path == path) return f.content;
  return {};
}

}  // namespace tamga::detail
