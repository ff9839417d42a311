// `aaiscan install-hook [PATH] [--uninstall]`: installs hooks/pre-commit as the repository's
// pre-commit hook (in core.hooksPath when set, else in the hooks folder shared by all worktrees).
// A pre-commit hook that is already there is kept as `pre-commit.pre-aaiscan` and run first;
// installing again only refreshes the script; --uninstall puts the previous hook back.
#pragma once

#include <string>
#include <string_view>

namespace aaiscan {

struct HookCommandOptions {
    std::string path = ".";  // any directory of the repository
    bool uninstall = false;
};

// The pre-commit script (hooks/pre-commit), marked by the line "# aaiscan-pre-commit-hook".
std::string_view pre_commit_hook_script();

// Where the repository containing `path` runs hooks from (absolute, with a trailing '/').
// Throws Error outside a repository and for a bare one.
std::string hooks_directory(const std::string& path);

// Installs or uninstalls; prints what it did to stdout. Returns 0. Throws Error when the hook
// cannot be written or a leftover state would make it lose someone's hook.
int execute_install_hook(const HookCommandOptions& options);

}  // namespace aaiscan
