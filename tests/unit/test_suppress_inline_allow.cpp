// Unit tests for suppress/inline_allow: same-line markers, allow-next-line on the line above, and
// the blob-wide precheck that lets blobs without any marker skip the per-finding search.
#include <catch2/catch.hpp>

#include <string>

#include "suppress/inline_allow.h"

using namespace aaiscan;

namespace {
size_t at(const std::string& text, const std::string& what) { return text.find(what); }
}  // namespace

TEST_CASE("inline allow: markers on the finding's line or the line above") {
    std::string text =
        "key = \"AAA\"  # aaiscan:allow\n"
        "other = \"BBB\"\n"
        "# aaiscan:allow-next-line\n"
        "third = \"CCC\"\n"
        "fourth = \"DDD\"  // aaiscan:allow-next-line\n"
        "token = \"EEE\"  # pragma: allowlist secret\n";
    CHECK(has_inline_allow(text, at(text, "AAA"), at(text, "AAA") + 3));
    CHECK_FALSE(has_inline_allow(text, at(text, "BBB"), at(text, "BBB") + 3));
    CHECK(has_inline_allow(text, at(text, "CCC"), at(text, "CCC") + 3));
    // allow-next-line on the finding's own line does not allow that line.
    CHECK_FALSE(has_inline_allow(text, at(text, "DDD"), at(text, "DDD") + 3));
    CHECK(has_inline_allow(text, at(text, "EEE"), at(text, "EEE") + 3));
}

TEST_CASE("inline allow: the blob precheck sees every marker and nothing else") {
    CHECK(may_hold_inline_allow("x = 1 # aaiscan:allow"));
    CHECK(may_hold_inline_allow("x = 1 # gitleaks:allow"));
    CHECK(may_hold_inline_allow("x = 1 # pragma: allowlist secret"));
    CHECK(may_hold_inline_allow("# aaiscan:allow-next-line\nx = 1"));
    CHECK_FALSE(may_hold_inline_allow("my card is 4111 1111 1111 1111, call me at 555 0100"));
    CHECK_FALSE(may_hold_inline_allow(""));
    // Whenever the precheck says no, no position of the text has a marker.
    std::string plain = "alpha beta\ngamma allo w delta\n";
    REQUIRE_FALSE(may_hold_inline_allow(plain));
    for (size_t i = 0; i + 1 < plain.size(); ++i) CHECK_FALSE(has_inline_allow(plain, i, i + 1));
}
