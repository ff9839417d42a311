// The compiled-rule cache must never be trusted when someone else could have written it: an entry
// owned by another user, readable or writable by group/others, a symlink, or a foreign file under
// the right name is ignored (and replaced by a fresh, private entry); a shared cache directory
// such as /tmp keeps its permissions. (Corruption and checksums: test_match_rule_matcher.cpp.)
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include "test_support.h"

using namespace aaiscan;
using namespace aaiscan::testing;

namespace {

const std::string k_rules = one_rule("cache.key", "cache_key=(?P<secret>[0-9a-f]{32})\\b");
const std::string k_text = "cache_key=4c3b1e0f9a8d7c6b5a4f3e2d1c0b9a8f";

// Compiles k_rules with the cache in `dir`; returns whether the entry was used, and checks the
// matcher works either way.
bool loads_from_cache(const std::string& dir, const std::string& rules = k_rules) {
    InlineRules r(rules, MatchEngine::hyperscan, dir);
    auto scratch = r.matcher->make_scratch();
    std::vector<RuleMatch> out;
    r.matcher->find(Scope::code, k_text, *scratch, out);
    CHECK(out.size() == (rules == k_rules ? 1u : 0u));
    return r.matcher->loaded_from_cache();
}

std::filesystem::path only_entry(const std::string& dir) {
    std::filesystem::path entry;
    size_t count = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
        entry = e.path();
        ++count;
    }
    REQUIRE(count == 1);
    return entry;
}

mode_t mode_of(const std::filesystem::path& path) {
    struct stat st {};
    REQUIRE(lstat(path.c_str(), &st) == 0);
    return st.st_mode & 07777;
}

}  // namespace

TEST_CASE("hostile cache: entries readable or writable by group or others are ignored and replaced") {
    TempDir dir;
    std::string cache = dir.str() + "/cache";
    CHECK_FALSE(loads_from_cache(cache));
    auto entry = only_entry(cache);
    CHECK(mode_of(entry) == 0600);
    CHECK(mode_of(cache) == 0700);
    REQUIRE(loads_from_cache(cache));
    for (mode_t loose : {0640, 0620, 0604, 0602, 0666}) {
        INFO("mode " << std::oct << loose);
        REQUIRE(chmod(entry.c_str(), loose) == 0);
        CHECK_FALSE(loads_from_cache(cache));
        CHECK(mode_of(only_entry(cache)) == 0600);  // rewritten private
        CHECK(loads_from_cache(cache));
    }
}

TEST_CASE("hostile cache: an entry owned by another user is ignored") {
    TempDir dir;
    std::string cache = dir.str() + "/cache";
    CHECK_FALSE(loads_from_cache(cache));
    auto entry = only_entry(cache);
    if (chown(entry.c_str(), 65534, 65534) != 0) {
        WARN("cannot chown here (not root): other-owner entry not tested");
        return;
    }
    CHECK_FALSE(loads_from_cache(cache));
    struct stat st {};
    REQUIRE(stat(only_entry(cache).c_str(), &st) == 0);
    CHECK(st.st_uid == geteuid());
    CHECK(loads_from_cache(cache));
}

TEST_CASE("hostile cache: a symlink or a foreign file under the entry's name is ignored") {
    TempDir dir;
    std::string cache = dir.str() + "/cache";
    CHECK_FALSE(loads_from_cache(cache));
    auto entry = only_entry(cache);
    std::string valid = read_file(entry);

    // A symlink to a perfectly valid private copy: still not trusted (someone else's link).
    auto elsewhere = dir / "copy.hsdb";
    write_file(elsewhere, valid);
    REQUIRE(chmod(elsewhere.c_str(), 0600) == 0);
    std::filesystem::remove(entry);
    std::filesystem::create_symlink(elsewhere, entry);
    CHECK_FALSE(loads_from_cache(cache));
    CHECK(std::filesystem::is_regular_file(std::filesystem::symlink_status(entry)));
    CHECK(read_file(elsewhere) == valid);  // the link target was not written through

    // Foreign content, private mode, right name.
    for (const std::string& foreign : {std::string("not a cache file"), std::string(valid.size(), '\0'),
                                       valid.substr(0, valid.size() / 2), valid + "trailing"}) {
        write_file(entry, foreign);
        REQUIRE(chmod(entry.c_str(), 0600) == 0);
        CHECK_FALSE(loads_from_cache(cache));
        CHECK(loads_from_cache(cache));
    }

    // A well-formed entry of another rule set, renamed to this rule set's name.
    const std::string other = one_rule("other.key", "other_key=[0-9]{8}");
    TempDir other_dir;
    CHECK_FALSE(loads_from_cache(other_dir.str(), other));
    std::string other_entry = read_file(only_entry(other_dir.str()));
    write_file(entry, other_entry);
    REQUIRE(chmod(entry.c_str(), 0600) == 0);
    CHECK_FALSE(loads_from_cache(cache));
}

TEST_CASE("hostile cache: a shared cache directory keeps its permissions; an unusable one is harmless") {
    TempDir dir;
    auto shared = dir / "shared";
    std::filesystem::create_directory(shared);
    REQUIRE(chmod(shared.c_str(), 01777) == 0);  // like /tmp
    CHECK_FALSE(loads_from_cache(shared.string()));
    CHECK(mode_of(shared) == 01777);
    CHECK(mode_of(only_entry(shared.string())) == 0600);

    // A cache "directory" that is a file, or below one: compiled every time, no error.
    write_file(dir / "plain-file", "x");
    CHECK_FALSE(loads_from_cache((dir / "plain-file").string()));
    CHECK_FALSE(loads_from_cache((dir / "plain-file/sub").string()));
    CHECK(read_file(dir / "plain-file") == "x");
}
