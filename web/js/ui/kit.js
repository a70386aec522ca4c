// kit.js — small pieces the widget base (widget.js) and the widgets use: DOM building without
// innerHTML, strict attribute parsing with reader-facing errors in both languages, an on/off-screen
// signal, layout widths that never force a layout, and a frame-budgeted loop that keeps every
// main-thread task short.
//
//   import { h, AttrError, attr, Visibility, Widths, FrameLoop } from '../ui/kit.js';
import COMMON from '../text/common.js';

// Builds an element; children are nodes or strings (always text, never parsed as HTML).
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === false || v == null) continue;
    el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) if (c != null && c !== false) el.append(c);
  return el;
}

// An attribute or URL value the reader must fix; the widget shows it inside itself, in its own
// language. `say(C, lang)` returns the text from the common table C (text/common.js) of that
// language; a plain string is shown as it is. `message` is the English text.
export class AttrError extends Error {
  constructor(say) {
    super(typeof say === 'function' ? say(COMMON.en, 'en') : String(say));
    this.say = say;
  }
  text(lang) { return typeof this.say === 'function' ? this.say(COMMON[lang], lang) : this.message; }
}
const fail = (key, ...args) => new AttrError((C) => C.attr[key](...args));

// A value quoted and shortened for a message (text only).
export const shown = (v) => JSON.stringify(String(v).length > 60 ? `${String(v).slice(0, 57)}…` : String(v));

const NUMBER_RE = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?\s*$/i;
const INT_RE = /^\s*[+-]?\d+\s*$/;

// Strict parsers. Each takes the raw string (null when the attribute is absent) and returns the
// value or the default; anything malformed or out of range throws AttrError naming the attribute
// and what is allowed.
export const attr = {
  number(name, raw, { min = -Infinity, max = Infinity, def } = {}) {
    if (raw == null || raw === '') return def;
    if (!NUMBER_RE.test(raw)) throw fail('notNumber', name, shown(raw));
    const v = Number(raw);
    if (!(v >= min && v <= max)) throw fail('range', name, shown(raw), min, max);
    return v;
  },
  int(name, raw, { min = -Infinity, max = Infinity, def } = {}) {
    if (raw == null || raw === '') return def;
    if (!INT_RE.test(raw)) throw fail('notInteger', name, shown(raw));
    return attr.number(name, raw, { min, max, def });
  },
  choice(name, raw, allowed, def) {
    if (raw == null || raw === '') return def;
    const v = raw.trim();
    if (!allowed.includes(v)) throw fail('choice', name, shown(raw), allowed);
    return v;
  },
  // Comma-separated list of allowed words, no duplicates, at least `minCount`.
  list(name, raw, allowed, def, { minCount = 1 } = {}) {
    if (raw == null || raw.trim() === '') return def;
    const items = raw.split(',').map((s) => s.trim()).filter(Boolean);
    for (const it of items) if (!allowed.includes(it)) throw fail('listItem', name, shown(it), allowed);
    if (new Set(items).size !== items.length) throw fail('duplicate', name, shown(raw));
    if (items.length < minCount) throw fail('minCount', name, minCount);
    return items;
  },
  // "a,b": two numbers, each in [min, max].
  pair(name, raw, def, { min = -Infinity, max = Infinity } = {}) {
    if (raw == null || raw.trim() === '') return def;
    const parts = raw.split(',');
    if (parts.length !== 2) throw fail('pair', name, shown(raw));
    return parts.map((p, i) => attr.number(`${name}[${i}]`, p, { min, max }));
  },
  // Boolean attribute: present (any value but "false") = true.
  flag(el, name) { const v = el.getAttribute(name); return v != null && v !== 'false'; },
};

// Calls onChange(visible) when the element scrolls on or off screen (and when the tab hides).
export class Visibility {
  constructor(el, onChange) {
    this.visible = false;
    this.el = el;
    this.onChange = onChange;
    this.io = new IntersectionObserver((entries) => {
      this.onScreen = entries[entries.length - 1].isIntersecting;
      this.update();
    });
    this.onDoc = () => this.update();
  }
  start() {
    this.io.observe(this.el);
    document.addEventListener('visibilitychange', this.onDoc);
  }
  stop() {
    this.io.disconnect();
    document.removeEventListener('visibilitychange', this.onDoc);
  }
  update() {
    const v = !!this.onScreen && document.visibilityState !== 'hidden';
    if (v !== this.visible) { this.visible = v; this.onChange(v); }
  }
}

// Widths from the browser's own layout, never forcing one. A drawing that reads clientWidth right
// after another widget changed the page lays the page out again (~1-13 ms each, ~70-90 ms over
// the ~20 widgets of the teaching page at load). A ResizeObserver hears every observed element's
// content-box width after each layout, and get() returns the last one heard. For an element not
// heard yet (just created, or not observed before) get() returns undefined and observes it: the
// caller draws when onChange() comes, after the next layout, where every widget hears its width
// in one batch. An element still not heard two frames later (not rendered, e.g. in a closed
// <details>) is measured then. onChange() runs in the frame after a batch in which a connected
// element's width (whole px) is new or changed. Heights are ignored: a widget's drawing changes its own
// height, and redrawing on that is work thrown away.
export class Widths {
  constructor(onChange = () => {}) {
    this.onChange = onChange;
    this.known = new WeakMap();
    this.waiting = new Set();
    this.ro = new ResizeObserver((entries) => {
      let changed = false;
      for (const e of entries) {
        if (!e.target.isConnected) { this.ro.unobserve(e.target); continue; } // removed: let it go
        const w = Math.round(e.contentRect.width);
        if (this.known.get(e.target) === w) continue;
        this.known.set(e.target, w);
        changed = true;
      }
      // Drawn in the next frame, not here: a drawing can change the layout (a taller page gains a
      // scrollbar, narrowing every widget), and a size change inside this callback is an RO loop.
      if (changed && !this.pending) {
        this.pending = true;
        requestAnimationFrame(() => { this.pending = false; this.onChange(); });
      }
    });
  }
  observe(...els) { for (const el of els) this.ro.observe(el); }
  disconnect() { this.ro.disconnect(); this.known = new WeakMap(); this.waiting.clear(); }
  // Content-box width of el in whole CSS px (0 while it is not rendered or not in the document),
  // or undefined until the browser has laid it out.
  get(el) {
    const w = this.known.get(el);
    if (w !== undefined) return w;
    if (!el.isConnected) return 0;
    if (!this.waiting.has(el)) {
      this.waiting.add(el);
      this.ro.observe(el);
      requestAnimationFrame(() => requestAnimationFrame(() => {
        if (!this.waiting.delete(el) || this.known.has(el) || !el.isConnected) return;
        const cs = getComputedStyle(el);
        this.known.set(el, Math.max(0, Math.round(el.clientWidth - (parseFloat(cs.paddingLeft) || 0) - (parseFloat(cs.paddingRight) || 0))));
        this.onChange();
      }));
    }
    return undefined;
  }
}

// Runs work in slices inside requestAnimationFrame, at most `budgetMs` of work per frame (the
// slices AND the drawing), so the page stays responsive (no long tasks) on any CPU. step() does one
// small unit of work and returns false when there is nothing more to do; draw() runs once per frame
// after the slices. `paced` (settable later too): step() runs once per frame, for work paced by the
// clock (an animation), not by CPU. `budgetMs` may be changed between frames.
//
// The loop measures itself. `stepMs`, its prediction of the next step, is the median of the last
// 15 steps, or the shorter of the last two when both were longer: one step held up by the system
// (another process, a GC) is not believed, a CPU that became slower is believed after two steps.
// `drawMs` is the median cost of the last 15 draw() calls (a widget that draws on some frames
// only is charged its usual frame). A frame runs the first step, then another only while the time
// spent plus the predicted step stays within budgetMs − drawMs. A CPU four times slower thus runs
// a quarter of the steps in a frame of the same length, where a plain "while elapsed < budget"
// loop also overran by up to one (now four times longer) step. One step always runs, so work with
// a single step longer than the budget still moves on. `clock` and `frames` are for tests.
//
// A drawing also costs the browser's rendering after the frame (style, layout, and the commit that
// copies every changed canvas to the compositor: 40-80 ms per frame for two phone-sized canvases at
// 4× CPU slowdown, more than the drawing itself). The loop measures it (`renderMs`: the median time
// from the end of a frame that drew to a message posted then, which runs once the browser has
// rendered). While a drawing with its rendering (`drawCostMs`) fits in half the budget, every frame
// draws. Above that, drawings are spaced DRAW_SPACING × drawCostMs apart (drawing takes at most a
// third of the time), the frames between run steps only, with nothing to render, and a frame that
// draws runs the steps that fit beside the drawing in the budget, or else one step if the step and
// the drawing stay under DRAWING_FRAME_MS (no step at all where they would make a long task: at 4×
// a step of 20 ms beside a drawing of 30; at 1×, a 5 ms step beside a 6 ms drawing still runs).
// The work's end is always drawn, in a frame of its own. A drawing made outside the loop (a
// widget's first picture, a redraw on resize) is reported by drew(ms): the loop counts its cost and
// the rendering of the frame after it, and draws again only when its turn comes (the frames just
// after a widget's first picture ran a step and a drawing of unknown cost beside that picture's
// rendering: 45-80 ms at 4×); drawSoon() lifts that wait where the picture is already out of date.
// A widget that spaces its own visual jobs
// sets `spaceDrawings` false. `workFrames` and `maxFrameWorkMs` count the frames that ran steps and
// the longest of their step time.
export const DRAW_SPACING = 3;
export const DRAWING_FRAME_MS = 40;
class Recent {
  constructor(n = 15) { this.n = n; this.xs = []; this.i = 0; }
  push(x) { if (this.xs.length < this.n) this.xs.push(x); else this.xs[this.i] = x; this.i = (this.i + 1) % this.n; this.last2 = [x, this.last2?.[0]]; }
  median() {
    if (!this.xs.length) return undefined;
    const s = this.xs.slice().sort((a, b) => a - b), k = s.length >> 1;
    return s.length % 2 ? s[k] : (s[k - 1] + s[k]) / 2;
  }
}

// Every FrameLoop of the page shares one frame: the animation-frame callbacks of all loops run in
// one task, so two dozen widgets each within their own budget made one task of their sum (0.96 s
// on a phone-class CPU at page load). A loop whose frame (same rAF timestamp) has already had
// SHARED_FRAME_MS of work from other loops waits; each frame the loop that has waited longest
// runs whatever the others used, so every loop moves on.
// (`shared`: the frame state the loops share; the page's by default, a fresh one in tests.)
export const SHARED_FRAME_MS = 16;
export const sharedFrame = () => ({ ts: NaN, used: 0, waiting: [], turn: null });
const pageFrame = sharedFrame();

export class FrameLoop {
  constructor({ step, draw = () => {}, budgetMs = 12, paced = false, clock, frames, shared = pageFrame } = {}) {
    Object.assign(this, { step, draw, budgetMs, paced, running: false, raf: 0, shared, spaceDrawings: true });
    this.clock = clock || (() => performance.now());
    this.frames = frames || { request: (f) => requestAnimationFrame(f), cancel: (id) => cancelAnimationFrame(id), after: afterRendering };
    this.lastFrameWorkMs = 0; // the steps of the last frame (ms), without its drawing
    this.lastFrameSteps = 0;
    this.lastDrawMs = 0;
    this.lastDrawAt = -Infinity;
    this.lastDrawing = false; // the work is done; the next frame only draws
    this.resting = false; // rest(): the next frame runs nothing
    this.stepsSinceDraw = 0;
    this.workFrames = 0;
    this.maxFrameWorkMs = 0;
    this.steps = new Recent();
    this.draws = new Recent();
    this.renders = new Recent();
    this.inDraw = false;
    this.renderToMeasure = false; // drew(): the next frame's rendering is that drawing's
    this.tick = this.tick.bind(this);
  }
  start() { if (!this.running) { this.running = true; this.stepsSinceDraw = 0; this.raf = this.frames.request(this.tick); } }
  // The next frame runs nothing (the browser's first layout and commit of a new picture get a frame
  // without our work).
  rest() { this.resting = true; }
  // (a last drawing still to come is drawn now: the end of the work is never left undrawn)
  stop() {
    this.running = false;
    this.frames.cancel(this.raf);
    if (this.lastDrawing) { this.lastDrawing = false; this.drawOwn(); }
  }
  // The loop's own drawing (a drew() report from inside it is not counted twice).
  drawOwn() {
    this.inDraw = true;
    try { this.draw(); } finally { this.inDraw = false; }
  }
  // A drawing of `ms` made outside the loop just now (ignored from the loop's own draw()).
  drew(ms) {
    if (this.inDraw || !(ms >= 0)) return;
    this.lastDrawAt = this.clock();
    this.stepsSinceDraw = 0;
    this.draws.push(ms);
    this.renderToMeasure = true; // its rendering comes with the next frame: measured from this loop's tick then
  }
  // The picture is out of date (new work has started): the loop's next frame may draw, whatever
  // drew() said (a reader's control moved: its result is drawn as soon as it comes, not a
  // spacing later).
  drawSoon() { this.lastDrawAt = -Infinity; }
  // Measures the browser's rendering after this frame, from `from` (ms) on.
  measureRendering(from) {
    this.renderToMeasure = false;
    this.frames.after?.(() => this.renders.push(Math.max(0, this.clock() - from)));
  }
  // Predicted cost of the next step (ms; undefined before the first).
  get stepMs() {
    const m = this.steps.median(), [a, b] = this.steps.last2 || [];
    return b !== undefined && Math.min(a, b) > m ? Math.min(a, b) : m;
  }
  // Usual cost of draw() (ms; 0 before the first).
  get drawMs() { return this.draws.median() ?? 0; }
  // Usual cost of the browser's rendering after a frame that drew (ms; 0 until measured).
  get renderMs() { return this.renders.median() ?? 0; }
  get drawCostMs() { return this.drawMs + this.renderMs; }
  // Time between two drawings: none while a drawing fits in half the budget.
  get drawEveryMs() { const c = this.drawCostMs; return this.spaceDrawings && c > this.budgetMs / 2 ? DRAW_SPACING * c : 0; }
  // The work budget left for steps in a frame that draws: budgetMs less the drawing's usual cost
  // (with its rendering once drawings are spaced; a loop that draws every frame as before).
  get stepBudgetMs() { return this.budgetMs - (this.drawEveryMs > 0 ? this.drawCostMs : this.drawMs); }
  tick(ts) {
    if (!this.running) return;
    const now = this.clock;
    const shared = this.shared;
    if (ts !== undefined) { // a frame with its timestamp: shared with the other loops
      if (ts !== shared.ts) { // a new frame: the loop that has waited longest may run whatever the others used
        shared.waiting = shared.waiting.filter((l) => l.running);
        Object.assign(shared, { ts, used: 0, turn: shared.waiting.shift() });
      }
      if (shared.used >= SHARED_FRAME_MS && shared.turn !== this) {
        if (!shared.waiting.includes(this)) shared.waiting.push(this);
        this.raf = this.frames.request(this.tick);
        return;
      }
    }
    if (this.resting) {
      this.resting = false;
      if (this.renderToMeasure) this.measureRendering(now());
      this.raf = this.frames.request(this.tick);
      return;
    }
    const t0 = now(), spaced = this.drawEveryMs > 0, last = this.lastDrawing;
    const drawing = last || t0 - this.lastDrawAt >= this.drawEveryMs;
    const limit = drawing ? this.stepBudgetMs : this.budgetMs;
    let more = !last, n = 0, t = t0;
    this.lastDrawing = false;
    // a frame that draws a dear drawing runs no step when a step would not fit beside it (and steps
    // ran since the last drawing: the first frame after start() steps before it draws)
    const noStep = drawing && spaced && limit < (this.stepMs ?? 0) && (this.stepMs ?? 0) + this.drawCostMs > DRAWING_FRAME_MS;
    if (!last && !(noStep && this.stepsSinceDraw > 0)) {
      for (;;) {
        more = this.step() !== false;
        n++;
        const t1 = now();
        this.steps.push(t1 - t);
        t = t1;
        if (!more || this.paced || !this.running || t - t0 + this.stepMs > limit) break;
      }
    }
    this.lastFrameWorkMs = t - t0;
    this.lastFrameSteps = n;
    if (n) { this.workFrames++; this.maxFrameWorkMs = Math.max(this.maxFrameWorkMs, t - t0); this.stepsSinceDraw += n; }
    // the work is done in a frame between two spaced drawings: the last drawing gets a frame of its own
    if (!more && !drawing && spaced && this.running) {
      this.lastDrawing = true;
      if (ts !== undefined && ts === shared.ts) shared.used += now() - t0;
      this.raf = this.frames.request(this.tick);
      return;
    }
    if (drawing || !more) {
      this.lastDrawAt = t;
      this.stepsSinceDraw = 0;
      this.drawOwn();
      const end = now();
      this.lastDrawMs = end - t;
      this.draws.push(this.lastDrawMs);
      this.measureRendering(end);
    } else if (this.renderToMeasure) this.measureRendering(now());
    if (ts !== undefined && ts === shared.ts) shared.used += now() - t0;
    if (more && this.running) this.raf = this.frames.request(this.tick);
    else this.running = false;
  }
}

// Runs fn once the browser has rendered the current frame: a message posted from a frame callback
// is delivered after the frame's style, layout, paint and commit.
let channel = null;
const afterQueue = [];
function afterRendering(fn) {
  if (typeof MessageChannel !== 'function') return;
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => { for (const f of afterQueue.splice(0)) f(); };
  }
  if (afterQueue.push(fn) === 1) channel.port2.postMessage(0);
}
