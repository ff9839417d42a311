// Replays every input kept under tests/fuzz/regressions/<target>/ (crashers the fuzzers found,
// and hand-made hostile inputs) through the same entry function the libFuzzer target calls
// (tests/fuzz/fuzz_entries.h), so the normal suite guards the fixes without needing clang.
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>

#include "../fuzz/fuzz_entries.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace aaiscan;

TEST_CASE("fuzz regressions: every kept input runs through its target's entry cleanly") {
    fs::path dir = fs::path(AAISCAN_SOURCE_DIR) / "tests/fuzz/regressions";
    std::map<std::string, void (*)(std::string_view)> by_name;
    for (const auto& entry : fuzz::entries()) by_name[entry.name] = entry.run;
    size_t replayed = 0;
    for (const auto& target : fs::directory_iterator(dir)) {
        std::string name = target.path().filename().string();
        INFO("regressions/" << name << " names no fuzz target in fuzz_entries.h");
        REQUIRE(by_name.count(name) == 1);
        for (const auto& file : fs::directory_iterator(target.path())) {
            if (!file.is_regular_file() || file.path().filename() == "README.md") continue;
            std::string data = testing::read_file(file.path());
            INFO("replaying " << file.path().string());
            try {
                by_name[name](data);
            } catch (const std::exception& e) {
                FAIL("threw " << e.what());
            }
            ++replayed;
        }
    }
    CHECK(replayed > 0);
}

TEST_CASE("fuzz regressions: the entries detect broken invariants (the replay can fail)") {
    CHECK(fuzz::has_control("a\x1b[31mb", false));
    CHECK(fuzz::has_control("\xc2\x9b", true));
    CHECK_FALSE(fuzz::has_control("line\nnext \xc2\xa0 \xe2\x80\xa6", true));
    std::vector<Finding> findings(1);
    Rule rule;
    findings[0].rule = &rule;
    findings[0].secret = "not-in-text";
    findings[0].line = findings[0].column = findings[0].end_line = findings[0].end_column = 1;
    CHECK_THROWS_AS(fuzz::check_findings("some text", findings), fuzz::InvariantViolation);
}
