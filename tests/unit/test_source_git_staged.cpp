// Unit tests for source/git_staged: which index entries a commit would record (new, modified,
// renamed, copied; never deletions, symlinks or unstaged working-tree edits), a first commit, and
// the added-line ranges that decide which findings a commit introduces.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <algorithm>

#include "source/git_objects.h"
#include "source/git_repo.h"
#include "source/git_staged.h"
#include "test_git_support.h"

using namespace aaiscan;
using namespace aaiscan::testing;

namespace {

StagedList staged(const TempRepo& r) {
    std::string error;
    auto repo = GitRepo::open(r.str(), false, false, error);
    REQUIRE(repo);
    StagedList list;
    INFO(error);
    REQUIRE(list_staged_files(*repo, list, error));
    std::sort(list.files.begin(), list.files.end(), [](const StagedFile& a, const StagedFile& b) { return a.path < b.path; });
    return list;
}

const StagedFile* find(const StagedList& list, const std::string& path) {
    for (const auto& f : list.files) {
        if (f.path == path) return &f;
    }
    return nullptr;
}

std::string blob_text(const TempRepo& r, const GitOid& oid) {
    std::string error;
    auto repo = GitRepo::open(r.str(), false, false, error);
    GitObjectReader reader(*repo);
    std::string out;
    uint64_t size = 0;
    REQUIRE(reader.read_blob(oid, 1 << 20, out, size) == BlobStatus::ok);
    return out;
}

bool same_ranges(const std::vector<LineRange>& got, const std::vector<std::pair<size_t, size_t>>& want) {
    if (got.size() != want.size()) return false;
    for (size_t i = 0; i < got.size(); ++i) {
        if (got[i].first != want[i].first || got[i].last != want[i].second) return false;
    }
    return true;
}

}  // namespace

TEST_CASE("staged: a repository without commits stages everything as new") {
    TempRepo r;
    r.write("a.txt", "one\n");
    r.write("dir/b.txt", "two\n");
    REQUIRE(r.git("add a.txt dir/b.txt") == 0);
    r.write("untracked.txt", "not staged\n");
    StagedList list = staged(r);
    CHECK(list.unborn);
    REQUIRE(list.files.size() == 2);
    CHECK(list.files[0].path == "a.txt");
    CHECK(list.files[1].path == "dir/b.txt");
    CHECK_FALSE(list.files[0].has_old);
    CHECK(blob_text(r, list.files[0].blob) == "one\n");
}

TEST_CASE("staged: modifications, renames, copies; deletions and unstaged edits are not listed") {
    TempRepo r;
    std::string long_text;
    for (int i = 0; i < 40; ++i) long_text += "line " + std::to_string(i) + " of a file long enough to be similar\n";
    r.write("modified.txt", "a\nb\n");
    r.write("renamed.txt", long_text);
    r.write("edited-rename.txt", long_text + "tail\n");
    r.write("deleted.txt", "gone\n");
    r.write("mode.sh", "echo hi\n");
    r.write("unstaged.txt", "v1\n");
    r.commit("base");

    r.write("modified.txt", "a\nb\nc\n");
    REQUIRE(r.git("mv renamed.txt moved.txt") == 0);
    REQUIRE(r.git("mv edited-rename.txt edited-moved.txt") == 0);
    r.write("edited-moved.txt", long_text + "tail\nnew line\n");
    REQUIRE(r.git("rm -q deleted.txt") == 0);
    REQUIRE(r.git("update-index --chmod=+x mode.sh") == 0);
    REQUIRE(symlink("modified.txt", (r.dir / "link").c_str()) == 0);
    r.write("new.txt", "fresh\n");
    REQUIRE(r.git("add modified.txt edited-moved.txt link new.txt") == 0);
    r.write("unstaged.txt", "v2 in the working tree only\n");
    r.write("modified.txt", "a\nb\nc\nworking tree only\n");

    StagedList list = staged(r);
    CHECK_FALSE(list.unborn);
    CHECK(list.symlinks == 1);
    CHECK_FALSE(find(list, "deleted.txt"));
    CHECK_FALSE(find(list, "unstaged.txt"));
    CHECK_FALSE(find(list, "link"));

    const StagedFile* modified = find(list, "modified.txt");
    REQUIRE(modified);
    CHECK(modified->has_old);
    CHECK(blob_text(r, modified->blob) == "a\nb\nc\n");  // the index, not the working tree
    CHECK(blob_text(r, modified->old_blob) == "a\nb\n");

    const StagedFile* moved = find(list, "moved.txt");
    REQUIRE(moved);
    CHECK(moved->has_old);
    CHECK(moved->old_path == "renamed.txt");
    CHECK(moved->old_blob == moved->blob);

    const StagedFile* edited = find(list, "edited-moved.txt");
    REQUIRE(edited);
    CHECK(edited->old_path == "edited-rename.txt");
    CHECK_FALSE(edited->old_blob == edited->blob);

    const StagedFile* mode = find(list, "mode.sh");
    REQUIRE(mode);
    CHECK(mode->old_blob == mode->blob);

    const StagedFile* fresh = find(list, "new.txt");
    REQUIRE(fresh);
    CHECK_FALSE(fresh->has_old);
}

TEST_CASE("staged: added line ranges") {
    CHECK(same_ranges(added_line_ranges("a\nb\nc\n", "a\nX\nb\nc\nY\n"), {{2, 2}, {5, 5}}));
    CHECK(same_ranges(added_line_ranges("", "one\ntwo\n"), {{1, 2}}));
    CHECK(same_ranges(added_line_ranges("a\nb\n", "a\n"), {}));
    CHECK(same_ranges(added_line_ranges("a\nb\n", "a\nB\n"), {{2, 2}}));
    CHECK(same_ranges(added_line_ranges("a\nb", "a\nb\nc"), {{2, 3}}));  // "b" gains its newline
    CHECK(same_ranges(added_line_ranges("a\r\nb\r\n", "a\r\nb\r\nc\r\n"), {{3, 3}}));
    // Bytes git would call binary are still diffed as lines.
    CHECK(same_ranges(added_line_ranges(std::string("x\0y\nz\n", 6), std::string("x\0y\nz\nsecret\n", 13)), {{3, 3}}));
}

TEST_CASE("staged: ranges touched by a finding's lines") {
    std::vector<LineRange> ranges = {{2, 2}, {5, 9}};
    CHECK(touches_ranges(ranges, 2, 2));
    CHECK(touches_ranges(ranges, 1, 3));
    CHECK(touches_ranges(ranges, 7, 7));
    CHECK(touches_ranges(ranges, 9, 12));
    CHECK(touches_ranges(ranges, 4, 5));
    CHECK_FALSE(touches_ranges(ranges, 1, 1));
    CHECK_FALSE(touches_ranges(ranges, 3, 4));
    CHECK_FALSE(touches_ranges(ranges, 10, 10));
    CHECK_FALSE(touches_ranges({}, 1, 1));
}
