// <self-normalization> — mean and standard deviation of the activations after every layer of a
// deep plain net (default 16 layers × 100 units, 1000 samples), for SELU and others. SELU keeps
// mean ≈ 0 and std ≈ 1 all the way down — given its three conditions: standardised inputs,
// LeCun-normal weights, plain sequential layers. Each checkbox breaks one condition.
// Computed in C++ (engine.createSelfNormalization), a few hundred samples of one layer per work unit.
//
// Attributes (strict; an invalid value shows an inline message):
//   activations  comma list from selu, elu, relu, tanh, sigmoid, leaky_relu, linear (default selu,elu,relu,tanh)
//   depth        layers, 2..60 (default 16)      width  units per layer, 10..256 (default 100)
//   samples      100..5000 (default 1000)       seed   (default 1)      lang ko | en
//   raw-inputs   flag: pixel-like inputs 128 + 64 z clamped to [0, 255] instead of standardised z ~ N(0, 1)
//   he-init      flag: He-normal weights (variance 2/n) for every net instead of each one's default
//   skip         flag: residual layers a_l = a_{l-1} + f(W a_{l-1})
// Sets `ready` once drawn, `done` when every layer is computed. Event `change` {conditions, last}.
import { engine, h, define } from '../ui/widget.js';
import { attr } from '../ui/kit.js';
import { ChartWidget, AFTER_POST, checkbox, fmt, TITLES } from '../ui/chart-widget.js';
import TEXT from '../text/self-normalization.js';

const IDS = ['selu', 'elu', 'relu', 'tanh', 'sigmoid', 'leaky_relu', 'linear', ...AFTER_POST];
const ROWS = 125; // samples per work unit (about 1 ms in wasm at width 100)

class SelfNormalization extends ChartWidget {
  static TEXT = TEXT;
  static CONTROLS = { 'raw-inputs': 'raw-inputs', 'he-init': 'he-init', skip: 'skip' };
  static ATTRS = ['activations', 'depth', 'width', 'samples', 'seed', 'raw-inputs', 'he-init', 'skip'];

  plotHeight(width) { return Math.round(Math.max(300, Math.min(420, width * 0.7))); }

  readAttrs() {
    const g = (n) => this.getAttribute(n);
    return {
      ids: attr.list('activations', g('activations'), IDS, ['selu', 'elu', 'relu', 'tanh']),
      depth: attr.int('depth', g('depth'), { min: 2, max: 60, def: 16 }),
      width: attr.int('width', g('width'), { min: 10, max: 256, def: 100 }),
      samples: attr.int('samples', g('samples'), { min: 100, max: 5000, def: 1000 }),
      seed: attr.int('seed', g('seed'), { min: 0, max: 1e9, def: 1 }),
      raw: attr.flag(this, 'raw-inputs'), he: attr.flag(this, 'he-init'), skip: attr.flag(this, 'skip'),
    };
  }

  build() {
    super.build();
    const T = this.T, o = this.opts;
    this.boxes = { raw: checkbox({ name: 'raw-inputs', text: T.raw }), he: checkbox({ name: 'he-init', text: T.he }), skip: checkbox({ name: 'skip', text: T.skip }) };
    for (const [k, b] of Object.entries(this.boxes)) {
      b.input.checked = o[k];
      b.input.addEventListener('change', () => this.restart());
    }
    this.$.controls.replaceChildren(...Object.values(this.boxes).map((b) => b.label));
  }

  start() {
    this.dispose();
    const o = this.opts, c = Object.fromEntries(Object.entries(this.boxes).map(([k, b]) => [k, b.input.checked]));
    this.cur = c;
    this.runs = o.ids.map((id) => ({
      id, net: engine.createSelfNormalization({ activation: id, depth: o.depth, width: o.width, samples: o.samples, seed: o.seed,
        rawInputs: c.raw, skip: c.skip, init: c.he ? 'he_normal' : 'default' }),
    }));
    for (const r of this.runs) { r.mean = r.net.mean(); r.std = r.net.std(); }
    this.emitted = false;
  }

  dispose() { for (const r of this.runs || []) r.net.dispose(); this.runs = []; }

  // Round robin in lockstep: the net with the fewest finished layers computes ROWS more samples.
  step() {
    const left = this.runs.filter((r) => !r.net.done);
    if (!left.length) return false;
    const r = left.reduce((a, b) => (b.net.layersDone < a.net.layersDone ? b : a));
    const before = r.net.layersDone;
    r.net.step(ROWS);
    if (r.net.layersDone !== before) { r.mean = r.net.mean(); r.std = r.net.std(); }
    return true;
  }

  render() {
    const T = this.T, th = this.theme, D = this.opts.depth;
    const xs = Array.from({ length: D + 1 }, (_, i) => i);
    const band = (lo, hi) => ({ x: [0, D], lo: [lo, lo], hi: [hi, hi], color: th.muted, alpha: 0.18 });
    // Later lines are thinner, so lines on top of each other (tanh's mean on SELU's) stay visible.
    const mk = (key) => this.runs.map((r, k) => ({ x: xs.slice(0, r[key].length), y: Array.from(r[key]), color: this.color(r.id), width: Math.max(1.25, 4 - 0.9 * k) }));
    this.plot.render({
      theme: th, x: { min: 0, max: D, label: T.x },
      panels: [
        { weight: 1, min: -1, max: 2, label: T.mean, bands: [band(-0.1, 0.1)], series: mk('mean') },
        { weight: 1.3, log: true, label: `${T.std} (log)`, bands: [band(0.8, 1.2)], series: mk('std'),
          points: [{ x: 0, y: 0.1, color: 'transparent' }, { x: 0, y: 10, color: 'transparent' }] },
      ],
    });
    const rows = this.runs.map((r) => ({ id: r.id, m: r.mean.at(-1), s: r.std.at(-1), L: r.mean.length - 1 }));
    const inBand = (r) => Math.abs(r.m) <= 0.1 && r.s >= 0.8 && r.s <= 1.2;
    this.keys(rows.map((r) => ({ text: TITLES[r.id], color: this.color(r.id) })));
    const selu = rows.find((r) => r.id === 'selu');
    const broken = Object.entries(this.cur).filter(([, v]) => v).map(([k]) => T[k]);
    const cond = broken.length ? broken.join(', ') : T.ok;
    const stat = [];
    if (selu) stat.push(h('b', {}, `SELU, ${T.last(selu.L)}: ${T.mean} ${fmt(selu.m, 2)}, ${T.std} ${fmt(selu.s, 3)} — ${inBand(selu) ? T.inside : T.outside}`), h('br'));
    stat.push(rows.filter((r) => r.id !== 'selu').map((r) => `${TITLES[r.id]}: ${fmt(r.m, 2)} / ${fmt(r.s, 3)}`).join(', '));
    this.$.stat.replaceChildren(...stat);
    this.table(T.caption(cond), T.th, rows.map((r) => [TITLES[r.id], fmt(r.m, 3), fmt(r.s, 3)]));
    this.results = { conditions: { ...this.cur }, last: Object.fromEntries(rows.map((r) => [r.id, { layer: r.L, mean: r.m, std: r.s }])) };
    if (this.finished && !this.emitted) { this.emitted = true; this.emit('done', this.results); }
  }
  // SELU's standard deviation after the last layer (the question's number).
  outcome() {
    const r = this.runs.find((x) => x.id === 'selu');
    if (!this.finished || !r) return null;
    const s = r.std.at(-1);
    return { correct: s < 0.5 ? 0 : s <= 2 ? 1 : 2, measured: fmt(s, 3) };
  }

}

define('self-normalization', SelfNormalization);
