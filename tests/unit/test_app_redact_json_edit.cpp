// Unit tests for app/redact_json_edit.cpp: byte-exact edits, member spans, string escaping, and
// member removal / settings that keep the JSON valid and the rest byte-identical.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "app/redact_json_edit.h"

using namespace aaiscan;

namespace {

// Applies plan_object_edits to the object at the start of `json`.
std::string edit(const std::string& json, const std::vector<std::pair<std::string, std::string>>& set,
                 bool add_missing = true) {
    std::vector<JsonMember> members;
    size_t open = 0, close = 0;
    REQUIRE(read_json_members(json, 0, members, open, close));
    std::vector<RawEdit> edits;
    plan_object_edits(json, members, open, [](std::string_view n) { return n.starts_with("unredacted_"); }, set,
                      add_missing, edits);
    std::string out;
    REQUIRE(apply_edits(json, edits, out));
    return out;
}

bool valid_json(const std::string& s) { return nlohmann::json::accept(s); }

}  // namespace

TEST_CASE("apply_edits replaces, inserts and refuses overlaps", "[redact][json_edit]") {
    std::string out;
    std::vector<RawEdit> edits = {{6, 11, "#####"}, {0, 0, ">"}, {11, 11, "!"}};
    REQUIRE(apply_edits("hello world", edits, out));
    CHECK(out == ">hello #####!");
    std::vector<RawEdit> overlapping = {{0, 5, "a"}, {3, 7, "b"}};
    CHECK_FALSE(apply_edits("hello world", overlapping, out));
    std::vector<RawEdit> outside = {{3, 50, "x"}};
    CHECK_FALSE(apply_edits("short", outside, out));
}

TEST_CASE("skip_json_value honours strings, escapes and nesting", "[redact][json_edit]") {
    std::string s = R"({"a": "x\"}]", "b": [1, {"c": "]"}], "d": null})";
    CHECK(skip_json_value(s, 0) == s.size());
    CHECK(skip_json_value(R"("a\\" tail)", 0) == 5);
    CHECK(skip_json_value("  123, 4", 0) == 5);
    CHECK(skip_json_value(R"({"open": [1, 2})", 0) == std::string_view::npos);
    CHECK(skip_json_value(R"("unterminated)", 0) == std::string_view::npos);
}

TEST_CASE("read_json_members gives exact key and value spans", "[redact][json_edit]") {
    std::string s = "  {\"id\" : \"t1\",\n \"words\": [{\"text\": \"a\"}], \"n\":1}";
    std::vector<JsonMember> m;
    size_t open = 0, close = 0;
    REQUIRE(read_json_members(s, 0, m, open, close));
    REQUIRE(m.size() == 3);
    CHECK(open == 2);
    CHECK(s[close] == '}');
    CHECK(m[0].name == "id");
    CHECK(s.substr(m[0].value_begin, m[0].value_end - m[0].value_begin) == "\"t1\"");
    CHECK(s.substr(m[1].value_begin, m[1].value_end - m[1].value_begin) == "[{\"text\": \"a\"}]");
    CHECK(s.substr(m[2].key_begin, m[2].value_end - m[2].key_begin) == "\"n\":1");
    CHECK_FALSE(read_json_members("{\"a\": 1", 0, m, open, close));  // truncated
    CHECK_FALSE(read_json_members("[1]", 0, m, open, close));
}

TEST_CASE("json_escape_content re-encodes what JSON strings cannot hold", "[redact][json_edit]") {
    CHECK(json_escape_content("say \"hi\"\\now\n\t") == "say \\\"hi\\\"\\\\now\\n\\t");
    CHECK(json_escape_content(std::string("\x01", 1)) == "\\u0001");
    CHECK(json_escape_content("Ren\xC3\xA9" "e ###") == "Ren\xC3\xA9" "e ###");
}

TEST_CASE("unredacted_* members are removed with valid commas wherever they are", "[redact][json_edit]") {
    SECTION("in the middle, pretty-printed") {
        std::string in = "{\n  \"a\": 1,\n  \"unredacted_text\": \"x, y\",\n  \"b\": 2\n}";
        CHECK(edit(in, {}) == "{\n  \"a\": 1,\n  \"b\": 2\n}");
    }
    SECTION("last member: the comma before it goes") {
        std::string in = "{\"a\": 1, \"unredacted_text\": \"x\"}";
        CHECK(edit(in, {}) == "{\"a\": 1}");
    }
    SECTION("first member") {
        std::string in = "{\"unredacted_words\": [{\"text\": \"x\"}], \"a\": 1}";
        CHECK(edit(in, {}) == "{\"a\": 1}");
    }
    SECTION("two adjacent at the end") {
        std::string in = "{\"a\": 1, \"unredacted_text\": \"x\", \"unredacted_words\": []}";
        std::string out = edit(in, {});
        CHECK(out == "{\"a\": 1}");
    }
    SECTION("separated ones and all of them") {
        std::string in = "{\"unredacted_a\": 1, \"k\": 2, \"unredacted_b\": 3, \"j\": 4, \"unredacted_c\": 5}";
        CHECK(edit(in, {}) == "{\"k\": 2, \"j\": 4}");
        std::string all = "{\"unredacted_a\": 1, \"unredacted_b\": 2}";
        std::string out = edit(all, {});
        CHECK(valid_json(out));
        CHECK(nlohmann::json::parse(out).empty());
    }
}

TEST_CASE("redact_pii settings are replaced in place or added in the object's layout", "[redact][json_edit]") {
    std::vector<std::pair<std::string, std::string>> set = {
        {"redact_pii", "true"}, {"redact_pii_policies", "[\"person_name\"]"}, {"redact_pii_sub", "\"hash\""}};
    SECTION("existing values are replaced, nothing else moves") {
        std::string in = "{\n  \"redact_pii\": false,\n  \"redact_pii_policies\": null,\n  \"x\": 1,\n  \"redact_pii_sub\": null\n}";
        CHECK(edit(in, set) ==
              "{\n  \"redact_pii\": true,\n  \"redact_pii_policies\": [\"person_name\"],\n  \"x\": 1,\n  \"redact_pii_sub\": \"hash\"\n}");
    }
    SECTION("missing keys are appended with the same separator and colon spacing") {
        std::string in = "{\n    \"id\": \"t\",\n    \"text\": \"hi\"\n}";
        std::string out = edit(in, set);
        CHECK(out == "{\n    \"id\": \"t\",\n    \"text\": \"hi\",\n    \"redact_pii\": true,\n    \"redact_pii_policies\": "
                     "[\"person_name\"],\n    \"redact_pii_sub\": \"hash\"\n}");
        std::string compact = edit("{\"text\":\"hi\"}", set);
        CHECK(compact == "{\"text\":\"hi\",\"redact_pii\":true,\"redact_pii_policies\":[\"person_name\"],\"redact_pii_sub\":\"hash\"}");
    }
    SECTION("added after the last kept member when the last one is removed") {
        std::string in = "{\"text\": \"hi\", \"redact_pii\": false, \"unredacted_text\": \"x\"}";
        std::string out = edit(in, set);
        REQUIRE(valid_json(out));
        auto j = nlohmann::json::parse(out);
        CHECK(j["redact_pii"] == true);
        CHECK(j["redact_pii_sub"] == "hash");
        CHECK_FALSE(j.contains("unredacted_text"));
    }
    SECTION("not added when asked not to") {
        CHECK(edit("{\"sentences\": []}", set, false) == "{\"sentences\": []}");
    }
    SECTION("an empty object gets them") {
        std::string out = edit("{}", set);
        CHECK(valid_json(out));
        CHECK(nlohmann::json::parse(out).size() == 3);
    }
}
