// The style of every widget's shadow root: the base every widget starts from (colours from the
// palette, shared pieces of ui/), then each class's own STYLE from the base down.
import { h } from './kit.js';
import { hostCSS } from './palette.js';
import { PREDICT_STYLE } from './predict.js';
import { DATA_TABLE_STYLE } from './data-table.js';
import { ACCESS_STYLE } from './access.js';

// Shared by every widget: the style every widget starts from (colours from the palette).
export const BASE_STYLE = `
:host { display: block; box-sizing: border-box; max-width: 100%; min-width: 0;
  --plot-bg: var(--w-bg); --plot-fg: var(--w-fg); --plot-muted: var(--w-muted); --plot-grid: var(--w-grid);
  --plot-axis: var(--w-axis); --plot-mark: var(--w-fg-mark);
  color: var(--w-fg); background: var(--w-bg); border: 1px solid var(--w-grid); border-radius: 8px;
  padding: 8px 10px; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", "Noto Sans KR", "Noto Sans CJK KR", sans-serif; }
:host([hidden]) { display: none; }
* { box-sizing: border-box; }
canvas { display: block; width: 100%; }
button, select, input { font: inherit; }
.error { color: var(--w-error); border-left: 3px solid var(--w-error); padding: 4px 8px; overflow-wrap: anywhere; }
.error strong { display: block; }
[hidden] { display: none !important; }
/* Until its first build a widget's .main is unseen (content shown before the build and moved
   by it counted as a layout shift: 0.29 on the race's page) and holds about a built widget's
   height, so that the page below sits near where it will be (which widgets are near the screen
   at load is decided on this layout). */
.main.unbuilt { visibility: hidden; min-height: 26rem; }
.sr-only { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.export { display: inline-flex; gap: 4px; align-items: center; flex-wrap: wrap; }
${ACCESS_STYLE}
${DATA_TABLE_STYLE}
${PREDICT_STYLE}`;

// The STYLE of every class from the base down to the element's own, in that order.
function stylesOf(cls) {
  const out = [];
  for (let c = cls; c && c !== HTMLElement; c = Object.getPrototypeOf(c)) if (Object.hasOwn(c, 'STYLE')) out.unshift(c.STYLE);
  return out.join('\n');
}

// One parsed style sheet per widget class, adopted by every instance's shadow root: a <style> per
// instance made the browser parse the same ~10 KB of CSS again for each widget (27 on the teaching
// page). Where constructable sheets are missing, each root gets its own <style>.
const SHEETS = new Map();
const CONSTRUCTABLE = typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype &&
  typeof ShadowRoot === 'function' && 'adoptedStyleSheets' in ShadowRoot.prototype;
export function adoptStyle(root, cls) {
  const css = () => BASE_STYLE + hostCSS() + stylesOf(cls);
  if (!CONSTRUCTABLE) { root.append(h('style', {}, css())); return; }
  let sheet = SHEETS.get(cls);
  if (!sheet) { sheet = new CSSStyleSheet(); sheet.replaceSync(css()); SHEETS.set(cls, sheet); }
  root.adoptedStyleSheets = [sheet];
}

