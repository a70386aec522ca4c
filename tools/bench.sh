#!/usr/bin/env bash
# ./build.sh bench runs `build` and then this: the native benchmark binary, then the wasm and
# plain-JS runs in Node, merged into one table and ${BUILD_DIR:-build}/bench.json.
#   BENCH_QUICK=1 tools/bench.sh   fewer repetitions (a smoke test, not for quoting)
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD_DIR:-$PWD/build}
DIST=${DIST_DIR:-$PWD/dist}
quick=()
[ "${BENCH_QUICK:-0}" = 1 ] && quick=(--quick)
exe="$BUILD/native/bench_native"
[ -x "$exe" ] || { echo "bench: $exe not found; run ./build.sh build first" >&2; exit 1; }
[ -f "$DIST/activations.js" ] || { echo "bench: $DIST/activations.js not found; run ./build.sh build first" >&2; exit 1; }
printf '\033[1m==> native benchmarks (%s)\033[0m\n' "$exe"
"$exe" "${quick[@]}" > "$BUILD/bench-native.json"
printf '\033[1m==> wasm + plain-JS benchmarks (node, %s)\033[0m\n' "$DIST"
exec node bench/run-wasm.mjs --dist "$DIST" --native "$BUILD/bench-native.json" --native-exe "$exe" \
  --out "$BUILD/bench.json" "${quick[@]}"
