#!/usr/bin/env bash
# Builds everything (core, binary, unit and CLI tests) with AddressSanitizer + UndefinedBehavior-
# Sanitizer (-DAAISCAN_SANITIZE=ON) in build-asan and runs the whole ctest suite there; any
# sanitizer report fails the run (abort_on_error / halt_on_error, leaks included).
#   scripts/test-sanitized.sh            # configure + build + ctest, prints the time of each step
# Environment: AAISCAN_ASAN_BUILD (default build-asan), JOBS (default 2).
# Suppressions: scripts/sanitizer-suppressions/*.supp, for third-party false positives only; each
# entry documents why.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${AAISCAN_ASAN_BUILD:-$root/build-asan}
jobs=${JOBS:-2}
supp=$root/scripts/sanitizer-suppressions

export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1:strict_string_checks=1:check_initialization_order=1:detect_stack_use_after_return=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1:suppressions=$supp/ubsan.supp}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$supp/lsan.supp:print_suppressions=0}

step() {
    local name=$1
    shift
    local start=$SECONDS
    "$@"
    echo "test-sanitized: $name took $((SECONDS - start)) s" >&2
}

total=$SECONDS
# -O1 keeps the sanitized suite quick to build and to run; -g gives symbolised reports. GCC 12's
# -Wmaybe-uninitialized reports false positives inside libstdc++'s <regex> when instrumented
# with -fsanitize=address (the normal build keeps it, with -Werror).
step configure cmake -S "$root" -B "$build" -DAAISCAN_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug \
    -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g" -DCMAKE_CXX_FLAGS="-Wno-maybe-uninitialized" >/dev/null
step build cmake --build "$build" -j"$jobs"
step ctest ctest --test-dir "$build" --output-on-failure -j"$jobs"
echo "test-sanitized: total $((SECONDS - total)) s" >&2
