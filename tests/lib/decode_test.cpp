#include <doctest/doctest.h>
#include "tamga/decode.h"
TEST_CASE("placeholder") { CHECK(tamga::decode("abc").ok()); }
