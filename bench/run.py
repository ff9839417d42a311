#!/usr/bin/env python3
"""The aaiscan benchmark: times aaiscan against ripgrep (same patterns, both Unicode settings)
and against the read floor on real and generated corpora, prints one table and writes
RESULTS.md. Usage: bench/run.sh [--quick] [--build-dir build] (see bench/README.md)."""
import argparse
import json
import os
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import corpora  # noqa: E402
import extract_patterns  # noqa: E402
import probe  # noqa: E402
import report  # noqa: E402
from measure import measure  # noqa: E402
from report import Row  # noqa: E402

K_BENCH = os.path.dirname(os.path.abspath(__file__))
K_REPO = os.path.dirname(K_BENCH)
# A literal that occurs in no corpus (built at run time so not even this file's history has it).
K_NOWHERE = "zq" + "xv-aaiscan-" + "bench-" + "nowhere-" + "7f3e9c"

K_MODES = {
    "quick": {"runs": 3, "real": [("usr-include-c++", "/usr/include/c++")], "self_history": False, "code_mb": 20,
              "transcripts_mb": 20, "commits": 1000, "staged_files": 10000, "staged_runs": 10,
              "fast_runs": None, "slow": 20, "timeout": 60},
    "full": {"runs": 5, "self_history": True, "real": [("usr-include", "/usr/include"), ("usr-share-doc", "/usr/share/doc")],
             "code_mb": 200, "transcripts_mb": 200, "commits": 10000, "staged_files": 10000,
             "staged_runs": 20, "fast_runs": 10, "slow": 60, "timeout": 180},
}


def log(msg):
    print("[bench %s] %s" % (time.strftime("%H:%M:%S"), msg), file=sys.stderr, flush=True)


class Bench:
    """Runs the measurements of one invocation and collects the table rows."""

    def __init__(self, args, aaiscan, out, feats, patterns, pii_patterns, pii_label):
        self.args = args
        self.aaiscan = aaiscan
        self.out = out
        self.feats = feats
        self.patterns = patterns
        self.pii_patterns = pii_patterns
        self.pii_label = pii_label
        self.rows = []
        self.work = []  # sanity-check lines: what each tool actually did
        self.tmp = os.path.join(out, "tmp")
        os.makedirs(self.tmp, exist_ok=True)
        self.env = {"AAISCAN_CACHE_DIR": os.path.join(out, "cache")}
        self.runs = args.runs

    def _measure(self, corpus, label, cmd, **kw):
        log("%s: %s" % (corpus, label))
        kw.setdefault("runs", self.runs)
        kw.setdefault("fast_runs", self.args.fast_runs)
        kw.setdefault("slow", self.args.slow)
        kw.setdefault("timeout", self.args.timeout)
        return measure("%s %s" % (corpus, label), cmd, json_dir=self.tmp, env=self.env, **kw)

    def aaiscan_rows(self, corpus, size, files, target, extra=(), cwd=None, threads=(1,),
                     label="aaiscan", unavailable=None, runs=None, warmup=1, walk=True):
        """aaiscan with default threads, then each of `threads`; returns the default row's
        check-run JSON report (or None)."""
        if unavailable:
            self.rows.append(Row(corpus, size, files, label, "aaiscan", unavailable=unavailable))
            return None
        report_json = None
        variants = [("default", [])] + [(t, ["--threads", str(t)]) for t in threads]
        if os.cpu_count() != 2 and 2 not in threads:
            variants.append((2, ["--threads", "2"]))
        for t, flag in variants:
            base = [self.aaiscan, "scan", "--no-config", *(["--no-gitignore"] if walk else []),
                    "-f", "json", *extra, *flag]
            check_out = os.path.join(self.tmp, "%s-%s.json" % (corpus, t))
            m = self._measure(corpus, "%s threads=%s" % (label, t), [*base, "-o", "/dev/null", *target],
                              check_cmd=[*base, "-o", check_out, *target], cwd=cwd,
                              runs=runs or self.runs, warmup=warmup)
            if t == "default":
                name = label + (" (default threads = %d)" % os.cpu_count() if len(variants) > 1 else "")
            else:
                name = label + " --threads %d" % t
            self.rows.append(Row(corpus, size, files, name, "aaiscan", m, threads=t))
            if t == "default" and m.error is None:
                try:
                    with open(check_out, encoding="utf-8") as f:
                        report_json = json.load(f)
                except (OSError, ValueError):
                    report_json = None
        return report_json

    def rg_rows(self, corpus, size, files, target, patterns, pii=False):
        """rg with the pattern list (default and --no-unicode) and the read floor."""
        label = "rg -f %s" % os.path.basename(patterns) if not pii else "rg -f %s" % self.pii_label
        counts = {}
        for role, flags, name in (("rg", [], label), ("rg-nu", ["--no-unicode"], label + " --no-unicode")):
            cmd = ["rg", "-uuu", *flags, "-c", "-f", patterns, *target]
            m = self._measure(corpus, name, cmd)
            self.rows.append(Row(corpus, size, files, name, role, m))
            counts[role] = _sum_counts(m.stdout) if m.error is None else None
        m = self._measure(corpus, "floor", ["rg", "-uuu", "-c", "-F", K_NOWHERE, *target])
        self.rows.append(Row(corpus, size, files, "floor: rg -uuu -c -F <absent literal>", "floor", m))
        return counts

    def pipe_rows(self, corpus, size, files, producer, patterns, cwd, floor_label, shown=None):
        """`producer | rg -c -f patterns` in both settings, and `producer | rg -F absent`;
        `shown` is the producer as the table names it (default: the producer itself)."""
        counts = {}
        for role, flags in (("rg", ""), ("rg-nu", " --no-unicode")):
            cmd = "%s | rg%s -c -f %s" % (producer, flags, _q(patterns))
            name = "%s | rg -f %s%s" % (shown or producer, os.path.basename(patterns), flags)
            m = self._measure(corpus, name, cmd, cwd=cwd)
            self.rows.append(Row(corpus, size, files, name, role, m))
            counts[role] = _sum_counts(m.stdout) if m.error is None else None
        m = self._measure(corpus, "floor", "%s | rg -c -F %s" % (producer, K_NOWHERE), cwd=cwd)
        self.rows.append(Row(corpus, size, files, floor_label, "floor", m))
        return counts

    # -- corpora ---------------------------------------------------------------------------------

    def code_corpus(self, corpus, path, manifest=None):
        size, nfiles = corpora.tree_size(path)
        files = str(nfiles)
        rep = self.aaiscan_rows(corpus, size, files, [path])
        counts = self.rg_rows(corpus, size, files, [path], self.patterns)
        self._work(corpus, rep, counts, path, manifest)

    def transcripts(self, path, manifest):
        jdir = os.path.join(path, "json")
        size, nfiles = corpora.tree_size(jdir)
        f = self.feats
        extra, label, why = [], "aaiscan", None
        if not f["pii_rules"].available:
            why = "no PII (transcript-scope) rules in this binary"
        elif not f["transcript_json"].available:
            extra, label = ["--transcripts"], "aaiscan --transcripts (as text: JSON decoding not built)"
        rep = self.aaiscan_rows("transcripts-json", size, str(nfiles), [jdir], extra=extra,
                                label=label, unavailable=why)
        counts = self.rg_rows("transcripts-json", size, str(nfiles), [jdir], self.pii_patterns, pii=True)
        self._work("transcripts-json", rep, counts, jdir, manifest)
        for kind, name, feat in (("zip", "transcripts.zip", "zip"), ("tgz", "transcripts.tar.gz", "tar_gz")):
            arc = os.path.join(path, name)
            corpus = "transcripts-" + kind
            asize = os.path.getsize(arc)
            files_label = "1 (%d inside; %.0f MB unpacked)" % (nfiles, size / 1e6)
            why_a = why or (None if f[feat].available else "archive scanning: %s" % f[feat].detail)
            rep = self.aaiscan_rows(corpus, asize, files_label, [arc], extra=extra, label=label,
                                    unavailable=why_a, threads=())
            if kind == "zip":
                if shutil.which("unzip"):
                    counts = self.pipe_rows(corpus, asize, files_label, "unzip -p %s" % _q(arc),
                                            self.pii_patterns, None, "floor: unzip -p | rg -F <absent>",
                                            shown="unzip -p %s" % name)
                else:
                    self.rows.append(Row(corpus, asize, files_label, "unzip -p | rg", "rg",
                                         unavailable="unzip not installed"))
                    counts = {}
            else:
                counts = {}
                for role, flags in (("rg", []), ("rg-nu", ["--no-unicode"])):
                    name = "rg -z -f %s%s" % (self.pii_label, " --no-unicode" if flags else "")
                    m = self._measure(corpus, name, ["rg", "-z", *flags, "-c", "-f", self.pii_patterns, arc])
                    self.rows.append(Row(corpus, asize, files_label, name, role, m))
                    counts[role] = _sum_counts(m.stdout) if m.error is None else None
                m = self._measure(corpus, "floor", ["rg", "-z", "-c", "-F", K_NOWHERE, arc])
                self.rows.append(Row(corpus, asize, files_label, "floor: rg -z -F <absent>", "floor", m))
            self._work(corpus, rep, counts, None, None)

    def history(self, corpus, repo, manifest=None):
        size, commits = corpora.git_blob_bytes(repo)
        files = "%d commits" % commits
        feat = self.feats["git_history"]
        rep = self.aaiscan_rows(corpus, size, files, [], extra=["--git-history", "--all"], cwd=repo,
                                label="aaiscan --git-history --all", threads=(1,), walk=False,
                                unavailable=None if feat.available else feat.detail)
        counts = self.pipe_rows(corpus, size, files, "git log --all -p", self.patterns, repo,
                                "floor: git log --all -p | rg -F <absent>")
        self._work(corpus, rep, counts, None, manifest)

    def staged(self, repo, manifest):
        size, nfiles = corpora.staged_bytes(repo)
        files = "%d staged of %d" % (nfiles, manifest["files"])
        feat = self.feats["staged"]
        runs = max(self.runs, self.args.staged_runs)
        rep = self.aaiscan_rows("staged", size, files, [], extra=["--staged"], cwd=repo,
                                label="aaiscan --staged", threads=(), runs=runs, warmup=3, walk=False,
                                unavailable=None if feat.available else feat.detail)
        if feat.available:
            self.aaiscan_rows("staged", size, files, [], extra=["--staged", "--no-cache"], cwd=repo,
                              label="aaiscan --staged --no-cache (cold rule compile)", threads=(), walk=False,
                              runs=max(3, self.runs))
        cmd = "git diff --cached | rg -c -f %s" % _q(self.patterns)
        m = self._measure("staged", "git diff --cached | rg", cmd, cwd=repo, runs=runs, warmup=3)
        self.rows.append(Row("staged", size, files, "git diff --cached | rg -f patterns.txt", "rg", m))
        for r in self.rows:
            if r.corpus == "staged":
                r.rate = False  # MB/s of a few kilobytes says nothing
        self._work("staged", rep, {"rg": _sum_counts(m.stdout) if m.error is None else None},
                   None, manifest)

    def _work(self, corpus, rep, counts, root, manifest):
        """Records what the tools did: files/bytes aaiscan scanned, findings, rg match counts."""
        parts = []
        if rep:
            st = rep.get("stats", {})
            finds = [x for x in rep.get("findings", []) if not x.get("suppressed")]
            cats = {}
            for x in finds:
                cats[x.get("category")] = cats.get(x.get("category"), 0) + 1
            parts.append("aaiscan scanned %s files / %.1f MB, skipped %s binary, %d findings %s, "
                         "%d diagnostics" % (st.get("files_scanned"), (st.get("bytes_scanned") or 0) / 1e6,
                                             (st.get("skipped") or {}).get("binary"), len(finds),
                                             json.dumps(cats, sort_keys=True), len(rep.get("diagnostics", []))))
            if manifest and root and manifest.get("planted"):
                found = _recall(finds, manifest["planted"], root)
                parts.append("planted secrets found: %d of %d" % (found, len(manifest["planted"])))
        if manifest and "pii_unredacted" in manifest:
            parts.append("planted PII: %d unredacted + %d left in redacted transcripts (+%d redaction marks)"
                         % (manifest["pii_unredacted"], manifest["pii_leaked_in_redacted"],
                            manifest["pii_redacted_marks"]))
        if manifest and "secrets_added" in manifest:
            parts.append("planted: %d secrets added in history (%d later deleted)"
                         % (manifest["secrets_added"], manifest["secrets_deleted"]))
        if manifest and "secrets_staged" in manifest:
            parts.append("planted: %d secret in the staged change" % manifest["secrets_staged"])
        rg = ", ".join("%s %s" % ({"rg": "rg", "rg-nu": "rg --no-unicode"}[k], v)
                       for k, v in counts.items() if v is not None)
        if rg:
            parts.append("matching lines: " + rg)
        self.work.append((corpus, "; ".join(parts) or "—"))


def _q(s):
    return "'" + s.replace("'", "'\\''") + "'"


def _sum_counts(stdout):
    """Total of rg -c output (`path:count` lines, or a bare count for one input)."""
    total = 0
    for line in stdout.decode(errors="replace").splitlines():
        tail = line.rsplit(":", 1)[-1]
        if tail.strip().isdigit():
            total += int(tail)
    return total


def _recall(findings, planted, root):
    """How many planted secrets have a finding in the same file within their lines."""
    by_path = {}
    for f in findings:
        p = f.get("path", "")
        rel = os.path.relpath(p, root) if os.path.isabs(p) else os.path.relpath(os.path.abspath(p), root)
        by_path.setdefault(rel, []).append(f.get("line", 0))
    hit = 0
    for p in planted:
        lines = by_path.get(p["path"], [])
        if any(p["line"] <= ln < p["line"] + max(1, p.get("lines", 1)) for ln in lines):
            hit += 1
    return hit


def parse_args():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="small corpora, 3 runs (smoke test, < 2 min)")
    ap.add_argument("--build-dir", default="build", help="directory holding the aaiscan binary")
    ap.add_argument("--runs", type=int, help="hyperfine runs per command (default 5, quick 3)")
    ap.add_argument("--only", help="comma-separated corpus groups: real,code,transcripts,history,staged")
    ap.add_argument("--results", help="Markdown file to write (default: bench/RESULTS.md; with "
                                      "--quick or --only: bench/out/RESULTS-quick|partial.md)")
    ap.add_argument("--note", default="", help="free text added to RESULTS.md (e.g. machine load)")
    return ap.parse_args()


def main():
    args = parse_args()
    mode = K_MODES["quick" if args.quick else "full"]
    args.runs = args.runs or mode["runs"]
    args.staged_runs = mode["staged_runs"]
    args.fast_runs = mode["fast_runs"] and max(args.runs, mode["fast_runs"])
    args.slow, args.timeout = mode["slow"], mode["timeout"]
    groups = set((args.only or "real,code,transcripts,history,staged").split(","))
    missing = [t for t in ("rg", "hyperfine", "git") if not shutil.which(t)]
    if not os.access("/usr/bin/time", os.X_OK):
        missing.append("time (/usr/bin/time)")
    if missing:
        sys.exit("bench: missing %s; install with scripts/install-deps.sh --bench" % ", ".join(missing))
    build = args.build_dir if os.path.isabs(args.build_dir) else (
        args.build_dir if os.path.isdir(args.build_dir) else os.path.join(K_REPO, args.build_dir))
    aaiscan = os.path.abspath(os.path.join(build, "aaiscan"))
    if not os.access(aaiscan, os.X_OK):
        sys.exit("bench: no aaiscan binary at %s (build it, or pass --build-dir)" % aaiscan)
    os.environ.pop("RIPGREP_CONFIG_PATH", None)
    out = os.path.join(K_BENCH, "out")
    os.makedirs(out, exist_ok=True)
    started = time.time()
    load_before = report.load_average()
    cpu_before = report.cpu_snapshot()
    log("aaiscan %s; load average %s" % (aaiscan, load_before))

    pat_dir = os.path.join(out, "patterns")
    subprocess.run([sys.executable, os.path.join(K_BENCH, "extract_patterns.py"), "--aaiscan", aaiscan,
                    "--out-dir", pat_dir], check=True)
    patterns = os.path.join(pat_dir, "patterns.txt")
    pii_patterns, pii_label = os.path.join(pat_dir, "patterns-pii.txt"), "patterns-pii.txt"
    if os.path.getsize(pii_patterns) == 0:
        pii_patterns = os.path.join(K_BENCH, "patterns-pii.fallback.txt")
        pii_label = "patterns-pii.fallback.txt"
    feats = probe.probe(aaiscan, os.path.join(out, "probe"),
                        dict(os.environ, AAISCAN_CACHE_DIR=os.path.join(out, "cache")))
    for k, v in feats.items():
        log("feature %s: %r" % (k, v))

    b = Bench(args, aaiscan, out, feats, patterns, pii_patterns, pii_label)
    if "real" in groups:
        for name, path in mode["real"]:
            if os.path.isdir(path):
                b.code_corpus(name, path)
            else:
                b.rows.append(Row(name, 0, "", "all", "aaiscan", unavailable="%s missing" % path))
    if "code" in groups:
        path, man = corpora.generated(out, "code-tree-%smb" % mode["code_mb"], "gen_code_tree.py",
                                      ["gen_code_tree.py"],
                                      ["--seed", 1, "--size-mb", mode["code_mb"]], log)
        b.code_corpus("code-tree", path, man)
    if "transcripts" in groups:
        path, man = corpora.generated(out, "transcripts-%smb" % mode["transcripts_mb"],
                                      "gen_transcripts.py", ["gen_transcripts.py"],
                                      ["--seed", 1, "--size-mb", mode["transcripts_mb"]], log)
        b.transcripts(path, man)
    if "history" in groups:
        if mode["self_history"]:
            b.history("history-self", K_REPO)
        path, man = corpora.generated(out, "history-%dc" % mode["commits"], "gen_history_repo.py",
                                      ["gen_history_repo.py", "gen_code_tree.py"],
                                      ["history", "--seed", 1, "--commits", mode["commits"]], log)
        b.history("history-generated", path, man)
        path, man = corpora.generated(out, "history-clone-%dc" % mode["commits"], "gen_history_repo.py",
                                      ["gen_history_repo.py", "gen_code_tree.py"],
                                      ["history", "--seed", 1, "--commits", mode["commits"], "--clone"], log)
        b.history("history-clone", path, man)
    if "staged" in groups:
        path, man = corpora.generated(out, "staged-%df" % mode["staged_files"], "gen_history_repo.py",
                                      ["gen_history_repo.py", "gen_code_tree.py"],
                                      ["staged", "--seed", 1, "--files", mode["staged_files"]], log)
        b.staged(path, man)

    elapsed = time.time() - started
    info = report.machine(aaiscan)
    info["load_before"], info["load_after"] = load_before, report.load_average()
    info["other_cpu"] = report.other_cpu_share(cpu_before, report.cpu_snapshot())
    src = extract_patterns.source_dir_of(aaiscan) or K_REPO
    info["repo_commit"] = "%s @ %s" % (src, subprocess.run(
        ["git", "-C", src, "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip())
    info["mode"] = "quick" if args.quick else "full"
    text = render(b, info, feats, args, elapsed, pii_label)
    print(text)
    results = args.results or (os.path.join(out, "RESULTS-quick.md") if args.quick else
                               os.path.join(out, "RESULTS-partial.md") if args.only else
                               os.path.join(K_BENCH, "RESULTS.md"))
    with open(results, "w", encoding="utf-8") as f:
        f.write(text)
    raw = os.path.join(out, "results-%s.json" % info["mode"])
    with open(raw, "w", encoding="utf-8") as f:
        json.dump({"machine": info, "rows": [r.to_json() for r in b.rows],
                   "features": {k: repr(v) for k, v in feats.items()}}, f, indent=1)
    if not args.quick and not args.only:
        for name in ("patterns.txt", "patterns-pii.txt", "patterns.notes"):
            shutil.copy(os.path.join(pat_dir, name), os.path.join(K_BENCH, name))
    log("done in %.0f s; wrote %s and %s" % (elapsed, results, raw))
    return 0


def render(b, info, feats, args, elapsed, pii_label):
    """RESULTS.md: machine, table, targets, features, sanity checks, method notes."""
    t = []
    t.append("# aaiscan benchmark results (%s run)\n" % info["mode"])
    t.append("Produced by `bench/run.sh%s` on %s in %.0f s (%d hyperfine runs per command%s, after "
             "1 warm-up; page cache warm). See bench/README.md for the method.\n"
             % (" --quick" if args.quick else "", info["date"], elapsed, args.runs,
                " (%d when it takes under 1 s)" % args.fast_runs if args.fast_runs else ""))
    t.append("## Machine\n")
    t.append("- CPU: %s (%s cores; %s)\n- RAM: %s; kernel %s; %s\n- %s (built from %s), %s, "
             "hyperfine %s, Hyperscan %s, %s\n- load average before / after: %s / %s; other "
             "processes used %.0f%% of the machine's CPU during the run%s\n"
             % (info["cpu"], info["cores"], info["simd"], info["ram"], info["kernel"], info["os"],
                info["aaiscan"], info["repo_commit"], info["rg"], info["hyperfine"].split()[-1],
                info["hyperscan"], info["git"], info["load_before"], info["load_after"],
                100 * info["other_cpu"], ("\n- note: " + args.note) if args.note else ""))
    t.append("## Results\n")
    t.append("MB = 10^6 bytes of input (history: all blob bytes; archives: the archive file). "
             "Ratios are aaiscan's median time divided by rg's (default / --no-unicode) and by the "
             "read floor's on the same corpus: below 1 means aaiscan is faster. CPU s is hyperfine's mean "
             "user + system time per run (all threads and processes of the command): unlike wall "
             "time it barely moves when other work shares the machine.\n")
    t.append(report.table(b.rows) + "\n")
    t.append("## Targets\n")
    for text, status, evidence in report.targets(b.rows, args.quick):
        t.append("- **%s** — %s%s" % (status, text, (": " + evidence) if evidence else ""))
    t.append("\n## Features of the binary under test\n")
    for k, v in feats.items():
        t.append("- %s: %r" % (k, v))
    t.append("\n## What each tool did (sanity check)\n")
    for corpus, line in b.work:
        t.append("- %s: %s" % (corpus, line))
    t.append("\n## Notes\n")
    t.append("- rg runs the regexes only: aaiscan also confirms each hit with RE2, validates it "
             "(entropy, checksums, context) and writes a JSON report; rg `-uuu` also searches "
             "binary and hidden files, which aaiscan skips (binary) or scans (hidden) too.")
    t.append("- rg pattern lists are derived from this binary's rules by bench/extract_patterns.py "
             "(see bench/out/patterns/patterns.notes for each rewrite); transcript rows use %s."
             % pii_label)
    return "\n".join(t) + "\n"


if __name__ == "__main__":
    sys.exit(main())
