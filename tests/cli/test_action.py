#!/usr/bin/env python3
"""Runs the shell steps of the composite GitHub Action (action.yml) the way a runner would, with
the real binary: GITHUB_OUTPUT/GITHUB_ENV files, inputs passed as environment variables, step
outputs fed to later steps. The dependency and build steps are replaced by the binary under test
and the upload-sarif step (a `uses:` step) is only checked for its condition.

Checks: a clean tree passes and writes SARIF; findings at or above fail-on fail the job with exit
1 while the SARIF is still written; a higher fail-on lets them pass; a missing path fails with 2;
the checklist input adds the checklist's verdict.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

try:
    import yaml
except ImportError:  # Debian python3-yaml; not among install-deps.sh's packages
    print("test_action: python3-yaml is not installed: skipped")
    sys.exit(77)


def expand(text, inputs, outputs):
    """Replaces ${{ inputs.x }} and ${{ steps.id.outputs.x }} like the runner does."""
    def repl(m):
        expr = m.group(1).strip()
        if expr.startswith("inputs."):
            return inputs[expr[len("inputs."):]]
        m2 = re.fullmatch(r"steps\.([\w-]+)\.outputs\.([\w-]+)", expr)
        if m2:
            return outputs.get(m2.group(1), {}).get(m2.group(2), "")
        raise ValueError(f"unsupported expression: {expr}")
    return re.sub(r"\$\{\{(.*?)\}\}", repl, text)


def run_action(action, binary, workspace, given):
    inputs = {k: str(v.get("default", "")) for k, v in action["inputs"].items()}
    inputs.update(given)
    outputs = {}
    env_file = os.path.join(workspace, "..", "github_env")
    open(env_file, "w").close()
    job_exit = 0
    log = []
    for step in action["runs"]["steps"]:
        name = step["name"]
        if "uses" in step:
            cond = step.get("if", "")
            assert "always()" in cond and "hashFiles" in cond, f"{name}: must run after a failed scan"
            continue
        if name in ("Install build dependencies", "Build aaiscan"):
            continue  # replaced by the binary under test
        cond = step.get("if", "")
        if "inputs.checklist == 'true'" in cond and inputs["checklist"] != "true":
            continue
        out_file = os.path.join(workspace, "..", f"out-{step.get('id', 'x')}")
        open(out_file, "w").close()
        env = dict(os.environ, NO_COLOR="1", GITHUB_OUTPUT=out_file, GITHUB_ENV=env_file,
                   GITHUB_WORKSPACE=workspace, AAISCAN_BIN=binary, GIT_CONFIG_GLOBAL=os.devnull)
        for k, v in step.get("env", {}).items():
            env[k] = expand(str(v), inputs, outputs)
        proc = subprocess.run(["bash", "-e", "-c", expand(step["run"], inputs, outputs)], cwd=workspace, env=env,
                              capture_output=True, text=True, timeout=120)
        log.append(proc.stdout + proc.stderr)
        if "id" in step:
            with open(out_file) as f:
                outputs[step["id"]] = dict(line.strip().split("=", 1) for line in f if "=" in line)
        if proc.returncode != 0:
            job_exit = proc.returncode
    return job_exit, outputs, "\n".join(log)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", required=True)
    ap.add_argument("--action", required=True)
    args = ap.parse_args()
    binary = os.path.abspath(args.binary)
    with open(args.action, encoding="utf-8") as f:
        action = yaml.safe_load(f)
    failures = []

    def case(label, files, inputs, want_exit, want_sarif=True, want_in_log=None):
        with tempfile.TemporaryDirectory(prefix="aaiscan-action-") as tmp:
            ws = os.path.join(tmp, "ws")
            os.makedirs(ws)
            for rel, text in files.items():
                p = os.path.join(ws, rel)
                os.makedirs(os.path.dirname(p), exist_ok=True)
                with open(p, "w") as f:
                    f.write(text)
            code, outputs, log = run_action(action, binary, ws, inputs)
            sarif = os.path.join(ws, inputs.get("sarif-file", "aaiscan.sarif"))
            problems = []
            if code != want_exit:
                problems.append(f"job exit {code}, expected {want_exit}")
            if want_sarif:
                if not os.path.exists(sarif):
                    problems.append("no SARIF written")
                else:
                    with open(sarif) as f:
                        doc = json.load(f)
                    if doc["version"] != "2.1.0":
                        problems.append("not SARIF 2.1.0")
            if want_in_log and want_in_log not in log:
                problems.append(f"log lacks {want_in_log!r}")
            if problems:
                failures.append(f"{label}: " + "; ".join(problems) + "\n" + log[-2000:])
            print(("ok   " if not problems else "FAIL ") + label)

    key = 'import assemblyai as aai\naai.settings.api_key = "5d41c0e8b7a94f2e8c3b6a1d9f0e7c24"\n'
    webhook = 'import assemblyai as aai\nc = aai.TranscriptionConfig(webhook_url="https://example.com/h")\n'
    case("clean tree passes", {"app.py": "print('hi')\n"}, {"upload-sarif": "false"}, 0)
    case("critical finding fails with 1, SARIF kept", {"app.py": key}, {}, 1, want_in_log="5d41")
    case("low finding passes with fail-on high", {"app.py": webhook}, {"fail-on": "high"}, 0)
    case("low finding fails with the default fail-on", {"app.py": webhook}, {}, 1)
    case("custom sarif path", {"app.py": key}, {"sarif-file": "reports/a.sarif", "fail-on": "critical"}, 1)
    case("missing path exits 2", {"app.py": "x = 1\n"}, {"path": "nope"}, 2, want_sarif=False)
    case("checklist FAIL fails a clean scan", {"app.py": webhook}, {"fail-on": "high", "checklist": "true"}, 1,
         want_in_log="webhook-auth")
    for f in failures:
        print(f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
