// widget.js — the one base every custom element of this module extends. It owns the element's
// plumbing so that a widget file keeps only what is its own:
//
//   shadow root + shared style + palette   this.root, this.$.main (the widget's content), this.$.error
//   language                               this.language ('ko' | 'en': own lang, else <html lang>),
//                                          this.T (the widget's text table), this.C (common text);
//                                          a change of either lang re-renders all of the text
//   attributes                             static ATTRS (observed, besides lang); readAttrs() parses
//                                          them strictly (kit.js attr) into this.opts; reflect()
//                                          and static CONTROLS write a control's value back without
//                                          a rebuild, so share links keep working
//   lifecycle                              near the screen (ui/page-wide.js; `loading="eager"`:
//                                          at once) and engine ready -> readAttrs -> build (DOM) ->
//                                          start (the computation, a task later) -> render (drawing,
//                                          a task later) -> `ready`; a bad attribute or an engine
//                                          error -> inline message, `error`
//   work                                   step() in frame-budgeted slices (kit FrameLoop), paused
//                                          off screen once the first picture is drawn; start()
//                                          returning false, or no step(): no work this time (done at once)
//   widths, colour scheme                  draw() when the laid-out width or the scheme changes
//   exports                                exportButtons(): PNG / SVG of a Plot, CSV of a table, and
//                                          the same numbers as a table on the page ("show as table";
//                                          ui/export-buttons.js)
//   text alternatives                      summary() -> one sentence on what the drawing shows now:
//                                          kept (throttled) in a visually hidden paragraph that
//                                          describes every canvas[role=img]; announced once in a
//                                          polite live region when the work finishes, not per frame
//   reduced motion                         with prefers-reduced-motion: reduce, work that would
//                                          animate on its own stops at the first complete picture
//                                          and waits for a play button (a reader's change runs it)
//   events                                 emit(type, detail): every event bubbles and is composed;
//                                          `ready`, `change` (the reader changed a setting),
//                                          `progress` (while computing), `done` (results complete)
//
// Hooks a widget defines (all optional but readAttrs/render):
//   skeleton()    makes the widget's lasting parts (this.$ entries, Plots, listeners) once, at its
//                 first build rather than in the constructor (a widget far below the screen has
//                 none until the reader comes near); state the public API reads belongs in the
//                 constructor
//   readAttrs()   -> opts; throws AttrError for a bad value
//   build()       creates the controls and any text-bearing DOM for this.opts and this.T; runs on
//                 every (re)configuration and on every language change (no computation here)
//   start()       (re)creates the computation for this.opts and the controls; throws -> message
//   step()        one small unit of work; returns true while more remains
//   resize(width) sizes the canvases for the laid-out content width (CSS px), before render()
//   render()      draws the current state (called from draw(), with this.theme read)
//   dispose()     frees what start() made (engine objects)
//   readyToShow() true once the first picture is complete (default: after the first render)
//   summary()     one sentence in this.language on what the drawing shows now (the text table's
//                 words), or '' / null when there is nothing to say yet
//   outcome()     with a `predict` entry in the text table (ui/predict.js): null while running,
//                 else { correct: index of the right choice, measured: text } from the live results
import * as engine from '../engine.js';
import { h, AttrError, Visibility, Widths, FrameLoop } from './kit.js';
import { activationColor } from './palette.js';
import { adoptStyle } from './widget-style.js';
import { readTheme } from '../plot/theme.js';
import { Prediction } from './predict.js';
import { makeExportButtons, labelExportButtons } from './export-buttons.js';
import { summarize, reducedMotion } from './access.js';
import COMMON from '../text/common.js';
import { watchPageLanguage, unwatchPageLanguage, queueBuild, unqueueBuild, queueTask } from './page-wide.js';

export { engine, h };

const LANG_RE = /^(ko|en)(-[a-z0-9-]+)?$/i;

export class Widget extends HTMLElement {
  static TEXT = { ko: {}, en: {} };
  static ATTRS = [];
  static CONTROLS = {};
  static STYLE = '';
  // Work per frame (ms) before the first complete drawing, and after it.
  static FIRST_BUDGET_MS = 20;
  // false: the widget spaces its own drawings (kit FrameLoop's spaceDrawings, after the first picture)
  static SPACE_DRAWINGS = true;
  static BUDGET_MS = 6;
  // `predict` exists on widgets whose text asks a prediction first (ui/predict.js).
  static get observedAttributes() { return [...this.ATTRS, 'lang', ...(this.TEXT.ko.predict ? ['predict'] : [])]; }

  constructor() {
    super();
    this.root = this.attachShadow({ mode: 'open' });
    this.$ = { error: h('div', { class: 'error', role: 'alert', hidden: '' }), main: h('div', { class: 'main unbuilt' }) };
    // text alternative of the drawing (describes every canvas[role=img]) and the one-time announcement
    this.$.desc = h('p', { class: 'sr-only', id: 'a11y-desc' });
    this.$.live = h('p', { class: 'sr-only', 'aria-live': 'polite' });
    this.$.motionPlay = h('button', { type: 'button', name: 'motion-play' });
    this.$.motion = h('div', { class: 'motion', hidden: '' }, this.$.motionPlay);
    this.$.motionPlay.addEventListener('click', () => this.release());
    adoptStyle(this.root, this.constructor);
    this.root.append(this.$.error, this.$.motion, this.$.main, this.$.desc, this.$.live);
    this.opts = null;
    this.exports = [];
    this.loop = new FrameLoop({
      step: () => {
        const more = this.safe(() => this.step()) === true;
        if (!more && this.pending) { this.pending = false; this.finished = true; }
        return more;
      },
      draw: () => this.frame(),
      budgetMs: this.constructor.FIRST_BUDGET_MS,
    });
    this.loop.spaceDrawings = false; // until the first picture (markReady): it comes as soon as it can
    this.vis = new Visibility(this, (v) => { if (this.skeletonMade) this.onVisibility(v); });
    this.widths = new Widths(() => { if (this.opts) this.draw(); });
    this.scheme = matchMedia('(prefers-color-scheme: dark)');
    this.print = matchMedia('print'); // printing takes the light palette: charts are redrawn in it
    this.onScheme = () => { this.colors = null; if (this.opts) this.draw(); };
    // Controls reflect their value to the matching attribute (static CONTROLS) for share links.
    for (const type of ['input', 'change']) this.root.addEventListener(type, (e) => this.reflectControl(e.target));
    // a reader's own change runs the work even when motion is reduced (motion they asked for)
    this.root.addEventListener('change', (e) => { if (e.target?.name !== 'prediction') this.release(); });
  }

  // ---------------------------------------------------------------- language
  // 'ko' or 'en': the element's own lang (when valid), else the page's (<html lang>); Korean by default.
  get language() {
    const own = this.getAttribute('lang');
    if (own !== null && LANG_RE.test(own)) return own.slice(0, 2).toLowerCase();
    return (document.documentElement.lang || 'ko').slice(0, 2).toLowerCase() === 'en' ? 'en' : 'ko';
  }
  get T() { return this.constructor.TEXT[this.language]; }
  get C() { return COMMON[this.language]; }
  onPageLanguage() { if (this.getAttribute('lang') === null) this.relabel(); }

  // All of the text again in the current language (the computation goes on).
  relabel() {
    if (!this.engineReady) return;
    if (!this.opts) { this.configure(); return; } // an error message: say it again in this language
    this.build();
    this.prediction?.build();
    this.labelExports();
    this.syncMotion();
    this.draw();
    this.refreshSummary(true);
  }

  // ---------------------------------------------------------------- lifecycle
  connectedCallback() {
    this.vis.start();
    this.widths.observe(this.$.main);
    this.scheme.addEventListener('change', this.onScheme);
    this.print.addEventListener('change', this.onScheme);
    watchPageLanguage(this);
    engine.ready().then(() => queueBuild(this), (e) => this.fail(`${this.C.engine}${e.message}`));
  }
  disconnectedCallback() {
    this.vis.stop();
    this.widths.disconnect();
    this.scheme.removeEventListener('change', this.onScheme);
    this.print.removeEventListener('change', this.onScheme);
    unwatchPageLanguage(this);
    unqueueBuild(this);
    this.loop.stop();
    clearTimeout(this.describeTimer);
    this.engineReady = false;
    this.dispose();
  }
  attributeChangedCallback(name, old, value) {
    if (old === value || !this.engineReady) return;
    if (name === 'lang' && this.opts && (value === null || LANG_RE.test(value))) { this.relabel(); return; }
    if (name === 'predict') { this.prediction?.build(); return; }
    // A control's own value reflected: the work already follows the control; only refresh opts.
    if (this.reflecting) { try { this.opts = this.readAttrs(); } catch { /* a control's value is always valid */ } return; }
    this.configure();
  }

  // Attributes -> opts -> DOM -> computation. A bad attribute shows its message instead. The
  // first build (from the page's queue) starts the computation in a task of its own.
  configure({ first = false } = {}) {
    this.makeSkeleton();
    this.labelExports(); // also while a message shows: the hidden buttons keep the widget's language
    try {
      const own = this.getAttribute('lang');
      if (own !== null && !LANG_RE.test(own)) throw new AttrError((C) => C.attr.choice('lang', JSON.stringify(own.slice(0, 20)), ['ko', 'en']));
      this.opts = this.readAttrs();
    } catch (e) {
      this.opts = null;
      this.dispose();
      this.fail(e instanceof AttrError ? e.text(this.language) : e.message);
      return;
    }
    this.showMessage(null);
    // work of its own (a step()) stops at the first picture until the reader asks
    this.held = this.step !== Widget.prototype.step && this.constructor.reducedMotion();
    this.build();
    this.prediction?.build();
    this.$.main.classList.remove('unbuilt');
    const generation = this.generation = (this.generation || 0) + 1;
    this.starting = first; // built, not started: nothing is drawn or described until start()
    if (first) queueTask(this, () => { if (generation === this.generation && this.engineReady) this.restart({ first }); });
    else this.restart();
  }

  // (Re)starts the computation with the current options and controls, then draws and runs the
  // work; after a first build the drawing and the work come a task later (the same steps in the
  // same order, in smaller tasks).
  restart({ first = false } = {}) {
    if (!this.opts) return;
    this.starting = false;
    this.loop.stop();
    this.finished = false;
    this.announced = false;
    let none = this.step === Widget.prototype.step; // no step(): no work after the first picture
    if (!this.safe(() => { none = this.start() === false || none; return true; })) { this.pending = false; return; }
    // no work (start() said so): finished before any frame, so never held for a play button
    this.pending = !none;
    this.finished = none;
    const run = () => { this.draw(); this.schedule(); };
    // a restart after the first picture (a reader's change): the picture just drawn is the state
    // before any step, so the loop draws its first result at once (the first picture's own
    // drawing keeps the loop's next one waiting its turn)
    if (!first) { run(); this.loop.drawSoon(); return; }
    const generation = this.generation;
    queueTask(this, () => { if (generation === this.generation && this.engineReady && this.opts) run(); });
  }

  // Runs the work loop while there is work and the widget is on screen or not yet drawn.
  // Held (reduced motion): only until the first complete picture.
  schedule() {
    const ready = this.hasAttribute('ready');
    if (this.pending && (!ready || (this.vis.visible && !this.held))) this.loop.start();
    else this.loop.stop();
    this.syncMotion();
  }
  onVisibility() { this.schedule(); }
  frame() { this.draw(); }

  // Draws the current state once the browser has laid the widget out (Widths).
  draw() {
    if (!this.opts || this.starting || this.hasAttribute('error')) return;
    const w = this.widths.get(this.$.main);
    if (w === undefined) return;
    const t0 = performance.now();
    this.resize(w);
    this.theme = readTheme(this);
    if (!this.safe(() => { this.render(); return true; })) return;
    this.loop.drew(performance.now() - t0); // (a drawing outside the loop's frames: the loop counts it)
    this.toggleAttribute('done', !!this.finished);
    this.prediction?.update();
    if (!this.hasAttribute('ready') && this.readyToShow()) this.markReady();
    this.refreshSummary();
  }
  markReady() {
    this.loop.budgetMs = this.constructor.BUDGET_MS;
    this.loop.spaceDrawings = this.constructor.SPACE_DRAWINGS;
    this.loop.rest(); // the first picture's layout and commit come in the next frame: none of our work beside them
    this.refreshSummary(true); // `ready` means drawn and described (the throttle could hold the sentence back)
    this.setAttribute('ready', '');
    this.emit('ready');
    this.schedule();
  }

  // Runs fn; an engine error becomes the inline message and stops the work.
  safe(fn) {
    try { return fn(); } catch (e) {
      this.fail(e.message);
      return false;
    }
  }
  fail(message) {
    this.pending = false;
    this.loop.stop();
    this.syncMotion();
    this.showMessage(message);
  }
  // Shows `message` (text) in place of the content; null clears it.
  showMessage(message) {
    const { error, main } = this.$;
    error.hidden = message == null;
    main.hidden = message != null;
    error.replaceChildren(...(message == null ? [] : [h('strong', {}, this.C.error), message]));
    this.toggleAttribute('error', message != null);
  }

  // ---------------------------------------------------------------- attributes and events
  // Sets an attribute from a control without reconfiguring (the control already drives the work).
  reflect(name, value) {
    this.reflecting = true;
    try { if (value === null) this.removeAttribute(name); else this.setAttribute(name, String(value)); } finally { this.reflecting = false; }
  }
  // static CONTROLS = { controlName: 'attribute' }; controlValue(input) may convert the value
  // (a checkbox gives presence). Reflects and fires `change` {control, value} when it really changed.
  reflectControl(input) {
    const name = this.constructor.CONTROLS[input?.name];
    if (!name) return;
    const v = input.type === 'checkbox' ? (input.checked ? '' : null) : String(this.controlValue(input));
    if (this.getAttribute(name) === v) return;
    this.reflect(name, v);
    this.emit('change', { control: name, value: v });
  }
  controlValue(input) { return input.value; }
  emit(type, detail) { this.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true, detail })); }

  // "Predict, then observe" (ui/predict.js) when the text table has a `predict` entry: the question
  // goes after `anchor`, and `concealed` (the result's nodes) wait for the reader's answer.
  askFirst(concealed, anchor) {
    if (!this.constructor.TEXT.ko.predict) return;
    this.prediction = new Prediction(this, concealed);
    anchor.after(this.prediction.element);
  }

  // ---------------------------------------------------------------- colours and exports
  // An activation's colour (cached until the colour scheme changes).
  color(id) {
    if (!this.colors) this.colors = new Map();
    if (!this.colors.has(id)) this.colors.set(id, activationColor(getComputedStyle(this), id, this.scheme.matches && !this.print.matches));
    return this.colors.get(id);
  }
  // A palette colour by its --w-* name (e.g. 'class-0').
  paletteColor(name) { return getComputedStyle(this).getPropertyValue(`--w-${name}`).trim(); }

  // Download buttons, labelled in the widget's language (ui/export-buttons.js): `plot` () => Plot
  // for PNG and SVG, `table` () => <table> or rows for CSV, `name` () => file name without extension.
  exportButtons({ plot, table, name = () => this.localName }) { return makeExportButtons(this, { plot, table, name }); }
  labelExports() { labelExportButtons(this); }

  // ---------------------------------------------------------------- reduced motion
  static reducedMotion() { return reducedMotion(); }
  // The play button shows while held work waits after the first picture.
  syncMotion() {
    const waiting = !!(this.held && this.pending && this.hasAttribute('ready'));
    this.$.motionPlay.textContent = `▶ ${this.C.play}`;
    this.$.motion.hidden = !waiting;
    this.toggleAttribute('held', waiting);
  }
  // Lets held work run (the play button, or a reader's change).
  release() {
    if (!this.held) return;
    this.held = false;
    this.schedule();
  }

  // ---------------------------------------------------------------- text alternatives
  // The summary in the hidden description (throttled), announced once when complete (ui/access.js).
  refreshSummary(now = false) { if (!this.starting) summarize(this, now); }

  // The widget's own parts (a subclass's skeleton()) are made at its first build, not in its
  // constructor: a page defines its elements all at once, and the widgets far below the screen
  // wait for the reader (26 of 27 on the teaching page); until then the shadow root holds only
  // the base's parts (message box, description, the empty .main).
  makeSkeleton() {
    if (this.skeletonMade) return;
    this.skeletonMade = true;
    this.skeleton();
  }

  // ---------------------------------------------------------------- hooks (defaults)
  skeleton() {}
  readAttrs() { return {}; }
  build() {}
  start() {}
  step() { return false; }
  resize() {}
  render() {}
  dispose() {}
  readyToShow() { return true; }
  summary() { return ''; }
  // Announce the finished result in the live region (experiments that compute a result).
  static ANNOUNCE = false;
}

// Registers an element once (a page may load the bundle and a module copy).
export function define(tag, cls) {
  if (!customElements.get(tag)) customElements.define(tag, cls);
}
