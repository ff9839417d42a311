// Staged changes through libgit2's tree-to-index diff (see git_staged.h).
#include "source/git_staged.h"

#include <git2.h>

#include <algorithm>

#include "source/git_repo.h"

namespace aaiscan {
namespace {

GitOid to_oid(const git_oid& id) {
    GitOid out;
    std::copy(std::begin(id.id), std::begin(id.id) + 20, out.bytes.begin());
    return out;
}

bool is_regular(uint16_t mode) { return mode == GIT_FILEMODE_BLOB || mode == GIT_FILEMODE_BLOB_EXECUTABLE; }

// Frees libgit2 objects at scope exit.
template <typename T, void (*Free)(T*)>
struct Owned {
    T* ptr = nullptr;
    ~Owned() {
        if (ptr) Free(ptr);
    }
};

int collect_added_line(const git_diff_delta*, const git_diff_hunk*, const git_diff_line* line, void* payload) {
    if (line->origin != GIT_DIFF_LINE_ADDITION || line->new_lineno <= 0) return 0;
    auto& ranges = *static_cast<std::vector<LineRange>*>(payload);
    size_t n = static_cast<size_t>(line->new_lineno);
    if (!ranges.empty() && ranges.back().last + 1 == n) {
        ranges.back().last = n;
    } else {
        ranges.push_back({n, n});
    }
    return 0;
}

}  // namespace

bool list_staged_files(GitRepo& repo, StagedList& out, std::string& error) {
    auto* raw = static_cast<git_repository*>(repo.raw());
    Owned<git_tree, git_tree_free> head_tree;
    int unborn = git_repository_head_unborn(raw);
    if (unborn < 0) {
        error = "cannot read HEAD: " + last_git_error("unknown error");
        return false;
    }
    out.unborn = unborn == 1;
    if (!out.unborn) {
        Owned<git_object, git_object_free> object;
        if (git_revparse_single(&object.ptr, raw, "HEAD^{tree}") != 0) {
            error = "cannot read the tree of HEAD: " + last_git_error("unknown error");
            return false;
        }
        head_tree.ptr = reinterpret_cast<git_tree*>(object.ptr);
        object.ptr = nullptr;
    }
    auto* index = static_cast<git_index*>(repo.raw_index());
    if (index == nullptr) {
        error = "cannot read the index: " + last_git_error("unknown error");
        return false;
    }
    git_diff_options options = GIT_DIFF_OPTIONS_INIT;
    options.flags = GIT_DIFF_SKIP_BINARY_CHECK;
    Owned<git_diff, git_diff_free> diff;
    if (git_diff_tree_to_index(&diff.ptr, raw, head_tree.ptr, index, &options) != 0) {
        error = "cannot compare the index with HEAD: " + last_git_error("unknown error");
        return false;
    }
    // Renames and copies (from modified files) keep an unchanged secret from counting as added.
    git_diff_find_options find = GIT_DIFF_FIND_OPTIONS_INIT;
    find.flags = GIT_DIFF_FIND_RENAMES | GIT_DIFF_FIND_COPIES;
    if (git_diff_find_similar(diff.ptr, &find) != 0) {
        error = "cannot detect renames: " + last_git_error("unknown error");
        return false;
    }
    size_t count = git_diff_num_deltas(diff.ptr);
    for (size_t i = 0; i < count; ++i) {
        const git_diff_delta* delta = git_diff_get_delta(diff.ptr, i);
        switch (delta->status) {
            case GIT_DELTA_ADDED:
            case GIT_DELTA_MODIFIED:
            case GIT_DELTA_RENAMED:
            case GIT_DELTA_COPIED:
            case GIT_DELTA_TYPECHANGE:
                break;
            default:
                continue;
        }
        uint16_t mode = delta->new_file.mode;
        if (mode == GIT_FILEMODE_LINK) {
            ++out.symlinks;
            continue;
        }
        if (mode == GIT_FILEMODE_COMMIT) {
            ++out.submodules;
            continue;
        }
        if (!is_regular(mode)) continue;
        StagedFile file;
        file.path = delta->new_file.path;
        file.blob = to_oid(delta->new_file.id);
        if (delta->status != GIT_DELTA_ADDED && is_regular(delta->old_file.mode) &&
            !git_oid_is_zero(&delta->old_file.id)) {
            file.has_old = true;
            file.old_blob = to_oid(delta->old_file.id);
            file.old_path = delta->old_file.path;
        }
        out.files.push_back(std::move(file));
    }
    return true;
}

std::vector<LineRange> added_line_ranges(std::string_view old_bytes, std::string_view new_bytes) {
    ensure_libgit2();
    std::vector<LineRange> ranges;
    git_diff_options options = GIT_DIFF_OPTIONS_INIT;
    options.flags = GIT_DIFF_FORCE_TEXT;
    options.context_lines = 0;
    options.interhunk_lines = 0;
    int rc = git_diff_buffers(old_bytes.data(), old_bytes.size(), nullptr, new_bytes.data(), new_bytes.size(),
                              nullptr, &options, nullptr, nullptr, nullptr, collect_added_line, &ranges);
    if (rc != 0) {
        // Cannot happen short of memory exhaustion; failing safe means treating every line as added.
        ranges.assign(1, LineRange{1, static_cast<size_t>(-1)});
    }
    return ranges;
}

bool touches_ranges(const std::vector<LineRange>& ranges, size_t first, size_t last) {
    if (last < first) last = first;
    auto it = std::lower_bound(ranges.begin(), ranges.end(), first,
                               [](const LineRange& r, size_t line) { return r.last < line; });
    return it != ranges.end() && it->first <= last;
}

}  // namespace aaiscan
