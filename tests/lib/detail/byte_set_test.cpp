#include "detail/byte_set.h"

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

using tamga::detail::ByteSet;

TEST_CASE("a byte set finds the first of its bytes at every offset, as a byte-by-byte search does") {
  // Sets of one to six bytes, with and without a `below` range, over random text where the bytes are
  // rare, searched from every start: the sixteen- and thirty-two-byte steps and the tail must agree
  // with the plain loop.
  std::mt19937 random(7);
  const std::vector<std::pair<std::vector<unsigned char>, unsigned char>> sets = {
      {{'"'}, 0}, {{'"', '\\'}, 0}, {{'"', '\'', 0xC2, 0xE2}, 0}, {{'"', '\'', '\n', 0xC2, 0xE2}, 0},
      {{'"', '\\', 0x7F, 0xC2, 0xE2}, 0x20}, {{'a', 'b', 'c', 'd', 'e', 'f'}, 0}, {{}, 0x20}};
  for (const auto& [bytes, below] : sets) {
    std::vector<bool> member(256, false);
    for (unsigned b = 0; b < below; ++b) member[b] = true;
    for (unsigned char b : bytes) member[b] = true;
    ByteSet built = [&] {
      switch (bytes.size()) {
        case 0: return ByteSet({}, below);
        case 1: return ByteSet({bytes[0]}, below);
        case 2: return ByteSet({bytes[0], bytes[1]}, below);
        case 4: return ByteSet({bytes[0], bytes[1], bytes[2], bytes[3]}, below);
        case 5: return ByteSet({bytes[0], bytes[1], bytes[2], bytes[3], bytes[4]}, below);
        default: return ByteSet({bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5]}, below);
      }
    }();
    for (int round = 0; round < 40; ++round) {
      std::string text(1 + random() % 100, 'x');
      for (char& c : text) {
        unsigned r = random() % 64;
        c = static_cast<char>(r == 0 && !bytes.empty() ? bytes[random() % bytes.size()] : r == 1 ? random() % 256 : 'g' + r % 10);
      }
      for (size_t from = 0; from <= text.size(); ++from) {
        size_t expected = from;
        while (expected < text.size() && !member[static_cast<unsigned char>(text[expected])]) ++expected;
        CAPTURE(text);
        CAPTURE(from);
        REQUIRE(built.find(text, from) == expected);
      }
    }
  }
  // The empty set finds nothing, not even NUL.
  CHECK(ByteSet({}).find(std::string(40, '\0'), 0) == 40);
}
