#!/usr/bin/env bash
# Hook of build.sh's `assemble` step: tools/bundle.sh DIST_TMP
# Builds, inside the dist being assembled:
#   activation-widgets.js   ONE classic script: the wasm loader (activations.js, wasm inlined) + every
#                           element registered through web/js/widgets/all.js (+ share, KaTeX opt-in)
#   activation-widgets.lean.js + activations.wasm
#                           the same widgets with the wasm as its own file (compiled while it streams
#                           in); dist/index.html uses it, falling back to activations.js from file://
#   activation-widgets.json the element names and attributes the bundle registers (for tools)
#   js/page.classic.js      the teaching page's page.js as a classic script; index.html uses both,
#                           so dist/index.html works from file:// (no ES modules, no fetch)
#   embed.html              iframe mode (from web/embed/embed.html)
#   vendor/katex/contrib/   KaTeX auto-render (used by <script … data-katex>)
set -euo pipefail
cd "$(dirname "$0")/.."
exec node tools/bundle.mjs "${1:?usage: tools/bundle.sh DIST_DIR}"
