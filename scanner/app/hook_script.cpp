// The text of hooks/pre-commit, carried by the binary so `aaiscan install-hook` works from any
// folder. A unit test keeps it identical to hooks/pre-commit (edit both together).
#include "app/hook_command.h"

namespace aaiscan {

std::string_view pre_commit_hook_script() {
    static constexpr std::string_view k_script = R"hook(#!/bin/sh
# aaiscan-pre-commit-hook (installed by `aaiscan install-hook`, removed by
# `aaiscan install-hook --uninstall`).
# Blocks the commit when what is staged adds secrets, PII or .env files, and also when the scan
# cannot run: a check that did not happen never lets a commit through.
# Bypass once, deliberately: git commit --no-verify
# AAISCAN=/path/to/aaiscan overrides the binary found on PATH.

hook_dir=$(dirname -- "$0")

# A pre-commit hook that was here before aaiscan runs first, as it did before.
if [ -x "$hook_dir/pre-commit.pre-aaiscan" ]; then
    "$hook_dir/pre-commit.pre-aaiscan" "$@" || exit $?
fi

aaiscan=${AAISCAN:-aaiscan}
if ! command -v "$aaiscan" >/dev/null 2>&1; then
    echo "aaiscan pre-commit hook: '$aaiscan' was not found on PATH, so the staged changes were not" >&2
    echo "checked for secrets and the commit is blocked. Install aaiscan (or set AAISCAN), or" >&2
    echo "skip the check once with: git commit --no-verify" >&2
    exit 1
fi

"$aaiscan" scan --staged --quiet
status=$?
case $status in
    0)
        exit 0
        ;;
    1)
        echo "" >&2
        echo "aaiscan: the commit was blocked: the staged changes add the findings above." >&2
        echo "Remove the value (use an environment variable or a secrets store; rotate a real key)," >&2
        echo "or mark a false positive with an 'aaiscan:allow' comment on its line, then commit again." >&2
        echo "To commit anyway, deliberately: git commit --no-verify" >&2
        exit 1
        ;;
    *)
        echo "" >&2
        echo "aaiscan: the commit was blocked: the staged changes could not be scanned (exit $status)." >&2
        echo "See the messages above. To commit without the check, deliberately: git commit --no-verify" >&2
        exit 1
        ;;
esac
)hook";
    return k_script;
}

}  // namespace aaiscan
