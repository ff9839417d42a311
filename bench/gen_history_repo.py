#!/usr/bin/env python3
"""Generates deterministic git repositories for the history and pre-commit benchmarks (stdlib +
the git CLI): `history` mode builds N commits (via git fast-import) in which fake secrets are
added and later deleted, plus side branches; `staged` mode builds one commit of N files and
stages a small change of K files (one of them holding a fake secret) for `aaiscan scan --staged`.

Same arguments give the same commits (fixed authors, dates and content). Secrets are synthetic.
A manifest (JSON, written outside the repository) counts what was planted.
"""
import argparse
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_code_tree as code  # noqa: E402  (filler blocks and secret idioms)

K_EXTS = ["py", "js", "ts", "go", "java", "rb", "cs", "rs", "sh", "yaml", "md"]
K_BASE_DATE = 1577836800  # 2020-01-01T00:00:00Z
K_ENV = {"GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull, "LC_ALL": "C",
         "GIT_AUTHOR_NAME": "Bench", "GIT_AUTHOR_EMAIL": "bench@example.com",
         "GIT_COMMITTER_NAME": "Bench", "GIT_COMMITTER_EMAIL": "bench@example.com",
         "GIT_AUTHOR_DATE": "1700000000 +0000", "GIT_COMMITTER_DATE": "1700000000 +0000"}


def git(repo, *args, **kw):
    """Runs git in `repo` with a fixed identity and no user/system config."""
    env = dict(os.environ, **K_ENV)
    return subprocess.run(["git", "-C", repo, *args], env=env, check=True, **kw)


def blocks_for(g, ext, size):
    """A list of filler blocks of about `size` bytes in the language of `ext`."""
    fn = code.LANGS[ext][0]
    out, total = [], 0
    while total < size:
        b = fn(g)
        out.append(b)
        total += len(b)
    return out


def secret_for(g, ext, assemblyai_only=False):
    """A planted secret snippet for `ext` (falls back to a Python idiom); with `assemblyai_only`,
    an AssemblyAI key in that language's idiom."""
    makers = code.SECRETS_BY_EXT.get(ext) or code.SECRETS_BY_EXT["py"]
    if assemblyai_only:
        makers = [m for m in makers if m(code.Gen(0))[1].startswith("assemblyai")] or \
            [code.SECRETS_BY_EXT["py"][0]]
    return g.r.choice(makers)(g)[0]


class FastImport:
    """Writes a git fast-import stream to a running `git fast-import`."""

    def __init__(self, repo):
        env = dict(os.environ, **K_ENV)
        self.proc = subprocess.Popen(["git", "-C", repo, "fast-import", "--quiet"],
                                     stdin=subprocess.PIPE, env=env)
        self.mark = 0

    def data(self, text):
        b = text.encode()
        self.proc.stdin.write(b"data %d\n" % len(b) + b + b"\n")

    def commit(self, ref, when, message, changes, parent=None):
        """changes: list of (path, text or None for delete). Returns the commit's mark."""
        self.mark += 1
        w = self.proc.stdin.write
        w(b"commit %s\nmark :%d\n" % (ref.encode(), self.mark))
        who = "Dev %d <dev%d@example.com> %d +0000" % (when % 7, when % 7, when)
        w(("author %s\ncommitter %s\n" % (who, who)).encode())
        self.data(message)
        if parent:
            w(b"from :%d\n" % parent)
        for path, text in changes:
            if text is None:
                w(b"D %s\n" % path.encode())
            else:
                w(b"M 100644 inline %s\n" % path.encode())
                self.data(text)
        w(b"\n")
        return self.mark

    def close(self):
        self.proc.stdin.close()
        if self.proc.wait() != 0:
            sys.exit("gen_history_repo: git fast-import failed")


def make_history(out, seed, commits, files, clone=False):
    g = code.Gen(seed)
    git(out, "init", "-q", "-b", "main")
    tree = {}
    for i in range(files):
        ext = g.r.choice(K_EXTS)
        tree["src/%s/%s_%d.%s" % (g.word(), g.snake(), i, ext)] = blocks_for(g, ext, g.r.randint(800, 8000))
    paths = sorted(tree)
    fi = FastImport(out)
    when = K_BASE_DATE
    head = fi.commit("refs/heads/main", when, "Initial import\n",
                     [(p, "".join(tree[p])) for p in paths])
    live = []  # (path, secret block text, delete at commit number or None to keep)
    added = deleted = branches = 0
    for n in range(1, commits):
        when += g.r.randint(600, 30000)
        changes = {}
        for _ in range(g.r.randint(1, 3)):
            p = g.r.choice(paths)
            ext = p.rsplit(".", 1)[1]
            blocks = tree[p]
            op = g.r.random()
            idx = g.r.randrange(len(blocks))
            protected = any(q == p and t == blocks[idx] for q, t, _ in live)
            if op < 0.5:
                blocks.insert(idx, code.LANGS[ext][0](g))
            elif op < 0.8 and not protected:
                blocks[idx] = code.LANGS[ext][0](g)
            elif len(blocks) > 2 and not protected:
                del blocks[idx]
            changes[p] = "".join(blocks)
        if g.r.random() < 0.02:  # add a secret; most are deleted again later
            p = g.r.choice(paths)
            blocks = tree[p]
            text = secret_for(g, p.rsplit(".", 1)[1])
            blocks.insert(g.r.randint(0, len(blocks)), text)
            keep = g.r.random() < 0.1
            live.append((p, text, None if keep else n + g.r.randint(1, 200)))
            changes[p] = "".join(blocks)
            added += 1
        for entry in [e for e in live if e[2] is not None and e[2] <= n]:
            p, text, _ = entry
            tree[p].remove(text)
            live.remove(entry)
            changes[p] = "".join(tree[p])
            deleted += 1
        msg = "%s %s\n\n%s.\n" % (g.verb().capitalize(), g.snake(), g.sentence())
        head = fi.commit("refs/heads/main", when, msg, sorted(changes.items()), head)
        if n % 1000 == 500:  # an unmerged side branch with a secret on it
            branches += 1
            ref = "refs/heads/feature-%d" % branches
            side = head
            for k in range(5):
                p = g.r.choice(paths)
                text = "".join(tree[p]) + (secret_for(g, p.rsplit(".", 1)[1]) if k == 2 else "")
                side = fi.commit(ref, when + k + 1, "WIP %d\n" % k, [(p, text)], side)
            added += 1
    fi.close()
    # fast-import stores most blobs whole; a clone (or `git gc`) packs them as delta chains, and
    # reading those is a different job: --clone packs the history the way a clone holds it.
    git(out, "repack", "-a", "-d", "-q", *(["-f"] if clone else []))
    git(out, "reset", "-q", "--hard", "main")
    return {"commits": commits + 5 * branches, "files": files, "secrets_added": added,
            "secrets_deleted": deleted, "side_branches": branches, "deltified": clone}


def make_staged(out, seed, files, staged):
    g = code.Gen(seed)
    git(out, "init", "-q", "-b", "main")
    tree = {}
    for i in range(files):
        ext = g.r.choice(K_EXTS)
        tree["pkg%02d/%s/%s_%d.%s" % (i % 40, g.word(), g.snake(), i, ext)] = \
            blocks_for(g, ext, g.r.randint(300, 6000))
    paths = sorted(tree)
    fi = FastImport(out)
    fi.commit("refs/heads/main", K_BASE_DATE, "Initial import\n",
              [(p, "".join(tree[p])) for p in paths])
    fi.close()
    git(out, "reset", "-q", "--hard", "main")
    chosen = sorted(g.r.sample(paths, staged))
    for k, p in enumerate(chosen):
        ext = p.rsplit(".", 1)[1]
        extra = secret_for(g, ext, assemblyai_only=True) if k == 0 else code.LANGS[ext][0](g)
        with open(os.path.join(out, p), "a", encoding="utf-8") as f:
            f.write(extra)
    git(out, "add", "--", *chosen)
    return {"files": files, "staged": staged, "secrets_staged": 1}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("mode", choices=["history", "staged"])
    ap.add_argument("--out", required=True, help="repository directory to create (must not exist)")
    ap.add_argument("--manifest", required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--commits", type=int, default=10000, help="history: commits on main")
    ap.add_argument("--files", type=int, default=None,
                    help="files in the tree (default: history 300, staged 10000)")
    ap.add_argument("--staged", type=int, default=10, help="staged: files changed and staged")
    ap.add_argument("--clone", action="store_true",
                    help="history: repack every object into delta chains, as a clone holds them")
    args = ap.parse_args()
    if os.path.exists(args.out):
        sys.exit("gen_history_repo: %s exists" % args.out)
    os.makedirs(args.out)
    if args.mode == "history":
        m = make_history(args.out, args.seed, args.commits, args.files or 300, args.clone)
    else:
        m = make_staged(args.out, args.seed, args.files or 10000, args.staged)
    m.update({"generator": "gen_history_repo.py", "mode": args.mode, "seed": args.seed})
    with open(args.manifest, "w", encoding="utf-8") as f:
        json.dump(m, f, indent=1)
    print("gen_history_repo: %s -> %s" % (json.dumps(m), args.out), file=sys.stderr)


if __name__ == "__main__":
    main()
