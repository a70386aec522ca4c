#!/usr/bin/env bash
# One entry point for everything; installs what it needs on Debian 12.
#   ./build.sh            build dist/ (the self-contained static site)
#   ./build.sh serve      build, then serve dist/ on http://127.0.0.1:${PORT:-8000}/
#   ./build.sh test       build, then every test: native (ctest), JS units and wasm (node --test), browser (Chromium),
#                         cross-engine (the same checks in Chromium, Firefox and WebKit)
#   ./build.sh bench      native vs wasm vs plain-JS benchmarks (tables + build/bench.json), then the page's
#                         Lighthouse / race / experiments / first-visit measurements (build/perf.json); `bench page`: only those
#   ./build.sh setup      only install the Debian and npm packages
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD
BUILD=${BUILD_DIR:-$ROOT/build}
DIST=${DIST_DIR:-$ROOT/dist}
JOBS=$(nproc)
export NODE_PATH=/usr/share/nodejs   # Debian's emscripten optimizer needs it
DEB_PACKAGES=(cmake g++ make emscripten catch2 chromium jekyll fonts-noto-cjk clang libclang-rt-14-dev gzip python3-torch
  firefox-esr webkit2gtk-driver xvfb xauth)   # other engines: MiniBrowser comes with libwebkit2gtk-4.1-0 (a webkit2gtk-driver dependency)
export PUPPETEER_SKIP_DOWNLOAD=1      # puppeteer-core drives Debian's firefox-esr; never fetch a browser

log() { printf '\033[1m==> %s\033[0m\n' "$*"; }

setup() {
  local missing=()
  for p in "${DEB_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if ((${#missing[@]})); then
    log "installing Debian packages: ${missing[*]}"
    local sudo=; [ "$(id -u)" = 0 ] || sudo=sudo
    $sudo apt-get update -q
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
  fi
  command -v node >/dev/null || { echo "node (>= 20) and npm are required" >&2; exit 1; }
  # A worktree whose node_modules links to another checkout's: npm ci would empty the link's target
  # (another checkout's packages) before replacing the link, so leave it to that checkout.
  if [ -L node_modules ]; then
    log "node_modules is a link ($(readlink node_modules)): npm ci skipped"
  elif [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    log "npm ci"
    npm ci --no-audit --no-fund
  fi
}

build_native() {
  log "native build ($BUILD/native)"
  cmake -S . -B "$BUILD/native" -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$BUILD/native" -j "$JOBS"
}

build_wasm() {
  log "wasm build ($BUILD/wasm)"
  emcmake cmake -S . -B "$BUILD/wasm" -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$BUILD/wasm" -j "$JOBS"
}

assemble() {
  log "assembling $DIST"
  rm -rf "$DIST.tmp" && mkdir -p "$DIST.tmp/vendor/katex"
  cp -r web/. "$DIST.tmp/"
  cp "$BUILD/wasm/activations.js" "$DIST.tmp/activations.js"
  cp node_modules/katex/dist/katex.min.js node_modules/katex/dist/katex.min.css "$DIST.tmp/vendor/katex/"
  cp -r node_modules/katex/dist/fonts "$DIST.tmp/vendor/katex/"
  if [ -x tools/bundle.sh ]; then tools/bundle.sh "$DIST.tmp"; fi
  rm -rf "$DIST" && mv "$DIST.tmp" "$DIST"
}

build() { setup; build_native; build_wasm; assemble; }

run_tests() {
  local failed=()
  log "native tests (ctest)"
  ctest --test-dir "$BUILD/native" --output-on-failure -j "$JOBS" || failed+=(native)
  if [ -x tools/sanitize.sh ]; then tools/sanitize.sh || failed+=(sanitizers); fi
  if [ -x tools/fuzz.sh ]; then tools/fuzz.sh || failed+=(fuzz); fi
  log "JavaScript unit tests (node --test tests/js)"
  node --test tests/js/ || failed+=(js)
  log "wasm tests (node --test tests/wasm)"
  node --test tests/wasm/ || failed+=(wasm)
  log "PyTorch export and cross_entropy (the race's loader snippet against Debian's python3-torch)"
  node tools/check-torch-export.mjs "$DIST" || failed+=(torch)
  node tools/check-torch-cross-entropy.mjs "$DIST" || failed+=(torch-cross-entropy)
  log "browser tests (node --test tests/browser, Chromium)"
  node --test --test-concurrency=1 tests/browser/ || failed+=(browser)
  if [ -d tests/embed ] && ls tests/embed/*.test.mjs >/dev/null 2>&1; then
    log "embed tests (Jekyll + Chromium)"
    node --test --test-concurrency=1 tests/embed/ || failed+=(embed)
  fi
  log "cross-engine tests (node --test tests/engines: Chromium, Firefox ESR, WebKit MiniBrowser under xvfb-run)"
  xvfb-run -a -s "-screen 0 1600x1200x24" node --test --test-concurrency=1 tests/engines/ || failed+=(engines)
  if ((${#failed[@]})); then
    echo "FAILED stages: ${failed[*]}" >&2
    return 1
  fi
  log "all test stages passed"
}

case "${1:-build}" in
  setup) setup ;;
  build) build ;;
  serve) build; exec node tools/serve.mjs "$DIST" "${PORT:-8000}" ;;
  test) build; run_tests ;;
  bench) build; exec tools/bench.sh "${@:2}" ;;
  *) echo "usage: $0 [build|serve|test|bench|setup]" >&2; exit 2 ;;
esac
