// <universal-approximation> — one hidden layer of N units fits a 1-D target (sin(2πx), |x|, step);
// the non-linear nets bend to it, the linear net stays a straight line however many units or
// layers it has, and its layers multiply out to ONE matrix (shown with the difference to the net).
// Trained in C++ (engine.createUniversalApproximation: full-batch Adam, one step per epoch) in frame-budgeted slices.
//
// Attributes (strict; an invalid value shows an inline message):
//   target        sin | abs | step (default sin; also a select)
//   units         hidden units N, 1..64 (default 8; also the slider)
//   activations   comma list from linear, sigmoid, tanh, relu, leaky_relu, elu, selu (default linear,tanh,relu)
//   epochs        training budget per net, 100..20000 (default 2000)
//   linear-depth  hidden layers of the linear net, 1..8 (default 3: the collapse is the point)
//   seed          (default 1)      lang   ko | en
// Sets `ready` once drawn, `done` when every net has used its budget. Event `change` {units, target, mse}.
import { engine, h, define } from '../ui/widget.js';
import { attr } from '../ui/kit.js';
import { ChartWidget, AFTER_POST, slider, fmt, TITLES } from '../ui/chart-widget.js';
import TEXT from '../text/universal-approximation.js';

const IDS = ['linear', 'sigmoid', 'tanh', 'relu', 'leaky_relu', 'elu', 'selu', ...AFTER_POST];
const TARGETS = ['sin', 'abs', 'step'];
// Epochs per work unit: about 400 / N (N = 64: 6 epochs, about 2 ms in wasm).
const slice = (N) => Math.max(5, Math.round(400 / N));

class UniversalApproximation extends ChartWidget {
  static TEXT = TEXT;
  static CONTROLS = { units: 'units', target: 'target' };
  static ATTRS = ['target', 'units', 'activations', 'epochs', 'linear-depth', 'seed'];

  readAttrs() {
    const g = (n) => this.getAttribute(n);
    return {
      target: attr.choice('target', g('target'), TARGETS, 'sin'),
      units: attr.int('units', g('units'), { min: 1, max: 64, def: 8 }),
      ids: attr.list('activations', g('activations'), IDS, ['linear', 'tanh', 'relu']),
      epochs: attr.int('epochs', g('epochs'), { min: 100, max: 20000, def: 2000 }),
      linearDepth: attr.int('linear-depth', g('linear-depth'), { min: 1, max: 8, def: 3 }),
      seed: attr.int('seed', g('seed'), { min: 0, max: 1e9, def: 1 }),
    };
  }

  build() {
    super.build();
    const T = this.T, o = this.opts;
    this.units = slider({ name: 'units', min: 1, max: 64, step: 1, text: T.units });
    this.units.set(o.units);
    this.units.input.addEventListener('input', () => this.restart());
    this.target = h('select', { name: 'target' }, ...TARGETS.map((t) => h('option', { value: t }, T.targets[t])));
    this.target.value = o.target;
    this.target.addEventListener('change', () => this.restart());
    this.$.controls.replaceChildren(this.units.label, h('label', {}, h('span', {}, T.target), this.target));
    this.collapseText = h('span');
    this.epochText = h('span');
  }

  start() {
    this.dispose();
    const o = this.opts, N = Number(this.units.input.value), target = this.target.value;
    this.cur = { N, target };
    this.nets = o.ids.map((id) => ({
      id, net: engine.createUniversalApproximation({
        target, units: N, activation: id, seed: o.seed, hiddenLayers: id === 'linear' ? o.linearDepth : 1,
      }),
    }));
    this.xs = engine.linspace(-1, 1, 201);
    this.truth = this.nets[0].net.grid();
    this.k = 0;
    this.emitted = false;
  }

  dispose() { for (const n of this.nets || []) n.net.dispose(); this.nets = []; }

  // One slice of training for the net whose turn it is (round robin, so all curves move together).
  step() {
    const left = this.nets.filter((n) => n.net.epochs < this.opts.epochs);
    if (!left.length) return false;
    const n = left[this.k++ % left.length];
    n.net.train(Math.min(slice(this.cur.N), this.opts.epochs - n.net.epochs));
    return true;
  }

  render() {
    const T = this.T, o = this.opts, th = this.theme;
    const series = [{ x: this.truth.x, y: this.truth.y, color: th.fg, width: 1.5, dash: [5, 4] }];
    const rows = [];
    for (const n of this.nets) {
      series.push({ x: this.xs, y: n.net.predict(this.xs), color: this.color(n.id), width: 2.25 });
      rows.push({ id: n.id, mse: n.net.mse });
    }
    this.plot.render({
      theme: th, x: { min: -1, max: 1, label: 'x' },
      panels: [{ series, min: this.cur.target === 'sin' ? -1.4 : -0.4, max: this.cur.target === 'sin' ? 1.4 : 1.4 }],
    });
    this.keys([{ text: `${T.targetKey}: ${T.targets[this.cur.target]}`, color: th.fg, dash: true },
      ...rows.map((r) => ({ text: `${TITLES[r.id]} ${fmt(r.mse)}`, color: this.color(r.id) }))]);
    const done = Math.min(...this.nets.map((n) => n.net.epochs));
    const lin = this.nets.find((n) => n.id === 'linear');
    const parts = [h('b', {}, T.epoch(done, o.epochs)), ` · ${T.mse}: `,
      rows.map((r) => `${TITLES[r.id]} ${fmt(r.mse)}`).join(', ')];
    if (lin) {
      const c = lin.net.collapse();
      parts.push(h('br'), T.collapse(c.layers, `[${fmt(c.matrix[0], 4)}]`, fmt(c.bias[0], 3), fmt(c.maxAbsDiff, 2)));
      this.lastCollapse = c;
    }
    this.$.stat.replaceChildren(...parts.flat());
    this.table(T.caption(T.targets[this.cur.target], this.cur.N), T.th, rows.map((r) => [TITLES[r.id], fmt(r.mse)]));
    this.results = { units: this.cur.N, target: this.cur.target, epochs: done, mse: Object.fromEntries(rows.map((r) => [r.id, r.mse])) };
    if (this.finished && !this.emitted) { this.emitted = true; this.emit('done', this.results); }
  }
  // The network with the largest error at the end (the question's answer), among linear, tanh, relu.
  outcome() {
    if (!this.finished || !this.results) return null;
    const order = ['linear', 'tanh', 'relu'], mse = this.results.mse;
    const worst = order.filter((id) => id in mse).reduce((a, b) => (mse[b] > mse[a] ? b : a), order.find((id) => id in mse));
    if (!worst) return null;
    return { correct: order.indexOf(worst), measured: order.filter((id) => id in mse).map((id) => `${TITLES[id]} ${fmt(mse[id])}`).join(', ') };
  }

}

define('universal-approximation', UniversalApproximation);
