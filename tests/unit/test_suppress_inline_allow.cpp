// Unit tests for suppress/inline_allow: same-line markers, allow-next-line on the line above, and
// the blob-wide precheck that lets blobs without any marker skip the per-finding search.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

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
    // The word in prose is not a marker: transcripts say "allow" all the time.
    CHECK_FALSE(may_hold_inline_allow("we allow refunds, allowances and allowlists"));
    // Whenever the precheck says no, no position of the text has a marker.
    std::string plain = "alpha beta\ngamma allo w delta\n";
    REQUIRE_FALSE(may_hold_inline_allow(plain));
    for (size_t i = 0; i + 1 < plain.size(); ++i) CHECK_FALSE(has_inline_allow(plain, i, i + 1));
}

TEST_CASE("inline allow: the marker index answers like the line search, near and far") {
    // Long lines (a transcript on one line) with markers at various distances from findings.
    std::mt19937 rng(7);
    const std::vector<std::string> pieces = {"word ", "allow ", "\n", "# aaiscan:allow ", "# aaiscan:allow-next-line\n",
                                             "pragma: allowlist secret ", std::string(3000, 'x'), "key=AAA "};
    for (int round = 0; round < 200; ++round) {
        std::string text;
        for (int i = 0; i < 40; ++i) text += pieces[rng() % pieces.size()];
        InlineAllowMarkers markers(text);
        CHECK(markers.empty() == !may_hold_inline_allow(text));
        for (size_t begin = 0; begin < text.size(); begin += 97) {
            size_t end = std::min(text.size(), begin + 1 + rng() % 40);
            INFO("round " << round << " begin " << begin);
            CHECK(markers.allows(begin, end) == has_inline_allow(text, begin, end));
        }
    }
}
