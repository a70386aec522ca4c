// <dead-neurons> — two shares of hidden units over training, for relu and its repairs, both over
// EVERY training sample: dead (f'(z) = 0, top panel: no gradient reaches the unit's weights on this
// data) and silent (z <= 0, bottom panel: the unit never passes the positive side). A high learning
// rate or negative initial biases push ReLU pre-activations below 0; for ReLU the two sets are the
// same. Leaky ReLU, ELU and SELU keep a non-zero slope there, so their units are never dead, but
// they can fall silent just the same (and then learn only through the small negative-side slope).
// Dead is for good only for a first-layer unit with plain SGD: a deeper unit can revive when the
// layers before it change, and Adam moves weights on momentum for a while after their gradient is 0.
// Computed in C++ (engine.createDeadNeurons): 'circle' data (2-D, 200 points), 3 hidden layers of 32,
// bce, Adam, batches of 10; every activation starts from the same seed.
//
// Attributes (strict; an invalid value shows an inline message):
//   lr           learning rate, 0.0001..1 (default 0.1; also a log slider)
//   bias-init    every hidden bias at the start, -3..3 (default 0; also a slider)
//   activations  comma list from relu, leaky_relu, elu, selu, prelu, rrelu (default relu,leaky_relu,elu,selu)
//   epochs       1..200 (default 20)      seed (default 1)      lang ko | en
// Sets `ready` once drawn, `done` after the last epoch (event `done` {lr, biasInit, epoch, dead, silent}:
// shares per activation id).
import { engine, h, define } from '../ui/widget.js';
import { attr } from '../ui/kit.js';
import { ChartWidget, AFTER_POST, slider, fmt, TITLES } from '../ui/chart-widget.js';
import TEXT from '../text/dead-neurons.js';

const IDS = ['relu', 'leaky_relu', 'elu', 'selu', 'prelu', 'rrelu', ...AFTER_POST];
const pct = (v) => `${(100 * v).toFixed(v > 0 && v < 0.01 ? 1 : 0)}%`;

class DeadNeurons extends ChartWidget {
  static TEXT = TEXT;
  static CONTROLS = { lr: 'lr', bias: 'bias-init' };
  // the lr slider holds log10(lr): the attribute gets lr itself, 3 significant digits
  controlValue(input) { return input.name === 'lr' ? Number((10 ** Number(input.value)).toPrecision(3)) : input.value; }
  static ATTRS = ['lr', 'bias-init', 'activations', 'epochs', 'seed'];

  readAttrs() {
    const g = (n) => this.getAttribute(n);
    return {
      lr: attr.number('lr', g('lr'), { min: 1e-4, max: 1, def: 0.1 }),
      bias: attr.number('bias-init', g('bias-init'), { min: -3, max: 3, def: 0 }),
      ids: attr.list('activations', g('activations'), IDS, ['relu', 'leaky_relu', 'elu', 'selu']),
      epochs: attr.int('epochs', g('epochs'), { min: 1, max: 200, def: 20 }),
      seed: attr.int('seed', g('seed'), { min: 0, max: 1e9, def: 1 }),
    };
  }

  build() {
    super.build();
    const T = this.T, o = this.opts;
    // the lr slider moves log10(lr) from -4 to 0 in steps of 0.1
    this.lr = slider({ name: 'lr', min: -4, max: 0, step: 0.1, text: T.lr, fmt: (v) => fmt(10 ** v, 2) });
    this.lr.set(Math.log10(o.lr).toFixed(1));
    this.lr.out.textContent = fmt(o.lr, 2);
    this.lrValue = o.lr;
    this.lr.input.addEventListener('input', () => { this.lrValue = 10 ** Number(this.lr.input.value); this.restart(); });
    this.bias = slider({ name: 'bias', min: -3, max: 3, step: 0.1, text: T.bias, fmt: (v) => fmt(v, 2) });
    this.bias.set(o.bias);
    this.bias.input.addEventListener('input', () => this.restart());
    const again = h('button', { type: 'button', name: 'restart' }, `↻ ${T.restart}`);
    again.addEventListener('click', () => { this.seedOffset = (this.seedOffset || 0) + 1; this.restart(); });
    this.$.controls.replaceChildren(this.lr.label, this.bias.label, again);
  }

  start() {
    this.dispose();
    const o = this.opts, lr = this.lrValue, biasInit = Number(this.bias.input.value);
    this.cur = { lr, biasInit };
    this.runs = o.ids.map((id) => {
      const net = engine.createDeadNeurons({ activation: id, learningRate: lr, biasInit, seed: o.seed + (this.seedOffset || 0) });
      return { id, net, curve: [net.deadFractions().at(-1)], silent: [net.silentFractions().at(-1)] };
    });
    this.emitted = false;
  }

  dispose() { for (const r of this.runs || []) r.net.dispose(); this.runs = []; }

  step() {
    const behind = this.runs.filter((r) => r.curve.length <= this.opts.epochs);
    if (!behind.length) return false;
    const r = behind.reduce((a, b) => (b.curve.length < a.curve.length ? b : a));
    r.net.train(1);
    r.curve.push(r.net.deadFractions().at(-1));
    r.silent.push(r.net.silentFractions().at(-1));
    return true;
  }

  plotHeight(width) { return Math.round(Math.max(300, Math.min(420, width * 0.7))); }

  render() {
    const T = this.T, th = this.theme, E = this.opts.epochs;
    // Later lines are thinner, so curves lying on top of each other (all at 0 %) stay visible as stripes.
    const lines = (key) => this.runs.map((r, k) => ({ x: r[key].map((_, i) => i), y: r[key].map((v) => 100 * v), color: this.color(r.id), width: Math.max(1.25, 5 - 1.25 * k) }));
    this.plot.render({ theme: th, x: { min: 0, max: E, label: T.x }, panels: [
      { series: lines('curve'), min: -3, max: 103, label: `${T.dead} %` },
      { series: lines('silent'), min: -3, max: 103, label: `${T.silent} %` }] });
    const last = this.runs.map((r) => ({ id: r.id, v: r.curve.at(-1), s: r.silent.at(-1), div: r.net.diverged }));
    const total = 3 * 32, n = (v) => Math.round(v * total);
    this.keys(last.map((l) => ({ text: `${TITLES[l.id]} ${T.short(pct(l.v), pct(l.s))}${l.div ? ` (${T.diverged})` : ''}`, color: this.color(l.id) })));
    const epoch = Math.min(...this.runs.map((r) => r.curve.length - 1));
    this.$.stat.replaceChildren(h('b', {}, `${T.dead}`), ` (${T.x} ${epoch}/${E}): `,
      last.map((l) => `${TITLES[l.id]} ${T.of(n(l.v), total)}`).join(', '), h('br'),
      h('b', {}, `${T.silent}`), ': ', last.map((l) => `${TITLES[l.id]} ${T.of(n(l.s), total)}`).join(', '));
    this.table(T.caption(fmt(this.cur.lr, 2), fmt(this.cur.biasInit, 2), epoch), T.th,
      last.map((l) => [TITLES[l.id], pct(l.v), T.of(n(l.v), total), pct(l.s), T.of(n(l.s), total)]));
    this.results = { lr: this.cur.lr, biasInit: this.cur.biasInit, epoch,
      dead: Object.fromEntries(last.map((l) => [l.id, l.v])), silent: Object.fromEntries(last.map((l) => [l.id, l.s])) };
    if (this.finished && !this.emitted) { this.emitted = true; this.emit('done', this.results); }
  }
  // ReLU's dead share at the end of training (the question's number); the answer's explanation
  // quotes the other activations' measured dead and silent shares.
  outcome() {
    const r = this.runs.find((x) => x.id === 'relu');
    if (!this.finished || !r) return null;
    const v = r.curve.at(-1), total = 3 * 32;
    const others = this.runs.filter((x) => x.id !== 'relu').map((x) => ({ name: TITLES[x.id], dead: pct(x.curve.at(-1)), silent: pct(x.silent.at(-1)) }));
    return { correct: v < 0.1 ? 0 : v < 0.4 ? 1 : 2, measured: `${pct(v)} (${this.T.of(Math.round(v * total), total)})`, others: this.T.predict.others(others) };
  }

}

define('dead-neurons', DeadNeurons);
