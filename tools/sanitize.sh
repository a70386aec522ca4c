#!/usr/bin/env bash
# The native test suite again, built with AddressSanitizer + UndefinedBehaviorSanitizer
# (CMake option SANITIZE=ON: -fsanitize=address,undefined -fno-sanitize-recover=all).
# `./build.sh test` runs this stage when the file is executable; it can also run alone:
#   tools/sanitize.sh                    # builds in ${BUILD_DIR:-build}/asan
# Quiet on success (one summary line); on failure prints the build/test log and every
# sanitizer report, and exits non-zero. Needs only g++ (libasan/libubsan), cmake and catch2.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD_DIR:-build}
DIR=$BUILD/asan
mkdir -p "$DIR"
DIR=$(cd "$DIR" && pwd)
REPORTS=$DIR/sanitizer-reports
rm -rf "$REPORTS" && mkdir -p "$REPORTS"
LOG=$DIR/sanitize.log
: >"$LOG"

# Every report also goes to a file ($REPORTS/report.<pid>), so one is caught even if a test
# prints it and still exits 0. halt_on_error: stop at the first finding, exit non-zero.
export ASAN_OPTIONS="halt_on_error=1:detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1:log_path=$REPORTS/report"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:log_path=$REPORTS/report"
export LSAN_OPTIONS="log_path=$REPORTS/report"

fail() {
  cat "$LOG" >&2
  local f
  for f in "$REPORTS"/*; do [ -e "$f" ] && { echo "---- $f" >&2; cat "$f" >&2; }; done
  echo "sanitize: FAILED ($1); log: $LOG" >&2
  exit 1
}

step() {  # step <what> <command...>: run quietly into the log
  local what=$1; shift
  echo "\$ $*" >>"$LOG"
  "$@" >>"$LOG" 2>&1 || fail "$what"
}

# -O1 -g1: what the ASan docs recommend, line tables for the stack traces, and about half the
# compile time of -O2 -g on the Catch2 test files.
step configure cmake -S . -B "$DIR" -DSANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1"
step build cmake --build "$DIR" -j"$(nproc)"
step ctest ctest --test-dir "$DIR" --output-on-failure --no-tests=error -j"$(nproc)"
if compgen -G "$REPORTS/*" >/dev/null; then fail "sanitizer report"; fi

summary=$(grep -Eo '[0-9]+ tests failed out of [0-9]+' "$LOG" | tail -1)
echo "sanitize: ASan+UBSan clean, ${summary##* } native tests passed ($DIR)"
