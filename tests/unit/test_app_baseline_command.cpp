// Unit tests for app/baseline_command: create records every unsuppressed finding; update prunes
// what is gone and adds new findings only with --add-new; an incomplete scan writes nothing.
#include <catch2/catch.hpp>

#include <iostream>
#include <sstream>

#include "app/baseline_command.h"
#include "test_git_support.h"

using namespace aaiscan;
using namespace aaiscan::testing;

namespace {

const std::string k_key1 = "ASSEMBLYAI_API_KEY = \"4c3b1e0f9a8d7c6b5a4f3e2d1c0b9a8f\"\n";
const std::string k_key2 = "ASSEMBLYAI_API_KEY = \"9f8e7d6c5b4a39281706f5e4d3c2b1a0\"\n";

// Captures std::cerr for its lifetime (restored even when the command throws).
struct CaptureStderr {
    std::ostringstream sink;
    std::streambuf* old = std::cerr.rdbuf(sink.rdbuf());
    ~CaptureStderr() { std::cerr.rdbuf(old); }
};

int run(BaselineCommandOptions options, std::string* err = nullptr) {
    options.scan.no_config = true;
    CaptureStderr capture;
    int code = execute_baseline(options);
    if (err) *err = capture.sink.str();
    return code;
}

BaselineCommandOptions options_for(const TempRepo& r, const std::string& file, bool update = false) {
    BaselineCommandOptions o;
    o.scan.paths = {r.str()};
    o.file = file;
    o.update = update;
    return o;
}

}  // namespace

TEST_CASE("baseline command: create, then update prunes and adds only when asked") {
    TempRepo r;
    r.write("a.py", k_key1);
    r.write("b.py", k_key2);
    r.write("c.py", "x = 1  # " + k_key2.substr(0, k_key2.size() - 1) + "  aaiscan:allow\n");
    r.commit("init");
    std::string file = (r.dir / "baseline.json").string();
    REQUIRE(run(options_for(r, file)) == 0);
    Baseline created = Baseline::load(file);
    CHECK(created.size() == 2);  // the inline-allowed one needs no entry
    CHECK(created.contains(compute_fingerprint("assemblyai.api-key.assignment", "a.py", "4c3b1e0f9a8d7c6b5a4f3e2d1c0b9a8f")));

    r.write("a.py", "x = 1\n");  // key 1 removed
    r.write("d.py", k_key1);     // and reappears elsewhere: a new finding
    std::string err;
    REQUIRE(run(options_for(r, file, true), &err) == 0);
    Baseline updated = Baseline::load(file);
    CHECK(updated.size() == 1);
    CHECK(updated.contains(compute_fingerprint("assemblyai.api-key.assignment", "b.py", "9f8e7d6c5b4a39281706f5e4d3c2b1a0")));
    CHECK(err.find("1 removed") != std::string::npos);
    CHECK(err.find("1 new findings not added") != std::string::npos);

    BaselineCommandOptions add = options_for(r, file, true);
    add.add_new = true;
    REQUIRE(run(add) == 0);
    CHECK(Baseline::load(file).size() == 2);
}

TEST_CASE("baseline command: an incomplete scan writes nothing") {
    TempRepo r;
    r.write("a.py", k_key1);
    std::string file = (r.dir / "baseline.json").string();
    BaselineCommandOptions create = options_for(r, file);
    create.scan.paths.push_back((r.dir / "vanished").string());  // asked for, cannot be read
    CHECK(run(create) == 2);
    CHECK_FALSE(std::filesystem::exists(file));
    REQUIRE(run(options_for(r, file)) == 0);
    BaselineCommandOptions update = options_for(r, file, true);
    update.scan.paths.push_back((r.dir / "vanished").string());
    CHECK(run(update) == 2);
    CHECK(Baseline::load(file).size() == 1);  // not pruned by a partial scan
}

TEST_CASE("baseline command: updating a missing or invalid file is an error") {
    TempRepo r;
    std::string file = (r.dir / "baseline.json").string();
    CHECK_THROWS_WITH(run(options_for(r, file, true)), Catch::Contains("cannot read baseline file"));
    write_file(file, "{}");
    CHECK_THROWS_WITH(run(options_for(r, file, true)), Catch::Contains("not a baseline file"));
}
