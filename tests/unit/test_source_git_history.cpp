// Unit tests for source/git_history: every distinct blob once, at the first commit and path where
// it appears (also when deleted later), merges, --since, --all, shallow clones, unborn branches,
// commit descriptions; and the OidSet behind the "seen" bookkeeping.
#include <catch2/catch.hpp>

#include <map>
#include <mutex>
#include <set>
#include <tuple>

#include "source/git_history.h"
#include "source/git_oid_set.h"
#include "source/git_repo.h"
#include "test_git_support.h"
#include "util/error.h"

using namespace aaiscan;
using namespace aaiscan::testing;

namespace {

struct Walked {
    std::vector<std::pair<std::string, std::string>> blobs;  // (path, commit id)
    std::map<std::string, std::string> paths;                // first-seen path -> commit id
    std::vector<std::string> errors;
    std::vector<std::string> warnings;
    size_t commits = 0;
    std::vector<CommitInfo> described;
};

Walked walk(const std::string& dir, HistoryWalkOptions options = {}) {
    std::string error;
    auto repo = GitRepo::open(dir, true, false, error);
    REQUIRE(repo);
    HistoryWalk history(*repo, options);
    Walked w;
    std::vector<uint32_t> positions;
    history.run(
        [&](HistoryBlob&& b) {
            w.blobs.emplace_back(b.path, history.commit_id(b.commit).hex());
            positions.push_back(b.commit);
        },
        [](std::string_view name) { return name != "keep.txt"; },
        [&](const std::string& path, uint32_t commit, unsigned) { w.paths[path] = history.commit_id(commit).hex(); },
        [&](const std::string& message, bool is_error) { (is_error ? w.errors : w.warnings).push_back(message); });
    w.commits = history.commit_count();
    for (uint32_t p : positions) w.described.push_back(history.describe(p));
    return w;
}

size_t count_path(const Walked& w, const std::string& path) {
    size_t n = 0;
    for (const auto& [p, c] : w.blobs) n += p == path;
    return n;
}

std::string commit_of(const Walked& w, const std::string& path) {
    for (const auto& [p, c] : w.blobs) {
        if (p == path) return c;
    }
    return {};
}

}  // namespace

TEST_CASE("history: each blob once, at the commit that introduced it, deleted ones included") {
    TempRepo r;
    r.write("a.txt", "version one\n");
    r.write("dir/keep.txt", "unchanged\n");
    std::string c1 = r.commit("one");
    r.write("a.txt", "version two\n");
    std::string c2 = r.commit("two");
    REQUIRE(r.git("rm -q a.txt") == 0);
    std::string c3 = r.commit("three");
    r.write("copy.txt", "version one\n");  // the blob of c1's a.txt again
    std::string c4 = r.commit("four");

    Walked w = walk(r.str());
    CHECK(w.errors.empty());
    CHECK(w.commits == 4);
    CHECK(w.blobs.size() == 3);  // a.txt v1, dir/keep.txt, a.txt v2
    CHECK(count_path(w, "a.txt") == 2);
    CHECK(count_path(w, "dir/keep.txt") == 1);
    CHECK(count_path(w, "copy.txt") == 0);  // same blob as a.txt v1: scanned once
    CHECK(commit_of(w, "dir/keep.txt") == c1);
    CHECK(w.blobs[0].second == c1);
    CHECK(w.paths["a.txt"] == c1);
    CHECK(w.paths["copy.txt"] == c4);  // paths are reported even when their blob is not new
    CHECK(w.paths.count("dir/keep.txt") == 0);  // names the filter declines are not
    REQUIRE(!w.described.empty());
    CHECK(w.described[0].id == c1);
    CHECK(w.described[0].author == "Ada Tester <ada@example.com>");
    CHECK(w.described[0].date == "2026-01-02T03:04:05+02:00");
}

TEST_CASE("history: parallel walkers report exactly what a single walk reports") {
    TempRepo r;
    std::string key = "ASSEMBLYAI_API_KEY=0d9f3c2b7a6e5d4c3b2a1f0e9d8c7b6a\n";
    for (int i = 0; i < 12; ++i) {
        r.write("src/m" + std::to_string(i % 4) + ".py", "revision " + std::to_string(i) + "\n");
        if (i == 2) r.write(".env", key);
        if (i == 5) REQUIRE(r.git("rm -q .env") == 0);
        if (i == 8) r.write("config/.env.local", key);  // the same blob again, at a new path
        if (i == 9) r.write("src/m0.py", "revision 0\n");  // an old blob comes back
        r.commit("c" + std::to_string(i));
    }
    struct Seen {
        std::string path;
        uint32_t commit;
        unsigned walker;
        GitOid blob;
    };
    auto run = [&](unsigned walkers, std::vector<Seen>& blobs, std::vector<Seen>& paths) {
        std::string error;
        auto repo = GitRepo::open(r.str(), true, false, error);
        REQUIRE(repo);
        HistoryWalkOptions options;
        options.walkers = walkers;
        options.min_commits_per_walker = 2;
        HistoryWalk history(*repo, options);
        std::mutex m;
        history.run(
            [&](HistoryBlob&& b) {
                std::lock_guard<std::mutex> lock(m);
                blobs.push_back({b.path, b.commit, b.walker, b.blob});
            },
            [](std::string_view name) { return name.rfind(".env", 0) == 0; },
            [&](const std::string& path, uint32_t commit, unsigned walker) {
                std::lock_guard<std::mutex> lock(m);
                paths.push_back({path, commit, walker, {}});
            },
            [](const std::string&, bool) {});
        std::set<std::pair<std::string, uint32_t>> kept_blobs, kept_paths;
        size_t repeats = 0;
        for (const auto& b : blobs) {
            if (history.seen_earlier(b.walker, b.blob)) {
                ++repeats;
            } else {
                kept_blobs.insert({b.path, b.commit});
            }
        }
        for (const auto& p : paths) {
            if (!history.path_seen_earlier(p.walker, p.path)) kept_paths.insert({p.path, p.commit});
        }
        return std::make_tuple(history.walker_count(), kept_blobs, kept_paths, repeats);
    };
    std::vector<Seen> b1, p1, b3, p3;
    auto [w1, blobs1, paths1, repeats1] = run(1, b1, p1);
    auto [w3, blobs3, paths3, repeats3] = run(3, b3, p3);
    CHECK(w1 == 1);
    CHECK(w3 == 3);
    CHECK(repeats1 == 0);
    CHECK(repeats3 > 0);  // later ranges start from a full tree: they do report repeats
    CHECK(blobs1.size() == b1.size());
    CHECK(blobs3 == blobs1);
    CHECK(paths3 == paths1);
    CHECK(paths1.size() == 2);  // .env and config/.env.local, each at its first commit
}

TEST_CASE("history: merges, --all and --since") {
    TempRepo r;
    r.write("base.txt", "base\n");
    std::string base = r.commit("base");
    REQUIRE(r.git("checkout -q -b side") == 0);
    r.write("side.txt", "from the side branch\n");
    std::string side = r.commit("side");
    REQUIRE(r.git("checkout -q main") == 0);
    r.write("main.txt", "on main\n");
    std::string main1 = r.commit("main");
    REQUIRE(r.git("merge -q --no-edit side") == 0);
    REQUIRE(r.git("checkout -q -b unmerged") == 0);
    r.write("unmerged.txt", "only on a branch\n");
    r.commit("unmerged");
    REQUIRE(r.git("checkout -q main") == 0);

    Walked head = walk(r.str());
    CHECK(head.commits == 4);
    CHECK(commit_of(head, "side.txt") == side);
    CHECK(commit_of(head, "main.txt") == main1);
    CHECK(count_path(head, "side.txt") == 1);
    CHECK(count_path(head, "unmerged.txt") == 0);

    HistoryWalkOptions all;
    all.all_refs = true;
    Walked every = walk(r.str(), all);
    CHECK(every.commits == 5);
    CHECK(count_path(every, "unmerged.txt") == 1);

    HistoryWalkOptions since;
    since.since = main1;
    Walked after = walk(r.str(), since);
    CHECK(after.commits == 2);  // side and the merge
    CHECK(count_path(after, "base.txt") == 0);
    CHECK(count_path(after, "main.txt") == 0);
    CHECK(commit_of(after, "side.txt") == side);
    HistoryWalkOptions nothing;
    nothing.since = "HEAD";
    CHECK(walk(r.str(), nothing).blobs.empty());
}

TEST_CASE("history: shallow clones are walked from their boundary") {
    TempRepo r;
    for (int i = 1; i <= 3; ++i) {
        r.write("f" + std::to_string(i) + ".txt", "file " + std::to_string(i) + "\n");
        r.commit("c" + std::to_string(i));
    }
    TempDir clone;
    std::string target = (clone / "shallow").string();
    REQUIRE(git_in(clone, "clone -q --depth 1 'file://" + r.str() + "' '" + target + "'") == 0);
    std::string error;
    auto repo = GitRepo::open(target, false, false, error);
    REQUIRE(repo);
    CHECK(repo->is_shallow());
    Walked w = walk(target);
    CHECK(w.errors.empty());
    CHECK(w.commits == 1);
    CHECK(w.blobs.size() == 3);
}

TEST_CASE("history: no commits or an unknown --since cannot be walked") {
    TempRepo r;
    std::string error;
    auto repo = GitRepo::open(r.str(), false, false, error);
    REQUIRE(repo);
    CHECK_THROWS_AS(HistoryWalk(*repo, {}), Error);
    HistoryWalkOptions all;
    all.all_refs = true;
    CHECK_THROWS_AS(HistoryWalk(*repo, all), Error);
    r.write("a.txt", "x\n");
    r.commit("one");
    HistoryWalkOptions since;
    since.since = "no-such-revision";
    CHECK_THROWS_WITH(HistoryWalk(*repo, since), Catch::Contains("unknown revision"));
}

TEST_CASE("history: a missing object is an error, the rest is still walked") {
    TempRepo r;
    r.write("a.txt", "first\n");
    r.write("b.txt", "second\n");
    r.commit("one");
    std::string tree = r.output("rev-parse HEAD:");
    r.write("c.txt", "third\n");
    r.commit("two");
    std::filesystem::remove(r.dir / ".git/objects" / tree.substr(0, 2) / tree.substr(2));
    Walked w = walk(r.str());
    REQUIRE(w.errors.size() == 1);
    CHECK(w.errors[0].find(tree) != std::string::npos);
    CHECK(w.blobs.size() == 3);  // the second commit's tree still holds all three files
}

TEST_CASE("history: git times in ISO 8601") {
    CHECK(format_git_time(0, 0) == "1970-01-01T00:00:00Z");
    CHECK(format_git_time(1767315845, 120) == "2026-01-02T03:04:05+02:00");
    CHECK(format_git_time(1767315845, -330) == "2026-01-01T19:34:05-05:30");
}

TEST_CASE("oid set: inserts, duplicates, growth and the all-zero id") {
    OidSet set;
    unsigned char oid[20] = {};
    CHECK_FALSE(set.contains(oid));
    CHECK(set.insert(oid));
    CHECK(set.contains(oid));
    CHECK_FALSE(set.insert(oid));
    size_t fresh = 0;
    for (unsigned i = 1; i <= 5000; ++i) {
        oid[0] = static_cast<unsigned char>(i & 0xFF);
        oid[9] = static_cast<unsigned char>(i >> 8);
        fresh += set.insert(oid) ? 1 : 0;
    }
    CHECK(fresh == 5000);
    CHECK(set.size() == 5001);
    oid[0] = 7;
    oid[9] = 0;
    CHECK_FALSE(set.insert(oid));
    CHECK(set.size() == 5001);
    CHECK(set.contains(oid));
    oid[9] = 0x7F;  // 7 + (0x7F << 8) > 5000: never inserted
    CHECK_FALSE(set.contains(oid));
}
