// A libgit2 repository handle for the questions the scanner asks of a working tree: where is the
// top level, is this path ignored (the repository's real .gitignore/.git/info/exclude/global
// rules), is it tracked in the index. Not thread-safe: use it from one thread.
#pragma once

#include <memory>
#include <optional>
#include <string>

namespace aaiscan {

// Initialises libgit2 once per process (idempotent, thread-safe; concurrent callers wait).
void ensure_libgit2();

// True when `path` or one of its parents holds a `.git` entry (or GIT_DIR is set): only then is
// libgit2 started, since its start-up parses the system CA bundle (~10 ms).
bool may_be_in_repository(const std::string& path);

class GitRepo {
public:
    // Discovers the repository containing `path` (searching upwards). nullopt outside a repository
    // or for a bare one. `error` receives a message when a repository exists but cannot be opened.
    static std::unique_ptr<GitRepo> discover(const std::string& path, std::string* error = nullptr);
    ~GitRepo();
    GitRepo(const GitRepo&) = delete;
    GitRepo& operator=(const GitRepo&) = delete;

    // Absolute working-tree directory, with a trailing '/'.
    const std::string& workdir() const { return m_workdir; }
    // `relative` is '/'-separated, relative to workdir(). Directories may end in '/'.
    bool is_ignored(const std::string& relative);
    bool is_tracked(const std::string& relative);
    // True when any ignore rule of the repository ignores a file named `.env` in its top level.
    bool ignores_env_files();
    void* raw() const { return m_repo; }  // git_repository*, for source/git_* helpers

private:
    GitRepo() = default;
    void* m_repo = nullptr;
    void* m_index = nullptr;
    std::string m_workdir;
};

}  // namespace aaiscan
