// <activation-speed> — what each activation costs, measured live in this browser's WebAssembly:
// nanoseconds per element for f and f′ over random-sign inputs (engine.measureActivationSpeed, the
// C++ timer of cpp/speed.*), shown relative to ReLU, with a branch-free and an if/else ReLU side by
// side (with random signs the if/else version pays for mispredicted branches).
// The measurement runs in small slices (one short call per slice, a few per frame), several rounds;
// each bar is a trimmed mean over the rounds so far.
//
// Attributes (strict; invalid values show an inline message):
//   ids       activations (default all ten, in the post's order)
//   variants  ReLU variants to add: "branchless,branchy" (default), "" or "none" for none
//   n         elements per timed pass, the same for every row (same memory traffic): 16384–1048576,
//             default 131072 (two 1-MB arrays, cache-resident). A browser clock ticks in steps of up to
//             0.1 ms with random jitter, so a fast pass is timed coarsely: each bar is a trimmed mean over
//             rounds (the jittered rounding averages out), and one call stays around 2–20 ms.
//   reps      timed passes per call, 1–5 (default 1; each call also runs one untimed warm-up pass)
//   rounds    1–40 (default 16)     show  "f", "df" or "both" (default)     lang  ko|en
//   autoplay  "false": wait for the button instead of measuring when first on screen
// Sets `ready` once drawn, `done` after the last round; fires `measured` {detail: rows}.
import * as engine from '../engine.js';
import { h, AttrError, attr, lang, Visibility, FrameLoop, BASE_STYLE, showError, Widths } from '../ui/kit.js';
import { readTheme } from '../plot/theme.js';
import { csvButton } from '../plot/export.js';

const IDS = ['linear', 'sigmoid', 'tanh', 'relu', 'leaky_relu', 'rrelu', 'prelu', 'elu', 'selu', 'maxout'];
const FALLBACK = { linear: '#767676', sigmoid: '#ad811c', tanh: '#ff3f19', relu: '#0070af', leaky_relu: '#0e895c', rrelu: '#3d91c2', prelu: '#bf5f9b', elu: '#96923e', selu: '#555555', maxout: '#882255' };
const TEXT = {
  ko: {
    title: '활성화 함수 한 번 계산에 드는 시간 (이 브라우저의 WebAssembly에서 지금 측정)',
    again: '다시 측정', start: '측정 시작', measuring: (r, n) => `측정 중… ${r}/${n}회`, done: (n) => `${n}회 측정의 절사 평균`,
    waiting: '화면에 보이면 측정합니다', f: 'f(x)', df: 'f′(x)', unit: 'ns/원소', rel: 'ReLU 대비',
    branchless: 'ReLU (분기 없음)', branchy: 'ReLU (if/else 분기)',
    th: ['활성화 함수', 'f ns/원소', 'f′ ns/원소', 'f: ReLU 대비 배수'], table: '표로 보기',
    note: '입력의 부호는 무작위입니다. 브라우저의 시계는 0.1 ms 단위로 흔들리며 끊어 재므로, 짧은 측정을 여러 번 해서 평균합니다. 숫자는 기기와 브라우저마다 다르니 배수를 보세요.',
    summary: (b, s, e) => `if/else ReLU는 분기 없는 ReLU의 ${b}배, 시그모이드는 ReLU의 ${s}배, ELU는 ${e}배 걸렸습니다.`,
    engine: '계산 엔진을 불러오지 못했습니다: ',
  },
  en: {
    title: 'Time per activation value (measured now, in this browser\'s WebAssembly)',
    again: 'measure again', start: 'start measuring', measuring: (r, n) => `measuring… round ${r}/${n}`, done: (n) => `trimmed mean of ${n} rounds`,
    waiting: 'measures when on screen', f: 'f(x)', df: 'f′(x)', unit: 'ns/element', rel: 'vs ReLU',
    branchless: 'ReLU (branch-free)', branchy: 'ReLU (if/else branch)',
    th: ['activation', 'f ns/element', 'f′ ns/element', 'f: × ReLU'], table: 'show as a table',
    note: 'Inputs have random signs. A browser clock ticks in jittered 0.1 ms steps, so many short passes are averaged. Absolute numbers depend on the device and browser; compare the ratios.',
    summary: (b, s, e) => `The if/else ReLU took ${b}× the branch-free one; sigmoid ${s}× ReLU; ELU ${e}×.`,
    engine: 'could not load the activation engine: ',
  },
};

const STYLE = `${BASE_STYLE}
:host { --plot-bg: var(--w-bg); --plot-fg: var(--w-fg); --plot-muted: var(--w-muted); --plot-grid: var(--w-grid); }
.title { font-weight: 600; margin: 0 0 6px; }
.bar { display: flex; flex-wrap: wrap; gap: 6px 12px; align-items: center; margin: 6px 0; }
.status { color: var(--w-muted); font-variant-numeric: tabular-nums; }
.summary, .note { color: var(--w-muted); font-size: 13px; margin: 4px 0; }
.summary { color: var(--w-fg); }
details { margin-top: 4px; font-size: 13px; }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; margin-top: 4px; }
th, td { padding: 2px 8px; text-align: right; border-bottom: 1px solid var(--w-grid); }
th[scope=row], thead th:first-child { text-align: left; }
`;

// Mean of the middle 60 % (drops a slow moment of a busy machine and the extremes of clock rounding).
const trimmedMean = (a) => {
  const s = [...a].sort((x, y) => x - y), cut = Math.floor(s.length * 0.2), mid = s.slice(cut, s.length - cut);
  return mid.reduce((t, v) => t + v, 0) / mid.length;
};
const fmt = (v) => (v >= 10 ? v.toFixed(1) : v >= 1 ? v.toFixed(2) : v.toFixed(3));

class ActivationSpeed extends HTMLElement {
  static get observedAttributes() { return ['ids', 'variants', 'n', 'reps', 'rounds', 'show', 'autoplay', 'lang']; }

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    this.$ = {
      title: h('p', { class: 'title' }), button: h('button', { type: 'button', name: 'measure' }), status: h('span', { class: 'status', 'aria-live': 'polite' }),
      canvas: h('canvas', { role: 'img' }), summary: h('p', { class: 'summary' }), note: h('p', { class: 'note' }),
      tableText: h('summary'), table: h('table'), error: h('div', { class: 'error', role: 'alert', hidden: '' }),
    };
    const $ = this.$;
    $.main = h('div', {}, $.title, $.canvas, h('div', { class: 'bar' }, $.button, csvButton(this, () => $.table, () => 'activation-speed'), $.status), $.summary, $.note, h('details', {}, $.tableText, $.table));
    root.append(h('style', {}, STYLE), $.error, $.main);
    $.button.addEventListener('click', () => this.restart());
    this.loop = new FrameLoop({ step: () => this.measureOne(), draw: () => this.draw(), budgetMs: 6 });
    this.vis = new Visibility(this, (v) => {
      if (v && this.opts && (this.queue?.length || (this.opts.autoplay && !this.started))) this.resume();
      else if (!v) this.loop.stop();
    });
    this.widths = new Widths(() => { if (this.rows) this.draw(); });
  }

  connectedCallback() {
    this.vis.start();
    this.widths.observe(this.$.main);
    engine.ready().then(() => { this.engineReady = true; this.configure(); },
      (e) => showError(this, this.$.error, this.$.main, TEXT[lang(this)].engine + e.message));
  }
  disconnectedCallback() { this.vis.stop(); this.widths.disconnect(); this.loop.stop(); }
  attributeChangedCallback() { if (this.engineReady) this.configure(); }

  readAttrs() {
    const g = (n) => this.getAttribute(n);
    const v = g('variants');
    return {
      ids: attr.list('ids', g('ids'), IDS, IDS),
      variants: v != null && (v.trim() === '' || v.trim() === 'none') ? [] : attr.list('variants', v, ['branchless', 'branchy'], ['branchless', 'branchy']),
      n: attr.int('n', g('n'), { min: 16384, max: 1048576, def: 131072 }),
      reps: attr.int('reps', g('reps'), { min: 1, max: 5, def: 1 }),
      rounds: attr.int('rounds', g('rounds'), { min: 1, max: 40, def: 16 }),
      show: attr.choice('show', g('show'), ['f', 'df', 'both'], 'both'),
      autoplay: g('autoplay') !== 'false',
    };
  }

  configure() {
    const T = TEXT[lang(this)], $ = this.$;
    try { this.opts = this.readAttrs(); } catch (e) {
      if (!(e instanceof AttrError)) throw e;
      this.loop.stop();
      showError(this, $.error, $.main, e.message);
      return;
    }
    showError(this, $.error, $.main, null);
    $.title.textContent = T.title;
    $.note.textContent = T.note;
    $.tableText.textContent = T.table;
    $.canvas.setAttribute('aria-label', T.title);
    const o = this.opts;
    this.rows = [];
    for (const id of o.ids) {
      this.rows.push({ id, variant: 'default', label: engine.activationInfo(id).title });
      if (id === 'relu') for (const variant of o.variants) this.rows.push({ id, variant, label: T[variant] });
    }
    for (const r of this.rows) { r.f = []; r.df = []; r.color = getComputedStyle(this).getPropertyValue(`--c-${r.id}`).trim() || FALLBACK[r.id]; }
    this.started = false;
    this.queue = [];
    this.round = 0;
    this.removeAttribute('done');
    this.update();
    if (o.autoplay && this.vis.visible) this.restart();
  }

  restart() {
    for (const r of this.rows) { r.f = []; r.df = []; }
    this.started = true;
    this.round = 0;
    this.removeAttribute('done');
    // interleave the rows round by round, so a slow moment of the machine hits every row alike
    this.queue = [];
    for (let k = 0; k < this.opts.rounds; k++) for (let i = 0; i < this.rows.length; i++) this.queue.push([k, i]);
    this.resume();
  }

  resume() {
    if (!this.started) { this.restart(); return; }
    if (this.vis.visible) this.loop.start();
  }

  // One short wasm call (n elements x (reps + 1 warm-up) for f and f′).
  measureOne() {
    if (!this.queue.length) return false;
    const [k, i] = this.queue.shift();
    const row = this.rows[i];
    try {
      const r = engine.measureActivationSpeed(row.id, { n: this.opts.n, reps: this.opts.reps, variant: row.variant, seed: 1 + k });
      row.f.push(r.nsPerElementF);
      row.df.push(r.nsPerElementDf);
    } catch (e) {
      this.queue = [];
      showError(this, this.$.error, this.$.main, e.message);
      return false;
    }
    this.round = k + 1;
    if (!this.queue.length) {
      this.setAttribute('done', '');
      this.update();
      this.dispatchEvent(new CustomEvent('measured', { bubbles: true, composed: true, detail: this.results() }));
      return false;
    }
    return true;
  }

  results() {
    return this.rows.map((r) => ({ id: r.id, variant: r.variant, label: r.label, color: r.color, f: r.f.length ? trimmedMean(r.f) : NaN, df: r.df.length ? trimmedMean(r.df) : NaN }));
  }

  draw() { this.maxFrameWorkMs = Math.max(this.maxFrameWorkMs || 0, this.loop.lastFrameWorkMs || 0); this.update(); }

  update() {
    const T = TEXT[lang(this)], $ = this.$, o = this.opts;
    const res = this.results();
    const ref = res.find((r) => r.id === 'relu' && r.variant === 'default') || res.find((r) => r.id === 'relu') || res[0];
    const done = this.hasAttribute('done');
    $.button.textContent = this.started ? `↻ ${T.again}` : `▶ ${T.start}`;
    $.status.textContent = done ? T.done(o.rounds) : this.started ? T.measuring(Math.max(1, this.round), o.rounds) : (o.autoplay ? T.waiting : '');
    // table
    $.table.replaceChildren(h('thead', {}, h('tr', {}, ...T.th.map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, ...res.map((r) => h('tr', {}, h('th', { scope: 'row' }, r.label), h('td', {}, Number.isFinite(r.f) ? fmt(r.f) : '…'),
        h('td', {}, Number.isFinite(r.df) ? fmt(r.df) : '…'), h('td', {}, Number.isFinite(r.f) && ref.f > 0 ? `${(r.f / ref.f).toFixed(2)}×` : '…')))));
    const get = (id, v = 'default') => res.find((r) => r.id === id && r.variant === v);
    const by = get('relu', 'branchy'), bl = get('relu', 'branchless'), sg = get('sigmoid'), el = get('elu');
    $.summary.textContent = done && by && bl && sg && el && ref.f > 0
      ? T.summary((by.f / bl.f).toFixed(1), (sg.f / ref.f).toFixed(1), (el.f / ref.f).toFixed(1)) : '';
    this.paint(res, ref, T);
  }

  paint(res, ref, T) {
    const canvas = this.$.canvas, th = readTheme(this), fs = th.fontSize;
    const both = this.opts.show === 'both', keys = both ? ['f', 'df'] : [this.opts.show];
    const mainWidth = this.widths.get(this.$.main);
    if (mainWidth === undefined) return; // drawn once the browser has laid the widget out (Widths)
    const w = Math.max(200, mainWidth || 320);
    if (!this.hasAttribute('ready')) this.setAttribute('ready', ''); // (set here, where the picture is drawn)
    const rowH = both ? 26 : 18, top = fs + 10, height = top + res.length * rowH + 6;
    const dpr = Math.max(1, Math.min(3, devicePixelRatio || 1));
    if (canvas.width !== Math.round(w * dpr) || canvas.height !== Math.round(height * dpr)) { canvas.width = Math.round(w * dpr); canvas.height = Math.round(height * dpr); }
    canvas.style.height = `${height}px`;
    const ctx = canvas.getContext('2d');
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.fillStyle = th.bg;
    ctx.fillRect(0, 0, w, height);
    ctx.font = `${fs}px ${th.fontFamily}`;
    let labelW = 0;
    for (const r of res) labelW = Math.max(labelW, ctx.measureText(r.label).width);
    const L = Math.min(labelW + 8, w * 0.42), R = w - 52;
    let max = 0;
    for (const r of res) for (const k of keys) if (Number.isFinite(r[k])) max = Math.max(max, r[k]);
    max = max > 0 ? max * 1.05 : 1;
    const sx = (v) => L + (v / max) * (R - L);
    // header: legend
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'left';
    ctx.fillStyle = th.muted;
    const names = both ? `▮ ${T.f}   ▯ ${T.df}` : (keys[0] === 'f' ? T.f : T.df);
    const long = `${names}   (${T.unit}; × = ${T.rel})`;
    const legend = ctx.measureText(long).width < w - L - 4 ? long : `${names}   (× ${T.rel})`;
    ctx.fillText(legend, Math.max(0, Math.min(L, w - 4 - ctx.measureText(legend).width)), fs / 2 + 3);
    // ReLU reference line
    if (Number.isFinite(ref.f) && ref.f > 0) {
      ctx.strokeStyle = th.axis;
      ctx.setLineDash([3, 3]);
      ctx.beginPath();
      ctx.moveTo(Math.round(sx(ref.f)) + 0.5, top - 2);
      ctx.lineTo(Math.round(sx(ref.f)) + 0.5, height - 2);
      ctx.stroke();
      ctx.setLineDash([]);
    }
    res.forEach((r, i) => {
      const y = top + i * rowH;
      ctx.fillStyle = th.fg;
      ctx.textAlign = 'right';
      let label = r.label;
      while (ctx.measureText(label).width > L - 6 && label.length > 4) label = `${label.slice(0, -2)}…`;
      ctx.fillText(label, L - 6, y + rowH / 2 - 1);
      keys.forEach((k, j) => {
        const v = r[k], bh = both ? 10 : 12, by = y + 2 + j * (bh + 1);
        if (!Number.isFinite(v)) return;
        ctx.fillStyle = r.color;
        ctx.globalAlpha = k === 'f' ? 1 : 0.45;
        ctx.fillRect(L, by, Math.max(1, sx(v) - L), bh);
        ctx.globalAlpha = 1;
        if (k === 'df') { ctx.strokeStyle = r.color; ctx.strokeRect(L + 0.5, by + 0.5, Math.max(1, sx(v) - L) - 1, bh - 1); }
        if (ref[k] > 0) {
          ctx.fillStyle = th.muted;
          ctx.textAlign = 'left';
          ctx.fillText(`${(v / ref[k]).toFixed(1)}×`, Math.min(sx(v) + 4, R + 4), by + bh / 2);
        }
      });
    });
  }
}

if (!customElements.get('activation-speed')) customElements.define('activation-speed', ActivationSpeed);
