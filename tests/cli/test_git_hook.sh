#!/bin/sh
# End-to-end test of the pre-commit hook: a real repository, `aaiscan install-hook`, real
# `git commit`s. A staged secret (also via `git commit -a`) is refused with a readable message,
# a clean change goes through, a missing or failing aaiscan blocks the commit, and --uninstall
# restores the hook that was there. Usage: test_git_hook.sh /path/to/aaiscan
set -u
binary=$(cd "$(dirname -- "$1")" && pwd)/$(basename -- "$1")
work=$(mktemp -d "${TMPDIR:-/tmp}/aaiscan-hook-test-XXXXXX")
trap 'rm -rf "$work"' EXIT
failures=0

fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}

# aaiscan on PATH as the user would have it; git isolated from this machine's configuration.
mkdir "$work/bin"
ln -s "$binary" "$work/bin/aaiscan"
base_path=$PATH
PATH="$work/bin:$base_path"
export PATH GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
export GIT_AUTHOR_NAME=Hook GIT_AUTHOR_EMAIL=hook@example.com GIT_COMMITTER_NAME=Hook GIT_COMMITTER_EMAIL=hook@example.com
unset GIT_DIR GIT_INDEX_FILE GIT_WORK_TREE

repo="$work/repo"
git init -q -b main "$repo" || exit 1
cd "$repo" || exit 1
printf '#!/bin/sh\necho "previous hook ran" >&2\n' > .git/hooks/pre-commit
chmod +x .git/hooks/pre-commit
aaiscan install-hook > /dev/null || fail "install-hook failed"

# A clean first commit goes through (and the previous hook still runs).
echo 'print("hello")' > app.py
git add app.py
git commit -q -m clean > "$work/out" 2>&1 || { cat "$work/out"; fail "a clean commit was refused"; }
grep -q "previous hook ran" "$work/out" || fail "the previous hook did not run"

# A staged secret is refused, with the finding and the way out in the message.
echo 'ASSEMBLYAI_API_KEY = "4c3b1e0f9a8d7c6b5a4f3e2d1c0b9a8f"' >> app.py
git add app.py
if git commit -q -m secret > "$work/out" 2>&1; then fail "a commit adding a secret went through"; fi
grep -q "app.py" "$work/out" || fail "the message does not name the file"
grep -q "assemblyai.api-key" "$work/out" || fail "the message does not name the rule"
grep -q "commit was blocked" "$work/out" || fail "the message does not say the commit was blocked"
grep -q -- "--no-verify" "$work/out" || fail "the message does not mention --no-verify"
grep -q "4c3b1e0f9a8d7c6b5a4f3e2d1c0b9a8f" "$work/out" && fail "the secret was printed unmasked"
[ "$(git rev-list --count HEAD)" = 1 ] || fail "the secret was committed"

# `git commit -a` (a temporary index) is scanned too.
git reset -q app.py
if git commit -q -a -m secret-a > "$work/out" 2>&1; then fail "git commit -a with a secret went through"; fi

# A staged .env is refused whatever it holds.
git checkout -q app.py
echo 'DEBUG=1' > .env
git add .env
if git commit -q -m env > "$work/out" 2>&1; then fail "a commit adding .env went through"; fi
grep -q "env.tracked" "$work/out" || fail "the .env message does not name env.tracked"
git rm -q --cached .env
rm .env

# A clean change goes through.
echo 'print("bye")' >> app.py
git add app.py
git commit -q -m clean2 > "$work/out" 2>&1 || { cat "$work/out"; fail "a clean change was refused"; }

# aaiscan missing from PATH: blocked, never a silent pass.
echo 'x = 1' >> app.py
git add app.py
if PATH="/usr/bin:/bin" git commit -q -m no-aaiscan > "$work/out" 2>&1; then fail "the commit passed without aaiscan"; fi
grep -q "not found" "$work/out" || fail "no message about the missing aaiscan"

# aaiscan that cannot scan (exit 2) or crashes: blocked.
printf '#!/bin/sh\nexit 2\n' > "$work/bin/broken"
printf '#!/bin/sh\nkill -SEGV $$\n' > "$work/bin/crashing"
chmod +x "$work/bin/broken" "$work/bin/crashing"
if AAISCAN=broken git commit -q -m broken > "$work/out" 2>&1; then fail "the commit passed when the scan failed"; fi
grep -q "could not be scanned" "$work/out" || fail "no message about the failed scan"
if AAISCAN=crashing git commit -q -m crashing > "$work/out" 2>&1; then fail "the commit passed when aaiscan crashed"; fi

# --no-verify stays the deliberate bypass.
git commit -q --no-verify -m bypass > /dev/null 2>&1 || fail "--no-verify did not bypass the hook"

# Uninstall restores the previous hook.
aaiscan install-hook --uninstall > /dev/null || fail "uninstall failed"
grep -q "previous hook ran" .git/hooks/pre-commit || fail "the previous hook was not restored"
[ -e .git/hooks/pre-commit.pre-aaiscan ] && fail "the chained copy was left behind"

if [ "$failures" -ne 0 ]; then
    echo "$failures hook check(s) failed"
    exit 1
fi
echo "pre-commit hook: all checks pass"
