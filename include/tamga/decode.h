// Decoding input bytes into UTF-8 text: validation, byte-order marks, legacy encodings.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "tamga/status.h"

namespace tamga {

struct Diagnostic {
  std::string code;     // stable, machine-readable: "invalid-utf8", "encoding-detected", ...
  std::string message;  // for people; names the byte offset where it applies
  long long byte = -1;  // byte offset in the input bytes, when the problem has a place
};

struct DecodedText {
  std::string text;       // valid UTF-8; offsets in records refer to it
  std::string encoding;   // what was used: "UTF-8", "UTF-16LE", "windows-1254", ...
  std::vector<Diagnostic> warnings;
};

struct DecodeOptions {
  std::string encoding;  // empty or "auto": detect; otherwise an ICU converter name
  size_t max_warnings = 20;
};

// True when the first bytes look like a binary file (NUL bytes not explained by a UTF-16/32 BOM).
bool looks_binary(std::string_view bytes);

// Never fails on content: invalid UTF-8 becomes U+FFFD with a warning naming its byte offset.
// Fails only when the requested encoding name is unknown.
Result<DecodedText> decode(std::string_view bytes, const DecodeOptions& options = {});

}  // namespace tamga
