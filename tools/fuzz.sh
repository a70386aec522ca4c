#!/usr/bin/env bash
# libFuzzer stage: builds every tests/fuzz/fuzz_*.cpp with Debian's clang-14
# (-fsanitize=fuzzer,address,undefined, the core cpp/*.cpp and cpp/experiments/*.cpp linked in, not cpp/bindings/), replays the
# committed inputs (tests/fuzz/regressions/<target>/: every crash ever found, plus seeds), then
# fuzzes each target for FUZZ_SECONDS (default 20) seconds. Exits non-zero on any crash, leak,
# UB report, timeout or oversized allocation; prints the executions per target.
#   tools/fuzz.sh                     # builds in ${BUILD_DIR:-build}/fuzz
#   FUZZ_SECONDS=300 tools/fuzz.sh    # a longer run;   FUZZ_TARGETS="network" tools/fuzz.sh
#   FUZZ_SEED=0 tools/fuzz.sh         # a fresh random seed (default 1: the test command explores the
#                                     # same sequence every run, so CI does not pass or fail by luck)
# A crash input is kept as $BUILD/fuzz/crashes/<target>/crash-*: reproduce it with
#   $BUILD/fuzz/fuzz_<target> <file>; once fixed, copy it to tests/fuzz/regressions/<target>/.
# Needs clang-14 and libclang-rt-14-dev (./build.sh setup installs both).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD_DIR:-build}
DIR=$BUILD/fuzz
mkdir -p "$DIR"
DIR=$(cd "$DIR" && pwd)
SECONDS_PER_TARGET=${FUZZ_SECONDS:-20}
SEED=${FUZZ_SEED:-1}
CXX=${FUZZ_CXX:-$(command -v clang++-14 || command -v clang++)}
# A target may not allocate more than this in one malloc (a net at the 5M-parameter limit needs
# 40 MB per array; the targets only build small ones, so anything past this is sized from bad input).
MALLOC_LIMIT_MB=${FUZZ_MALLOC_LIMIT_MB:-64}
RSS_LIMIT_MB=${FUZZ_RSS_LIMIT_MB:-1536}
FLAGS=(-std=c++20 -O1 -g -fno-omit-frame-pointer -Icpp -fsanitize=address,undefined -fno-sanitize-recover=all)
LOG=$DIR/fuzz.log
: >"$LOG"

fail() { echo "fuzz: FAILED ($1); log: $LOG" >&2; exit 1; }
[ -n "$CXX" ] || fail "clang++ not found (apt-get install clang libclang-rt-14-dev)"

# 1. the core, instrumented for coverage (fuzzer-no-link), one object per source, rebuilt when changed
mkdir -p "$DIR/obj"
objs=() pids=()
for src in cpp/*.cpp cpp/experiments/*.cpp; do
  obj=$DIR/obj/$(echo "${src#cpp/}" | tr / _); obj=${obj%.cpp}.o
  if [ ! -f "$obj" ] || [ -n "$(find cpp -path cpp/bindings -prune -o -newer "$obj" -name '*.?pp' -print -quit)" ]; then
    rm -f "$obj"
    "$CXX" "${FLAGS[@]}" -fsanitize=fuzzer-no-link -c "$src" -o "$obj" >>"$LOG" 2>&1 &
    pids+=($!)
    if ((${#pids[@]} >= $(nproc))); then wait "${pids[0]}" || true; pids=("${pids[@]:1}"); fi
  fi
  objs+=("$obj")
done
wait
for obj in "${objs[@]}"; do [ -f "$obj" ] || { cat "$LOG" >&2; fail "compile ${obj##*/}"; }; done

targets=()
for src in tests/fuzz/fuzz_*.cpp; do
  t=$(basename "${src%.cpp}"); t=${t#fuzz_}
  if [ -n "${FUZZ_TARGETS:-}" ] && [[ " $FUZZ_TARGETS " != *" $t "* ]]; then continue; fi
  "$CXX" "${FLAGS[@]}" -fsanitize=fuzzer "$src" "${objs[@]}" -o "$DIR/fuzz_$t" >>"$LOG" 2>&1 || { cat "$LOG" >&2; fail "build $t"; }
  targets+=("$t")
done

export ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
status=0
printf '%-12s %10s %10s %8s  %s\n' target replayed executions exec/s result
for t in "${targets[@]}"; do
  bin=$DIR/fuzz_$t
  reg=tests/fuzz/regressions/$t
  work=$DIR/corpus/$t crashes=$DIR/crashes/$t
  rm -rf "$crashes" && mkdir -p "$work" "$crashes" "$reg"
  common=(-rss_limit_mb="$RSS_LIMIT_MB" -malloc_limit_mb="$MALLOC_LIMIT_MB" -timeout=20 -max_len=4096)
  # 1) replay every committed input (each one once, no mutation)
  replayed=$(find "$reg" -type f | wc -l)
  if ((replayed)); then
    if ! "$bin" "${common[@]}" $(find "$reg" -type f | sort) >"$DIR/$t.replay.log" 2>&1; then
      printf '%-12s %10s %10s %8s  %s\n' "$t" "$replayed" - - "REGRESSION (see $DIR/$t.replay.log)"
      tail -40 "$DIR/$t.replay.log" >&2
      status=1
      continue
    fi
  fi
  # 2) fuzz for a bounded time, starting from the committed inputs (new finds go to $work only)
  if "$bin" "${common[@]}" -seed="$SEED" -max_total_time="$SECONDS_PER_TARGET" -print_final_stats=1 \
      -artifact_prefix="$crashes/" "$work" "$reg" >"$DIR/$t.log" 2>&1; then
    result=ok
  else
    result="CRASH: $(ls "$crashes" | head -3 | tr '\n' ' ')(see $DIR/$t.log)"
    tail -60 "$DIR/$t.log" >&2
    status=1
  fi
  execs=$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$DIR/$t.log" | grep -Eo '[0-9]+$' || echo '?')
  rate=$(grep -Eo 'stat::average_exec_per_sec: *[0-9]+' "$DIR/$t.log" | grep -Eo '[0-9]+$' || echo '?')
  printf '%-12s %10s %10s %8s  %s\n' "$t" "$replayed" "$execs" "$rate" "$result"
done
((status == 0)) || fail "crash found"
echo "fuzz: ${#targets[@]} targets, no crash (${SECONDS_PER_TARGET} s each; work corpus $DIR/corpus)"
