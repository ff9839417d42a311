// A libgit2 repository handle for the questions the scanner asks of a working tree: where is the
// top level, is this path ignored (the repository's real .gitignore/.git/info/exclude/global
// rules), is it tracked in the index; and the handle the git sources (staged, history) start
// from. Not thread-safe: use it from one thread.
#pragma once

#include <memory>
#include <optional>
#include <string>

namespace aaiscan {

class NestedNegationCheck;

// Initialises libgit2 once per process (idempotent, thread-safe; concurrent callers wait).
void ensure_libgit2();

// True when `path` or one of its parents holds a `.git` entry (or GIT_DIR is set): only then is
// libgit2 started, since its start-up parses the system CA bundle (~10 ms).
bool may_be_in_repository(const std::string& path);

// The message of the last libgit2 error on this thread, or `fallback`.
std::string last_git_error(const std::string& fallback);

class GitRepo {
public:
    // Discovers the repository containing `path` (searching upwards). nullopt outside a repository
    // or for a bare one. `error` receives a message when a repository exists but cannot be opened.
    static std::unique_ptr<GitRepo> discover(const std::string& path, std::string* error = nullptr);

    // Opens the repository containing `path` for a git source (`--staged`, `--git-history`).
    // With `from_environment`, GIT_DIR, GIT_WORK_TREE, GIT_INDEX_FILE, GIT_OBJECT_DIRECTORY ...
    // are honoured as git does (they are how git hands a hook its temporary index) and the
    // search starts in the current directory. Bare repositories are accepted when `allow_bare`.
    // Returns nullptr and sets `error` when there is no usable repository.
    static std::unique_ptr<GitRepo> open(const std::string& path, bool allow_bare, bool from_environment,
                                         std::string& error);

    ~GitRepo();
    GitRepo(const GitRepo&) = delete;
    GitRepo& operator=(const GitRepo&) = delete;

    // Absolute working-tree directory, with a trailing '/'. Empty for a bare repository.
    const std::string& workdir() const { return m_workdir; }
    // The repository's own git directory (a worktree's private one), with a trailing '/'.
    std::string git_dir() const;
    // The directory shared by all worktrees (hooks, objects, refs, `shallow`), trailing '/'.
    std::string common_dir() const;
    bool is_shallow() const;
    // A path-valued configuration entry (`~` expanded), or "" when unset. Throws nothing.
    std::string config_path(const std::string& key) const;

    // `relative` is '/'-separated, relative to workdir(). Directories may end in '/'. For files,
    // libgit2's answer is corrected where it drops a nested .gitignore's negation (as git does).
    bool is_ignored(const std::string& relative);
    bool is_tracked(const std::string& relative);
    // True when the index holds an entry under directory `relative` ("dir" or "dir/").
    bool has_tracked_under(const std::string& relative);
    // True when any ignore rule of the repository ignores a file named `.env`, `.env.local` or
    // `.env.production` in directory `directory` ("" for the top level, else "a/b/").
    bool ignores_env_files(const std::string& directory = "");
    void* raw() const { return m_repo; }  // git_repository*, for source/git_* helpers
    // The repository's index (git_index*), loaded on first use; nullptr when unreadable.
    void* raw_index();

private:
    GitRepo() = default;
    static std::unique_ptr<GitRepo> adopt(void* repo);
    void* m_repo = nullptr;
    void* m_index = nullptr;
    std::string m_workdir;
    std::unique_ptr<NestedNegationCheck> m_negations;
};

}  // namespace aaiscan
