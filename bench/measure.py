"""Times one command: a checked run under GNU time (exit code, peak RSS, output kept), then
hyperfine (`--warmup 1 --runs N --export-json`) for the wall-time statistics; a pathologically
slow command is timed by its checked run alone, or killed after a time limit."""
import json
import os
import shlex
import signal
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
            check_cmd=None, json_dir, fast_runs=None, slow=None, timeout=None):
    """Measures `cmd` (a list, or a string run by sh when it needs a pipe).

    First runs `check_cmd` (default `cmd`) once under `/usr/bin/time`: its exit code must be in
    `ok_codes`; its output is kept and its peak RSS recorded. Only then hyperfine times `cmd`
    with `-i` (exit code 1 means "findings" for aaiscan and "no match" for rg) and no output
    capture, `runs` times, or `fast_runs` times when the checked run took less than a second.
    A checked run longer than `slow` seconds is the only sample (runs = 1); one longer than
    `timeout` is killed (its whole process group) and the command reported as not measured.
    """
    m = Measurement(label)
    check = check_cmd or cmd
    argv = ["sh", "-c", check] if isinstance(check, str) else list(check)
    stats_file = os.path.join(json_dir, "time.txt")
    full_env = dict(os.environ, **(env or {}))
    started = time.monotonic()
    proc = subprocess.Popen([K_TIME, "-f", "%M %U %S", "-o", stats_file, *argv], cwd=cwd,
                            env=full_env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True)
    try:
        m.stdout, m.stderr = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        m.error = "one run took over %d s: not timed" % timeout
        return m
    wall = time.monotonic() - started
    if fast_runs and wall < 1.0:
        runs = max(runs, fast_runs)
    m.exit_code = proc.returncode
    cpu = None
    try:
        with open(stats_file, encoding="utf-8") as f:
            rss, user, system = f.read().strip().splitlines()[-1].split()
        m.rss_kb, cpu = int(rss), float(user) + float(system)
    except (OSError, ValueError, IndexError):
        m.rss_kb = None
    if proc.returncode not in ok_codes:
        first = m.stderr.decode(errors="replace").strip().splitlines()
        m.error = "exit %d%s" % (proc.returncode, (": " + first[0][:160]) if first else "")
        return m
    if slow and wall > slow:
        m.median = m.mean = m.min = m.max = wall
        m.cpu, m.runs = cpu, 1
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
