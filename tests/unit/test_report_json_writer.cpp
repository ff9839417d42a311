// Unit tests for the streaming JSON writer: its bytes must equal nlohmann's dump of the same
// document (compact and pretty), for well-formed and broken UTF-8, escapes and empty containers.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <random>
#include <sstream>

#include "report/json_writer.h"

using namespace aaiscan;
using ojson = nlohmann::ordered_json;

namespace {

std::string nlohmann_dump(const ojson& j, int indent) {
    return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Writes `j` through JsonWriter, recursively.
void write(JsonWriter& w, const ojson& j) {
    if (j.is_object()) {
        w.begin_object();
        for (const auto& [k, v] : j.items()) {
            w.key(k);
            write(w, v);
        }
        w.end_object();
    } else if (j.is_array()) {
        w.begin_array();
        for (const auto& v : j) write(w, v);
        w.end_array();
    } else if (j.is_string()) {
        w.value(j.get_ref<const std::string&>());
    } else if (j.is_boolean()) {
        w.value(j.get<bool>());
    } else if (j.is_number_unsigned()) {
        w.value(j.get<uint64_t>());
    } else if (j.is_number_integer()) {
        w.value(j.get<int64_t>());
    } else {
        w.null();
    }
}

std::string writer_dump(const ojson& j, int indent) {
    std::ostringstream out;
    {
        JsonWriter w(out, indent);
        write(w, j);
    }
    return out.str();
}

std::string random_bytes(std::mt19937& rng) {
    // Mostly ASCII, with control characters, quotes, UTF-8 pieces and stray bytes mixed in.
    static const std::vector<std::string> pieces = {"a", "Z", " ", "\"", "\\", "\n", "\t", "\x01", "\x1f", "\x7f",
                                                    "\xC3\xA9", "\xE2\x80\xA6", "\xF0\x9F\x98\x80", "\xC3",
                                                    "\xE2\x80", "\xFF", "\x80", "\xED\xA0\x80", "\xC0\xAF",
                                                    "\xF4\x90\x80\x80", "\xE0\x80\x80", "/", "%"};
    std::string s;
    size_t n = rng() % 12;
    for (size_t i = 0; i < n; ++i) s += pieces[rng() % pieces.size()];
    return s;
}

ojson random_value(std::mt19937& rng, int depth) {
    switch (rng() % (depth > 3 ? 5 : 7)) {
        case 0: return random_bytes(rng);
        case 1: return static_cast<int64_t>(rng()) - static_cast<int64_t>(1u << 31);
        case 2: return static_cast<uint64_t>(rng()) * 1000003u;
        case 3: return rng() % 2 == 0;
        case 4: return nullptr;
        case 5: {
            ojson a = ojson::array();
            for (size_t i = rng() % 4; i > 0; --i) a.push_back(random_value(rng, depth + 1));
            return a;
        }
        default: {
            ojson o = ojson::object();
            for (size_t i = rng() % 4; i > 0; --i) o[random_bytes(rng) + std::to_string(i)] = random_value(rng, depth + 1);
            return o;
        }
    }
}

}  // namespace

TEST_CASE("json writer: same bytes as nlohmann for fixed documents") {
    ojson doc = ojson::object();
    doc["version"] = 1;
    doc["empty_array"] = ojson::array();
    doc["empty_object"] = ojson::object();
    doc["list"] = ojson::array({ojson::object({{"a", nullptr}, {"b", true}}), ojson::array(), "x"});
    doc["text"] = "caf\xC3\xA9 \xE2\x80\xA6(19) \"quoted\" back\\slash\nline\ttab\x01\x7f";
    doc["broken"] = std::string("ab\xC3(\xFFz\xE2\x80", 8);
    for (int indent : {-1, 0, 2, 4}) {
        INFO("indent " << indent);
        CHECK(writer_dump(doc, indent) == nlohmann_dump(doc, indent));
    }
    CHECK(json_quote("\xC3\xA9\x02") == "\"\xC3\xA9\\u0002\"");
    CHECK(json_quote("a\xFF") == "\"a\xEF\xBF\xBD\"");  // U+FFFD
}

TEST_CASE("json writer: same bytes as nlohmann for random documents") {
    std::mt19937 rng(20261129);
    for (int i = 0; i < 2000; ++i) {
        ojson doc = random_value(rng, 0);
        for (int indent : {-1, 2}) {
            std::string expected = nlohmann_dump(doc, indent);
            std::string actual = writer_dump(doc, indent);
            if (actual != expected) {
                INFO("document " << i << " indent " << indent);
                CHECK(actual == expected);
                return;
            }
        }
    }
    SUCCEED();
}

TEST_CASE("json writer: flushes large output in blocks, in order") {
    std::ostringstream out;
    ojson expected = ojson::array();
    {
        JsonWriter w(out, 2);
        w.begin_array();
        for (int i = 0; i < 20000; ++i) {
            std::string s = "value " + std::to_string(i);
            w.value(s);
            expected.push_back(s);
        }
        w.end_array();
    }
    CHECK(out.str().size() > 200000);
    CHECK(out.str() == nlohmann_dump(expected, 2));
}
