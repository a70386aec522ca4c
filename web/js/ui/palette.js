// palette.js — the one palette (light and dark) of the page and of every widget.
//
// The page's CSS gets it as custom properties on :root (tools/bundle.mjs writes pageCSS() into
// dist/css/page.css in place of its `/* palette */` marker); every widget gets it through
// hostCSS() in its shadow root as --w-* properties that defer to the page's, so a host page that
// sets --c-relu (or --bg …) restyles the widgets too, and a widget alone on a page still has
// every colour.
//
// The post's ten activation colours are derived from Okabe & Ito's colour-blind-safe set, tuned per
// scheme so each has >= 3:1 contrast against the background and every pair stays apart under
// simulated protanopia, deuteranopia and tritanopia (tests/browser/page.test.mjs checks both). The
// six after the post have >= 4.4:1 contrast in both schemes; they appear together with the ten only
// in the race, where each one is also named.

export const ACTIVATIONS = {
  light: {
    linear: '#767676', sigmoid: '#ad811c', tanh: '#ff3f19', relu: '#0070af', leaky_relu: '#0e895c',
    rrelu: '#3d91c2', prelu: '#bf5f9b', elu: '#96923e', selu: '#111111', maxout: '#882255',
    softplus: '#6b5b95', silu: '#a0522d', gelu: '#5d4037', gelu_tanh: '#00838f', mish: '#6a1b9a', hardswish: '#546e7a',
  },
  dark: {
    linear: '#9a9a9a', sigmoid: '#e69f00', tanh: '#ff7a33', relu: '#3d9ee0', leaky_relu: '#1fc493',
    rrelu: '#8fd3ff', prelu: '#e39ac6', elu: '#f0e442', selu: '#f5f5f5', maxout: '#cc4e7b',
    softplus: '#b3a6e0', silu: '#e0a07a', gelu: '#c8a89a', gelu_tanh: '#4dd0e1', mish: '#ce93d8', hardswish: '#b0bec5',
  },
};

// Page furniture: the names are the page's public custom properties (--bg, --fg, …).
export const FURNITURE = {
  light: {
    bg: '#fdfdfb', 'bg-soft': '#f3f4f1', fg: '#1b1e23', muted: '#5a606b', border: '#d9dcd6',
    accent: '#0a5fa8', 'accent-fg': '#ffffff', link: '#0a5fa8', 'code-bg': '#eceee9', mark: '#fff4c2',
    'c-deriv': '#5a606b', grid: '#e6e8e3', axis: '#8b919b', 'fg-mark': '#3a3f47', error: '#b42318', 'error-bg': '#fde7ea',
  },
  dark: {
    bg: '#15171a', 'bg-soft': '#1e2125', fg: '#e6e7e9', muted: '#a3a9b3', border: '#363a40',
    accent: '#6cb4f0', 'accent-fg': '#0b1620', link: '#7dbdf3', 'code-bg': '#25292e', mark: '#4a3f10',
    'c-deriv': '#b4bac4', grid: '#2b2f35', axis: '#737a85', 'fg-mark': '#c9ccd1', error: '#ff8a80', 'error-bg': '#3a1d1f',
  },
};

// Colours only widgets use: the classes of a data set (class-2 for three-class data such as spiral3:
// a teal with >= 4.9:1 contrast in both schemes, at least 14 CIE76 apart from the other two under
// simulated protanopia, deuteranopia and tritanopia), the ring around data points.
export const WIDGET = {
  light: { 'class-0': '#d9480f', 'class-1': '#1c64c8', 'class-2': '#0a7d6e', ring: '#ffffff' },
  dark: { 'class-0': '#ff8c42', 'class-1': '#5aa6ff', 'class-2': '#2fd0a0', ring: 'transparent' },
};

const decls = (entries) => entries.map(([k, v]) => `--${k}: ${v};`).join(' ');
const pageVars = (s) => [...Object.entries(FURNITURE[s]), ...Object.entries(ACTIVATIONS[s]).map(([id, c]) => [`c-${id}`, c])];

// The page's :root custom properties, light then dark.
// Paper is white: print takes the light palette in either scheme.
export function pageCSS() {
  return `:root { ${decls(pageVars('light'))} }\n@media (prefers-color-scheme: dark) { :root { ${decls(pageVars('dark'))} } }\n`
    + `@media print { :root { ${decls(pageVars('light'))} } }\n`;
}

// A widget's :host properties: --w-<name> takes the page's --<name> when there is one.
const hostVars = (s) => [
  ...Object.entries(FURNITURE[s]).map(([k, v]) => [`w-${k}`, `var(--${k}, ${v})`]),
  ...Object.entries(ACTIVATIONS[s]).map(([id, c]) => [`w-c-${id}`, `var(--c-${id}, ${c})`]),
  ...Object.entries(WIDGET[s]).map(([k, v]) => [`w-${k}`, v]),
];
export function hostCSS() {
  return `:host { ${decls(hostVars('light'))} }\n@media (prefers-color-scheme: dark) { :host { ${decls(hostVars('dark'))} } }\n`
    + `@media print { :host { ${decls(hostVars('light'))} } }\n`;
}

const FALLBACK = { light: '#0a5fa8', dark: '#6cb4f0' };
// An activation's colour as a widget shows it (the page's override, else the palette's); `style`
// is the host element's computed style, `dark` whether the dark scheme is in force.
export function activationColor(style, id, dark) {
  return style.getPropertyValue(`--w-c-${id}`).trim() || ACTIVATIONS[dark ? 'dark' : 'light'][id] || FALLBACK[dark ? 'dark' : 'light'];
}
