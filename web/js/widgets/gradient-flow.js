// <gradient-flow> — the size of the weight gradient in every hidden layer of a deep net, on a log
// axis, side by side for several activations: at initialisation (dashed) and as training goes on
// (solid). sigmoid' <= 1/4, so a sigmoid net's gradient shrinks layer after layer towards the input.
// Computed in C++ (engine.createGradientFlow): 'circle' data (2-D, 200 points), bce loss, Adam (lr 0.003,
// batches of 20); each activation with its default init (sigmoid/tanh Glorot, relu/elu He, selu LeCun).
// The size of layer l's gradient is the RMS per weight, ||dL/dW_l|| / sqrt(#weights).
//
// Attributes (strict; an invalid value shows an inline message):
//   depth        hidden layers, 2..30 (default 10; also a slider)
//   width        units per hidden layer, 4..64 (default 32; also a slider)
//   activations  comma list from sigmoid, tanh, relu, leaky_relu, elu, selu (default sigmoid,tanh,relu,elu,selu)
//   epochs       training epochs after initialisation, 0..200 (default 30)
//   seed         (default 1)      lang   ko | en
// Big nets use fewer samples (200 * 10*32^2 / (depth*width^2), at least 20) so every step stays short.
// Sets `ready` once drawn, `done` after the last epoch. Event `change` {depth, width, epoch, ratio}.
import { engine, h, define } from '../ui/widget.js';
import { attr } from '../ui/kit.js';
import { ChartWidget, AFTER_POST, slider, fmt, TITLES } from '../ui/chart-widget.js';
import TEXT from '../text/gradient-flow.js';

const IDS = ['sigmoid', 'tanh', 'relu', 'leaky_relu', 'elu', 'selu', ...AFTER_POST];

class GradientFlow extends ChartWidget {
  static TEXT = TEXT;
  static CONTROLS = { depth: 'depth', width: 'width' };
  static ATTRS = ['depth', 'width', 'activations', 'epochs', 'seed'];

  readAttrs() {
    const g = (n) => this.getAttribute(n);
    return {
      depth: attr.int('depth', g('depth'), { min: 2, max: 30, def: 10 }),
      width: attr.int('width', g('width'), { min: 4, max: 64, def: 32 }),
      ids: attr.list('activations', g('activations'), IDS, ['sigmoid', 'tanh', 'relu', 'elu', 'selu']),
      epochs: attr.int('epochs', g('epochs'), { min: 0, max: 200, def: 30 }),
      seed: attr.int('seed', g('seed'), { min: 0, max: 1e9, def: 1 }),
    };
  }

  build() {
    super.build();
    const T = this.T, o = this.opts;
    this.depth = slider({ name: 'depth', min: 2, max: 30, step: 1, text: T.depth });
    this.width = slider({ name: 'width', min: 4, max: 64, step: 1, text: T.width });
    this.depth.set(o.depth);
    this.width.set(o.width);
    for (const s of [this.depth, this.width]) s.input.addEventListener('input', () => this.restart());
    this.$.controls.replaceChildren(this.depth.label, this.width.label);
  }

  start() {
    this.dispose();
    const o = this.opts, depth = Number(this.depth.input.value), width = Number(this.width.input.value);
    const samples = Math.max(20, Math.min(200, Math.round((200 * 10 * 32 * 32) / (depth * width * width))));
    this.cur = { depth, width, samples };
    // Nets are built lazily, one per work unit (a 30 x 64 net takes a while to initialise).
    this.runs = o.ids.map((id) => ({ id, cfg: { activation: id, depth, width, samples, seed: o.seed } }));
    this.emitted = false;
  }

  dispose() { for (const r of this.runs || []) r.net?.dispose(); this.runs = []; }

  // Work units (each a few ms): build a net; measure it at init; then, round robin, one epoch of
  // training and, as a separate unit, its new per-layer gradients.
  step() {
    const stale = this.runs.find((r) => r.net && r.stale);
    if (stale) {
      stale.now = stale.net.layerNorms();
      stale.init ??= stale.now;
      stale.stale = false;
      return true;
    }
    const fresh = this.runs.find((r) => !r.net);
    if (fresh) {
      fresh.net = engine.createGradientFlow(fresh.cfg);
      fresh.stale = true;
      return true;
    }
    const behind = this.runs.filter((r) => r.net.epochs < this.opts.epochs);
    if (!behind.length) return false;
    const r = behind.reduce((a, b) => (b.net.epochs < a.net.epochs ? b : a));
    r.net.train(1);
    r.stale = true;
    return true;
  }

  readyToShow() { return this.runs.every((r) => r.init); }

  render() {
    const T = this.T, th = this.theme, { depth, width } = this.cur;
    const xs = Array.from({ length: depth }, (_, i) => i + 1);
    const series = [];
    const built = this.runs.filter((r) => r.init);
    for (const r of built) {
      const c = this.color(r.id);
      series.push({ x: xs, y: r.init.slice(0, depth), color: c, width: 1.25, dash: [4, 3] });
      series.push({ x: xs, y: r.now.slice(0, depth), color: c, width: 2.5 });
    }
    this.plot.render({ theme: th, x: { min: 1, max: depth, label: T.x }, panels: [{ log: true, series }] });
    const ratio = (v) => v[0] / v[depth - 1];
    const epoch = built.length ? Math.min(...built.map((r) => r.net.epochs)) : 0;
    this.keys(built.map((r) => ({ text: TITLES[r.id], color: this.color(r.id) })));
    this.$.stat.replaceChildren(h('b', {}, `${T.ratio}`), ': ',
      built.map((r) => `${TITLES[r.id]} ${fmt(ratio(r.init), 2)} → ${fmt(ratio(r.now), 2)}`).join(', '),
      h('br'), `${T.init} · ${T.now(epoch)}`);
    this.table(T.caption(depth, width, epoch), T.th, built.map((r) => [TITLES[r.id], fmt(ratio(r.init)), fmt(ratio(r.now))]));
    this.results = { depth, width, epoch, ratioInit: Object.fromEntries(built.map((r) => [r.id, ratio(r.init)])),
      ratio: Object.fromEntries(built.map((r) => [r.id, ratio(r.now)])) };
    if (this.finished && !this.emitted) { this.emitted = true; this.emit('done', this.results); }
  }
  // The sigmoid net's first / last hidden layer gradient at initialisation (the question's ratio).
  outcome() {
    const r = this.runs.find((x) => x.id === 'sigmoid');
    if (!this.finished || !r?.init) return null;
    const d = this.cur.depth, v = r.init[0] / r.init[d - 1];
    return { correct: v > 0.1 ? 0 : v >= 1e-4 ? 1 : 2, measured: fmt(v, 2), depth: d, bound: fmt(0.25 ** (d - 1), 2) };
  }

}

define('gradient-flow', GradientFlow);
