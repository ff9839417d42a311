#!/bin/sh
# Builds the pre-commit latency benchmark: a git repository with FILES committed source files
# (default 10000, ~1.5 KiB each, in 100 directories) and a staged commit of STAGED files
# (default 10: half modified, half new). Then measure, with the rule cache warm:
#   bench/make_staged_repo.sh /tmp/aaiscan-staged
#   cd /tmp/aaiscan-staged && hyperfine -N --warmup 3 'aaiscan scan --staged'
# Usage: make_staged_repo.sh DIR [FILES] [STAGED]
set -eu
dir=${1:?usage: make_staged_repo.sh DIR [FILES] [STAGED]}
files=${2:-10000}
staged=${3:-10}
if [ -e "$dir" ]; then
    echo "$dir exists; remove it first" >&2
    exit 1
fi
mkdir -p "$dir"
cd "$dir"
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
export GIT_AUTHOR_NAME=Bench GIT_AUTHOR_EMAIL=bench@example.com GIT_COMMITTER_NAME=Bench GIT_COMMITTER_EMAIL=bench@example.com
git init -q -b main
i=0
while [ "$i" -lt 100 ]; do
    mkdir -p "src/d$i"
    i=$((i + 1))
done
awk -v n="$files" 'BEGIN {
    for (i = 0; i < n; i++) {
        f = sprintf("src/d%d/module_%05d.py", i % 100, i)
        printf "\"\"\"Module %d of the benchmark repository.\"\"\"\nimport os\nimport json\n\n", i > f
        for (j = 0; j < 12; j++) {
            printf "def handler_%d_%d(event, context):\n    payload = json.loads(event[\"body\"])\n", i, j > f
            printf "    return {\"status\": 200, \"id\": \"%08x\", \"count\": len(payload)}\n\n", i * 31 + j > f
        }
        close(f)
    }
}'
printf '.env\n.env.*\n!.env.example\n__pycache__/\n' > .gitignore
git add -A
git commit -q -m "benchmark base"
i=0
while [ "$i" -lt "$staged" ]; do
    if [ $((i % 2)) -eq 0 ]; then
        printf 'def added_%d():\n    return os.environ.get("ASSEMBLYAI_API_KEY")\n' "$i" >> "src/d$i/module_$(printf %05d "$i").py"
    else
        printf 'import os\n\nVALUE_%d = os.environ.get("SETTING_%d")\n' "$i" "$i" > "src/d$i/new_$i.py"
    fi
    i=$((i + 1))
done
git add -A
echo "$dir: $(git ls-files | wc -l) files tracked, $(git diff --cached --name-only | wc -l) staged"
