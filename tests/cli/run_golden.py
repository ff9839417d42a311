#!/usr/bin/env python3
"""Golden CLI tests: runs the real aaiscan binary on every case under fixtures/golden/ and
compares stdout, exit code (and stderr when expected.err exists) with checked-in expectations.

A case is a folder fixtures/golden/<name>/ with
  cmd            arguments after `aaiscan`, shell-quoted on one line; {fixtures} is the fixtures dir
  input/         optional tree copied to a temporary working directory (the command's cwd)
  setup.sh       optional script run in that directory first (git init, mkfifo, chmod ...)
  expected.out   expected stdout
  expected.code  expected exit code
  expected.err   optional expected stderr
  stdin          optional bytes fed to the command's standard input
  after.sh       optional script run in the working directory after the command (with $AAISCAN,
                 the binary): its stdout must equal expected.after (files the command wrote)
  unprivileged   optional marker: run the command without the capabilities that let root read
                 any file (setpriv), so permission tests behave the same for root and users
Paths of the temporary directory and of fixtures/ are replaced by <TMP> and <FIXTURES>.
Run with --update to rewrite the expectations on purpose (never done silently).
"""
import argparse
import os
import shlex
import shutil
import subprocess
import sys
import tempfile


def normalise(text, tmp, fixtures):
    for real in {tmp, os.path.realpath(tmp)}:
        text = text.replace(real, "<TMP>")
    for real in {fixtures, os.path.realpath(fixtures)}:
        text = text.replace(real, "<FIXTURES>")
    return text


def run_case(binary, fixtures, case_dir, update):
    name = os.path.basename(case_dir)
    with open(os.path.join(case_dir, "cmd"), encoding="utf-8") as f:
        cmd = f.read().strip()
    args = [a.replace("{fixtures}", fixtures) for a in shlex.split(cmd)]
    with tempfile.TemporaryDirectory(prefix=f"aaiscan-golden-{name}-") as tmp:
        work = os.path.join(tmp, "work")
        src = os.path.join(case_dir, "input")
        if os.path.isdir(src):
            shutil.copytree(src, work, symlinks=True)
        else:
            os.makedirs(work)
        env = dict(os.environ)
        env["NO_COLOR"] = "1"
        env["LC_ALL"] = "C"  # the locale of CI runners and cron jobs (aaiscan still reads UTF-8 names)
        env["FIXTURES"] = fixtures
        env["AAISCAN"] = os.path.abspath(binary)
        env["GIT_CONFIG_GLOBAL"] = os.devnull
        env["GIT_CONFIG_NOSYSTEM"] = "1"
        env["GIT_AUTHOR_NAME"] = env["GIT_COMMITTER_NAME"] = "Golden Test"
        env["GIT_AUTHOR_EMAIL"] = env["GIT_COMMITTER_EMAIL"] = "golden@example.com"
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = "2026-01-02T03:04:05Z"
        setup = os.path.abspath(os.path.join(case_dir, "setup.sh"))
        if os.path.exists(setup):
            subprocess.run(["bash", setup], cwd=work, env=env, check=True,
                           stdout=subprocess.DEVNULL)
        prefix = []
        if os.path.exists(os.path.join(case_dir, "unprivileged")) and os.geteuid() == 0:
            prefix = ["setpriv", "--inh-caps=-all", "--bounding-set=-dac_override,-dac_read_search"]
        stdin_bytes = b""
        stdin_file = os.path.join(case_dir, "stdin")
        if os.path.exists(stdin_file):
            with open(stdin_file, "rb") as f:
                stdin_bytes = f.read()
        proc = subprocess.run(prefix + [binary] + args, cwd=work, env=env, capture_output=True,
                              input=stdin_bytes, timeout=120)
        after = os.path.abspath(os.path.join(case_dir, "after.sh"))
        after_out = None
        if os.path.exists(after):
            done = subprocess.run(["bash", after], cwd=work, env=env, capture_output=True, timeout=120)
            after_out = normalise(done.stdout.decode("utf-8", "replace") +
                                  done.stderr.decode("utf-8", "replace"), work, fixtures)
        # Restore permissions a setup may have removed so the temp dir can be deleted.
        subprocess.run(["chmod", "-R", "u+rwX", tmp], check=False)
        out = normalise(proc.stdout.decode("utf-8", "replace"), work, fixtures)
        err = normalise(proc.stderr.decode("utf-8", "replace"), work, fixtures)
        code = str(proc.returncode)

    files = {"expected.out": out, "expected.code": code + "\n"}
    if after_out is not None:
        files["expected.after"] = after_out
    if update:
        for fname, content in files.items():
            with open(os.path.join(case_dir, fname), "w", encoding="utf-8") as f:
                f.write(content)
        if os.path.exists(os.path.join(case_dir, "expected.err")):
            with open(os.path.join(case_dir, "expected.err"), "w", encoding="utf-8") as f:
                f.write(err)
        print(f"updated {name}")
        return True

    ok = True
    with open(os.path.join(case_dir, "expected.code"), encoding="utf-8") as f:
        want_code = f.read().strip()
    if want_code != code:
        print(f"FAIL {name}: exit code {code}, expected {want_code}\nstderr:\n{err}")
        ok = False
    with open(os.path.join(case_dir, "expected.out"), encoding="utf-8") as f:
        want_out = f.read()
    if want_out != out:
        import difflib
        diff = difflib.unified_diff(want_out.splitlines(True), out.splitlines(True),
                                    "expected.out", "actual stdout")
        print(f"FAIL {name}: stdout differs\n" + "".join(diff))
        ok = False
    if after_out is not None:
        with open(os.path.join(case_dir, "expected.after"), encoding="utf-8") as f:
            want_after = f.read()
        if want_after != after_out:
            import difflib
            diff = difflib.unified_diff(want_after.splitlines(True), after_out.splitlines(True),
                                        "expected.after", "actual after.sh output")
            print(f"FAIL {name}: after.sh output differs\n" + "".join(diff))
            ok = False
    err_file = os.path.join(case_dir, "expected.err")
    if os.path.exists(err_file):
        with open(err_file, encoding="utf-8") as f:
            want_err = f.read()
        if want_err != err:
            print(f"FAIL {name}: stderr differs\n--- expected\n{want_err}--- actual\n{err}")
            ok = False
    if ok:
        print(f"ok   {name}")
    return ok


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--fixtures", required=True)
    parser.add_argument("--update", action="store_true", help="rewrite expectations")
    parser.add_argument("cases", nargs="*", help="only these case names")
    opts = parser.parse_args()
    golden = os.path.join(opts.fixtures, "golden")
    names = sorted(os.listdir(golden)) if os.path.isdir(golden) else []
    if opts.cases:
        names = [n for n in names if n in opts.cases]
    if not names:
        print("no golden cases found", file=sys.stderr)
        return 1
    results = [run_case(os.path.abspath(opts.binary), os.path.abspath(opts.fixtures),
                        os.path.join(golden, n), opts.update) for n in names]
    failed = results.count(False)
    print(f"{len(results) - failed}/{len(results)} golden cases pass")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
