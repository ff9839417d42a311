// The Catch2 (v2, header-only) test runner main for aaiscan_unit_tests, under the same
// character-type locale as the aaiscan binary (util/utf8_locale.h).
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include "util/utf8_locale.h"

int main(int argc, char* argv[]) {
    aaiscan::use_utf8_character_type();
    return Catch::Session().run(argc, argv);
}
