#!/usr/bin/env bash
# The benchmark's one command: bench/run.sh [--quick] [--build-dir build] [--runs N] [--only ...].
# Thin wrapper over bench/run.py (python3 stdlib + ripgrep + hyperfine + GNU time); see README.md.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exec python3 "$here/run.py" "$@"
