// DOM of <activation-race> (no innerHTML anywhere: text goes in as text nodes): styles, the
// control form, the legend, the heatmap grid, the results table, exports and help. `t` is the
// widget's text table in the reader's language. Swatches take the palette's --w-c-<id> in CSS,
// so they follow the colour scheme without a rebuild.
import { h } from '../../ui/kit.js';
import { OPTIMIZERS, INITS, TARGET_LOSS, TARGET_MSE } from './model.js';
import { ALL_DATASETS } from './attrs.js';
import { PRESET_IDS } from './presets.js';
import { pythonSnippet } from './python.js';

const swatch = (id) => `var(--w-c-${id}, var(--w-accent))`;

// The race's own rules (the base supplies the box, the palette's --w-* colours and the error box).
export const STYLE = `
:host { contain: content; }
.head { display: flex; flex-wrap: wrap; gap: 2px 12px; align-items: baseline; margin-bottom: 6px; }
.title { font-weight: 600; margin-right: auto; }
.status { color: var(--w-muted); font-variant-numeric: tabular-nums; }
form { display: flex; flex-wrap: wrap; gap: 6px 14px; align-items: end; margin: 0 0 8px; }
form label { display: flex; flex-direction: column; font-size: 12.5px; color: var(--w-muted); min-width: 0; }
form select, form input[type=number], .exports select { min-width: 4.5em; max-width: 9em; padding: 2px 4px; color: var(--w-fg); background: var(--w-bg);
  border: 1px solid var(--w-grid); border-radius: 4px; }
form input[type=range] { width: 7em; accent-color: var(--w-accent); }
fieldset { border: 0; padding: 0; margin: 0; min-width: 0; flex-basis: 100%; display: flex; flex-wrap: wrap; gap: 2px 10px; }
legend { font-size: 12.5px; color: var(--w-muted); padding: 0; margin-bottom: 2px; }
fieldset label { flex-direction: row; align-items: center; gap: 4px; font-size: 13.5px; color: var(--w-fg); }
fieldset label i, .chip i, td i { display: inline-block; width: 12px; height: 12px; border-radius: 3px; flex: none; }
.buttons { display: flex; flex-wrap: wrap; gap: 6px; flex-basis: 100%; }
button { padding: 4px 10px; border-radius: 6px; border: 1px solid var(--w-grid); background: var(--w-bg); color: var(--w-fg); cursor: pointer; }
button.primary { background: var(--w-accent); color: var(--w-accent-fg); border-color: var(--w-accent); font-weight: 600; }
button:disabled { opacity: 0.45; cursor: default; }
button:focus-visible, select:focus-visible, input:focus-visible { outline: 2px solid var(--w-accent); outline-offset: 1px; }
.ctlmsg { flex-basis: 100%; }
.sub { margin: 10px 0 4px; font-size: 13px; color: var(--w-muted); }
.legend { display: flex; flex-wrap: wrap; gap: 4px 6px; margin: 2px 0 4px; }
.chip { display: inline-flex; align-items: center; gap: 5px; padding: 1px 8px; font-size: 12.5px; border-radius: 999px; }
.chip[aria-pressed=true] { border-color: var(--w-fg); font-weight: 600; }
.chip[data-diverged] { color: var(--w-error); text-decoration: line-through; }
.chip[data-diverged]::after { content: ' ✕'; }
.heat { display: grid; gap: 8px; grid-template-columns: repeat(auto-fill, minmax(min(100%, 96px), 1fr)); }
figure { margin: 0; min-width: 0; border-top: 4px solid var(--ac); border-radius: 3px; contain: layout paint; }
figure canvas { border: 1px solid var(--w-grid); border-top: 0; aspect-ratio: 1; height: auto; }
/* the sizes the drawings will take (drawChart, Heatmap.resize), held from the first layout: nothing moves when they are drawn */
.chartbox { container-type: inline-size; }
.chartbox canvas { height: clamp(200px, 42cqw, 340px); }
figcaption { font-size: 12.5px; line-height: 1.3; margin-top: 2px; overflow-wrap: anywhere; }
figcaption b { color: var(--w-fg); }
.bad { color: var(--w-error); font-weight: 600; }
.tablewrap { overflow-x: auto; margin-top: 10px; max-width: 100%; contain: layout paint; }
table { border-collapse: collapse; width: 100%; font-size: 13px; font-variant-numeric: tabular-nums; }
caption { text-align: left; color: var(--w-muted); font-size: 12.5px; padding-bottom: 2px; }
th, td { padding: 3px 6px; border-bottom: 1px solid var(--w-grid); text-align: right; white-space: nowrap; }
th:first-child, td:first-child, td:last-child, th:last-child { text-align: left; }
td:last-child { white-space: normal; min-width: 9em; }
.exports { display: flex; flex-wrap: wrap; gap: 6px 10px; align-items: center; margin-top: 10px; }
form select[name=dataset] { max-width: 13em; }
form select[name=init] { max-width: 12em; }
.presetpick { flex-basis: 100%; }
.presetpick select { max-width: 100%; }
.presetnote { flex-basis: 100%; margin: 0; padding: 4px 8px; border-left: 3px solid var(--w-accent); font-size: 13.5px; }
.diverge { margin: 8px 0 0; padding: 0; list-style: none; font-size: 13.5px; }
.diverge li { margin: 4px 0; padding: 4px 8px; border-left: 3px solid var(--w-error); }
.diverge button { margin-left: 6px; }
details { margin-top: 8px; font-size: 13px; }
summary { cursor: pointer; color: var(--w-accent); }
pre { overflow-x: auto; background: color-mix(in srgb, var(--w-grid) 45%, transparent); padding: 6px 8px; border-radius: 6px; font-size: 12px; line-height: 1.35; }
`;

const LR = [0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];
const BATCH = [1, 5, 10, 25, 50, 100, 400];
const UNITS = [2, 3, 4, 6, 8, 12, 16, 24, 32];

// A <select> over `values` (plus `current` when it is not among them), with the current one selected.
function select(name, values, current, label = String) {
  const vals = values.includes(current) ? values : [...values, current].sort((a, b) => (typeof a === 'number' ? a - b : 0));
  return h('select', { name }, vals.map((v) => h('option', { value: String(v), selected: v === current }, label(v))));
}

// The control form for a parsed config `c`; `ids` all activation ids.
export function buildControls(t, c, ids) {
  const dsLabel = (v) => t.datasets[v] || t.datasetsMore[v] || v;
  const preset = h('select', { name: 'preset' }, h('option', { value: '', selected: !c.preset }, t.presetNone),
    PRESET_IDS.map((id) => h('option', { value: id, selected: c.preset === id }, t.presets[id].name)));
  const field = (text, control) => h('label', {}, text, control);
  const noiseOut = h('output', {}, String(c.noise));
  // named by aria-label: Chromium names nothing from a label whose text sits beside an <output>
  const noise = h('input', { type: 'range', name: 'noise', min: 0, max: 1, step: 0.05, value: c.noise, 'aria-label': t.noise });
  noise.addEventListener('input', () => { noiseOut.textContent = noise.value; });
  const boxes = ids.map((id) => {
    const sw = h('i');
    sw.style.background = swatch(id);
    return h('label', {}, h('input', { type: 'checkbox', name: 'act', value: id, checked: c.activations.includes(id) }), sw, id);
  });
  const btn = (name, text, cls) => h('button', { type: 'button', name, class: cls }, text);
  return h('form', { novalidate: true },
    h('label', { class: 'presetpick' }, t.preset, preset),
    c.preset ? h('p', { class: 'presetnote' }, h('b', {}, `${t.presets[c.preset].name}: `), t.presets[c.preset].look) : null,
    field(t.dataset, select('dataset', ALL_DATASETS, c.dataset, dsLabel)),
    field(h('span', {}, `${t.noise} `, noiseOut), noise),
    field(t.layers, select('nlayers', [1, 2, 3, 4, 6, 8, 10], c.layers.length)),
    field(t.units, select('units', UNITS, c.layers[0])),
    field(t.lr, select('lr', LR, c.lr)),
    field(t.optimizer, select('optimizer', OPTIMIZERS, c.optimizer, (v) => t.optimizers[v] || v)),
    field(t.init, select('init', INITS, c.init, (v) => t.inits[v] || v)),
    field(t.batch, select('batch', BATCH, c.batch)),
    field(t.seed, h('input', { type: 'number', name: 'seed', min: 0, max: 2147483647, step: 1, value: c.seed })),
    h('fieldset', {}, h('legend', {}, t.activations), boxes),
    h('div', { class: 'buttons' }, btn('play', t.play, 'primary'), btn('step', t.step), btn('reset', t.reset)),
    h('div', { class: 'ctlmsg error', role: 'alert', hidden: true }));
}

// One legend chip per racing activation (a toggle that brings its curves to the front).
export function buildLegend(ids, focus) {
  return ids.map((id) => {
    const sw = h('i');
    sw.style.background = swatch(id);
    return h('button', { type: 'button', class: 'chip', 'data-id': id, 'aria-pressed': String(focus === id) }, sw, id);
  });
}

// Heatmap figures (canvas + caption) per activation.
export function buildHeatmaps(ids) {
  return ids.map((id) => {
    const fig = h('figure', { 'data-id': id }, h('canvas', { role: 'img' }), h('figcaption', {}, h('b', {}, id), ' ', h('span', { class: 'acc' })));
    fig.style.setProperty('--ac', swatch(id));
    return fig;
  });
}

export function buildTable(t, ids, regression = false) {
  const head = (regression ? t.thRegression : t.th).map((x) => h('th', { scope: 'col' }, typeof x === 'function' ? x(regression ? TARGET_MSE : TARGET_LOSS) : x));
  const rows = ids.map((id) => {
    const sw = h('i');
    sw.style.background = swatch(id);
    return h('tr', { 'data-id': id }, h('th', { scope: 'row' }, sw, ' ', id), ...Array.from({ length: 7 }, () => h('td')));
  });
  return h('table', {}, h('caption', {}, t.caption), h('thead', {}, h('tr', {}, head)), h('tbody', {}, rows));
}

// CSV of the losses, PyTorch JSON of one network, then `chart` (the base's PNG / SVG buttons).
export function buildExports(t, ids, chart) {
  return h('div', { class: 'exports' },
    h('button', { type: 'button', name: 'csv' }, t.csv),
    h('label', {}, `${t.jsonFor} `, h('select', { name: 'jsonId' }, ids.map((id) => h('option', { value: id }, id)))),
    h('button', { type: 'button', name: 'json' }, t.json), chart);
}

export function buildHelp(t) {
  return h('details', {}, h('summary', {}, t.help), h('p', {}, t.helpText), h('pre', {}, h('code', {}, pythonSnippet(t.python))));
}

// One line per diverged network: which quantity blew up (race.diagnose) and, in place, the button
// that lowers that network's learning rate ten-fold and runs the race again (name lowerLr, data-id).
export function buildDiverge(t, race, fmtNum) {
  const B = t.blowup, items = [];
  for (const e of race.entries) {
    if (!e.diverged || !e.blowup) continue;
    const d = e.blowup, lr = race.lrOf(e.id) / 10;
    const why = d.what === 'loss' ? B.loss(fmtNum(d.before)) : d.what === 'gradient' ? B.gradient(fmtNum(d.gradNorm))
      : Number.isFinite(d.loss) ? B.weights(fmtNum(d.maxWeight)) : B.weightsHuge(fmtNum(d.maxWeight));
    const fix = lr >= 1e-6 ? h('button', { type: 'button', name: 'lowerLr', 'data-id': e.id, 'data-lr': String(lr) }, B.fix(fmtNum(lr))) : null;
    items.push(h('li', { 'data-id': e.id, 'data-what': d.what }, h('b', {}, B.lead(e.id, e.divergedAt)), why, fix));
  }
  return items;
}
