// Minimal JSON writing into a string: escaping and numbers, no allocation beyond the output.
#pragma once
#include <string>
#include <string_view>

namespace tamga::detail {

void append_json_string(std::string& out, std::string_view s);
// Shortest form, rounded to 4 decimals so records are stable across platforms.
void append_json_number(std::string& out, double v);

}  // namespace tamga::detail
