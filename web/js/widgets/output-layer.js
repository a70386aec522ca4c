// <output-layer> — why the loss is computed on the logit: for one sample with target y = 1, the loss
// (top panel) and its gradient dL/dz (bottom panel) against the logit z, for a sigmoid followed by a
// squared error and for binary cross-entropy computed on the logit (torch's BCEWithLogitsLoss, the
// race's 'bce'). Where the network is sure and wrong (z << 0), the MSE gradient has a factor
// sigmoid'(z) ~ 0 and vanishes; BCE's is p - y ~ -1. The curves come from the C++ core
// (engine.outputLayerCurves); a slider marks one logit and reads both losses there.
//
// Attributes (strict; an invalid value shows an inline message):
//   z      the marked logit, -8..8 in steps of 0.1 (default -6; also a slider)
//   lang   ko | en          predict="off" shows the result without asking first
// Sets `ready` once drawn. Event `change` {control: 'z', value} when the reader moves the slider (the base).
import { engine, h, define } from '../ui/widget.js';
import { attr } from '../ui/kit.js';
import { ChartWidget, slider, fmt } from '../ui/chart-widget.js';
import TEXT from '../text/output-layer.js';

const Z_MIN = -8, Z_MAX = 8, POINTS = 161, STEP = (Z_MAX - Z_MIN) / (POINTS - 1);
const TABLE_Z = [-8, -6, -4, -2, 0, 2, 4, 6, 8];
const QUESTION_Z = -6; // the prediction's logit (text table)

class OutputLayer extends ChartWidget {
  static TEXT = TEXT;
  static CONTROLS = { z: 'z' };
  static ATTRS = ['z'];

  readAttrs() {
    return { z: attr.number('z', this.getAttribute('z'), { min: Z_MIN, max: Z_MAX, def: -6 }) };
  }

  build() {
    super.build();
    this.zs = slider({ name: 'z', min: Z_MIN, max: Z_MAX, step: STEP, text: this.T.z, fmt: (v) => fmt(v, 2) });
    this.zs.set(this.opts.z);
    this.zs.input.addEventListener('input', () => this.draw());
    this.$.controls.replaceChildren(this.zs.label);
  }

  start() { this.c = engine.outputLayerCurves({ zMin: Z_MIN, zMax: Z_MAX, points: POINTS, target: 1 }); }

  // Index of the grid point nearest to logit z.
  at(z) { return Math.max(0, Math.min(POINTS - 1, Math.round((z - Z_MIN) / STEP))); }

  render() {
    const T = this.T, c = this.c, th = this.theme;
    const mseC = this.paletteColor('class-0') || '#d9480f', bceC = this.paletteColor('class-1') || '#1c64c8';
    const i = this.at(Number(this.zs.input.value)), z = c.z[i];
    const series = (y, color) => ({ x: c.z, y, color, width: 2.25 });
    this.plot.render({ theme: th, x: { min: Z_MIN, max: Z_MAX, label: T.x }, panels: [
      // fixed y ranges with head room, so the panel names (top left) stay clear of the curves
      { label: T.loss, min: -0.5, max: 10.5, series: [series(c.mseLoss, mseC), series(c.bceLoss, bceC)],
        points: [{ x: z, y: c.mseLoss[i], color: mseC }, { x: z, y: c.bceLoss[i], color: bceC }] },
      { label: T.grad, min: -1.12, max: 0.3, series: [series(c.mseGrad, mseC), series(c.bceGrad, bceC)], hlines: [{ y: 0, color: th.axis }],
        points: [{ x: z, y: c.mseGrad[i], color: mseC }, { x: z, y: c.bceGrad[i], color: bceC }] },
    ] });
    this.keys([{ text: T.mse, color: mseC }, { text: T.bce, color: bceC }]);
    this.$.stat.replaceChildren(h('b', {}, T.at(fmt(z, 2), fmt(c.p[i]))), h('br'),
      T.pair(T.mse, fmt(c.mseLoss[i]), fmt(c.mseGrad[i])), h('br'), T.pair(T.bce, fmt(c.bceLoss[i]), fmt(c.bceGrad[i])));
    this.table(T.caption, T.th, TABLE_Z.map((v) => { const k = this.at(v); return [fmt(v, 2), fmt(c.p[k]), fmt(c.mseLoss[k]), fmt(c.mseGrad[k]), fmt(c.bceLoss[k]), fmt(c.bceGrad[k])]; }));
    this.results = { z, p: c.p[i], mseLoss: c.mseLoss[i], mseGrad: c.mseGrad[i], bceLoss: c.bceLoss[i], bceGrad: c.bceGrad[i] };
  }

  // The question's logit: which gradient is larger there, measured.
  outcome() {
    if (!this.c) return null;
    const k = this.at(QUESTION_Z), m = Math.abs(this.c.mseGrad[k]), b = Math.abs(this.c.bceGrad[k]);
    const correct = b > 2 * m ? 1 : m > 2 * b ? 0 : 2;
    return { correct, measured: `|∂L/∂z|: MSE ${fmt(m)}, BCE ${fmt(b)}`, mse: fmt(this.c.mseGrad[k]), bce: fmt(this.c.bceGrad[k]), ratio: fmt(b / m, 2) };
  }
}

define('output-layer', OutputLayer);
