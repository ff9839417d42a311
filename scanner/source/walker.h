// Walks the paths named on the command line and hands every regular file to a sink: honours the
// repository's ignore rules (libgit2) unless disabled, skips .git/ and other VCS folders, never
// opens FIFOs, sockets or devices, does not follow symlinks unless asked (and then never out of
// the tree, with loop detection), and reports what it skipped and what it could not read.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace aaiscan {

class GitRepo;

struct WalkOptions {
    bool use_gitignore = true;
    bool follow_symlinks = false;
    bool include_hidden = true;  // dotfiles are scanned: .env files are the point
};

struct WalkEntry {
    std::string fs_path;        // path to open
    std::string display_path;   // as reported (the named root joined with the relative path)
    std::string project_path;   // relative to the git top level, or to the named root
    uint64_t size = 0;           // 0 when not known without a stat (the reader fstat()s)
    bool explicit_path = false;  // named on the command line
    bool ignored = false;        // matched by the repository's ignore rules
    GitRepo* repo = nullptr;     // the repository containing it, valid during the callback
};

enum class SkipReason { ignored, symlink, special_file, vcs_dir };

struct WalkSink {
    std::function<void(const WalkEntry&)> on_file;
    // Optional: a regular file the ignore rules excluded (not scanned; file rules still look).
    std::function<void(const WalkEntry&)> on_ignored_file;
    std::function<void(const std::string& path, SkipReason)> on_skip;
    // A path that was asked for (or found) but cannot be read: the scan is incomplete.
    std::function<void(const std::string& path, const std::string& message)> on_error;
};

// Walks every root in order, synchronously, on the calling thread.
void walk_paths(const std::vector<std::string>& roots, const WalkOptions& options, const WalkSink& sink);

}  // namespace aaiscan
