// What a commit would record: the index entries that differ from HEAD's tree (added, modified,
// renamed, copied, or turned into a regular file), read from the index, never the working tree;
// and which lines of a staged file the commit adds.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "source/git_objects.h"

namespace aaiscan {

class GitRepo;

struct StagedFile {
    std::string path;         // repository-relative, '/'-separated
    GitOid blob;              // the staged content
    bool has_old = false;     // a previous version exists (modified, renamed, copied)
    GitOid old_blob;          // ... its blob in HEAD
    std::string old_path;     // ... and its path there (differs for renames and copies)
};

struct StagedList {
    std::vector<StagedFile> files;
    size_t symlinks = 0;       // staged symlinks (their target is not content: not scanned)
    size_t submodules = 0;     // staged gitlinks (scanned, if at all, in their own repository)
    bool unborn = false;       // no commit yet: everything staged is new
};

// Lists the regular files staged in `repo`'s index relative to HEAD (the empty tree when the
// branch has no commit yet), with rename and copy detection. Returns false and sets `error` when
// HEAD or the index cannot be read.
bool list_staged_files(GitRepo& repo, StagedList& out, std::string& error);

// An inclusive range of 1-based line numbers.
struct LineRange {
    size_t first = 0;
    size_t last = 0;
};

// The lines of `new_bytes` that a line diff from `old_bytes` marks as added (0 lines of context,
// always treated as text), in increasing order, adjacent lines merged into one range.
std::vector<LineRange> added_line_ranges(std::string_view old_bytes, std::string_view new_bytes);

// True when some line of [first, last] lies in one of `ranges` (as returned above).
bool touches_ranges(const std::vector<LineRange>& ranges, size_t first, size_t last);

}  // namespace aaiscan
