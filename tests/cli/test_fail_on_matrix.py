#!/usr/bin/env python3
"""Exit-code matrix of the CI gate (DESIGN.md section 5), through the real binary.

`aaiscan scan`: for every highest finding severity (none, info .. critical) and every threshold
(--fail-on info .. critical, the config's fail_on, the default low) the exit code is 1 exactly
when a finding is at or above the threshold, else 0; a suppressed finding never fails; a path
that cannot be read exits 2 whatever the threshold and findings; the SARIF and JSON reports
record the same exit code. `aaiscan checklist`: --fail-on fail|warn|manual against trees whose
worst item is PASS/MANUAL, WARN and FAIL, and 2 for a missing path.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

SEVERITIES = ["info", "low", "medium", "high", "critical"]


def rules_yaml():
    out = ["rules:"]
    for s in SEVERITIES:
        out.append(f"""  - id: matrix.{s}
    name: Matrix {s} token
    category: secret
    severity: {s}
    scopes: [code]
    pattern: 'MATRIX_{s.upper()}_(?P<secret>[0-9]{{6}})\\b'
    message: Matrix {s} token
    remediation: none (test rule)
    examples: ['MATRIX_{s.upper()}_123456']
    negative_examples: ['MATRIX_{s.upper()}_12']""")
    return "\n".join(out) + "\n"


class Runner:
    def __init__(self, binary):
        self.binary = binary
        self.failures = 0
        self.checks = 0

    def run(self, args, cwd):
        env = dict(os.environ, NO_COLOR="1", GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1")
        return subprocess.run([self.binary] + args, cwd=cwd, env=env, capture_output=True, timeout=120)

    def expect(self, what, got, want):
        self.checks += 1
        if got != want:
            self.failures += 1
            print(f"FAIL {what}: exit {got}, expected {want}")


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def scan_matrix(r, tmp):
    rules = os.path.join(tmp, "rules.yaml")
    write(rules, rules_yaml())
    base = ["--rules", rules, "--no-default-rules", "--no-cache"]
    for top in [None] + list(range(len(SEVERITIES))):
        tree = os.path.join(tmp, f"tree-{top}")
        os.makedirs(tree)
        # One finding of every severity up to `top`, each in its own file.
        for i in range(0 if top is None else top + 1):
            write(os.path.join(tree, f"f{i}.py"), f'token = "MATRIX_{SEVERITIES[i].upper()}_12345{i}"\n')
        write(os.path.join(tree, "clean.py"), "print('hello')\n")
        for t, threshold in enumerate(SEVERITIES):
            want = 1 if top is not None and top >= t else 0
            p = r.run(["scan", ".", "--no-config", "--fail-on", threshold] + base, tree)
            r.expect(f"scan top={top} --fail-on {threshold}", p.returncode, want)
            # The config's fail_on is the same threshold when no flag is given.
            write(os.path.join(tree, ".aaiscan.yaml"), f"fail_on: {threshold}\n")
            p = r.run(["scan", "."] + base, tree)
            r.expect(f"scan top={top} config fail_on {threshold}", p.returncode, want)
            os.remove(os.path.join(tree, ".aaiscan.yaml"))
        p = r.run(["scan", ".", "--no-config"] + base, tree)
        r.expect(f"scan top={top} default (low)", p.returncode, 1 if top is not None and top >= 1 else 0)
        # Reports carry the exit code they end with.
        for fmt in ["sarif", "json"]:
            p = r.run(["scan", ".", "--no-config", "--fail-on", "high", "--format", fmt] + base, tree)
            want = 1 if top is not None and top >= 3 else 0
            r.expect(f"scan top={top} --format {fmt}", p.returncode, want)
            doc = json.loads(p.stdout)
            if fmt == "sarif":
                inv = doc["runs"][0]["invocations"][0]
                r.expect(f"sarif exitCode top={top}", inv.get("exitCode"), want)
        # A path that cannot be read: 2, even with findings and the highest threshold.
        p = r.run(["scan", ".", "missing.py", "--no-config", "--fail-on", "critical"] + base, tree)
        r.expect(f"scan top={top} with a missing path", p.returncode, 2)
    # An inline-suppressed critical finding does not fail.
    tree = os.path.join(tmp, "suppressed")
    write(os.path.join(tree, "a.py"), 'token = "MATRIX_CRITICAL_123456"  # aaiscan:allow\n')
    p = r.run(["scan", ".", "--no-config", "--fail-on", "info"] + base, tree)
    r.expect("scan suppressed critical", p.returncode, 0)


def checklist_matrix(r, tmp):
    trees = {
        # worst item: MANUAL only (no env files: separate-keys cannot be judged)
        "manual": {"app.py": "import os\nprint(os.environ['ASSEMBLYAI_API_KEY'])\n"},
        # worst item: WARN (a request without redact_pii; content_safety set)
        "warn": {"t.py": "import assemblyai as aai\nconfig = aai.TranscriptionConfig(content_safety=True)\n"},
        # worst item: FAIL (hard-coded key)
        "fail": {"t.py": 'import assemblyai as aai\naai.settings.api_key = "5d41c0e8b7a94f2e8c3b6a1d9f0e7c24"\n'},
    }
    expected = {  # tree -> {threshold: exit}
        "manual": {"fail": 0, "warn": 0, "manual": 1},
        "warn": {"fail": 0, "warn": 1, "manual": 1},
        "fail": {"fail": 1, "warn": 1, "manual": 1},
    }
    for name, files in trees.items():
        tree = os.path.join(tmp, "checklist-" + name)
        for rel, text in files.items():
            write(os.path.join(tree, rel), text)
        for threshold, want in expected[name].items():
            p = r.run(["checklist", ".", "--no-config", "--fail-on", threshold], tree)
            r.expect(f"checklist {name} --fail-on {threshold}", p.returncode, want)
        p = r.run(["checklist", ".", "--no-config", "--format", "json"], tree)
        r.expect(f"checklist {name} default", p.returncode, expected[name]["fail"])
        r.expect(f"checklist {name} json exit_code", json.loads(p.stdout)["exit_code"], expected[name]["fail"])
    p = r.run(["checklist", "missing-dir"], tmp)
    r.expect("checklist missing path", p.returncode, 2)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", required=True)
    args = ap.parse_args()
    r = Runner(os.path.abspath(args.binary))
    with tempfile.TemporaryDirectory(prefix="aaiscan-fail-on-") as tmp:
        scan_matrix(r, tmp)
        checklist_matrix(r, tmp)
    print(f"{r.checks - r.failures}/{r.checks} exit-code checks pass")
    return 1 if r.failures else 0


if __name__ == "__main__":
    sys.exit(main())
