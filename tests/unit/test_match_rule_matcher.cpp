// Unit tests for match/rule_matcher: Hyperscan prefilter + RE2 confirm, differential agreement
// with the RE2-only engine, pattern errors with locations, and the compiled-database cache.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include "test_support.h"
#include "util/error.h"

using namespace aaiscan;
using namespace aaiscan::testing;

namespace {

const std::string k_rules = R"(rules:
  - id: hex.key
    category: secret
    severity: high
    scopes: [code, config]
    pattern: '(?i)service_?key\s{0,3}[:=]\s{0,3}["'']?(?P<secret>[0-9a-f]{32})\b'
    examples: ['x']
    negative_examples: ['y']
  - id: vendor.token
    category: secret
    severity: medium
    scopes: [code]
    pattern: 'vnd_[A-Za-z0-9]{20,40}'
    examples: ['x']
    negative_examples: ['y']
  - id: email
    category: pii
    severity: low
    scopes: [transcript]
    pattern: '[a-z0-9._%+-]{1,64}@[a-z0-9.-]{1,253}\.[a-z]{2,24}'
    examples: ['x']
    negative_examples: ['y']
)";

std::vector<RuleMatch> find(const InlineRules& r, Scope scope, const std::string& text) {
    auto scratch = r.matcher->make_scratch();
    std::vector<RuleMatch> out;
    r.matcher->find(scope, text, *scratch, out);
    return out;
}

std::string secret_of(const std::string& text, const RuleMatch& m) {
    return text.substr(m.secret_begin, m.secret_end - m.secret_begin);
}

}  // namespace

TEST_CASE("matcher: confirms and extracts the secret group") {
    InlineRules r(k_rules);
    std::string text = "x = 1\nSERVICE_KEY = \"4c3b1e0f9a8d7c6b5a4f3e2d1c0b9a8f\"\nvnd_ABCDEFGHIJklmnopqrst12\n";
    auto matches = find(r, Scope::code, text);
    REQUIRE(matches.size() == 2);
    CHECK(r.rules[matches[0].rule].id == "hex.key");
    CHECK(secret_of(text, matches[0]) == "4c3b1e0f9a8d7c6b5a4f3e2d1c0b9a8f");
    CHECK(r.rules[matches[1].rule].id == "vendor.token");
    CHECK(secret_of(text, matches[1]) == "vnd_ABCDEFGHIJklmnopqrst12");
}

TEST_CASE("matcher: scopes select rules") {
    InlineRules r(k_rules);
    std::string text = "mail jane.doe@example.com and vnd_ABCDEFGHIJklmnopqrst12";
    auto code = find(r, Scope::code, text);
    REQUIRE(code.size() == 1);
    CHECK(r.rules[code[0].rule].id == "vendor.token");
    auto transcript = find(r, Scope::transcript, text);
    REQUIRE(transcript.size() == 1);
    CHECK(r.rules[transcript[0].rule].id == "email");
    CHECK(find(r, Scope::env, text).empty());
}

TEST_CASE("matcher: word boundaries see the text outside the confirm window") {
    InlineRules r(k_rules);
    // 33 hex digits: `\b` after 32 fails, so no match, though a 32-char window would contain one.
    std::string text = "service_key=4c3b1e0f9a8d7c6b5a4f3e2d1c0b9a8fa";
    CHECK(find(r, Scope::code, text).empty());
}

TEST_CASE("matcher: Hyperscan and RE2-only engines agree (differential)") {
    InlineRules hs(k_rules, MatchEngine::hyperscan);
    InlineRules re(k_rules, MatchEngine::re2);
    std::vector<std::string> texts = {
        "",
        "service_key: 'deadbeefdeadbeefdeadbeefdeadbeef' service_key=0123456789abcdef0123456789abcdef",
        "vnd_" + std::string(100, 'a') + " vnd_short vnd_" + std::string(25, 'Z'),
        std::string(5000, 'x') + "serviceKey = 4c3b1e0f9a8d7c6b5a4f3e2d1c0b9a8f" + std::string(5000, '\n'),
        "a@b.co x.y+z@mail.example.org @@ foo@bar",
    };
    for (const auto& text : texts) {
        for (Scope scope : k_all_scopes) {
            auto a = find(hs, scope, text);
            auto b = find(re, scope, text);
            REQUIRE(a.size() == b.size());
            for (size_t i = 0; i < a.size(); ++i) {
                CHECK(a[i].rule == b[i].rule);
                CHECK(a[i].begin == b[i].begin);
                CHECK(a[i].end == b[i].end);
                CHECK(a[i].secret_begin == b[i].secret_begin);
            }
        }
    }
}

TEST_CASE("matcher: many overlapping hits stay linear and are reported once") {
    InlineRules r(k_rules);
    std::string text = "vnd_" + std::string(1 << 20, 'a');
    auto matches = find(r, Scope::code, text);
    REQUIRE(matches.size() == 1);
    CHECK(matches[0].begin == 0);
    CHECK(matches[0].end == 44);  // the pattern allows at most 40 characters after vnd_
}

TEST_CASE("matcher: bad patterns are errors at the pattern's location") {
    auto error_of = [](const std::string& pattern) {
        try {
            InlineRules r(one_rule("bad.rule", pattern));
        } catch (const Error& e) {
            return std::string(e.what());
        }
        return std::string();
    };
    std::string unbalanced = error_of("(abc");
    CHECK(unbalanced.find("inline.yaml:6:14") != std::string::npos);
    CHECK(unbalanced.find("rule 'bad.rule'") != std::string::npos);
    CHECK(unbalanced.find("invalid regex") != std::string::npos);
    CHECK(error_of("a|").find("empty string") != std::string::npos);
    // RE2 accepts Unicode classes in Latin-1 mode; Hyperscan (no UTF-8 flag) rejects them.
    CHECK(error_of("x\\p{Greek}").find("not supported by Hyperscan") != std::string::npos);
}

TEST_CASE("matcher: compiled databases are cached, verified and rebuilt when corrupt") {
    TempDir dir;
    std::string cache = dir.str() + "/cache";
    std::string text = "SERVICE_KEY = \"4c3b1e0f9a8d7c6b5a4f3e2d1c0b9a8f\"";
    {
        InlineRules first(k_rules, MatchEngine::hyperscan, cache);
        CHECK_FALSE(first.matcher->loaded_from_cache());
        CHECK(find(first, Scope::code, text).size() == 1);
    }
    std::filesystem::path entry;
    for (const auto& e : std::filesystem::directory_iterator(cache)) entry = e.path();
    REQUIRE(!entry.empty());
    struct stat st {};
    REQUIRE(stat(entry.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    {
        InlineRules second(k_rules, MatchEngine::hyperscan, cache);
        CHECK(second.matcher->loaded_from_cache());
        CHECK(find(second, Scope::code, text).size() == 1);
    }
    // Flip a byte inside a database (Hyperscan's CRC-32C fails) or inside the rule windows just
    // before the digest (the frame's SHA-256 fails): the entry is ignored and rewritten.
    const std::string original = read_file(entry);
    for (size_t at : {original.size() / 2, original.size() - 32 - 4}) {
        CAPTURE(at);
        std::string bytes = original;
        bytes[at] ^= 0x5A;
        write_file(entry, bytes);
        chmod(entry.c_str(), 0600);
        {
            InlineRules third(k_rules, MatchEngine::hyperscan, cache);
            CHECK_FALSE(third.matcher->loaded_from_cache());
            CHECK(find(third, Scope::code, text).size() == 1);
        }
        InlineRules rewritten(k_rules, MatchEngine::hyperscan, cache);
        CHECK(rewritten.matcher->loaded_from_cache());
    }
    // A rule set with a file rule (window 0) is cached too.
    std::string with_file_rule = k_rules + "  - id: env.file\n    kind: file\n    category: config\n    severity: high\n"
                                           "    paths: ['**/.env']\n    examples: ['.env']\n    negative_examples: ['x']\n";
    { InlineRules a(with_file_rule, MatchEngine::hyperscan, cache); }
    InlineRules b(with_file_rule, MatchEngine::hyperscan, cache);
    CHECK(b.matcher->loaded_from_cache());
    // A different rule set never reuses another's entry.
    InlineRules other(one_rule("other", "zzz[0-9]{4}"), MatchEngine::hyperscan, cache);
    CHECK_FALSE(other.matcher->loaded_from_cache());
}

TEST_CASE("matcher: a regex that is catastrophic for backtracking engines runs in linear time") {
    InlineRules r(one_rule("catastrophic", "(a|aa){1,30}(a|aa){1,30}b"));
    std::string text(200000, 'a');
    CHECK(find(r, Scope::code, text).empty());
}

TEST_CASE("matcher: innermost reports the overlapping match that starts last") {
    const std::string rules = R"yaml(rules:
  - id: nearest.value
    category: secret
    severity: high
    scopes: [bundle]
    pattern: '[a-z]="(?P<secret>[0-9a-f]{8})"[^\n]{0,200}?fetch\('
    innermost: true
    examples: ['x']
    negative_examples: ['y']
  - id: first.value
    category: secret
    severity: high
    scopes: [code]
    pattern: '[a-z]="(?P<secret>[0-9a-f]{8})"[^\n]{0,200}?fetch\('
    examples: ['x']
    negative_examples: ['y']
)yaml";
    std::string text = "a=\"11111111\";b=\"2222abcd\";k=\"9f8e7d6c\";fetch(url,k)";
    for (MatchEngine engine : {MatchEngine::hyperscan, MatchEngine::re2}) {
        InlineRules r(rules, engine);
        auto inner = find(r, Scope::bundle, text);
        REQUIRE(inner.size() == 1);
        CHECK(secret_of(text, inner[0]) == "9f8e7d6c");
        CHECK(text.substr(inner[0].begin, 3) == "k=\"");
        auto first = find(r, Scope::code, text);
        REQUIRE(first.size() == 1);
        CHECK(secret_of(text, first[0]) == "11111111");  // without the option: leftmost-first
    }
}

TEST_CASE("matcher: a prefilter replaces the pattern in Hyperscan only") {
    // Hyperscan searches for two capitalised words; RE2 confirms the listed given names.
    const std::string names = one_rule("names", "(?P<secret>(?:Maria|Omar) [A-Z][a-z]+)\\b",
                                       "    prefilter: '[A-Z][a-z]+ [A-Z][a-z]*[a-z]'\n    max_width: 40\n",
                                       "[transcript]");
    InlineRules hs(names, MatchEngine::hyperscan);
    InlineRules re(names, MatchEngine::re2);
    std::vector<std::string> texts = {
        "Then Maria Lopez called, and Omar Haddad, but not Peter Smith or maria lopez.",
        "Omar Ha2",  // the prefilter ends on "Ha", where `pattern` has no word boundary
        std::string(3000, 'x') + " So Maria Lopez-Vega " + std::string(3000, 'y'),
        "Maria Lopez",
    };
    for (const auto& text : texts) {
        auto a = find(hs, Scope::transcript, text);
        auto b = find(re, Scope::transcript, text);
        REQUIRE(a.size() == b.size());
        for (size_t i = 0; i < a.size(); ++i) {
            CHECK(a[i].begin == b[i].begin);
            CHECK(a[i].end == b[i].end);
        }
    }
    auto first = find(hs, Scope::transcript, texts[0]);
    REQUIRE(first.size() == 2);
    CHECK(secret_of(texts[0], first[0]) == "Maria Lopez");
    CHECK(secret_of(texts[0], first[1]) == "Omar Haddad");
    CHECK(find(hs, Scope::transcript, texts[1]).empty());
    // A prefilter that misses where the pattern matches loses the match: `rules check` proves the
    // examples through Hyperscan, so such a prefilter fails there.
    InlineRules narrow(one_rule("names", "(?P<secret>(?:Maria|Omar) [A-Z][a-z]+)\\b", "    prefilter: 'Omar [A-Z]'\n",
                                "[transcript]"));
    CHECK(find(narrow, Scope::transcript, "Maria Lopez").empty());
}

TEST_CASE("matcher: bad prefilters are errors at the prefilter's location") {
    auto error_of = [](const std::string& prefilter) {
        try {
            InlineRules r(one_rule("bad.rule", "abc", "    prefilter: '" + prefilter + "'\n"));
        } catch (const Error& e) {
            return std::string(e.what());
        }
        return std::string();
    };
    CHECK(error_of("x\\p{Greek}").find("inline.yaml:9:16") != std::string::npos);
    CHECK(error_of("x\\p{Greek}").find("prefilter not supported by Hyperscan") != std::string::npos);
    CHECK(error_of("a|").find("prefilter can match the empty string") != std::string::npos);
    CHECK(error_of("").find("prefilter must not be empty") != std::string::npos);
}
