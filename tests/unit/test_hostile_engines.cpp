// The two match engines (Hyperscan prefilter + RE2 confirm, and RE2 only) must agree, also on
// matches longer than a rule's window: the fuzzer found the RE2-only engine reporting a bundle key
// 771 bytes after its AssemblyAI mention, beyond the rule's max_width of 600 that Hyperscan
// honours. Also the whole fixture tree through both engines with the default rules.
#include <catch2/catch.hpp>

#include "../fuzz/fuzz_entries.h"
#include "test_support.h"

using namespace aaiscan;
using namespace aaiscan::testing;

namespace {

std::vector<RuleMatch> find(const InlineRules& r, const std::string& text) {
    auto scratch = r.matcher->make_scratch();
    std::vector<RuleMatch> out;
    r.matcher->find(Scope::code, text, *scratch, out);
    return out;
}

}  // namespace

TEST_CASE("hostile engines: no engine reports a match longer than the rule's window") {
    const std::string rule = one_rule("near.key", "vendor[^\\\\n]*?key=(?P<secret>[0-9a-f]{8})", "    max_width: 60\n");
    InlineRules hs(rule, MatchEngine::hyperscan);
    InlineRules re(rule, MatchEngine::re2);
    std::string far = "vendor" + std::string(100, '_') + "key=deadbeef";
    std::string near = "vendor" + std::string(100, '_') + " vendor key=deadbeef";
    for (const InlineRules* r : {&hs, &re}) {
        CHECK(find(*r, far).empty());
        auto matches = find(*r, near);
        REQUIRE(matches.size() == 1);  // the later mention fits in the window
        CHECK(matches[0].begin == near.rfind("vendor"));
    }
}

TEST_CASE("hostile engines: both engines agree on every fixture and rule file, in every scope") {
    namespace fs = std::filesystem;
    size_t files = 0;
    for (const char* root : {"fixtures", "rules"}) {
        for (const auto& e : fs::recursive_directory_iterator(fs::path(AAISCAN_SOURCE_DIR) / root)) {
            if (!e.is_regular_file() || e.file_size() > (1u << 20)) continue;
            INFO(e.path().string());
            std::string data = read_file(e.path());
            try {
                fuzz::fuzz_engines(data);
            } catch (const fuzz::InvariantViolation& v) {
                FAIL(v.what());
            }
            ++files;
        }
    }
    CHECK(files > 20);
}
