// `aaiscan install-hook` (see hook_command.h).
#include "app/hook_command.h"


#include <filesystem>
#include <fstream>
#include <iostream>

#include "source/git_repo.h"
#include "util/atomic_file.h"
#include "util/error.h"

namespace aaiscan {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view k_marker = "# aaiscan-pre-commit-hook";
constexpr const char* k_chained_name = "pre-commit.pre-aaiscan";

bool is_our_hook(const fs::path& hook) {
    std::ifstream in(hook, std::ios::binary);
    if (!in) return false;
    std::string head(4096, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<size_t>(in.gcount()));
    return head.find(k_marker) != std::string::npos;
}

bool exists_no_follow(const fs::path& p) {
    std::error_code ec;
    return fs::symlink_status(p, ec).type() != fs::file_type::not_found && !ec;
}

}  // namespace

std::string hooks_directory(const std::string& path) {
    std::string error;
    auto repo = GitRepo::open(path, false, false, error);
    if (!repo) throw Error("install-hook: " + error);
    std::string configured = repo->config_path("core.hooksPath");
    fs::path dir;
    if (!configured.empty()) {
        // git runs hooks from the top of the working tree: a relative hooksPath starts there.
        dir = fs::path(configured).is_absolute() ? fs::path(configured) : fs::path(repo->workdir()) / configured;
    } else {
        dir = fs::path(repo->common_dir()) / "hooks";
    }
    std::string out = dir.lexically_normal().string();
    if (out.empty() || out.back() != '/') out += '/';
    return out;
}

int execute_install_hook(const HookCommandOptions& options) {
    fs::path dir = hooks_directory(options.path);
    fs::path hook = dir / "pre-commit";
    fs::path chained = dir / k_chained_name;
    std::error_code ec;

    if (options.uninstall) {
        if (!exists_no_follow(hook) || !is_our_hook(hook)) {
            std::cout << "aaiscan: no aaiscan pre-commit hook in " << dir.string() << "; nothing to do\n";
            return 0;
        }
        fs::remove(hook, ec);
        if (ec) throw Error(hook.string() + ": cannot remove: " + ec.message());
        if (exists_no_follow(chained)) {
            fs::rename(chained, hook, ec);
            if (ec) throw Error(chained.string() + ": cannot restore as pre-commit: " + ec.message());
            std::cout << "aaiscan: removed the aaiscan hook and restored the previous " << hook.string() << '\n';
        } else {
            std::cout << "aaiscan: removed " << hook.string() << '\n';
        }
        return 0;
    }

    fs::create_directories(dir, ec);
    if (ec) throw Error(dir.string() + ": cannot create the hooks directory: " + ec.message());
    bool ours = exists_no_follow(hook) && is_our_hook(hook);
    if (exists_no_follow(hook) && !ours) {
        if (exists_no_follow(chained)) {
            throw Error(hook.string() + " is not aaiscan's and " + chained.string() +
                        " exists too: move one of them away, then install again");
        }
        fs::rename(hook, chained, ec);  // a symlink is moved as the link itself
        if (ec) throw Error(hook.string() + ": cannot keep the existing hook: " + ec.message());
        std::cout << "aaiscan: kept the existing pre-commit hook as " << chained.string() << "; it runs first\n";
    }
    std::string problem = write_file_atomically(hook, pre_commit_hook_script(), 0755);
    if (!problem.empty()) throw Error(problem);
    std::cout << "aaiscan: " << (ours ? "updated " : "installed ") << hook.string() << '\n';
    return 0;
}

}  // namespace aaiscan
