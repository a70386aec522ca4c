#!/usr/bin/env bash
# ./build.sh bench runs `build` and then this: the native benchmark binary, then the wasm and
# plain-JS runs in Node, merged into one table and ${BUILD_DIR:-build}/bench.json; then the page in
# Chromium (tools/perf/run.mjs: Lighthouse 12.2.3 mobile on index.html and embed/race.html, the race
# alone at 1x and 4x CPU slowdown, each experiment widget alone at 1x and 4x, first visits at 1x and 4x;
# ${BUILD_DIR:-build}/perf.json).
#   tools/bench.sh engine | page       only the engine benchmarks | only the page measurements
#   PERF_RUNS=n                        runs of each page measurement (default 3; medians quoted)
#   BENCH_QUICK=1 tools/bench.sh   fewer repetitions (a smoke test, not for quoting)
#   BENCH_CPU=n tools/bench.sh     pin to CPU n (default: the first CPU this shell may use);
#                                  BENCH_CPU=none: no pinning
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD_DIR:-$PWD/build}
DIST=${DIST_DIR:-$PWD/dist}
quick=()
[ "${BENCH_QUICK:-0}" = 1 ] && quick=(--quick)
what=${1:-all}
page() {
  printf '\033[1m==> page performance (Chromium %s, tools/perf/run.mjs)\033[0m\n' "$(/usr/bin/chromium --version 2>/dev/null | awk '{print $2}')"
  node tools/perf/run.mjs --dist "$DIST" --runs "${PERF_RUNS:-3}" --out "$BUILD/perf.json"
}
exe="$BUILD/native/bench_native"
[ "$what" = page ] || [ -x "$exe" ] || { echo "bench: $exe not found; run ./build.sh build first" >&2; exit 1; }
[ -f "$DIST/activations.js" ] || { echo "bench: $DIST/activations.js not found; run ./build.sh build first" >&2; exit 1; }
if [ "$what" = page ]; then page; exit; fi
# Every engine on one CPU: on a shared VM each virtual CPU has slow phases of its own (seconds at
# half speed), and with native on one CPU and Node on the other, five runs gave wasm/native
# anywhere from 0.6 to 1.1; pinned, five runs agreed within a few per cent.
pin=()
cpu=${BENCH_CPU:-$( (taskset -pc $$ 2>/dev/null || true) | sed -n 's/.*: *\([0-9]*\).*/\1/p')}
if [ "$cpu" != none ] && [ -n "$cpu" ] && command -v taskset >/dev/null; then
  pin=(taskset -c "$cpu")
  export BENCH_PINNED_CPU=$cpu
fi
printf '\033[1m==> native benchmarks (%s)\033[0m\n' "$exe"
"${pin[@]}" "$exe" "${quick[@]}" > "$BUILD/bench-native.json"
printf '\033[1m==> wasm + plain-JS benchmarks (node, %s)\033[0m\n' "$DIST"
"${pin[@]}" node bench/run-wasm.mjs --dist "$DIST" --native "$BUILD/bench-native.json" --native-exe "$exe" \
  --out "$BUILD/bench.json" "${quick[@]}"
if [ "$what" != engine ]; then page; fi
