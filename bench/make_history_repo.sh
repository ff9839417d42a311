#!/bin/sh
# Builds the history benchmark: a git repository of COMMITS commits (default 10000) made with
# git fast-import. The first commit adds FILES source files (default 1000, ~2.5 KiB each); every
# later commit edits one line in 1-3 files, one in ten adds a file, and every 500th adds a
# synthetic AssemblyAI key that a commit 250 later deletes again (only history has it). Then:
#   bench/make_history_repo.sh /tmp/aaiscan-history
#   bench/bench_history.sh /tmp/aaiscan-history
# Usage: make_history_repo.sh DIR [COMMITS] [FILES]
set -eu
dir=${1:?usage: make_history_repo.sh DIR [COMMITS] [FILES]}
commits=${2:-10000}
files=${3:-1000}
if [ -e "$dir" ]; then
    echo "$dir exists; remove it first" >&2
    exit 1
fi
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
git init -q -b main "$dir"
awk -v commits="$commits" -v files="$files" '
function content(f, v,    s, i) {
    s = sprintf("\"\"\"Service module %d, revision %d.\"\"\"\nimport os\nimport json\n\n", f, v)
    for (i = 0; i < 30; i++) {
        s = s sprintf("def handler_%d(event):\n    return {\"id\": \"%08x\", \"n\": %d}\n", i, f * 131 + i, (i == v % 30) ? v : i)
    }
    if (f in secret) s = s sprintf("ASSEMBLYAI_API_KEY = \"%s\"\n", secret[f])
    return s
}
function blob(f,    c) {
    c = content(f, version[f])
    printf "blob\nmark :%d\ndata %d\n%s\n", ++mark, length(c), c
    return mark
}
function path(f) { return sprintf("services/group%02d/module_%05d.py", f % 50, f) }
function key(n,    s, i) {
    s = ""
    for (i = 0; i < 32; i++) s = s substr("0123456789abcdef", int(rand() * 16) + 1, 1)
    return s
}
BEGIN {
    srand(42)
    t = 1700000000
    for (c = 0; c < commits; c++) {
        n = 0
        if (c == 0) {
            for (f = 0; f < files; f++) { version[f] = 0; changed[n++] = f }
            total = files
        } else {
            k = 1 + int(rand() * 3)
            for (j = 0; j < k; j++) { f = int(rand() * total); version[f]++; changed[n++] = f }
            if (rand() < 0.1) { f = total++; version[f] = 0; changed[n++] = f }
            if (c % 500 == 0) { f = int(rand() * total); secret[f] = key(); planted[c + 250] = f; version[f]++; changed[n++] = f }
            if (c in planted) { f = planted[c]; delete secret[f]; version[f]++; changed[n++] = f }
        }
        for (j = 0; j < n; j++) marks[j] = blob(changed[j])
        msg = sprintf("commit %d", c)
        printf "commit refs/heads/main\nmark :%d\n", ++mark
        printf "author Bench Author <bench@example.com> %d +0000\ncommitter Bench Author <bench@example.com> %d +0000\n", t + c * 60, t + c * 60
        printf "data %d\n%s\n", length(msg), msg
        if (c > 0) printf "from :%d\n", last
        for (j = 0; j < n; j++) printf "M 100644 :%d %s\n", marks[j], path(changed[j])
        printf "\n"
        last = mark
    }
}' | git -C "$dir" fast-import --quiet
git -C "$dir" checkout -q main
git -C "$dir" gc -q
echo "$dir: $(git -C "$dir" rev-list --count HEAD) commits, $(git -C "$dir" ls-files | wc -l) files, $(du -sh "$dir/.git" | cut -f1) in .git"
