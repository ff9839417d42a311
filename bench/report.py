"""Turns benchmark rows into the results table, the target check-list and the machine
description that bench/run.py prints and writes to RESULTS.md."""
import datetime
import os
import platform
import re
import subprocess


class Row:
    """One line of the table: a tool/setting measured on a corpus (or why it was not)."""

    def __init__(self, corpus, size_bytes, files_label, tool, role, measurement=None,
                 unavailable=None, threads=None):
        self.corpus = corpus
        self.size_bytes = size_bytes
        self.files_label = files_label
        self.tool = tool
        self.role = role  # aaiscan | rg | rg-nu | floor | other
        self.m = measurement
        self.unavailable = unavailable
        self.threads = threads
        self.rate = True  # whether MB/s is meaningful for this corpus

    @property
    def ok(self):
        return self.m is not None and self.m.error is None and self.m.median is not None

    @property
    def mbps(self):
        if not self.ok or not self.rate or not self.size_bytes or self.m.median <= 0:
            return None
        return self.size_bytes / 1e6 / self.m.median

    def to_json(self):
        return {"corpus": self.corpus, "size_bytes": self.size_bytes, "files": self.files_label,
                "tool": self.tool, "role": self.role, "threads": self.threads,
                "unavailable": self.unavailable, "mb_per_s": self.mbps,
                "measurement": self.m.to_json() if self.m else None}


def _fmt_s(x):
    if x is None:
        return "—"
    return "%.4f" % x if x < 0.1 else ("%.3f" % x if x < 10 else "%.1f" % x)


def _ratio(a, b):
    if a is None or b is None or not b.ok or not a.ok:
        return None
    return a.m.median / b.m.median


def _ref(rows, corpus, role):
    for r in rows:
        if r.corpus == corpus and r.role == role and r.ok:
            return r
    return None


def table(rows):
    """The results as a Markdown table (one line per row)."""
    head = ("| corpus | MB | files | tool / setting | median s (±σ) | CPU s | MB/s | peak RSS MB | "
            "aai/rg | aai/rg-nu | aai/floor |")
    lines = [head, "|" + "---|" * 11]
    prev = None
    for r in rows:
        tool = r.tool.replace("|", "\\|")  # a pipeline's | would split the Markdown cell
        show = r.corpus != prev
        prev = r.corpus
        corpus = r.corpus if show else ""
        mb = ("%.1f" % (r.size_bytes / 1e6) if r.size_bytes >= 1e5 else "%.3f" % (r.size_bytes / 1e6)) \
            if (show and r.size_bytes) else ""
        files = r.files_label if show else ""
        if r.m is None or not r.ok:
            why = r.unavailable or (r.m.error if r.m else "not measured")
            lines.append("| %s | %s | %s | %s | not available: %s | | | | | | |"
                         % (corpus, mb, files, tool, why.replace("|", "/")))
            continue
        rss = "%.0f" % (r.m.rss_kb / 1024) if r.m.rss_kb else "—"
        ratios = ["", "", ""]
        if r.role == "aaiscan":
            for i, role in enumerate(("rg", "rg-nu", "floor")):
                q = _ratio(r, _ref(rows, r.corpus, role))
                ratios[i] = "%.2f" % q if q is not None else "—"
        mbps = r.mbps
        spread = " ±%s" % _fmt_s(r.m.stddev) if r.m.stddev is not None else \
            (" (1 run)" if r.m.runs == 1 else "")
        lines.append("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
            corpus, mb, files, tool, _fmt_s(r.m.median) + spread, _fmt_s(r.m.cpu),
            ("%.0f" % mbps) if mbps is not None else "—", rss, *ratios))
    return "\n".join(lines)


def _status(ok):
    return "MET" if ok else "NOT MET"


def targets(rows, quick):
    """The issue's targets, each as (text, MET | NOT MET | not available, evidence)."""
    out = []

    def aai(corpus_prefix, threads=None):
        for r in rows:
            if r.corpus.startswith(corpus_prefix) and r.role == "aaiscan" and r.ok and \
                    (threads is None or r.threads == threads):
                return r
        return None

    def best_rg(corpus):
        c = [r for r in rows if r.corpus == corpus and r.role in ("rg", "rg-nu") and r.ok]
        return min(c, key=lambda r: r.m.median) if c else None

    include = aai("usr-include", "default")
    sub = " (quick: /usr/include subset)" if quick else ""
    if include:
        floor = _ref(rows, include.corpus, "floor")
        q = _ratio(include, floor)
        out.append(("/usr/include within 2x of the read floor, all rules" + sub,
                    _status(q is not None and q <= 2.0) if q else "not available",
                    "aaiscan %.3f s / floor %.3f s = %.2fx" % (include.m.median, floor.m.median, q)
                    if q else ""))
        rg = best_rg(include.corpus)
        if rg:
            s = rg.m.median / include.m.median
            out.append(("/usr/include: beat rg's best setting by ~2x" + sub, _status(s >= 2.0),
                        "best rg (%s) %.3f s / aaiscan %.3f s = %.2fx faster"
                        % (rg.tool, rg.m.median, include.m.median, s)))
    else:
        out.append(("/usr/include within 2x of the read floor" + sub, "not available", ""))
        out.append(("/usr/include: beat rg's best setting by ~2x" + sub, "not available", ""))

    tr = aai("transcripts-json", "default")
    rg = best_rg("transcripts-json")
    if tr and rg:
        s = rg.m.median / tr.m.median
        out.append((">= 3x faster than rg on the transcript corpus", _status(s >= 3.0),
                    "best rg (%s) %.3f s / aaiscan %.3f s = %.2fx" % (rg.tool, rg.m.median, tr.m.median, s)))
    else:
        out.append((">= 3x faster than rg on the transcript corpus", "not available",
                    _why(rows, "transcripts-json")))
    tr1 = aai("transcripts-json", 1)
    if tr1 and tr1.mbps:
        out.append(("transcripts >= 300 MB/s per core (parse + scan, --threads 1)",
                    _status(tr1.mbps >= 300), "%.0f MB/s with --threads 1 (%.0f MB per CPU second)"
                    % (tr1.mbps, tr1.size_bytes / 1e6 / tr1.m.cpu if tr1.m.cpu else 0)))
    else:
        out.append(("transcripts >= 300 MB/s per core (parse + scan, --threads 1)", "not available",
                    _why(rows, "transcripts-json")))

    hist = aai("history-generated")
    rg = best_rg(hist.corpus) if hist else None
    if hist and rg:
        s = rg.m.median / hist.m.median
        out.append(("git history >= 3x faster than git log -p | rg", _status(s >= 3.0),
                    "%s %.3f s / aaiscan %.3f s = %.2fx" % (rg.tool, rg.m.median, hist.m.median, s)))
    else:
        out.append(("git history >= 3x faster than git log -p | rg", "not available",
                    _why(rows, "history-generated")))

    st = aai("staged")
    if st:
        out.append(("scan --staged < 50 ms (10 files staged in a 10,000-file repo)",
                    _status(st.m.median < 0.050), "median %.1f ms" % (st.m.median * 1000)))
    else:
        out.append(("scan --staged < 50 ms", "not available", _why(rows, "staged")))

    rss = [r for r in rows if r.role == "aaiscan" and r.ok and r.m.rss_kb]
    if rss:
        worst = max(rss, key=lambda r: r.m.rss_kb)
        out.append(("peak RSS < 150 MB (every aaiscan run)", _status(worst.m.rss_kb / 1024 < 150),
                    "max %.0f MB (%s, %s)" % (worst.m.rss_kb / 1024, worst.corpus, worst.tool)))

    scal = []
    for r1 in [r for r in rows if r.role == "aaiscan" and r.threads == 1 and r.ok]:
        r2 = next((r for r in rows if r.corpus == r1.corpus and r.role == "aaiscan" and r.ok
                   and r.threads in (2, "default")), None)
        if r2:
            scal.append((r1.corpus, r1.m.median / r2.m.median))
    if scal:
        main = next((s for c, s in scal if c.startswith("usr-include")), scal[0][1])
        out.append(("2 threads >= 1.8x one thread (on /usr/include; all corpora listed)",
                    _status(main >= 1.8), ", ".join("%s %.2fx" % (c, s) for c, s in scal)))
    return out


def _why(rows, corpus):
    for r in rows:
        if r.corpus == corpus and r.role == "aaiscan" and not r.ok:
            return r.unavailable or (r.m.error if r.m else "")
    return ""


def _cmd(args):
    try:
        return subprocess.run(args, capture_output=True, text=True).stdout.strip()
    except OSError:
        return "not installed"


def machine(aaiscan):
    """A dict describing the machine and the tool versions."""
    cpu = "unknown"
    flags = set()
    with open("/proc/cpuinfo", encoding="utf-8") as f:
        for line in f:
            if line.startswith("model name") and cpu == "unknown":
                cpu = line.split(":", 1)[1].strip()
            if line.startswith("flags") and not flags:
                flags = set(line.split(":", 1)[1].split())
    mem = "unknown"
    with open("/proc/meminfo", encoding="utf-8") as f:
        for line in f:
            if line.startswith("MemTotal"):
                mem = "%.1f GiB" % (int(line.split()[1]) / 1024 / 1024)
    osname = "unknown"
    try:
        with open("/etc/os-release", encoding="utf-8") as f:
            m = re.search(r'^PRETTY_NAME="?([^"\n]*)', f.read(), re.M)
            osname = m.group(1) if m else osname
    except OSError:
        pass
    hs = _cmd(["pkg-config", "--modversion", "libhs"]) or \
        _cmd(["dpkg-query", "-W", "-f=${Version}", "libhyperscan5"])
    return {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": cpu, "simd": " ".join(x for x in ("ssse3", "sse4_2", "avx2", "avx512f") if x in flags),
        "cores": os.cpu_count(), "ram": mem, "kernel": platform.release(), "os": osname,
        "aaiscan": _cmd([aaiscan, "version"]), "rg": _cmd(["rg", "--version"]).splitlines()[0],
        "hyperfine": _cmd(["hyperfine", "--version"]), "hyperscan": hs,
        "git": _cmd(["git", "--version"]), "python": platform.python_version(),
    }


def cpu_snapshot():
    """(busy CPU seconds of the whole machine, CPU seconds of our finished children, wall time)."""
    import resource
    import time
    with open("/proc/stat", encoding="utf-8") as f:
        fields = [int(x) for x in f.readline().split()[1:]]
    busy = sum(fields) - fields[3] - (fields[4] if len(fields) > 4 else 0)  # minus idle, iowait
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return busy / os.sysconf("SC_CLK_TCK"), ru.ru_utime + ru.ru_stime, time.time()


def other_cpu_share(before, after):
    """Share of the machine's CPU capacity used by processes other than the benchmark's between
    two cpu_snapshot()s (0.0 = the machine was otherwise idle)."""
    busy = after[0] - before[0]
    ours = after[1] - before[1]
    capacity = (after[2] - before[2]) * (os.cpu_count() or 1)
    return max(0.0, busy - ours) / capacity if capacity > 0 else 0.0


def load_average():
    with open("/proc/loadavg", encoding="utf-8") as f:
        return " ".join(f.read().split()[:3])
