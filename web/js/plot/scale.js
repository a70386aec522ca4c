// Scales and ticks for the canvas plots: linear scales with "nice" 1-2-5 ticks, log10 scales
// with decade ticks (thinned when there are many decades), and number formatting for tick
// labels and readouts. Pure functions, no DOM.

const MINUS = '\u2212';
const SUPERSCRIPT = { '-': '\u207b', 0: '\u2070', 1: '\u00b9', 2: '\u00b2', 3: '\u00b3', 4: '\u2074', 5: '\u2075', 6: '\u2076', 7: '\u2077', 8: '\u2078', 9: '\u2079' };

// Typographic minus for negative numbers ("−1.5", not "-1.5").
export function withMinus(s) { return s.replace(/^-/, MINUS).replace(/e-/, `e${MINUS}`); }

// A step from {1, 2, 5} x 10^k close to `raw`.
export function niceStep(raw) {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const p = 10 ** Math.floor(Math.log10(raw));
  const m = raw / p;
  return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * p;
}

// Ticks covering [min, max] with about `count` intervals: {step, values}.
export function linearTicks(min, max, count = 5) {
  const step = niceStep((max - min) / Math.max(1, count));
  const values = [];
  const first = Math.ceil(min / step - 1e-9);
  for (let k = first; k * step <= max + step * 1e-9; k++) {
    const v = k * step;
    values.push(Math.abs(v) < step * 1e-9 ? 0 : v);
    if (values.length > 100) break;
  }
  return { step, values };
}

// Extends [min, max] outward to whole ticks (so the axis starts and ends on a label).
export function niceDomain(min, max, count = 5) {
  if (!(max > min)) { const c = Number.isFinite(min) ? min : 0; const h = Math.max(1, Math.abs(c) * 0.1); return [c - h, c + h]; }
  const step = niceStep((max - min) / Math.max(1, count));
  return [Math.floor(min / step + 1e-9) * step, Math.ceil(max / step - 1e-9) * step];
}

// Tick label for a linear axis with the given step ("0.25", "−2", "1e+06").
export function formatTick(v, step) {
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e6 || a < 1e-4) return withMinus(v.toExponential(Math.max(0, -Math.floor(Math.log10(step)) + Math.floor(Math.log10(a)))).replace(/\.?0+e/, 'e'));
  const decimals = Math.max(0, Math.min(10, -Math.floor(Math.log10(step) + 1e-9)));
  return withMinus(v.toFixed(decimals));
}

// "10⁻¹⁸" for a power of ten.
export function formatPow10(k) {
  if (k === 0) return '1';
  if (k === 1) return '10';
  return '10' + String(k).split('').map((c) => SUPERSCRIPT[c]).join('');
}

// Readout numbers: 6 significant digits, exponent form for tiny/huge values, typographic minus.
export function formatNumber(v, digits = 6) {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '\u221e';
  if (v === -Infinity) return `${MINUS}\u221e`;
  if (v === 0) return '0';
  const a = Math.abs(v);
  let s;
  if (a < 1e-4 || a >= 1e7) s = v.toExponential(digits - 1).replace(/\.?0+e/, 'e');
  else s = String(Number(v.toPrecision(digits)));
  return withMinus(s);
}

// Linear map domain -> range (pixels); .invert maps back.
export function linearScale(d0, d1, r0, r1) {
  const k = (r1 - r0) / (d1 - d0 || 1);
  const s = (v) => r0 + (v - d0) * k;
  s.invert = (p) => d0 + (p - r0) / k;
  s.domain = [d0, d1];
  s.log = false;
  return s;
}

// log10 map for values in [10^l0, 10^l1] (domain given as decade exponents, so 10^-320 works);
// values <= 0 map to -Infinity pixels' side (callers clamp them to the axis and mark them).
export function logScale(l0, l1, r0, r1) {
  const k = (r1 - r0) / (l1 - l0 || 1);
  const s = (v) => (v > 0 ? r0 + (Math.log10(v) - l0) * k : -Infinity * Math.sign(k || 1));
  s.invert = (p) => 10 ** (l0 + (p - r0) / k);
  s.domain = [l0, l1];
  s.log = true;
  return s;
}

// Decade exponents for a log axis between 10^lo and 10^hi, at most `maxTicks` of them.
export function logTicks(lo, hi, maxTicks = 6) {
  const span = hi - lo;
  const choices = [1, 2, 3, 4, 5, 6, 8, 9, 10, 12, 15, 20, 25, 30, 50, 100];
  const fit = choices.find((c) => span / c <= maxTicks) || Math.ceil(span / maxTicks);
  // prefer a step that divides the span (both ends labelled) if one is at most twice as coarse
  const every = choices.find((c) => c >= fit && c <= 2 * fit && span % c === 0) || fit;
  const out = [];
  for (let k = Math.floor(hi / every) * every; k >= lo; k -= every) out.push(k);
  return out.reverse();
}

// Domain of a log axis (as decade exponents) that shows every positive value honestly:
// [floor(log10(min positive)), ceil(log10(max))], at least `minDecades` wide.
export function logDomain(values, minDecades = 2) {
  let lo = Infinity, hi = -Infinity;
  for (const arr of values) {
    for (const v of arr) {
      const a = Math.abs(v);
      if (a > 0 && Number.isFinite(a)) { if (a < lo) lo = a; if (a > hi) hi = a; }
    }
  }
  if (!(hi > 0)) return [-3, 0];
  let l0 = Math.floor(Math.log10(lo) + 1e-12), l1 = Math.ceil(Math.log10(hi) - 1e-12);
  if (l1 - l0 < minDecades) l0 = l1 - minDecades;
  return [Math.max(l0, -323), l1];
}
