// Tests for the pack reader (source/git_pack.h) and git's binary formats (git_pack_format.h,
// git_object_parse.h): every object of packs git itself wrote (offset and ref deltas, long
// chains, no cache) reads byte for byte as `git cat-file` prints it; damage and malformed bytes
// are refused, never read past.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>

#include "source/git_delta_forest.h"
#include "source/git_object_parse.h"
#include "source/git_objects.h"
#include "source/git_pack.h"
#include "source/git_pack_format.h"
#include "source/git_repo.h"
#include "test_git_support.h"

using namespace aaiscan;
using namespace aaiscan::testing;
namespace fs = std::filesystem;

namespace {

// Everything `git args` prints in `dir` (binary safe).
std::string git_bytes(const std::string& dir, const std::string& args) {
    std::string cmd = "cd '" + dir + "' && GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1 git " + args + " 2>/dev/null";
    std::string out;
    if (FILE* pipe = popen(cmd.c_str(), "r")) {
        char buffer[65536];
        size_t n = 0;
        while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
        pclose(pipe);
    }
    return out;
}

GitOid oid_of(const std::string& hex) {
    GitOid oid;
    for (size_t i = 0; i < 20; ++i) oid.bytes[i] = static_cast<unsigned char>(std::stoi(hex.substr(2 * i, 2), nullptr, 16));
    return oid;
}

struct Object {
    std::string id;
    std::string type;
};

std::vector<Object> all_objects(const std::string& dir) {
    std::vector<Object> out;
    std::string listing = git_bytes(dir, "cat-file --batch-all-objects --batch-check='%(objectname) %(objecttype)'");
    size_t pos = 0;
    while (pos < listing.size()) {
        size_t end = listing.find('\n', pos);
        std::string line = listing.substr(pos, end - pos);
        pos = end == std::string::npos ? listing.size() : end + 1;
        if (line.size() > 41) out.push_back({line.substr(0, 40), line.substr(41)});
    }
    return out;
}

// A repository whose files change a little in each of 60 commits, so git deltifies them in long
// chains, then packed by `git <repack>`; returns its objects directory.
std::string deltified_repo(const TempRepo& repo, const std::string& repack) {
    std::mt19937 random(7);
    std::vector<std::string> lines(400);
    for (size_t i = 0; i < lines.size(); ++i) lines[i] = "line " + std::to_string(i) + " of the config\n";
    for (int c = 0; c < 60; ++c) {
        for (int k = 0; k < 5; ++k) lines[random() % lines.size()] = "changed " + std::to_string(random()) + "\n";
        std::string text;
        for (const auto& l : lines) text += l;
        repo.write("src/app.py", text);
        repo.write("src/nested/deep/util.js", text.substr(0, text.size() / 2) + std::to_string(c));
        repo.write("big.bin", std::string(70000 + c, static_cast<char>('a' + c % 26)));
        repo.commit("c" + std::to_string(c));
    }
    repo.git(repack);
    repo.git("prune-packed");
    return repo.str() + "/.git/objects";
}

// Reads every object with `reader` in `order` and compares it with git's own bytes.
void check_every_object(const TempRepo& repo, const std::string& objects, size_t cache_bytes, bool shuffled) {
    auto packs = std::make_shared<const PackSet>(objects);
    REQUIRE(packs->pack_count() == 1);
    PackReader reader(packs, 4, cache_bytes);
    std::vector<Object> list = all_objects(repo.str());
    REQUIRE(list.size() > 150);
    if (shuffled) std::shuffle(list.begin(), list.end(), std::mt19937(3));
    size_t deltas_seen = 0;
    for (const Object& o : list) {
        PackLocation where = packs->locate(oid_of(o.id));
        REQUIRE(where.found());
        PackEntryType type = PackEntryType::none;
        std::string_view data;
        uint64_t size = 0;
        INFO(o.type << " " << o.id);
        REQUIRE(reader.read(where, uint64_t(1) << 30, type, data, size) == PackReader::Result::ok);
        std::string expected = git_bytes(repo.str(), "cat-file " + o.type + " " + o.id);
        CHECK(data == expected);
        CHECK(size == expected.size());
        const char* names[] = {"", "commit", "tree", "blob", "tag"};
        CHECK(names[static_cast<int>(type)] == o.type);
        deltas_seen += o.type == "blob";
    }
    CHECK(deltas_seen > 100);
}

}  // namespace

TEST_CASE("pack reader: every object of an offset-delta pack reads as git prints it") {
    TempRepo repo;
    std::string objects = deltified_repo(repo, "repack -a -d -q -f --depth=50 --window=50");
    std::string verify = git_bytes(repo.str(), "verify-pack -v " + objects + "/pack/*.idx");
    INFO("git must have built delta chains for the test to mean anything");
    REQUIRE(verify.find("chain length = 20") != std::string::npos);
    SECTION("in pack order with a cache") { check_every_object(repo, objects, size_t(32) << 20, false); }
    SECTION("in random order without a cache: every chain rebuilt from its base") {
        check_every_object(repo, objects, 0, true);
    }
}

TEST_CASE("pack reader: ref-delta packs (bases named by id) read as git prints them") {
    TempRepo repo;
    std::string objects =
        deltified_repo(repo, "-c repack.useDeltaBaseOffset=false repack -a -d -q -f --depth=10");
    // The pack holds ref deltas (type 7) at the offsets its index lists.
    std::string idx;
    std::string pack;
    for (const auto& e : fs::directory_iterator(objects + "/pack")) {
        if (e.path().extension() == ".idx") idx = e.path().string();
        if (e.path().extension() == ".pack") pack = read_file(e.path());
    }
    std::string offsets = git_bytes(repo.str(), "show-index < '" + idx + "'");
    size_t ref_deltas = 0;
    for (size_t pos = 0; pos < offsets.size();) {
        size_t end = offsets.find('\n', pos);
        uint64_t offset = std::stoull(offsets.substr(pos, offsets.find(' ', pos) - pos));
        ref_deltas += ((static_cast<unsigned char>(pack[offset]) >> 4) & 7) == 7;
        pos = end == std::string::npos ? offsets.size() : end + 1;
    }
    CHECK(ref_deltas > 100);
    check_every_object(repo, objects, size_t(1) << 20, true);
}

TEST_CASE("pack reader: oversized objects and damaged packs are refused, never misread") {
    TempRepo repo;
    std::string objects = deltified_repo(repo, "repack -a -d -q -f --depth=50");
    std::string blob = repo.output("rev-parse HEAD:big.bin");
    auto packs = std::make_shared<const PackSet>(objects);
    PackReader reader(packs);
    PackLocation where = packs->locate(oid_of(blob));
    REQUIRE(where.found());
    PackEntryType type = PackEntryType::none;
    std::string_view data;
    uint64_t size = 0;
    CHECK(reader.read(where, 1000, type, data, size) == PackReader::Result::too_large);
    CHECK(size == 70059);
    CHECK_FALSE(packs->locate(oid_of(std::string(40, '7'))).found());
    CHECK(reader.read(PackLocation{}, 1000, type, data, size) == PackReader::Result::failed);
    CHECK(reader.read(PackLocation{0, 5}, 1000, type, data, size) == PackReader::Result::failed);

    std::map<std::string, std::string> before;
    for (const Object& o : all_objects(repo.str())) before[o.id] = git_bytes(repo.str(), "cat-file " + o.type + " " + o.id);

    // Overwrite the middle of the pack: what sits there no longer inflates or applies.
    fs::path pack;
    for (const auto& e : fs::directory_iterator(objects + "/pack")) {
        if (e.path().extension() == ".pack") pack = e.path();
    }
    fs::permissions(pack, fs::perms::owner_write, fs::perm_options::add);
    uint64_t pack_size = fs::file_size(pack);
    {
        std::fstream f(pack, std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(static_cast<std::streamoff>(pack_size / 3));
        std::string junk(pack_size / 3, '\xA5');
        f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
    }
    auto damaged = std::make_shared<const PackSet>(objects);
    PackReader damaged_reader(damaged);
    size_t failed = 0;
    size_t ok = 0;
    for (const Object& o : all_objects(repo.str())) {
        PackLocation at = damaged->locate(oid_of(o.id));
        REQUIRE(at.found());
        auto result = damaged_reader.read(at, uint64_t(1) << 30, type, data, size);
        if (result == PackReader::Result::failed) {
            ++failed;
        } else if (result == PackReader::Result::ok) {
            ++ok;
            INFO(o.id);
            CHECK(data == before[o.id]);  // what still reads is exactly what the object held
        }
    }
    CHECK(failed > 0);
    CHECK(ok > 0);

    // A delta forest over the damaged pack builds only what is intact; the rest it hands back
    // (unplanned or failed), each object exactly once.
    std::vector<Object> list = all_objects(repo.str());
    std::vector<PackLocation> targets;
    for (const Object& o : list) targets.push_back(damaged->locate(oid_of(o.id)));
    PackReader planner(damaged);
    DeltaForest forest(*damaged, planner, targets);
    std::vector<int> outcomes(list.size(), 0);
    for (uint32_t id : forest.unplanned()) ++outcomes[id];
    size_t built = 0;
    for (size_t task = 0; task < forest.task_count(); ++task) {
        forest.run(
            task, damaged_reader, uint64_t(1) << 30,
            [&](uint32_t id, PackEntryType, std::string_view bytes) {
                ++outcomes[id];
                ++built;
                CHECK(bytes == before[list[id].id]);
            },
            [&](uint32_t id) { ++outcomes[id]; });
    }
    CHECK(built > 0);
    CHECK(built < list.size());
    CHECK(std::all_of(outcomes.begin(), outcomes.end(), [](int n) { return n == 1; }));
}

TEST_CASE("pack format: entry headers") {
    PackEntryHeader h;
    // blob of 300 bytes: type 3, size 300 = 0b100101100 -> 0xBC (more, type 3, low 4 bits 1100), 0x12
    REQUIRE(parse_pack_entry_header(std::string_view("\xBC\x12rest", 6), 100, h));
    CHECK(h.type == PackEntryType::blob);
    CHECK(h.size == 300);
    CHECK(h.header_length == 2);
    // ofs_delta of 5 bytes whose base is 10 bytes before
    REQUIRE(parse_pack_entry_header(std::string_view("\x65\x0A", 2), 100, h));
    CHECK(h.type == PackEntryType::ofs_delta);
    CHECK(h.base_offset == 90);
    CHECK_FALSE(parse_pack_entry_header(std::string_view("\x65\x0A", 2), 5, h));  // base before the pack
    CHECK_FALSE(parse_pack_entry_header(std::string_view("\x65", 1), 100, h));     // distance cut off
    CHECK_FALSE(parse_pack_entry_header(std::string_view("\x55\x00", 2), 100, h));  // type 5 is reserved
    CHECK_FALSE(parse_pack_entry_header(std::string_view("\xBC", 1), 100, h));      // size cut off
    CHECK_FALSE(parse_pack_entry_header(std::string_view("\x75" "0123456789", 11), 100, h));  // ref id cut off
    CHECK_FALSE(parse_pack_entry_header(std::string(12, '\xFF'), 100, h));         // size overflows
}

TEST_CASE("pack format: deltas copy and insert within bounds") {
    std::string base = "Hello, brave new world";
    std::string out;
    // source 22, target 11: copy 5 bytes at offset 0, insert "!!!", copy 3 bytes at offset 19
    std::string delta = std::string("\x16\x0B") + "\x90\x05" + "\x03!!!" + "\x91\x13\x03";
    REQUIRE(apply_delta(base, delta, 100, out));
    CHECK(out == "Hello!!!rld");
    uint64_t target = 0;
    CHECK((delta_target_size(delta, target) && target == 11));
    CHECK_FALSE(apply_delta(base, delta, 10, out));                                     // over max_size
    CHECK_FALSE(apply_delta(base.substr(1), delta, 100, out));                          // wrong base size
    CHECK_FALSE(apply_delta(base, std::string("\x16\x0B") + "\x91\x14\x05", 100, out));  // copy past the base
    CHECK_FALSE(apply_delta(base, std::string("\x16\x0B") + "\x05!!", 100, out));        // insert cut off
    CHECK_FALSE(apply_delta(base, std::string("\x16\x0B", 2) + std::string("\x00", 1), 100, out));  // reserved op
    CHECK_FALSE(apply_delta(base, std::string("\x16\x0B") + "\x90\x05", 100, out));      // builds too little
    CHECK_FALSE(apply_delta(base, std::string("\x16\x02") + "\x90\x05", 100, out));      // builds too much
}

TEST_CASE("git objects: tree entries as libgit2 reads their modes") {
    auto entry = [](const std::string& mode, const std::string& name, char fill) {
        return mode + " " + name + std::string(1, '\0') + std::string(20, fill);
    };
    std::string tree = entry("40000", "dir", 'a') + entry("100644", "a.txt", 'b') + entry("100755", "run.sh", 'c') +
                       entry("120000", "link", 'd') + entry("160000", "sub", 'e') + entry("100664", "old.txt", 'f');
    TreeEntryCursor cursor(tree);
    TreeEntry e;
    std::vector<std::pair<std::string, TreeEntryKind>> seen;
    while (cursor.next(e)) {
        seen.emplace_back(std::string(e.name), e.kind);
        CHECK(e.oid[19] == e.oid[0]);
    }
    CHECK_FALSE(cursor.malformed());
    REQUIRE(seen.size() == 6);
    CHECK(seen[0] == std::make_pair(std::string("dir"), TreeEntryKind::tree));
    CHECK(seen[1].second == TreeEntryKind::blob);
    CHECK(seen[2].second == TreeEntryKind::blob);
    CHECK(seen[3].second == TreeEntryKind::other);
    CHECK(seen[4].second == TreeEntryKind::other);
    CHECK(seen[5].second == TreeEntryKind::blob);  // a legacy group-writable mode is a plain blob

    for (const std::string& bad : {entry("10064x", "a", 'b'), std::string("100644 a"), entry("100644", "a", 'b').substr(0, 20),
                                   entry("", "a", 'b'), entry("100644", "", 'b')}) {
        TreeEntryCursor c(bad);
        CHECK_FALSE(c.next(e));
        CHECK(c.malformed());
    }
}

TEST_CASE("git objects: commit headers give tree, parents and committer time") {
    std::string tree(40, 'a');
    std::string p1(40, 'b');
    std::string p2(40, 'c');
    std::string commit = "tree " + tree + "\nparent " + p1 + "\nparent " + p2 +
                         "\nauthor A <a@x> 1600000000 +0200\ncommitter C <c@x> 1700000000 -0130\n"
                         "\nmessage\ncommitter X <x@y> 5 +0000\n";
    CommitSummary s;
    REQUIRE(parse_commit_summary(commit, s));
    CHECK(s.tree == oid_of(tree));
    REQUIRE(s.parents.size() == 2);
    CHECK(s.parents[1] == oid_of(p2));
    CHECK(s.time == 1700000000);
    CHECK_FALSE(parse_commit_summary("tree " + tree + "\nauthor A <a@x> 1 +0000\n", s));  // no committer
    CHECK_FALSE(parse_commit_summary("tree " + tree.substr(1) + "\ncommitter C <c@x> 1 +0000\n", s));
    CHECK_FALSE(parse_commit_summary("parent " + p1 + "\ntree " + tree + "\ncommitter C <c@x> 1 +0000\n", s));
    CHECK_FALSE(parse_commit_summary("tree " + tree + "\ncommitter C <c@x> +0000\n", s));
}

TEST_CASE("delta forest: every object built once, from its base, as git prints it") {
    TempRepo repo;
    std::string objects = deltified_repo(repo, "repack -a -d -q -f --depth=50 --window=50");
    repo.write("loose.txt", "a loose object, in no pack\n");
    repo.git("add loose.txt");
    std::string loose = repo.output("rev-parse :loose.txt");
    auto packs = std::make_shared<const PackSet>(objects);
    std::vector<Object> list = all_objects(repo.str());
    std::shuffle(list.begin(), list.end(), std::mt19937(5));
    list.push_back(list[3]);  // the same object wanted twice (two walkers report it)
    std::vector<PackLocation> targets;
    for (const Object& o : list) targets.push_back(packs->locate(oid_of(o.id)));
    PackReader planner(packs);
    DeltaForest forest(*packs, planner, targets);
    // Only the loose object is left to libgit2.
    REQUIRE(forest.unplanned().size() == 1);
    CHECK(list[forest.unplanned()[0]].id == loose);
    CHECK(forest.task_count() > 1);

    const char* names[] = {"", "commit", "tree", "blob", "tag"};
    std::vector<int> built(list.size(), 0);
    PackReader reader(packs);
    size_t too_large = 0;
    for (size_t task = 0; task < forest.task_count(); ++task) {
        forest.run(
            task, reader, uint64_t(1) << 30,
            [&](uint32_t id, PackEntryType type, std::string_view bytes) {
                ++built[id];
                INFO(list[id].type << " " << list[id].id);
                CHECK(names[static_cast<int>(type)] == list[id].type);
                CHECK(bytes == git_bytes(repo.str(), "cat-file " + list[id].type + " " + list[id].id));
            },
            [&](uint32_t) { ++too_large; });
    }
    CHECK(too_large == 0);
    for (size_t id = 0; id + 1 < list.size(); ++id) {
        if (list[id].id != loose) CHECK(built[id] == 1);
    }

    // With a limit below big.bin's 70,000 bytes, every version of it (and whatever is built on
    // one) is handed back; everything else is still built.
    std::vector<int> outcome(list.size(), 0);
    size_t failed = 0;
    for (size_t task = 0; task < forest.task_count(); ++task) {
        forest.run(
            task, reader, 60000, [&](uint32_t id, PackEntryType, std::string_view bytes) {
                ++outcome[id];
                CHECK(bytes.size() <= 60000);
            },
            [&](uint32_t id) {
                ++outcome[id];
                ++failed;
            });
    }
    CHECK(failed >= 60);
    for (size_t id = 0; id < list.size(); ++id) {
        if (list[id].id != loose) CHECK(outcome[id] == 1);
    }
}
