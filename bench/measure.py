"""Times one command: a checked run under GNU time (exit code, peak RSS, output kept), then
hyperfine (`--warmup 1 --runs N --export-json`) for the wall-time statistics."""
import json
import os
import shlex
import subprocess
import time

K_TIME = "/usr/bin/time"


class Measurement:
    """Result of measuring one command. `error` is set when it could not be measured."""

    def __init__(self, label):
        self.label = label
        self.median = None  # seconds
        self.mean = None
        self.stddev = None
        self.min = None
        self.max = None
        self.runs = 0
        self.cpu = None  # mean user + system seconds per run (all processes of the command)
        self.rss_kb = None
        self.exit_code = None
        self.error = None
        self.stdout = b""
        self.stderr = b""

    def to_json(self):
        return {k: v for k, v in self.__dict__.items() if k not in ("stdout", "stderr")}


def _command_string(cmd):
    """A shell-words string for hyperfine: lists are quoted, strings are used as they are."""
    return cmd if isinstance(cmd, str) else shlex.join(cmd)


def measure(label, cmd, *, runs, warmup=1, cwd=None, env=None, ok_codes=(0, 1),
            check_cmd=None, json_dir, stdout_to=None, fast_runs=None):
    """Measures `cmd` (a list, or a string run by sh when it needs a pipe).

    First runs `check_cmd` (default `cmd`) once under `/usr/bin/time -f %M`: its exit code must be
    in `ok_codes`, its stdout/stderr are kept (stdout optionally written to `stdout_to` instead)
    and its peak RSS recorded. Only then hyperfine times `cmd` with `-i` (exit code 1 means
    "findings" for aaiscan and "no match" for rg) and no output capture, `runs` times, or
    `fast_runs` times when the checked run took less than a second.
    """
    m = Measurement(label)
    check = check_cmd or cmd
    argv = ["sh", "-c", check] if isinstance(check, str) else list(check)
    rss_file = os.path.join(json_dir, "rss.txt")
    full_env = dict(os.environ, **(env or {}))
    out_f = open(stdout_to, "wb") if stdout_to else subprocess.PIPE
    started = time.monotonic()
    try:
        proc = subprocess.run([K_TIME, "-f", "%M", "-o", rss_file, *argv], cwd=cwd, env=full_env,
                              stdout=out_f, stderr=subprocess.PIPE)
    finally:
        if stdout_to:
            out_f.close()
    if fast_runs and time.monotonic() - started < 1.0:
        runs = max(runs, fast_runs)
    m.exit_code = proc.returncode
    m.stdout = proc.stdout or b""
    m.stderr = proc.stderr or b""
    try:
        with open(rss_file, encoding="utf-8") as f:
            m.rss_kb = int(f.read().strip().splitlines()[-1])
    except (OSError, ValueError, IndexError):
        m.rss_kb = None
    if proc.returncode not in ok_codes:
        first = m.stderr.decode(errors="replace").strip().splitlines()
        m.error = "exit %d%s" % (proc.returncode, (": " + first[0][:160]) if first else "")
        return m

    export = os.path.join(json_dir, "hyperfine-%s.json" % "".join(
        c if c.isalnum() else "_" for c in label)[:80])
    hf = ["hyperfine", "--style", "none", "-i", "--warmup", str(warmup), "--runs", str(runs),
          "--export-json", export]
    if not isinstance(cmd, str):
        hf.append("-N")  # no intermediate shell: matters for millisecond commands
    hf.append(_command_string(cmd))
    proc = subprocess.run(hf, cwd=cwd, env=full_env, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE)
    if proc.returncode != 0:
        m.error = "hyperfine failed: " + proc.stderr.decode(errors="replace").strip()[:200]
        return m
    with open(export, encoding="utf-8") as f:
        r = json.load(f)["results"][0]
    m.median, m.mean, m.stddev = r["median"], r["mean"], r.get("stddev")
    m.min, m.max, m.runs = r["min"], r["max"], len(r["times"])
    m.cpu = r.get("user", 0.0) + r.get("system", 0.0)
    return m
