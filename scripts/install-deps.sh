#!/usr/bin/env bash
# Installs every build, test and benchmark dependency of aaiscan from Debian 12 packages.
# Idempotent: packages already present are left alone; safe to run on every build.
set -euo pipefail

packages=(
  build-essential cmake pkg-config git
  libhyperscan-dev libre2-dev libcli11-dev libyaml-cpp-dev catch2
  libsimdjson-dev nlohmann-json3-dev libfmt-dev libgit2-dev libdeflate-dev libarchive-dev
  libphonenumber-dev libssl-dev zlib1g-dev libjemalloc-dev
  python3 python3-jsonschema python3-yaml strace
)
# Optional extras for the benchmark and the fuzzers (not needed to build or test).
if [[ "${1:-}" == "--bench" ]]; then
  packages+=(ripgrep hyperfine time unzip clang libclang-rt-14-dev)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

sudo=""
if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
echo "install-deps: installing ${missing[*]}"
$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
