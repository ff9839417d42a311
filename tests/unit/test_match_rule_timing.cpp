// Unit tests for match/rule_timing: the fixed corpus is deterministic, and timings count hits.
#include <catch2/catch.hpp>

#include "match/rule_timing.h"
#include "test_support.h"

using namespace aaiscan;
using namespace aaiscan::testing;

TEST_CASE("rule timing: a deterministic corpus, hits counted per rule") {
    std::string a = timing_corpus(1 << 16);
    CHECK(a.size() == 1u << 16);
    CHECK(a == timing_corpus(1 << 16));
    RuleSet rules;
    rules.add(parse_rule_file(one_rule("often", "checksum: [0-9a-f]{32}") + one_rule("never", "zzqq_[0-9]{8}").substr(7),
                              "t.yaml"));
    auto timings = time_rules(rules, a, 1);
    REQUIRE(timings.size() == 2);
    CHECK(timings[0].hits > 10);
    CHECK(timings[1].hits == 0);
    CHECK(timings[0].prefilter_mbps > 0);
    CHECK(timings[0].error.empty());
}
