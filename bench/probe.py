"""Detects which aaiscan features the binary under test has (staged scans, git history, transcript
JSON decoding, PII rules, archives) by running it on tiny inputs, so the benchmark reports a
missing feature as "not available" instead of failing."""
import json
import os
import shutil
import subprocess
import tarfile
import zipfile

# A synthetic key in the AssemblyAI env-file idiom every rule set version has found.
K_PROBE_SECRET = "ASSEMBLYAI_API_KEY=4c3b1e0f9a8d7c6b5a4f3e2d1c0b9a8f\n"
K_PROBE_TRANSCRIPT = {
    "id": "probe-0001", "status": "completed", "language_code": "en_us",
    "text": "Hi, my name is Avery Lockhart and my email is avery.lockhart7@contoso.com. "
            "You can reach me at (415) 555-0134.",
    "words": [{"text": t, "start": 100 * i, "end": 100 * i + 90, "confidence": 0.99, "speaker": "A"}
              for i, t in enumerate("Hi, my name is Avery Lockhart and my email is "
                                    "avery.lockhart7@contoso.com. You can reach me at "
                                    "(415) 555-0134.".split())],
    "utterances": None, "redact_pii": False, "redact_pii_policies": None, "redact_pii_sub": None,
    "speaker_labels": True, "entities": None,
}


class Feature:
    """Whether a feature is usable, and if not, why (the binary's own words when it said any)."""

    def __init__(self, available, detail):
        self.available = available
        self.detail = detail

    def __repr__(self):
        return "available" if self.available else "not available (%s)" % self.detail


def _run(aaiscan, args, cwd, env):
    p = subprocess.run([aaiscan, *args], cwd=cwd, env=env, capture_output=True, text=True)
    report = None
    if p.returncode in (0, 1):
        try:
            report = json.loads(p.stdout)
        except ValueError:
            report = None
    err = (p.stderr.strip().splitlines() or ["exit %d" % p.returncode])[0]
    return p.returncode, report, err


def _git(repo, *args):
    env = dict(os.environ, GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL=os.devnull,
               GIT_AUTHOR_NAME="p", GIT_AUTHOR_EMAIL="p@example.com",
               GIT_COMMITTER_NAME="p", GIT_COMMITTER_EMAIL="p@example.com")
    subprocess.run(["git", "-C", repo, *args], env=env, check=True, capture_output=True)


def _found(report, predicate=lambda f: f.get("category") == "secret"):
    return report is not None and any(predicate(f) for f in report.get("findings", []))


def probe(aaiscan, work_dir, env):
    """Returns {feature name: Feature} for the binary, using `work_dir` as scratch space."""
    shutil.rmtree(work_dir, ignore_errors=True)
    os.makedirs(work_dir)
    common = ["--no-config", "--no-gitignore", "-f", "json"]
    feats = {}

    repo = os.path.join(work_dir, "repo")
    os.makedirs(repo)
    _git(repo, "init", "-q")
    with open(os.path.join(repo, "settings.env"), "w") as f:
        f.write(K_PROBE_SECRET)
    _git(repo, "add", "settings.env")
    rc, rep, err = _run(aaiscan, ["scan", "--staged", "--no-config", "-f", "json"], repo, env)
    feats["staged"] = Feature(_found(rep), err if rc not in (0, 1) else "staged secret not found")
    _git(repo, "commit", "-q", "-m", "add")
    _git(repo, "rm", "-q", "settings.env")
    _git(repo, "commit", "-q", "-m", "remove")
    rc, rep, err = _run(aaiscan, ["scan", "--git-history", "--all", "--no-config", "-f", "json"],
                        repo, env)
    feats["git_history"] = Feature(_found(rep), err if rc not in (0, 1) else
                                   "deleted secret not found in history")

    listed = subprocess.run([aaiscan, "rules", "list", "-f", "json"], capture_output=True,
                            text=True, env=env)
    try:
        rules = json.loads(listed.stdout)
    except ValueError:
        rules = []
    pii = [r for r in rules if "transcript" in (r.get("scopes") or [])]
    feats["pii_rules"] = Feature(bool(pii), "%d transcript-scope rules" % len(pii) if pii
                                 else "no rule has the transcript scope")

    tdir = os.path.join(work_dir, "transcripts")
    os.makedirs(tdir)
    tpath = os.path.join(tdir, "probe.json")
    with open(tpath, "w") as f:
        json.dump(K_PROBE_TRANSCRIPT, f)
    rc, rep, err = _run(aaiscan, ["scan", *common, tpath], work_dir, env)
    feats["transcript_json"] = Feature(
        _found(rep, lambda f: f.get("transcript")),
        err if rc not in (0, 1) else "no finding with transcript time/speaker on a transcript JSON")

    src = os.path.join(work_dir, "src.env")
    with open(src, "w") as f:
        f.write(K_PROBE_SECRET)
    zpath = os.path.join(work_dir, "probe.zip")
    with zipfile.ZipFile(zpath, "w", zipfile.ZIP_DEFLATED) as z:
        z.write(src, "dir/settings.env")
    tpath = os.path.join(work_dir, "probe.tar.gz")
    with tarfile.open(tpath, "w:gz") as t:
        t.add(src, "dir/settings.env")
    for name, path in (("zip", zpath), ("tar_gz", tpath)):
        rc, rep, err = _run(aaiscan, ["scan", *common, path], work_dir, env)
        feats[name] = Feature(_found(rep), err if rc not in (0, 1) else
                              "secret inside the archive not found")
    return feats
