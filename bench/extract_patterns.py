#!/usr/bin/env python3
"""Derives ripgrep pattern lists equivalent to aaiscan's active content rules, so the benchmark
compares aaiscan with `rg -f` over the same regexes (stdlib only).

The rule list (ids, kinds, scopes) comes from `aaiscan rules list -f json`; each content rule's
`pattern` is read from its YAML source file (falling back to `aaiscan rules explain ID`), then
rewritten where ripgrep's regex syntax differs from RE2/Hyperscan:
  * every pattern is wrapped in `(?:...)`: rg 13 joins `-f` lines with a bare `|`, so a leading
    `(?i)` would otherwise leak into every later pattern;
  * named groups `(?P<secret>...)` become plain groups (duplicate names are an error in rg);
  * `\\n` outside a class becomes `$` (rg refuses a literal newline unless --multiline);
  * escaped punctuation Rust's regex does not know as a metacharacter (`\\/`, `\\"`, `\\@`, ...)
    loses its backslash; `\\Q...\\E` becomes escaped literals; `\\C` becomes `.`;
  * inside a class, a bare `[` and the doubled set operators `&&`, `--`, `~~` are escaped.
Each pattern is then compiled by rg (default and --no-unicode); one that still fails is left out
and named in the notes file.

Output (in --out-dir): patterns.txt (rules of any non-transcript scope: what aaiscan runs on
code), patterns-pii.txt (rules of the transcript scope) and patterns.notes (one line per rule).
"""
import argparse
import json
import os
import re
import subprocess
import sys

K_RUST_META = set("\\.+*?()|[]{}^$#&-~")
K_CODE_SCOPES = {"code", "config", "env", "ci", "bundle"}


def parse_scalar(lines, index, value, key_indent):
    """Parses the YAML scalar that starts as `value` on lines[index]; returns (text, next index).
    Handles single- and double-quoted scalars (also spanning lines), block scalars and plain ones."""
    value = value.rstrip("\n")
    if value.startswith("'") or value.startswith('"'):
        quote = value[0]
        buf = value[1:]
        i = index
        parts = []
        while True:
            j = 0
            out = []
            closed = False
            while j < len(buf):
                c = buf[j]
                if quote == "'" and c == "'":
                    if j + 1 < len(buf) and buf[j + 1] == "'":
                        out.append("'")
                        j += 2
                        continue
                    closed = True
                    break
                if quote == '"' and c == "\\" and j + 1 < len(buf):
                    esc = buf[j + 1]
                    simple = {"n": "\n", "t": "\t", "r": "\r", "0": "\0", "\\": "\\", '"': '"',
                              "/": "/", " ": " ", "a": "\a", "b": "\b", "e": "\x1b"}
                    if esc in simple:
                        out.append(simple[esc])
                        j += 2
                        continue
                    width = {"x": 2, "u": 4, "U": 8}.get(esc)
                    if width:
                        out.append(chr(int(buf[j + 2:j + 2 + width], 16)))
                        j += 2 + width
                        continue
                    out.append(esc)
                    j += 2
                    continue
                if quote == '"' and c == '"':
                    closed = True
                    break
                out.append(c)
                j += 1
            parts.append("".join(out))
            if closed:
                break
            i += 1
            if i >= len(lines):
                break
            buf = lines[i].strip()
        # Flow folding: a line break inside a quoted scalar is a space.
        text = " ".join(p.strip() if k else p.rstrip() for k, p in enumerate(parts)) \
            if len(parts) > 1 else parts[0]
        return text, i + 1
    if value[:1] in ("|", ">"):
        style = value[0]
        chomp = "-" if "-" in value else ("+" if "+" in value else "")
        body = []
        i = index + 1
        block_indent = None
        while i < len(lines):
            raw = lines[i].rstrip("\n")
            if raw.strip() == "":
                body.append("")
                i += 1
                continue
            indent = len(raw) - len(raw.lstrip(" "))
            if indent <= key_indent:
                break
            if block_indent is None:
                block_indent = indent
            body.append(raw[block_indent:])
            i += 1
        while body and body[-1] == "" and chomp != "+":
            body.pop()
        text = "\n".join(body) if style == "|" else " ".join(body)
        if chomp == "" and style == "|":
            text += "\n"
        return text, i
    # Plain scalar: a ' #' starts a comment.
    text = re.split(r"\s#", value, maxsplit=1)[0].strip()
    i = index + 1
    while i < len(lines):
        raw = lines[i].rstrip("\n")
        indent = len(raw) - len(raw.lstrip(" "))
        if raw.strip() == "" or indent <= key_indent or re.match(r"\s*[\w\-]+:(\s|$)", raw):
            break
        text += " " + raw.strip()
        i += 1
    return text, i


def patterns_from_yaml(path):
    """Returns {rule id: pattern} for the rules of one YAML file (rule-level `pattern:` keys)."""
    with open(path, encoding="utf-8") as f:
        lines = f.readlines()
    result = {}
    current_id = None
    id_col = None
    i = 0
    key_re = re.compile(r"^(\s*)(-\s+)?(id|pattern):(\s+(.*))?$")
    while i < len(lines):
        line = lines[i].rstrip("\n")
        m = key_re.match(line)
        if not m:
            i += 1
            continue
        col = len(m.group(1)) + len(m.group(2) or "")
        key = m.group(3)
        value = m.group(5) or ""
        text, nxt = parse_scalar(lines, i, value, col)
        if key == "id" and m.group(2):
            current_id, id_col = text, col
        elif key == "pattern" and current_id is not None and col == id_col:
            result[current_id] = text
        i = max(nxt, i + 1)
    return result


def pattern_from_explain(aaiscan, rule_id):
    """Returns the `pattern:` line of `aaiscan rules explain ID`, or None."""
    out = subprocess.run([aaiscan, "rules", "explain", rule_id], capture_output=True, text=True)
    for line in out.stdout.splitlines():
        m = re.match(r"^\s*pattern:\s{1,}(.*)$", line)
        if m:
            return m.group(1)
    return None


def to_rg(pattern):
    """Rewrites one RE2/Hyperscan pattern for ripgrep; returns (pattern, list of notes)."""
    notes = set()
    out = []
    i = 0
    n = len(pattern)
    in_class = False
    class_start = 0
    while i < n:
        c = pattern[i]
        if c == "\\" and i + 1 < n:
            e = pattern[i + 1]
            if e == "Q":
                end = pattern.find("\\E", i + 2)
                lit = pattern[i + 2:] if end < 0 else pattern[i + 2:end]
                out.append("".join("\\" + ch if ch in K_RUST_META else ch for ch in lit))
                notes.add("\\Q..\\E -> escaped literal")
                i = n if end < 0 else end + 2
                continue
            if e == "C":
                out.append(".")
                notes.add("\\C -> .")
                i += 2
                continue
            if e == "n" and not in_class:
                out.append("$")
                notes.add("\\n -> $ (rg is line-oriented)")
                i += 2
                continue
            if not e.isalnum() and e.isascii() and e not in K_RUST_META and e not in " \t":
                out.append(e)
                notes.add("needless escape \\%s dropped" % e)
                i += 2
                continue
            out.append(pattern[i:i + 2])
            i += 2
            continue
        if in_class:
            if c == "]" and i > class_start:
                in_class = False
                out.append(c)
                i += 1
                continue
            if c == "[":
                posix = re.match(r"\[:\^?[a-z]+:\]", pattern[i:])
                if posix:
                    out.append(posix.group(0))
                    i += len(posix.group(0))
                    continue
                out.append("\\[")
                notes.add("bare [ in a class escaped")
                i += 1
                continue
            if c in "&~-" and i + 1 < n and pattern[i + 1] == c:
                out.append(c + "\\" + c)
                notes.add("doubled %s in a class escaped" % c)
                i += 2
                continue
            out.append(c)
            i += 1
            continue
        if c == "[":
            in_class = True
            out.append(c)
            i += 1
            if i < n and pattern[i] == "^":
                out.append("^")
                i += 1
            class_start = i
            if i < n and pattern[i] == "]":  # a leading ] is literal
                out.append("\\]")
                i += 1
            continue
        if c == "(":
            m = re.match(r"\(\?P?<([A-Za-z_]\w*)>", pattern[i:])
            if m:
                out.append("(")
                notes.add("named group -> plain group")
                i += len(m.group(0))
                continue
        out.append(c)
        i += 1
    return "(?:" + "".join(out) + ")", sorted(notes)


def rg_accepts(rg, pattern, extra):
    """Returns (ok, error text) for compiling `pattern` with rg (searching empty input)."""
    out = subprocess.run([rg, "--no-config", *extra, "-c", "-e", pattern],
                         input=b"", capture_output=True)
    return out.returncode in (0, 1), out.stderr.decode(errors="replace").strip()


def source_dir_of(aaiscan):
    """The source tree the binary was built from (CMakeCache.txt next to it), or None."""
    cache = os.path.join(os.path.dirname(os.path.abspath(aaiscan)), "CMakeCache.txt")
    try:
        with open(cache, encoding="utf-8") as f:
            for line in f:
                if line.startswith("CMAKE_HOME_DIRECTORY:"):
                    return line.split("=", 1)[1].strip()
    except OSError:
        pass
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--aaiscan", required=True, help="aaiscan binary whose rules to mirror")
    ap.add_argument("--source-dir", help="tree holding the rules/ YAML (default: from CMakeCache)")
    ap.add_argument("--out-dir", required=True)
    ap.add_argument("--rg", default="rg")
    args = ap.parse_args()

    listed = subprocess.run([args.aaiscan, "rules", "list", "-f", "json"],
                            capture_output=True, text=True, check=True)
    rules = [r for r in json.loads(listed.stdout) if r.get("kind", "content") == "content"]
    src = args.source_dir or source_dir_of(args.aaiscan) or \
        os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    yaml_cache = {}
    secret, pii, notes = [], [], []
    for rule in rules:
        rid = rule["id"]
        source = rule.get("source") or ""
        path = source if os.path.isabs(source) else os.path.join(src, source)
        pattern = None
        origin = "yaml"
        if path and os.path.isfile(path):
            if path not in yaml_cache:
                yaml_cache[path] = patterns_from_yaml(path)
            pattern = yaml_cache[path].get(rid)
        if pattern is None:
            pattern, origin = pattern_from_explain(args.aaiscan, rid), "explain"
        if not pattern:
            notes.append("%s: SKIPPED (no pattern found)" % rid)
            continue
        converted, changes = to_rg(pattern)
        failures = []
        for extra in ([], ["--no-unicode"]):
            ok, err = rg_accepts(args.rg, converted, extra)
            if not ok:
                failures.append("rg %s: %s" % (" ".join(extra) or "default",
                                                err.splitlines()[-1] if err else "error"))
        if failures:
            notes.append("%s: SKIPPED (%s)" % (rid, "; ".join(failures)))
            continue
        scopes = set(rule.get("scopes") or [])
        if scopes & K_CODE_SCOPES:
            secret.append(converted)
        if "transcript" in scopes:
            pii.append(converted)
        notes.append("%s [%s; %s]: %s" % (rid, origin, ",".join(sorted(scopes)),
                                          "; ".join(changes) or "unchanged"))

    os.makedirs(args.out_dir, exist_ok=True)
    for name, pats in (("patterns.txt", secret), ("patterns-pii.txt", pii)):
        with open(os.path.join(args.out_dir, name), "w", encoding="utf-8") as f:
            f.writelines(p + "\n" for p in pats)
    with open(os.path.join(args.out_dir, "patterns.notes"), "w", encoding="utf-8") as f:
        f.write("# rule id [pattern origin; scopes]: rewrites applied for ripgrep\n")
        f.writelines(line + "\n" for line in notes)
    skipped = sum(1 for line in notes if "SKIPPED" in line)
    print("extract_patterns: %d code patterns, %d transcript patterns, %d skipped -> %s"
          % (len(secret), len(pii), skipped, args.out_dir), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
