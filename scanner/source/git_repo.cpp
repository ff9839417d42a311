// libgit2-backed repository queries (see git_repo.h).
#include "source/git_repo.h"

#include <git2.h>

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
    });
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

std::unique_ptr<GitRepo> GitRepo::discover(const std::string& path, std::string* error) {
    if (!may_be_in_repository(path)) return nullptr;
    ensure_libgit2();
    git_repository* repo = nullptr;
    int rc = git_repository_open_ext(&repo, path.c_str(), 0, nullptr);
    if (rc == GIT_ENOTFOUND) return nullptr;
    if (rc != 0) {
        if (error) {
            const git_error* e = git_error_last();
            *error = e && e->message ? e->message : "cannot open git repository";
        }
        return nullptr;
    }
    const char* workdir = git_repository_workdir(repo);
    if (workdir == nullptr) {
        git_repository_free(repo);
        return nullptr;
    }
    std::unique_ptr<GitRepo> out(new GitRepo());
    out->m_repo = repo;
    out->m_workdir = workdir;
    if (!out->m_workdir.empty() && out->m_workdir.back() != '/') out->m_workdir += '/';
    return out;
}

GitRepo::~GitRepo() {
    if (m_index) git_index_free(static_cast<git_index*>(m_index));
    if (m_repo) git_repository_free(static_cast<git_repository*>(m_repo));
}

bool GitRepo::is_ignored(const std::string& relative) {
    int ignored = 0;
    if (git_ignore_path_is_ignored(&ignored, static_cast<git_repository*>(m_repo), relative.c_str()) != 0) return false;
    return ignored != 0;
}

bool GitRepo::is_tracked(const std::string& relative) {
    if (m_index == nullptr) {
        git_index* index = nullptr;
        if (git_repository_index(&index, static_cast<git_repository*>(m_repo)) != 0) return false;
        m_index = index;
    }
    return git_index_get_bypath(static_cast<git_index*>(m_index), relative.c_str(), 0) != nullptr;
}

bool GitRepo::ignores_env_files() {
    return is_ignored(".env") || is_ignored(".env.local") || is_ignored(".env.production");
}

}  // namespace aaiscan
