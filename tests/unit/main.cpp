// The Catch2 (v2, header-only) test runner main for aaiscan_unit_tests.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
