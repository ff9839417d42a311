// libgit2-backed repository queries (see git_repo.h).
#include "source/git_repo.h"

#include <git2.h>

#include "source/git_ignore_check.h"

#include <cstdlib>
#include <filesystem>
#include <mutex>

namespace aaiscan {

void ensure_libgit2() {
    static std::once_flag once;
    std::call_once(once, [] {
        git_libgit2_init();
        // Never read the network or system-wide settings that could slow us down unexpectedly.
        git_libgit2_opts(GIT_OPT_ENABLE_STRICT_OBJECT_CREATION, 0);
        // git itself does not re-hash every object it reads; SHA-1 (with collision detection) of
        // every blob would dominate a history scan. zlib and pack checksums still catch damage.
        git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
        // A read-only scan runs no hooks, filters or commands from the repository, so a checkout
        // owned by another user (CI containers) is safe to read, unlike for git itself.
        git_libgit2_opts(GIT_OPT_SET_OWNER_VALIDATION, 0);
        // Every object is read once (trees and blobs of a history walk are never revisited):
        // the shared object cache would only cost a lock per lookup and memory.
        git_libgit2_opts(GIT_OPT_ENABLE_CACHING, 0);
        // Pack files are read through mmap windows, by default up to 8 GiB of them: a history
        // scan of a large repository would keep every pack byte it touched resident. 48 MiB of
        // windows (shared by every repository handle) keep memory flat. Measured: 32 MiB made a
        // 35 MB pack (10,000 commits) remap windows (+50% page faults); 64 MiB kept ~55-64 MB of
        // a 97 MB pack (100,000 commits) resident for no gain in speed.
        git_libgit2_opts(GIT_OPT_SET_MWINDOW_SIZE, size_t(8) << 20);
        git_libgit2_opts(GIT_OPT_SET_MWINDOW_MAPPED_LIMIT, size_t(48) << 20);
    });
}

std::string last_git_error(const std::string& fallback) {
    const git_error* e = git_error_last();
    return e && e->message && *e->message ? std::string(e->message) : fallback;
}

bool may_be_in_repository(const std::string& path) {
    if (std::getenv("GIT_DIR") != nullptr) return true;
    std::error_code ec;
    std::filesystem::path dir = std::filesystem::absolute(path, ec).lexically_normal();
    if (ec) return true;
    while (true) {
        if (std::filesystem::exists(dir / ".git", ec)) return true;
        if (!dir.has_parent_path() || dir.parent_path() == dir) return false;
        dir = dir.parent_path();
    }
}

namespace {

std::string with_slash(std::string dir) {
    if (!dir.empty() && dir.back() != '/') dir += '/';
    return dir;
}

}  // namespace

std::unique_ptr<GitRepo> GitRepo::adopt(void* repo) {
    std::unique_ptr<GitRepo> out(new GitRepo());
    out->m_repo = repo;
    const char* workdir = git_repository_workdir(static_cast<git_repository*>(repo));
    if (workdir != nullptr) out->m_workdir = with_slash(workdir);
    return out;
}

std::unique_ptr<GitRepo> GitRepo::discover(const std::string& path, std::string* error) {
    if (!may_be_in_repository(path)) return nullptr;
    ensure_libgit2();
    git_repository* repo = nullptr;
    int rc = git_repository_open_ext(&repo, path.c_str(), 0, nullptr);
    if (rc == GIT_ENOTFOUND) return nullptr;
    if (rc != 0) {
        if (error) *error = last_git_error("cannot open git repository");
        return nullptr;
    }
    if (git_repository_workdir(repo) == nullptr) {
        git_repository_free(repo);
        return nullptr;
    }
    return adopt(repo);
}

std::unique_ptr<GitRepo> GitRepo::open(const std::string& path, bool allow_bare, bool from_environment,
                                       std::string& error) {
    ensure_libgit2();
    git_repository* repo = nullptr;
    int rc = from_environment ? git_repository_open_ext(&repo, nullptr, GIT_REPOSITORY_OPEN_FROM_ENV, nullptr)
                              : git_repository_open_ext(&repo, path.c_str(), 0, nullptr);
    if (rc == GIT_ENOTFOUND) {
        error = (from_environment ? std::string("the current directory") : "'" + path + "'") +
                " is not inside a git repository";
        return nullptr;
    }
    if (rc != 0) {
        error = "cannot open the git repository: " + last_git_error("unknown error");
        return nullptr;
    }
    if (!allow_bare && git_repository_is_bare(repo)) {
        git_repository_free(repo);
        error = "this is a bare repository: there is no index to scan";
        return nullptr;
    }
    return adopt(repo);
}

GitRepo::~GitRepo() {
    if (m_index) git_index_free(static_cast<git_index*>(m_index));
    if (m_repo) git_repository_free(static_cast<git_repository*>(m_repo));
}

std::string GitRepo::git_dir() const {
    return with_slash(git_repository_path(static_cast<git_repository*>(m_repo)));
}

std::string GitRepo::common_dir() const {
    return with_slash(git_repository_commondir(static_cast<git_repository*>(m_repo)));
}

bool GitRepo::is_shallow() const { return git_repository_is_shallow(static_cast<git_repository*>(m_repo)) == 1; }

std::string GitRepo::config_path(const std::string& key) const {
    git_config* config = nullptr;
    if (git_repository_config_snapshot(&config, static_cast<git_repository*>(m_repo)) != 0) return {};
    git_buf value = GIT_BUF_INIT;
    std::string out;
    if (git_config_get_path(&value, config, key.c_str()) == 0) out.assign(value.ptr, value.size);
    git_buf_dispose(&value);
    git_config_free(config);
    return out;
}

bool GitRepo::is_ignored(const std::string& relative) {
    int ignored = 0;
    if (git_ignore_path_is_ignored(&ignored, static_cast<git_repository*>(m_repo), relative.c_str()) != 0) return false;
    if (ignored == 0) return false;
    if (relative.empty() || relative.back() == '/' || m_workdir.empty()) return true;
    if (!m_negations) m_negations = std::make_unique<NestedNegationCheck>(m_workdir);
    if (!m_negations->reincludes(relative)) return true;
    // Re-included by a nested negation, unless a parent directory is ignored (git cannot
    // re-include a file inside an ignored directory).
    for (size_t slash = relative.find('/'); slash != std::string::npos; slash = relative.find('/', slash + 1)) {
        int dir_ignored = 0;
        std::string dir = relative.substr(0, slash + 1);
        if (git_ignore_path_is_ignored(&dir_ignored, static_cast<git_repository*>(m_repo), dir.c_str()) == 0 &&
            dir_ignored != 0) {
            return true;
        }
    }
    return false;
}

void* GitRepo::raw_index() {
    if (m_index == nullptr) {
        git_index* index = nullptr;
        if (git_repository_index(&index, static_cast<git_repository*>(m_repo)) != 0) return nullptr;
        m_index = index;
    }
    return m_index;
}

bool GitRepo::is_tracked(const std::string& relative) {
    auto* index = static_cast<git_index*>(raw_index());
    return index && git_index_get_bypath(index, relative.c_str(), 0) != nullptr;
}

bool GitRepo::has_tracked_under(const std::string& relative) {
    auto* index = static_cast<git_index*>(raw_index());
    if (index == nullptr) return false;
    std::string prefix = with_slash(relative);
    size_t at = 0;
    return git_index_find_prefix(&at, index, prefix.c_str()) == 0;
}

bool GitRepo::ignores_env_files(const std::string& directory) {
    return is_ignored(directory + ".env") || is_ignored(directory + ".env.local") ||
           is_ignored(directory + ".env.production");
}

}  // namespace aaiscan
