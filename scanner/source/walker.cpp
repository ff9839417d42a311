// Directory walking (see walker.h).
#include "source/walker.h"

#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <set>
#include <utility>

#include "source/git_repo.h"

namespace aaiscan {
namespace {

std::string real_path(const std::string& path) {
    char buffer[PATH_MAX];
    if (realpath(path.c_str(), buffer) == nullptr) return {};
    return buffer;
}

std::string join_path(const std::string& dir, const std::string& name) {
    if (dir.empty() || dir == ".") return name;
    if (dir.back() == '/') return dir + name;
    return dir + "/" + name;
}

bool is_inside(const std::string& path, const std::string& root) {
    if (root == "/") return true;
    return path == root || (path.size() > root.size() && path.compare(0, root.size(), root) == 0 && path[root.size()] == '/');
}

class Walker {
public:
    Walker(const WalkOptions& options, const WalkSink& sink) : m_options(options), m_sink(sink) {}

    void walk_root(const std::string& root) {
        struct stat st {};
        if (lstat(root.c_str(), &st) != 0) {
            m_sink.on_error(root, std::strerror(errno));
            return;
        }
        // A symlink named on the command line is followed: the user asked for it.
        if (S_ISLNK(st.st_mode) && stat(root.c_str(), &st) != 0) {
            m_sink.on_error(root, std::string("broken symlink: ") + std::strerror(errno));
            return;
        }
        std::string display = root;
        while (display.size() > 2 && display.starts_with("./")) display.erase(0, 2);
        if (S_ISREG(st.st_mode)) {
            std::string parent = root.find('/') == std::string::npos ? "." : root.substr(0, root.rfind('/') + 1);
            GitRepo* repo = repo_for(parent.empty() ? "/" : parent);
            WalkEntry entry;
            entry.fs_path = root;
            entry.display_path = display;
            entry.project_path = project_relative(root, repo);
            entry.size = static_cast<uint64_t>(st.st_size);
            entry.explicit_path = true;
            entry.repo = repo;
            m_sink.on_file(entry);
            return;
        }
        if (!S_ISDIR(st.st_mode)) {
            m_sink.on_error(root, "not a regular file or directory");
            return;
        }
        m_root_real = real_path(root);
        m_visited.clear();
        GitRepo* repo = repo_for(root);
        std::string project_dir = repo ? project_relative(root, repo) : "";
        if (project_dir == ".") project_dir.clear();
        walk_dir(root, display == "." ? "" : display, project_dir, repo, st);
    }

private:
    struct Frame {
        std::string fs_dir;
        std::string display_dir;
        std::string project_dir;
        GitRepo* repo;
    };

    // The repository containing `dir` (kept alive for the whole walk), or nullptr.
    GitRepo* repo_for(const std::string& dir) {
        auto repo = GitRepo::discover(dir);
        if (!repo) return nullptr;
        for (const auto& known : m_repos) {
            if (known->workdir() == repo->workdir()) return known.get();
        }
        m_repos.push_back(std::move(repo));
        return m_repos.back().get();
    }

    // Path of `path` relative to the repository top level (or `path` itself outside a repo).
    std::string project_relative(const std::string& path, GitRepo* repo) {
        if (!repo) {
            std::string p = path;
            while (p.starts_with("./")) p.erase(0, 2);
            return p;
        }
        std::string real = real_path(path);
        const std::string& top = repo->workdir();
        std::string top_real = real_path(top);
        if (!top_real.empty() && top_real.back() != '/') top_real += '/';
        if (real.size() + 1 == top_real.size()) return ".";
        if (real.compare(0, top_real.size(), top_real) == 0) return real.substr(top_real.size());
        return path;
    }

    void walk_dir(const std::string& fs_root, const std::string& display_root, const std::string& project_root,
                  GitRepo* root_repo, const struct stat& root_stat) {
        m_visited.insert({root_stat.st_dev, root_stat.st_ino});
        std::vector<Frame> stack;
        stack.push_back({fs_root, display_root, project_root, root_repo});
        while (!stack.empty()) {
            Frame frame = std::move(stack.back());
            stack.pop_back();
            DIR* dir = opendir(frame.fs_dir.c_str());
            if (dir == nullptr) {
                m_sink.on_error(frame.fs_dir, std::string("cannot read directory: ") + std::strerror(errno));
                continue;
            }
            std::vector<std::pair<std::string, unsigned char>> entries;
            bool nested_repo = false;
            errno = 0;
            while (dirent* e = readdir(dir)) {
                std::string name = e->d_name;
                if (name == "." || name == "..") continue;
                if (name == ".git") nested_repo = true;
                entries.emplace_back(std::move(name), e->d_type);
            }
            int read_errno = errno;
            closedir(dir);
            if (read_errno != 0) {
                m_sink.on_error(frame.fs_dir, std::string("cannot list directory: ") + std::strerror(read_errno));
            }
            GitRepo* repo = frame.repo;
            std::string project_dir = frame.project_dir;
            if (nested_repo) {
                // A nested repository or submodule: its own ignore rules and top level apply.
                GitRepo* inner = repo_for(frame.fs_dir);
                if (inner && inner != repo) {
                    repo = inner;
                    project_dir.clear();
                }
            }
            for (auto& [name, type] : entries) {
                visit(frame, repo, project_dir, name, type, stack);
            }
        }
    }

    void visit(const Frame& frame, GitRepo* repo, const std::string& project_dir, const std::string& name,
               unsigned char type, std::vector<Frame>& stack) {
        std::string fs_path = join_path(frame.fs_dir, name);
        std::string display = join_path(frame.display_dir, name);
        std::string project = project_dir.empty() ? name : project_dir + "/" + name;
        if (name == ".git" || name == ".hg" || name == ".svn") {
            m_sink.on_skip(display, SkipReason::vcs_dir);
            return;
        }
        struct stat st {};
        bool have_stat = false;
        // d_type is enough for regular files and directories; the worker fstat()s what it opens.
        if (type == DT_UNKNOWN || type == DT_LNK) {
            if (lstat(fs_path.c_str(), &st) != 0) {
                m_sink.on_error(display, std::strerror(errno));
                return;
            }
            have_stat = true;
            type = S_ISDIR(st.st_mode) ? DT_DIR : S_ISREG(st.st_mode) ? DT_REG : S_ISLNK(st.st_mode) ? DT_LNK : DT_FIFO;
        }
        bool is_dir = type == DT_DIR;
        if (type == DT_LNK) {
            if (!m_options.follow_symlinks) {
                m_sink.on_skip(display, SkipReason::symlink);
                return;
            }
            std::string target = real_path(fs_path);
            if (target.empty() || stat(fs_path.c_str(), &st) != 0) {
                m_sink.on_skip(display, SkipReason::symlink);  // broken or loop
                return;
            }
            if (!is_inside(target, m_root_real)) {
                m_sink.on_skip(display, SkipReason::symlink);  // never out of the tree
                return;
            }
            is_dir = S_ISDIR(st.st_mode);
            if (!is_dir && !S_ISREG(st.st_mode)) {
                m_sink.on_skip(display, SkipReason::special_file);
                return;
            }
        } else if (!is_dir && type != DT_REG) {
            m_sink.on_skip(display, SkipReason::special_file);
            return;
        }
        // git ignores nothing it tracks: a tracked file (or a directory holding one) that matches
        // an ignore rule is still scanned; only untracked ignored paths are skipped.
        if (m_options.use_gitignore && repo && repo->is_ignored(is_dir ? project + "/" : project) &&
            !(is_dir ? repo->has_tracked_under(project) : repo->is_tracked(project))) {
            if (!is_dir && m_sink.on_ignored_file) {
                WalkEntry entry;
                entry.fs_path = fs_path;
                entry.display_path = display;
                entry.project_path = project;
                entry.ignored = true;
                entry.repo = repo;
                m_sink.on_ignored_file(entry);
            }
            m_sink.on_skip(display, SkipReason::ignored);
            return;
        }
        if (is_dir) {
            if (m_options.follow_symlinks) {
                if (!have_stat || type == DT_LNK || S_ISLNK(st.st_mode)) {
                    if (stat(fs_path.c_str(), &st) != 0) {
                        m_sink.on_error(display, std::strerror(errno));
                        return;
                    }
                }
                if (!m_visited.insert({st.st_dev, st.st_ino}).second) {
                    m_sink.on_skip(display, SkipReason::symlink);  // loop
                    return;
                }
            }
            stack.push_back({fs_path, display, project, repo});
            return;
        }
        WalkEntry entry;
        entry.fs_path = std::move(fs_path);
        entry.display_path = std::move(display);
        entry.project_path = project;  // relative to the repository top level, or to the named root
        entry.size = have_stat ? static_cast<uint64_t>(st.st_size) : 0;
        entry.repo = repo;
        m_sink.on_file(entry);
    }

    const WalkOptions& m_options;
    const WalkSink& m_sink;
    std::vector<std::unique_ptr<GitRepo>> m_repos;
    std::set<std::pair<dev_t, ino_t>> m_visited;
    std::string m_root_real;
};

}  // namespace

void walk_paths(const std::vector<std::string>& roots, const WalkOptions& options, const WalkSink& sink) {
    Walker walker(options, sink);
    for (const auto& root : roots) walker.walk_root(root);
}

}  // namespace aaiscan
