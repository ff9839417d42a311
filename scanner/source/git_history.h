// Enumerates every distinct blob of a repository's history once, with the commit that introduced
// it: commits are visited parents-first (oldest first among unrelated ones), each commit's tree is
// walked skipping every tree and blob already seen, so a blob is reported at the first commit and
// path where it appears — also when a later commit deleted it. Reads .git/shallow itself (the
// libgit2 in Debian 12 cannot walk a shallow clone) and never holds blob contents. Commits and
// trees are read from the packs when given a PackSet (git_pack.h), through libgit2 otherwise.
// A long history can be walked by several threads, each over a contiguous range of commits with
// its own seen-set (inflating trees is most of a history walk's cost); what a later range reports
// again is recognised afterwards with seen_earlier()/path_seen_earlier().
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "source/git_objects.h"

namespace aaiscan {

class GitRepo;
class PackSet;

struct HistoryWalkOptions {
    std::string since;      // only commits that are not ancestors of this revision ("" for all)
    bool all_refs = false;  // start from every ref (and HEAD), not only HEAD
    unsigned walkers = 1;   // at most this many threads walk trees (used only without --since,
                            // and only for histories long enough to pay for it)
    size_t min_commits_per_walker = 1000;  // a range walks its first tree in full: keep it small
                                           // beside the range
    std::shared_ptr<const PackSet> packs;  // trees and commits in these packs are read with a
                                           // PackReader (git_pack.h), the rest through libgit2
};

// One blob at the commit and path where it first appears.
struct HistoryBlob {
    GitOid blob;
    std::string path;      // repository-relative
    uint32_t commit = 0;   // index into HistoryWalk::commit_id(): its position in visiting order
    uint16_t walker = 0;   // the walker (range of commits) that reported it
    PackLocation where;    // set by the caller when it reads packs itself (PackSet::locate)
};

// Who and when, for a commit that a finding is attributed to.
struct CommitInfo {
    std::string id;      // 40 hex digits
    std::string author;  // "Name <email>"
    std::string date;    // author date, ISO 8601 with the author's UTC offset
};

class HistoryWalk {
public:
    // Resolves the starting points. Throws Error when they cannot be resolved (no commit yet,
    // an unknown --since revision, an unreadable HEAD): the scan cannot happen.
    HistoryWalk(GitRepo& repo, const HistoryWalkOptions& options);
    ~HistoryWalk();
    HistoryWalk(const HistoryWalk&) = delete;
    HistoryWalk& operator=(const HistoryWalk&) = delete;

    // Loads the commit graph, then walks it, calling `on_blob` for every blob seen for the first
    // time, and `on_path` once per regular-file path (the first commit that has it, whether its
    // blob is new or not: file rules look at paths) whose last component `wants_name` accepts
    // (both may be empty: no paths). Problems (a missing object, a shallow boundary) go to
    // `on_problem` with `is_error` set when part of the history could not be read.
    // With several walkers, `on_blob`, `wants_name` and `on_path` are called concurrently from
    // each walker's thread (the `walker` argument says which); `on_problem` calls are serialised.
    void run(const std::function<void(HistoryBlob&&)>& on_blob,
             const std::function<bool(std::string_view name)>& wants_name,
             const std::function<void(const std::string& path, uint32_t commit, unsigned walker)>& on_path,
             const std::function<void(const std::string& message, bool is_error)>& on_problem);

    // How many walkers run() used (known once it has returned).
    unsigned walker_count() const;
    // After run(): true when a walker of an earlier range already reported `blob` (or `path`), so
    // walker `walker`'s report of it is a repeat that a single walk would not have made.
    bool seen_earlier(unsigned walker, const GitOid& blob) const;
    bool path_seen_earlier(unsigned walker, const std::string& path) const;

    size_t commit_count() const;
    // The blobs at `path` in the commits the walk started after (the --since boundary, known once
    // run() has returned): what a finding must be absent from to count as introduced after it.
    std::vector<GitOid> boundary_blobs(const std::string& path) const;
    // Every regular-file blob of those commits, each once, with one path it has: where a value
    // found at a path that is new since the boundary (a moved or copied file) may have been before.
    std::vector<std::pair<std::string, GitOid>> all_boundary_blobs() const;
    GitOid commit_id(uint32_t commit) const;
    // Author and date of a visited commit (reads the commit again; meant for the few that carry
    // findings). Only id is filled when the commit cannot be read.
    CommitInfo describe(uint32_t commit) const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

// "2026-01-02T03:04:05Z" / "2026-01-02T05:04:05+02:00" for seconds since the epoch and an offset
// in minutes east of UTC.
std::string format_git_time(int64_t seconds, int offset_minutes);

}  // namespace aaiscan
