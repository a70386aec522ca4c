// Colour arithmetic for the palette test: WCAG 2 contrast ratio, and the smallest CIE76 colour
// difference between any two palette colours under simulated colour-vision deficiencies.
// Simulation: Machado, Oliveira & Fernandes (2009), severity 1.0 matrices, applied to linear
// RGB; Lab with the D65 white point. Written from the published formulas.

const MACHADO = {
  protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
  deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]],
  tritanopia: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]],
};

function hexToRgb(hex) {
  const m = /^#([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) throw new Error(`expected a #rrggbb colour, got ${JSON.stringify(hex)}`);
  return [0, 2, 4].map((i) => parseInt(m[1].slice(i, i + 2), 16) / 255);
}
const toLinear = (c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const luminance = ([r, g, b]) => 0.2126 * r + 0.7152 * g + 0.0722 * b;

export function contrast(a, b) {
  const la = luminance(hexToRgb(a).map(toLinear)), lb = luminance(hexToRgb(b).map(toLinear));
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

function lab(lin) {
  const [r, g, b] = lin.map((v) => Math.min(1, Math.max(0, v)));
  const X = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const Y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const Z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  return [116 * f(Y) - 16, 500 * (f(X) - f(Y)), 200 * (f(Y) - f(Z))];
}
const simulate = (lin, m) => (m ? m.map((row) => row[0] * lin[0] + row[1] * lin[1] + row[2] * lin[2]) : lin);

// { normal|protanopia|deuteranopia|tritanopia: { d, pair } } — the closest pair for each vision.
export function cvdMinDistance(colours) {
  const names = Object.keys(colours);
  const out = {};
  for (const [vision, m] of [['normal', null], ...Object.entries(MACHADO)]) {
    const labs = names.map((n) => lab(simulate(hexToRgb(colours[n]).map(toLinear), m)));
    let d = Infinity, pair = '';
    for (let i = 0; i < names.length; i++) {
      for (let j = i + 1; j < names.length; j++) {
        const e = Math.hypot(labs[i][0] - labs[j][0], labs[i][1] - labs[j][1], labs[i][2] - labs[j][2]);
        if (e < d) { d = e; pair = `${names[i]}/${names[j]}`; }
      }
    }
    out[vision] = { d, pair };
  }
  return out;
}
