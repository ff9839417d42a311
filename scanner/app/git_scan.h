// Git sources for `aaiscan scan`: `--staged` (the index blobs being committed, findings only on
// added lines) and `--git-history` (every distinct blob reachable from the refs, attributed to
// the commit that introduced it). Both use libgit2 and the same per-item pipeline as the walker.
#pragma once

#include <memory>
#include <string>

#include "app/scan_runner.h"
#include "source/git_staged.h"

namespace aaiscan {

class GitRepo;

struct HistoryOptions {
    std::string since;  // only commits after this revision
    bool all_refs = false;
};

// Scans what `git commit` would record from the repository containing `path` (or the one git
// names in GIT_DIR / GIT_INDEX_FILE, as in a hook): the staged blob of every added, modified,
// renamed or copied regular file, keeping only findings on lines the commit adds (a new file is
// all added), plus the file rules for each staged path (a staged .env is about to be tracked).
// Paths are repository-relative. Throws Error when there is no usable repository, HEAD or index.
ScanOutput run_staged_scan(const Engine& engine, const ScanRequest& request, const FindingFilter& filter,
                           const std::string& path);

// What is staged in the repository containing `path`, listed before the rules are loaded: the
// pre-commit path reads the index and compares it with HEAD while the engine loads.
struct StagedSnapshot {
    std::shared_ptr<GitRepo> repo;
    StagedList list;
    double seconds = 0;  // time spent listing, counted in the scan's time
};
// Throws Error when there is no usable repository, HEAD or index.
StagedSnapshot read_staged_snapshot(const std::string& path);
ScanOutput run_staged_scan(const Engine& engine, const ScanRequest& request, const FindingFilter& filter,
                           StagedSnapshot snapshot);

// Scans every blob of the history (HEAD, all refs, or the commits after `since`) once, with
// `request.threads` workers; each finding carries the commit that first introduced it (the
// earliest one when later versions of the file still hold the same secret). Bare repositories
// and shallow clones (with a warning) work. Throws Error when the history cannot be walked at all.
ScanOutput run_history_scan(const Engine& engine, const ScanRequest& request, const FindingFilter& filter,
                            const std::string& path, const HistoryOptions& history);

}  // namespace aaiscan
