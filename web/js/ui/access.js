// access.js — what the widget base (ui/widget.js) does for readers who do not see, do not use a
// mouse, or do not want motion: the shared style (a visible focus ring, 24 px touch targets, the
// print layout), the reader's motion preference, and the text alternative of a widget's drawing.
//
// A widget's summary() gives one sentence on what its drawing shows now, in its language. The base
// calls summarize() after every drawing; it keeps the sentence in a visually hidden paragraph
// (#a11y-desc) that describes every canvas[role=img] of the widget, rewritten at most every
// SUMMARY_MS so a screen reader is not handed a new text each frame, and says it once in a polite
// live region when the work is complete (static ANNOUNCE; with a prediction, its verdict speaks).

export const SUMMARY_MS = 400;

export const ACCESS_STYLE = `
/* keyboard focus is always visible, in every widget */
:focus-visible { outline: 2px solid var(--w-accent); outline-offset: 2px; }
/* touch targets (WCAG 2.2 target size): a check box or radio's row is at least 24 px tall */
label:has(> input:is([type=checkbox], [type=radio])) { min-height: 24px; }
input:is([type=checkbox], [type=radio]) { width: 16px; height: 16px; }
button { min-height: 24px; min-width: 24px; }
.motion { margin: 4px 0; }
@media print {
  :host { break-inside: avoid; border-color: var(--w-border); }
  button, select, input, .export, .exports, .motion, .predict, .controls, details > summary { display: none !important; }
  .concealed, .concealed * { filter: none !important; opacity: 1 !important; visibility: visible !important; }
  canvas { max-width: 100%; }
}
`;

export const reducedMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;

// w: the widget (its $.desc, $.live, summary(), finished, prediction, dataTable); `now` skips the wait.
export function summarize(w, now = false) {
  clearTimeout(w.describeTimer);
  const wait = w.describedAt === undefined || now ? 0 : w.describedAt + SUMMARY_MS - performance.now();
  if (wait > 0) { w.describeTimer = setTimeout(() => summarize(w), wait); return; }
  w.describedAt = performance.now();
  if (!w.opts || w.hasAttribute('error')) return;
  let text = '';
  try { text = w.summary() || ''; } catch { text = ''; }
  if (w.$.desc.textContent !== text) w.$.desc.textContent = text;
  for (const c of w.root.querySelectorAll('canvas[role=img]')) if (!c.hasAttribute('aria-describedby')) c.setAttribute('aria-describedby', 'a11y-desc');
  w.dataTable?.fill();
  // with a prediction, its verdict says the result (ui/predict.js); else the live region does
  const speaks = !w.prediction?.enabled;
  if (w.finished && text && speaks && !w.announced && w.constructor.ANNOUNCE) {
    w.announced = true;
    w.$.live.textContent = text;
  }
}
