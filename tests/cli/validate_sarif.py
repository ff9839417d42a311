#!/usr/bin/env python3
"""Validates `aaiscan scan --format sarif` against the official SARIF 2.1.0 schema
(tests/data/sarif-schema-2.1.0.json, Draft-07, via Debian's python3-jsonschema), and checks what
GitHub code scanning relies on: relative URIs, partialFingerprints, masked values, the invocation's
exit code, suppressions."""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

import jsonschema


def scan(binary, cwd, args):
    env = dict(os.environ, NO_COLOR="1")
    proc = subprocess.run([binary, "scan", "--format", "sarif"] + args, cwd=cwd, env=env,
                          capture_output=True, timeout=120)
    return proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8", "replace")


def check(condition, message):
    if not condition:
        print("FAIL: " + message)
        sys.exit(1)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--fixtures", required=True)
    parser.add_argument("--schema", required=True)
    opts = parser.parse_args()
    with open(opts.schema, encoding="utf-8") as f:
        schema = json.load(f)
    validator = jsonschema.Draft7Validator(schema)

    with tempfile.TemporaryDirectory(prefix="aaiscan-sarif-") as tmp:
        demo = os.path.join(tmp, "demo")
        shutil.copytree(os.path.join(opts.fixtures, "demo"), demo)
        # A suppressed finding and a hostile file name, to exercise suppressions and URI encoding.
        with open(os.path.join(demo, "allowed key.sh"), "w", encoding="utf-8") as f:
            f.write("ASSEMBLYAI_API_KEY=0d9f3c5b7a1e2d4c6b8a0f1e3d5c7b9a  # aaiscan:allow\n")
        code, out, err = scan(opts.binary, tmp, ["demo"])
        check(code == 1, f"exit code {code}, expected 1; stderr: {err}")
        doc = json.loads(out)
        errors = sorted(validator.iter_errors(doc), key=lambda e: e.path)
        for e in errors[:10]:
            print("schema error at", "/".join(str(p) for p in e.path), ":", e.message)
        check(not errors, f"{len(errors)} schema errors")
        run = doc["runs"][0]
        check(run["invocations"][0]["exitCode"] == 1, "invocation exit code")
        rule_ids = {r["id"] for r in run["tool"]["driver"]["rules"]}
        results = run["results"]
        check(len(results) >= 3, "expected the demo findings")
        planted = ["4c3b1e0f9a8d7c6b5a4f3e2d1c0b9a8f", "b7e2a4c91d3f5e6a8b0c2d4e6f8a1b3c",
                   "0d9f3c5b7a1e2d4c6b8a0f1e3d5c7b9a"]
        for value in planted:
            check(value not in out, "an unmasked planted value appears in the SARIF output")
        suppressed = 0
        for r in results:
            check(r["ruleId"] in rule_ids, f"unknown ruleId {r['ruleId']}")
            uri = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            check(not uri.startswith("/") and "://" not in uri, f"URI not relative: {uri}")
            check(" " not in uri, f"URI not percent-encoded: {uri}")
            check(len(r["partialFingerprints"]["aaiscan/v1"]) == 64, "fingerprint")
            suppressed += "suppressions" in r
        check(suppressed == 1, f"expected one suppressed result, got {suppressed}")

        clean = os.path.join(tmp, "clean")
        os.makedirs(clean)
        with open(os.path.join(clean, "app.py"), "w", encoding="utf-8") as f:
            f.write("print('nothing to see')\n")
        code, out, err = scan(opts.binary, tmp, ["clean"])
        check(code == 0, f"clean tree exit code {code}")
        doc = json.loads(out)
        check(not list(validator.iter_errors(doc)), "clean SARIF fails the schema")
        check(doc["runs"][0]["results"] == [], "clean tree has results")
    print("SARIF output validates against the 2.1.0 schema")
    return 0


if __name__ == "__main__":
    sys.exit(main())
