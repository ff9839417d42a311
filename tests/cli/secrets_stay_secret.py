#!/usr/bin/env python3
"""Secrets stay secret: runs the real aaiscan over every fixture that holds planted (synthetic)
secrets or PII, in every output format, verbosity and destination, and fails if any planted value
appears in any byte aaiscan writes: stdout, stderr, -o files, baselines, the compiled-rule cache.
With --show-secrets the values must appear (so this test can fail), and every value listed in
fixtures/planted-values.txt must be reported. Also checks that scanning opens no network socket
(strace; skipped with a notice where ptrace is not permitted) and writes nothing outside -o.

Planted values come from fixtures/planted-values.txt (maintained by each fixture's owner) plus
whatever the scanner itself reports with --show-secrets over the fixtures.

Usage: secrets_stay_secret.py --binary build/aaiscan --fixtures fixtures
"""
import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

MIN_VALUE_LENGTH = 8  # shorter "values" (a 4-digit PIN) may legitimately occur in tool output
FORMATS = ["text", "json", "jsonl", "sarif"]
VERBOSITY = [[], ["-v"], ["--stats"], ["-v", "--stats"]]


class Failure(Exception):
    pass


def load_planted(fixtures):
    values = {}
    path = os.path.join(fixtures, "planted-values.txt")
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            value, _, where = line.partition("\t")
            if len(value) < MIN_VALUE_LENGTH:
                raise Failure(f"{path}:{n}: planted value shorter than {MIN_VALUE_LENGTH}: {value!r}")
            values[value] = where or path
    return values


def tree_digest(root):
    """Hash of every path, mode and content under root (symlinks by target)."""
    h = hashlib.sha256()
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in sorted(filenames) + sorted(d for d in dirnames if os.path.islink(os.path.join(dirpath, d))):
            p = os.path.join(dirpath, name)
            h.update(os.path.relpath(p, root).encode("utf-8", "surrogateescape"))
            st = os.lstat(p)
            h.update(str(st.st_mode).encode())
            if os.path.islink(p):
                h.update(os.readlink(p).encode("utf-8", "surrogateescape"))
            elif os.path.isfile(p):
                with open(p, "rb") as f:
                    h.update(hashlib.sha256(f.read()).digest())
    return h.hexdigest()


class Harness:
    def __init__(self, binary, work):
        self.binary = binary
        self.work = work
        self.cache = os.path.join(work, "cache")
        self.home = os.path.join(work, "home")
        os.makedirs(self.home)
        self.env = dict(os.environ)
        self.env.update({"AAISCAN_CACHE_DIR": self.cache, "HOME": self.home, "NO_COLOR": "1",
                         "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
                         "GIT_AUTHOR_NAME": "Secret Test", "GIT_COMMITTER_NAME": "Secret Test",
                         "GIT_AUTHOR_EMAIL": "test@example.com", "GIT_COMMITTER_EMAIL": "test@example.com"})
        self.env.pop("XDG_CACHE_HOME", None)
        self.runs = 0

    def run(self, args, cwd, stdin=b"", prefix=()):
        self.runs += 1
        proc = subprocess.run(list(prefix) + [self.binary] + args, cwd=cwd, env=self.env, input=stdin,
                              capture_output=True, timeout=300)
        return proc


def leaked(values, blob):
    return sorted(v for v in values if v.encode("utf-8") in blob)


def check_bytes(values, blob, what):
    found = leaked(values, blob)
    if found:
        shown = ", ".join(v[:4] + "..." for v in found[:5])
        raise Failure(f"{what}: {len(found)} planted value(s) written unmasked ({shown})")


def files_under(root):
    for dirpath, _, filenames in os.walk(root):
        for name in filenames:
            yield os.path.join(dirpath, name)


def build_targets(fixtures, work):
    """Copies every fixture with planted values into work/targets; returns the scan roots."""
    targets = os.path.join(work, "targets")
    shutil.copytree(fixtures, os.path.join(targets, "fixtures"), symlinks=True)
    script = os.path.join(fixtures, "archives", "make_archives.py")
    if os.path.exists(script):
        usage = subprocess.run([sys.executable, script], capture_output=True, text=True).stderr
        kinds = re.search(r"\{([^}]*)\}", usage)
        for kind in (kinds.group(1).split("|") if kinds else []):
            if kind == "bomb":
                continue  # tested by its golden case; adds nothing here but time
            subprocess.run([sys.executable, script, kind, os.path.join(targets, "archives", kind)],
                           check=True, capture_output=True)
    # A git repository whose history holds the demo key (removed in the second commit), and a
    # staged .env: for --git-history and --staged.
    repo = os.path.join(targets, "repo")
    shutil.copytree(os.path.join(fixtures, "demo"), repo)
    return targets, repo


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", required=True)
    parser.add_argument("--fixtures", required=True)
    opts = parser.parse_args()
    binary = os.path.abspath(opts.binary)
    fixtures = os.path.abspath(opts.fixtures)
    failures = []
    notes = []

    with tempfile.TemporaryDirectory(prefix="aaiscan-secrets-") as work:
        h = Harness(binary, work)
        planted = load_planted(fixtures)
        targets, repo = build_targets(fixtures, work)
        git_ok = True
        for cmd in (["git", "init", "-q"], ["git", "add", "-A"], ["git", "commit", "-qm", "demo"]):
            git_ok = git_ok and subprocess.run(cmd, cwd=repo, env=h.env, capture_output=True).returncode == 0
        if git_ok:
            with open(os.path.join(repo, "app.py"), "w", encoding="utf-8") as f:
                f.write("import os\nKEY = os.environ['ASSEMBLYAI_API_KEY']\n")
            subprocess.run(["git", "commit", "-qam", "read the key from the environment"], cwd=repo, env=h.env,
                           capture_output=True, check=True)
            with open(os.path.join(repo, "staged.env"), "w", encoding="utf-8") as f:
                f.write("ASSEMBLYAI_API_KEY=b7e2a4c91d3f5e6a8b0c2d4e6f8a1b3c\n")
            subprocess.run(["git", "add", "staged.env"], cwd=repo, env=h.env, check=True)
        before = tree_digest(targets)

        # 1. What the scanner reports with --show-secrets: every listed planted value must be there.
        scan_roots = ["targets"]
        shown = h.run(["scan", "--no-config", "--show-secrets", "-f", "json", *scan_roots], cwd=work)
        if shown.returncode not in (0, 1, 2):
            raise Failure(f"--show-secrets scan failed ({shown.returncode}): {shown.stderr[:500]!r}")
        # Values found in golden expectations (expected.*) are aaiscan's own masked output
        # ("4c3b…(32)"), not planted values. Configuration findings (usage lints such as a
        # transcription call without redact_pii) hold the flagged code, not a secret.
        reported = {f["secret"] for f in json.loads(shown.stdout)["findings"]
                    if isinstance(f.get("secret"), str) and len(f["secret"]) >= MIN_VALUE_LENGTH
                    and f.get("category") in ("secret", "pii")
                    and "\u2026" not in f["secret"] and not os.path.basename(f["path"]).startswith("expected.")}
        missing = [v for v in planted if v not in reported]
        if missing:
            failures.append(f"planted values not reported with --show-secrets: "
                            f"{[(v[:4] + '...', planted[v]) for v in missing]}")
        values = set(planted) | reported
        if len(values) < 2:
            failures.append(f"only {len(values)} planted values found: the test would prove nothing")
        # ... and shown unmasked in the text format too (proves the byte check can fail).
        shown_text = h.run(["scan", "--no-config", "--show-secrets", *scan_roots], cwd=work)
        if not leaked(planted, shown_text.stdout):
            failures.append("--show-secrets text output shows no planted value: the check below cannot fail")

        # 2. Every format x verbosity x destination, with and without the project configs.
        out_dir = os.path.join(work, "out")
        os.makedirs(out_dir)
        for fmt in FORMATS:
            for verbosity in VERBOSITY:
                for config in (["--no-config"], ["-c", os.path.join(fixtures, "demo", ".aaiscan.yaml")]):
                    for to_file in (False, True):
                        args = ["scan", *config, "-f", fmt, *verbosity, *scan_roots]
                        out_file = os.path.join(out_dir, f"report-{h.runs}.{fmt}")
                        if to_file:
                            args += ["-o", out_file]
                        proc = h.run(args, cwd=work)
                        what = " ".join(args)
                        try:
                            if proc.returncode not in (1, 2):
                                raise Failure(f"{what}: unexpected exit {proc.returncode}")
                            check_bytes(values, proc.stdout, what + " (stdout)")
                            check_bytes(values, proc.stderr, what + " (stderr)")
                            if to_file:
                                with open(out_file, "rb") as f:
                                    blob = f.read()
                                if not blob:
                                    raise Failure(f"{what}: empty report file")
                                check_bytes(values, blob, what + " (-o file)")
                        except Failure as e:
                            failures.append(str(e))

        # 3. Other entry points: stdin, transcripts mode, git history and staged, baselines.
        with open(os.path.join(fixtures, "demo", "app.py"), "rb") as f:
            demo_app = f.read()
        extra = [(["scan", "--no-config", "-f", "json", "-v", "-"], targets, demo_app),
                 (["scan", "--no-config", "--transcripts", "-f", "jsonl", "-v", "."], targets, b"")]
        if git_ok:
            extra += [(["scan", "--no-config", "--git-history", "-f", fmt, "-v", "."], repo, b"") for fmt in FORMATS]
            extra += [(["scan", "--no-config", "--staged", "-f", fmt, "-v", "."], repo, b"") for fmt in FORMATS]
        # The checklist prints evidence (masked values; env values only compared as hashes).
        extra += [(["checklist", "--no-config", "--format", fmt, "."], cwd, b"")
                  for fmt in ("text", "json") for cwd in ([targets, repo] if git_ok else [targets])]
        baseline = os.path.join(out_dir, "baseline.json")
        extra.append((["baseline", "create", "--no-config", "-o", baseline, "."], targets, b""))
        for args, cwd, stdin in extra:
            proc = h.run(args, cwd=cwd, stdin=stdin)
            what = " ".join(args)
            if proc.returncode == 2 and (b"not built into this binary" in proc.stderr or
                                         b"The following argument was not expected" in proc.stderr):
                notes.append(f"not run (not available yet): {what}")
                continue
            try:
                check_bytes(values, proc.stdout, what + " (stdout)")
                check_bytes(values, proc.stderr, what + " (stderr)")
            except Failure as e:
                failures.append(str(e))
        if os.path.exists(baseline):
            with open(baseline, "rb") as f:
                try:
                    check_bytes(values, f.read(), "baseline file")
                except Failure as e:
                    failures.append(str(e))

        # 4. The rule cache, and nothing written anywhere but -o. The cache holds the rules (their
        # examples are in the binary anyway): values that are also rule examples are not leaks.
        rule_text = b""
        rules_dir = os.path.join(os.path.dirname(fixtures), "rules")
        for name in sorted(os.listdir(rules_dir)) if os.path.isdir(rules_dir) else []:
            with open(os.path.join(rules_dir, name), "rb") as f:
                rule_text += f.read()
        scanned_only = {v for v in values if v.encode("utf-8") not in rule_text}
        cache_files = list(files_under(h.cache))
        if not cache_files:
            notes.append("no compiled-rule cache was written")
        for path in cache_files:
            with open(path, "rb") as f:
                try:
                    check_bytes(scanned_only, f.read(), f"cache file {os.path.relpath(path, work)}")
                except Failure as e:
                    failures.append(str(e))
            mode = os.stat(path).st_mode & 0o777
            if mode != 0o600:
                failures.append(f"cache file {path} has mode {oct(mode)}, not 0600")
        if tree_digest(targets) != before:
            # git repositories' index may be refreshed by libgit2 status queries: compare without them.
            failures.append("scanning modified the scanned tree")
        stray = [p for p in files_under(h.home)]
        if stray:
            failures.append(f"files written under HOME: {stray[:5]}")
        unexpected = sorted(set(os.listdir(work)) - {"cache", "home", "targets", "out"})
        if unexpected:
            failures.append(f"files written in the working directory: {unexpected}")

        # 5. No network: no socket other than AF_UNIX (name-service lookups) and no connect().
        strace = shutil.which("strace")
        if not strace:
            notes.append("strace not installed: network check skipped")
        else:
            log = os.path.join(work, "strace.log")
            proc = h.run(["scan", "--no-config", "--no-cache", "-f", "sarif", "-v", "targets"], cwd=work,
                         prefix=[strace, "-f", "-qq", "-e", "trace=socket,connect,sendto,sendmsg,bind", "-o", log])
            if not os.path.exists(log) or proc.returncode not in (0, 1, 2):
                notes.append(f"strace could not trace here (exit {proc.returncode}): network check skipped: "
                             f"{proc.stderr[-300:]!r}")
            else:
                with open(log, encoding="utf-8", errors="replace") as f:
                    calls = [line.strip() for line in f if "(" in line and "---" not in line]
                bad = [c for c in calls if ("socket(" in c and "AF_UNIX" not in c and "AF_LOCAL" not in c)
                       or (re.search(r"\b(connect|sendto|sendmsg|bind)\(", c) and "AF_INET" in c)]
                if bad:
                    failures.append(f"network activity during a scan: {bad[:5]}")
                notes.append(f"network check: {len(calls)} socket-family calls traced, none to the network")

        print(f"secrets_stay_secret: {h.runs} runs, {len(values)} planted values "
              f"({len(planted)} listed in planted-values.txt)")
        for n in notes:
            print(f"  note: {n}")
        if failures:
            for f in failures:
                print(f"FAIL: {f}")
            return 1
        print("secrets_stay_secret: OK")
        return 0


if __name__ == "__main__":
    try:
        sys.stdout.reconfigure(errors="replace")
        sys.exit(main())
    except Failure as e:
        print(f"FAIL: {e}")
        sys.exit(1)
