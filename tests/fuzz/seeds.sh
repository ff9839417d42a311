#!/usr/bin/env bash
# Builds the seed corpus of every fuzz target from the checked-in fixtures (nothing big is
# committed): seeds.sh OUT_DIR writes OUT_DIR/<target>/ for each target. Idempotent.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:?usage: seeds.sh OUT_DIR}
rm -rf "$out"
mkdir -p "$out"/{rules,config,scan,sniff,report,archive,engines,transcript_json,subtitles,baseline,redact}

# Copies FILE into DIR under a name derived from its path (flattened, unique).
seed() {
    local dir=$1 file=$2
    local name=${file#"$root"/}
    cp "$file" "$dir/${name//\//_}"
}

# Rule files: the embedded defaults and every rule YAML among the fixtures.
for f in "$root"/rules/*.yaml; do seed "$out/rules" "$f"; done
while IFS= read -r -d '' f; do
    grep -q '^rules:' "$f" && seed "$out/rules" "$f"
done < <(find "$root/fixtures" -type f \( -name '*.yaml' -o -name '*.yml' \) -print0)

# Configs: every .aaiscan.yaml in the repository and the fixtures.
while IFS= read -r -d '' f; do seed "$out/config" "$f"; done \
    < <(find "$root" -path "$root/build*" -prune -o -type f \( -name '.aaiscan.yaml' -o -name '.aaiscan.yml' \) -print0)

# Scannable content: every fixture input (demo trees, golden inputs, transcripts, archives...) and
# the rules' own files (their examples hold planted values). Skip expectations and big files.
while IFS= read -r -d '' f; do
    case "$f" in */expected.*|*/cmd) continue ;; esac
    [ "$(stat -c %s "$f")" -le 262144 ] || continue
    seed "$out/scan" "$f"
    seed "$out/sniff" "$f"
    seed "$out/engines" "$f"
    # report: first line is the display path the item is reported under.
    name=${f#"$root"/}
    { printf '%s\n' "$name"; cat "$f"; } > "$out/report/${name//\//_}"
done < <(find "$root/fixtures" "$root/rules" -type f -print0)

# Archives: every kind the archive fixtures script builds (small ones only; bombs are cut by
# -max_len anyway), plus gzip/tar of single fixture files.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [ -f "$root/fixtures/archives/make_archives.py" ]; then
    for kind in $(python3 "$root/fixtures/archives/make_archives.py" 2>&1 | sed -n 's/.*{\(.*\)}.*/\1/p' | tr '|' ' '); do
        python3 "$root/fixtures/archives/make_archives.py" "$kind" "$tmp/$kind" >/dev/null 2>&1 || continue
    done
    while IFS= read -r -d '' f; do
        [ "$(stat -c %s "$f")" -le 262144 ] || continue
        name=${f#"$tmp"/}
        cp "$f" "$out/archive/${name//\//_}"
    done < <(find "$tmp" -type f -print0)
fi
gzip -9nc "$root/fixtures/demo/app.py" > "$out/archive/app.py.gz"
tar -C "$root/fixtures/demo" -cf "$out/archive/demo.tar" . 2>/dev/null || true

# Transcripts: every JSON fixture (transcripts, lists, sentences/paragraphs, non-transcripts) for
# the JSON decoder; subtitles and plain-text transcripts (and a few JSON ones, for detection) for
# the subtitle target. Big exports are also cut down to a few words each, to fit -max_len.
while IFS= read -r -d '' f; do
    [ "$(stat -c %s "$f")" -le 262144 ] || continue
    case "$f" in
        */expected.*) ;;
        *.json|*.jsonl) seed "$out/transcript_json" "$f" ;;
        *.srt|*.vtt|*transcript*.txt|*_captions|*saved_as_text.txt) seed "$out/subtitles" "$f" ;;
    esac
done < <(find "$root/fixtures" -type f -print0)
for f in "$root"/fixtures/transcripts/corpus/{list_page,sentences,not_a_transcript}.json; do
    [ -f "$f" ] && seed "$out/subtitles" "$f"
done
python3 - "$root" "$out/transcript_json" <<'PY'
import json, os, sys
root, out = sys.argv[1], sys.argv[2]
def cut(v):
    if isinstance(v, list):
        return [cut(x) for x in v[:4]]
    if isinstance(v, dict):
        return {k: cut(x) for k, x in v.items()}
    if isinstance(v, str) and len(v) > 200:
        return v[:200]
    return v
for d in ("fixtures/transcripts/samples", "fixtures/transcripts/corpus"):
    for name in sorted(os.listdir(os.path.join(root, d))):
        if not name.endswith(".json"):
            continue
        try:
            data = json.load(open(os.path.join(root, d, name), encoding="utf-8"))
        except ValueError:
            continue
        with open(os.path.join(out, "cut_" + name), "w", encoding="utf-8") as f:
            json.dump(cut(data), f, ensure_ascii=False)
PY
printf '{"id":"t1","text":"a\\u00e9\\ud83d\\ude00 b","words":[{"text":"a\\u00e9\\ud83d\\ude00","start":0,"end":5,"speaker":"A"},{"text":"b","start":6,"end":9,"speaker":null}]}' \
    > "$out/transcript_json/escapes"
printf '[{"id":"a","text":"x","status":"completed"},{"id":"b","text":"y","audio_url":"u"}' > "$out/transcript_json/truncated-list"
printf '{"id":"a","text":"x \\" } y","status":"completed"}\n\n{"id":"b","text":"z","audio_url":"u"}\n{"id":"c",' \
    > "$out/transcript_json/json-lines"
printf '1\r\n00:00:01,000 --> 00:00:02,500\r\n<i>Speaker A:</i> hi\r\n\r\n2\r\n00:00:03,000 --> 00:00:04,000\r\nthere\r\n' \
    > "$out/subtitles/crlf.srt"
printf 'WEBVTT\n\nNOTE x\n\nSTYLE\n::cue{}\n\n00:01.000 --> 00:02.000 align:start\n<v Ann>hi <c.x>there</c><00:01.500> you</v>\n' \
    > "$out/subtitles/tags.vtt"
printf '[00:00:01] Speaker A: hello\n00:01:02 Speaker B: my card is 4111 1111 1111 1111\nSpeaker A:\n' \
    > "$out/subtitles/plain.txt"

# Baselines: the golden ones, and the shapes the parser accepts (bare strings, duplicates, extras).
while IFS= read -r -d '' f; do seed "$out/baseline" "$f"; done \
    < <(find "$root/fixtures" -type f -name '*baseline*.json' -print0)
printf '{"version":1,"fingerprints":[]}' > "$out/baseline/empty"
printf '{"version":1,"fingerprints":["ab","ab",{"fingerprint":"cd","path":"\\u00e9/x","rule_id":7}],"x":null}' \
    > "$out/baseline/mixed"

# Redaction: the redact fixtures, each behind the byte that picks its format ('0' JSON, '1' SRT,
# '2' VTT, '3' text; see fuzz_redact), cut to the input limit.
while IFS= read -r -d '' f; do
    case "$f" in *.json) sel=0 ;; *.srt) sel=1 ;; *.vtt) sel=2 ;; *.txt) sel=3 ;; *) continue ;; esac
    { printf '%s' "$sel"; head -c 60000 "$f"; } > "$out/redact/$(basename "$f")"
done < <(find "$root/fixtures/redact" "$root/fixtures/transcripts" -maxdepth 2 -type f -print0)

# Hand-made edge seeds: UTF-16 with and without BOMs, a NUL after 8 KiB, hostile names.
printf '\xff\xfea\x00=\x00k\x00\n\x00' > "$out/sniff/utf16le-bom"
printf '\xfe\xff\x00a\x00=\x00k\x00\n' > "$out/sniff/utf16be-bom"
printf '\xff\xfe\x00\xd8\x00\xdc\x00\xd8a\x00' > "$out/sniff/utf16-surrogates"
printf 'x\033[31m\xc2\x9b\x7f\xff\xfe\\\n' > "$out/sniff/escapes"
python3 - "$out" <<'PY'
import sys
out = sys.argv[1]
key = "ASSEMBLYAI_API_KEY=4c3b1e0f9a8d7c6b5a4f3e2d1c0b9a8f\n"
with open(f"{out}/report/utf16le", "wb") as f:
    f.write(b"src/wide.py\n" + b"\xff\xfe" + key.encode("utf-16-le"))
with open(f"{out}/report/hostile-name", "wb") as f:
    f.write(b"ev\x1b[31mil\xc2\x9b\xffname.sh\n" + key.encode())
with open(f"{out}/report/nul-after-8k", "wb") as f:
    f.write(b"late.env\n" + b"x" * 9000 + b"\n\x00\xff\xfe" + key.encode())
with open(f"{out}/scan/nul-after-8k", "wb") as f:
    f.write(b"x" * 9000 + b"\n\x00\xff" + key.encode())
PY

# Git objects: a small repository's pack entries, .idx, a delta, trees and commits, each behind
# the selector byte fuzz_git_objects reads (0 entry header, 1 delta, 2 .idx, 3 tree, 4 commit).
mkdir -p "$out/git_objects" "$tmp/repo"
(
    cd "$tmp/repo"
    export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_NAME=a GIT_AUTHOR_EMAIL=a@x \
        GIT_COMMITTER_NAME=a GIT_COMMITTER_EMAIL=a@x
    git init -q
    mkdir -p src/deep
    for i in 1 2 3; do seq 1 $((200 * i)) > src/deep/n.txt; echo "v$i" > a.py; git add -A; git commit -qm "c$i"; done
    git repack -a -d -q -f
    { printf '\002'; cat .git/objects/pack/*.idx; } > "$out/git_objects/idx"
    { printf '\003'; git cat-file tree HEAD; } > "$out/git_objects/tree"
    { printf '\003'; git cat-file tree HEAD:src; } > "$out/git_objects/tree-sub"
    { printf '\004'; git cat-file commit HEAD; } > "$out/git_objects/commit"
    pack=$(ls .git/objects/pack/*.pack)
    git show-index < .git/objects/pack/*.idx | while read -r offset _; do
        { printf '\000'; tail -c +$((offset + 1)) "$pack" | head -c 32; } > "$out/git_objects/entry-$offset"
    done
) >/dev/null 2>&1 || true
printf '\001\360\242\004\015\221\020\010\005hello' > "$out/git_objects/delta"
