#!/usr/bin/env bash
# Builds the libFuzzer targets (if needed) and runs each for SECONDS (default 60), one after the
# other on one core, then prints a table of executions and coverage per target.
#   tests/fuzz/run.sh [SECONDS] [TARGET...]
# Environment: AAISCAN_FUZZ_BUILD (default build-fuzz). The growing corpus lives in
# $build/fuzz-corpus/<target> (kept between runs), crashers in $build/fuzz-artifacts/<target>/.
# Exits 1 when a target crashed; copy the crasher to tests/fuzz/regressions/<target>/ after fixing.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
seconds=${1:-60}
shift || true
build=${AAISCAN_FUZZ_BUILD:-$root/build-fuzz}
all_targets=(rules config scan sniff report archive engines)
for f in "$root"/tests/fuzz/fuzz_*.cpp; do
    t=$(basename "$f" .cpp); t=${t#fuzz_}
    [[ " ${all_targets[*]} " == *" $t "* ]] || all_targets+=("$t")
done
targets=("${@:-${all_targets[@]}}")
[ $# -gt 0 ] && targets=("$@")

# Input size limit per target: rule/config files are small, scanned buffers can be larger.
max_len_of() {
    case $1 in
        rules|config|baseline) echo 16384 ;;
        archive) echo 262144 ;;
        *) echo 65536 ;;
    esac
}

if [ ! -f "$build/CMakeCache.txt" ]; then
    CC=clang CXX=clang++ cmake -S "$root" -B "$build" -DAAISCAN_FUZZ=ON -DAAISCAN_BUILD_TESTS=OFF >/dev/null
fi
cmake --build "$build" -j2 --target fuzz >/dev/null
"$root/tests/fuzz/seeds.sh" "$build/fuzz-seeds"

export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
failed=0
rows=()
for t in "${targets[@]}"; do
    bin="$build/tests/fuzz/fuzz_$t"
    [ -x "$bin" ] || { echo "no such target: $t" >&2; exit 2; }
    corpus="$build/fuzz-corpus/$t"
    artifacts="$build/fuzz-artifacts/$t/"
    log="$build/fuzz-logs/$t.log"
    mkdir -p "$corpus" "$artifacts" "$(dirname "$log")" "$build/fuzz-seeds/$t"
    dict=()
    [ -f "$root/tests/fuzz/dict/$t.dict" ] && dict=(-dict="$root/tests/fuzz/dict/$t.dict")
    status=ok
    "$bin" "$corpus" "$build/fuzz-seeds/$t" -max_total_time="$seconds" -max_len="$(max_len_of "$t")" \
        -timeout=30 -rss_limit_mb=3072 -print_final_stats=1 -artifact_prefix="$artifacts" \
        "${dict[@]}" >"$log" 2>&1 || status=CRASH
    [ "$status" = CRASH ] && failed=1
    execs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | awk '{print $2}' | tail -1)
    last=$(grep -E '^#[0-9]+' "$log" | tail -1)
    [ -n "$execs" ] || execs=$(sed -E 's/^#([0-9]+).*/\1/' <<<"$last")
    cov=$(grep -o 'cov: [0-9]*' <<<"$last" | awk '{print $2}')
    ft=$(grep -o 'ft: [0-9]*' <<<"$last" | awk '{print $2}')
    corp=$(grep -o 'corp: [0-9]*' <<<"$last" | awk '{print $2}')
    eps=$(grep -o 'exec/s: [0-9]*' <<<"$last" | awk '{print $2}')
    rows+=("$(printf '%-10s %-6s %12s %9s %8s %8s %7s' "$t" "$status" "${execs:-?}" "${eps:-?}" "${cov:-?}" "${ft:-?}" "${corp:-?}")")
    if [ "$status" = CRASH ]; then
        rows+=("           log: $log; artifacts: $(ls "$artifacts" | tr '\n' ' ')")
    fi
done
printf '%-10s %-6s %12s %9s %8s %8s %7s\n' target status executions exec/s cov ft corpus
printf '%s\n' "${rows[@]}"
exit $failed
