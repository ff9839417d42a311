#!/bin/sh
# Compares `aaiscan scan --git-history --all` with the grep baseline `git log --all -p | rg -f
# PATTERNS` on a repository (see make_history_repo.sh). PATTERNS are the content rules' patterns
# from RULES_DIR (default: this checkout's rules/), named groups removed so rg can join them;
# patterns that span lines are left out (rg needs -U for them, which is far slower).
# Usage: bench_history.sh REPO [AAISCAN] [RULES_DIR]   (needs hyperfine, rg, python3-yaml)
set -eu
repo=${1:?usage: bench_history.sh REPO [AAISCAN] [RULES_DIR]}
here=$(cd "$(dirname -- "$0")/.." && pwd)
aaiscan=${2:-$here/build/aaiscan}
rules=${3:-$here/rules}
patterns=$(mktemp "${TMPDIR:-/tmp}/aaiscan-patterns-XXXXXX")
trap 'rm -f "$patterns"' EXIT
python3 - "$rules" "$patterns" <<'PY'
import glob, re, sys, yaml
with open(sys.argv[2], "w") as out:
    for path in sorted(glob.glob(sys.argv[1] + "/*.yaml")):
        for rule in yaml.safe_load(open(path))["rules"]:
            pattern = rule.get("pattern")
            if pattern and "\\n" not in pattern:
                out.write(re.sub(r"\(\?P<\w+>", "(", pattern) + "\n")
PY
extra=""
[ "$rules" != "$here/rules" ] && extra="--no-default-rules --rules $rules"
echo "$(wc -l < "$patterns") patterns; $(git -C "$repo" rev-list --all --count) commits"
cd "$repo"
# shellcheck disable=SC2086  # $extra is a list of options
"$aaiscan" scan --git-history --all $extra --stats > /dev/null || true
hyperfine --warmup 1 --runs "${RUNS:-5}" -i \
    "$aaiscan scan --git-history --all $extra" \
    "git log --all -p | rg -c -f $patterns"
