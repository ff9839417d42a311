"""Prepares the benchmark corpora: sizes real directories, and runs the generators into
bench/out/<name>-<key>/, where key hashes the generator sources and parameters, so a corpus is
reused until its generator or parameters change (stale versions of the same name are deleted;
names carry the size, so quick and full corpora live side by side)."""
import glob
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import time

K_HERE = os.path.dirname(os.path.abspath(__file__))


def tree_size(path):
    """(bytes, regular files) under `path`, without following symlinks (as aaiscan and rg walk)."""
    total = files = 0
    for root, dirs, names in os.walk(path):
        for n in names:
            try:
                st = os.lstat(os.path.join(root, n))
            except OSError:
                continue
            if (st.st_mode & 0o170000) == 0o100000:
                total += st.st_size
                files += 1
    return total, files


def generated(out_dir, name, generator, sources, params, log):
    """Returns (corpus path, manifest dict), generating it first when no valid copy exists.

    `generator` is the script (in bench/) to run with `--out DIR --manifest FILE` plus `params`
    (a list of extra arguments); `sources` are the files whose content keys the cache.
    """
    h = hashlib.sha256()
    for src in sources:
        with open(os.path.join(K_HERE, src), "rb") as f:
            h.update(f.read())
    h.update(json.dumps(params).encode())
    key = h.hexdigest()[:12]
    path = os.path.join(out_dir, "%s-%s" % (name, key))
    manifest = path + ".manifest.json"
    if os.path.isdir(path) and os.path.isfile(manifest):
        with open(manifest, encoding="utf-8") as f:
            return path, json.load(f)
    mine = re.compile(r"^%s-[0-9a-f]{12}(\.tmp|\.manifest\.json|\.manifest\.tmp)?$" % re.escape(name))
    for stale in glob.glob(os.path.join(out_dir, name + "-*")):
        if not mine.match(os.path.basename(stale)):
            continue  # another corpus whose name starts like this one
        if os.path.isdir(stale):
            shutil.rmtree(stale, ignore_errors=True)
        else:
            os.remove(stale)
    tmp, tmp_manifest = path + ".tmp", path + ".manifest.tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    log("generating %s (%s %s) ..." % (name, generator, " ".join(map(str, params))))
    t0 = time.time()
    subprocess.run([sys.executable, os.path.join(K_HERE, generator), *map(str, params),
                    "--out", tmp, "--manifest", tmp_manifest], check=True)
    os.rename(tmp, path)
    os.rename(tmp_manifest, manifest)
    log("generated %s in %.0f s" % (name, time.time() - t0))
    with open(manifest, encoding="utf-8") as f:
        return path, json.load(f)


def git_blob_bytes(repo):
    """(total bytes of all blobs, commit count on all refs) of a repository."""
    p = subprocess.run(["git", "-C", repo, "cat-file", "--batch-all-objects",
                        "--batch-check=%(objecttype) %(objectsize)"],
                       capture_output=True, text=True, check=True)
    total = sum(int(line.split()[1]) for line in p.stdout.splitlines() if line.startswith("blob "))
    c = subprocess.run(["git", "-C", repo, "rev-list", "--all", "--count"],
                       capture_output=True, text=True, check=True)
    return total, int(c.stdout.strip())


def staged_bytes(repo):
    """(bytes, files) of what is staged: the index versions of the changed paths."""
    p = subprocess.run(["git", "-C", repo, "diff", "--cached", "--name-only", "-z"],
                       capture_output=True, check=True)
    paths = [x for x in p.stdout.decode().split("\0") if x]
    total = 0
    for path in paths:
        s = subprocess.run(["git", "-C", repo, "cat-file", "-s", ":" + path],
                           capture_output=True, text=True, check=True)
        total += int(s.stdout.strip())
    return total, len(paths)
