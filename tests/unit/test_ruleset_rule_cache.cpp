// Unit tests for ruleset/rule_cache: parsed rules round-trip through the binary cache, and a
// damaged or foreign entry is never used.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include "ruleset/rule_cache.h"
#include "ruleset/rule_set.h"
#include "test_support.h"

using namespace aaiscan;
using namespace aaiscan::testing;

TEST_CASE("rule cache: every embedded rule survives serialisation unchanged") {
    auto sources = embedded_rule_sources();
    auto parsed = parse_rule_sources(sources, sources.size(), "");
    auto round = deserialize_rules(serialize_rules(parsed));
    REQUIRE(round);
    REQUIRE(round->size() == parsed.size());
    for (size_t g = 0; g < parsed.size(); ++g) {
        REQUIRE((*round)[g].size() == parsed[g].size());
        for (size_t i = 0; i < parsed[g].size(); ++i) {
            const Rule& a = parsed[g][i];
            const Rule& b = (*round)[g][i];
            CHECK(a.id == b.id);
            CHECK(a.pattern == b.pattern);
            CHECK(a.prefilter == b.prefilter);
            CHECK(a.prefilter_origin.line == b.prefilter_origin.line);
            CHECK(a.max_width == b.max_width);
            CHECK(a.scopes == b.scopes);
            CHECK(a.severity == b.severity);
            CHECK(a.validators == b.validators);
            CHECK(a.examples == b.examples);
            CHECK(a.context.require == b.context.require);
            CHECK(a.context.lines == b.context.lines);
            CHECK(a.min_entropy == b.min_entropy);
            CHECK(a.paths == b.paths);
            CHECK(a.condition == b.condition);
            CHECK(a.pattern_origin.line == b.pattern_origin.line);
        }
    }
}

TEST_CASE("rule cache: entries are reused, and ignored when damaged or changed") {
    TempDir dir;
    std::string cache = dir.str();
    std::vector<RuleSource> sources = {{"a.yaml", one_rule("a.rule", "aaa[0-9]{4}")}};
    std::string key = rule_sources_key(sources);
    CHECK_FALSE(read_rule_cache(cache, key));
    auto parsed = parse_rule_sources(sources, 0, cache);
    auto cached = read_rule_cache(cache, key);
    REQUIRE(cached);
    CHECK((*cached)[0][0].id == "a.rule");
    // Another text has another key.
    sources[0].text += "\n";
    CHECK(rule_sources_key(sources) != key);
    // Damage the entry: ignored.
    std::filesystem::path entry;
    for (const auto& e : std::filesystem::directory_iterator(cache)) entry = e.path();
    std::string bytes = read_file(entry);
    bytes[bytes.size() / 2] ^= 1;
    write_file(entry, bytes);
    chmod(entry.c_str(), 0600);
    CHECK_FALSE(read_rule_cache(cache, key));
    // Group/world-writable entries are not trusted even when intact.
    parse_rule_sources({{"a.yaml", one_rule("a.rule", "aaa[0-9]{4}")}}, 0, cache);
    REQUIRE(read_rule_cache(cache, key));
    chmod(entry.c_str(), 0666);
    CHECK_FALSE(read_rule_cache(cache, key));
    CHECK_FALSE(deserialize_rules("garbage"));
}
