// <activation-guide> — section 10 of the post as questions: answer five yes/no questions and get
// the post's recommendation, the reason, and a link to the experiment on the page that shows it.
// The rules live in C++ (experiments::activation_guide via engine.activationGuide, which returns rule ids); this element asks, shows, and
// maps each rule to the page section (ANCHORS below) where the reader can run its experiment.
//
// Attributes (initial answers; each a boolean attribute, value "false" = no; a checkbox writes
// "true"/"false" back so share links keep the answer):
//   self-normalizing   default yes ("false" = the net cannot self-normalise)
//   speed  overfitting  huge-data  cross-validate   default no
//   transformer        default no (after the post: a transformer-style model -> GELU, then SiLU)
//   link-base   prefix for the experiment links (default "" = this page's #anchors): a relative path or
//               an http(s) URL; any other scheme (javascript:, data:, …) is refused with a message     lang  ko|en
// Sets `ready` once shown. Event `change` {control, value, answers, pick, advice, crossValidate} when
// the reader changes an answer.
import { Widget, engine, h, define } from '../ui/widget.js';
import { AttrError, shown } from '../ui/kit.js';
import { TITLES } from '../ui/chart-widget.js';
import TEXT from '../text/activation-guide.js';

// [answer key of engine.activationGuide, attribute = checkbox name, default]
const QUESTIONS = [
  ['selfNormalizing', 'self-normalizing', true], ['speedCritical', 'speed', false], ['overfitting', 'overfitting', false],
  ['hugeTrainingSet', 'huge-data', false], ['timeToCrossValidate', 'cross-validate', false],
  ['transformer', 'transformer', false],
];
// Rule id (the engine's) -> the page section whose experiment shows it. The speed rules point at
// the ELU section, where the speed measurement sits.
const ANCHORS = {
  'self-normalizing': 'selu', 'no-self-normalizing': 'selu', 'speed-relu': 'elu', 'speed-leaky': 'elu',
  overfitting: 'rrelu', 'huge-data': 'prelu', 'cross-validate': 'race', transformer: 'gelu', 'transformer-gated': 'silu',
};
const anchorOf = (a) => (ANCHORS[a.reason] ? `#${ANCHORS[a.reason]}` : '');

const STYLE = `
.title { font-weight: 600; margin: 0 0 6px; }
fieldset { border: 0; padding: 0; margin: 0; display: grid; gap: 4px; }
legend { padding: 0; }
label.q { display: flex; gap: 8px; align-items: flex-start; cursor: pointer; }
label.q input { margin-top: 4px; accent-color: var(--w-accent); flex: none; width: 18px; height: 18px; }
.out { margin-top: 10px; border-top: 1px solid var(--w-grid); padding-top: 8px; }
.pick { display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 10px; }
.chip { display: inline-block; padding: 2px 10px; border-radius: 999px; font-weight: 700; font-size: 19px;
  color: var(--w-bg); background: var(--w-accent); }
.reason { margin: 4px 0; }
a { color: var(--w-accent); }
ul { margin: 4px 0; padding-left: 20px; }
li { margin: 3px 0; }
.muted { color: var(--w-muted); font-size: 13px; }
.rank b { color: var(--w-fg); }
h4 { margin: 8px 0 2px; font-size: 14px; }
`;

// The link prefix: relative, or http(s) only. Control characters and whitespace are stripped before
// the scheme test, as a browser would when following the link.
function linkBase(raw) {
  if (raw == null) return '';
  const v = raw.replace(/[\s\u0000-\u001f]+/g, ''); // eslint-disable-line no-control-regex
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(v);
  if ((scheme && !/^https?$/i.test(scheme[1])) || v.length > 500) throw new AttrError((C, lang) => TEXT[lang].linkBase(shown(raw)));
  return v;
}

// WCAG relative luminance of any CSS colour (a 2-D context normalises it to #rrggbb or rgba()).
let probe;
function luminance(color) {
  probe ??= document.createElement('canvas').getContext('2d');
  probe.fillStyle = 'transparent'; // (an unreadable colour counts as black)
  probe.fillStyle = color;
  const s = probe.fillStyle;
  const rgb = s.startsWith('#') ? [1, 3, 5].map((i) => parseInt(s.slice(i, i + 2), 16)) : s.match(/[\d.]+/g).slice(0, 3).map(Number);
  const [r, g, b] = rgb.map((c) => { const v = c / 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a, b) => { const x = luminance(a), y = luminance(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };

class ActivationGuide extends Widget {
  static TEXT = TEXT;
  static STYLE = STYLE;
  static ATTRS = [...QUESTIONS.map((q) => q[1]), 'link-base'];

  skeleton() {
    this.$.title = h('p', { class: 'title' });
    this.$.form = h('fieldset');
    this.$.out = h('div', { class: 'out', 'aria-live': 'polite' });
    this.$.main.append(this.$.title, this.$.form, this.$.out);
  }

  readAttrs() {
    const answers = {};
    for (const [key, name, def] of QUESTIONS) { const raw = this.getAttribute(name); answers[key] = raw == null ? def : raw !== 'false'; }
    return { answers, base: linkBase(this.getAttribute('link-base')) };
  }

  build() {
    const T = this.T, $ = this.$;
    $.title.textContent = T.title;
    this.boxes = {};
    $.form.replaceChildren(h('legend', { class: 'sr-only' }, T.title), ...QUESTIONS.map(([key, name]) => {
      const box = h('input', { type: 'checkbox', name });
      box.checked = this.opts.answers[key];
      this.boxes[key] = box;
      return h('label', { class: 'q' }, box, h('span', {}, T.q[key]));
    }));
    this.safe(() => this.show());
  }

  answers() { return Object.fromEntries(QUESTIONS.map(([k]) => [k, this.boxes[k].checked])); }

  // A checkbox writes "true"/"false" to its attribute (the base's presence form would lose a
  // "no" to self-normalizing, whose default is yes), then the advice follows and `change` fires.
  reflectControl(input) {
    const q = QUESTIONS.find((x) => x[1] === input?.name);
    if (!q || input.type !== 'checkbox') return;
    const value = String(input.checked);
    if (this.getAttribute(q[1]) === value) return;
    this.reflect(q[1], value);
    if (!this.safe(() => { this.show(); return true; })) return;
    this.draw();
    this.emit('change', { control: q[1], value, answers: this.answers(), ...this.guide });
  }

  // The advice for the current answers, as text (the chip's colours are painted in render()).
  show() {
    const T = this.T;
    const g = engine.activationGuide(this.answers());
    this.guide = { ...g, advice: g.advice.map((a) => ({ id: a.id, reason: a.rule, anchor: anchorOf({ reason: a.rule }) })) };
    const title = (id) => TITLES[id] || id;
    const link = (a) => { const anchor = a.anchor; return h('a', { href: this.opts.base + anchor }, `${T.see}: ${T.experiment[anchor.slice(1)] || anchor} →`); };
    const [first, ...rest] = this.guide.advice;
    this.$.chip = h('span', { class: 'chip', 'data-id': g.pick }, title(g.pick));
    const parts = [
      h('div', { class: 'pick' }, h('span', {}, `${T.pick}:`), this.$.chip),
      h('p', { class: 'reason' }, T.reason[first.reason], ' ', link(first)),
    ];
    const others = rest.filter((a) => a.reason !== 'cross-validate');
    if (others.length) {
      parts.push(h('h4', {}, T.also), h('ul', {}, ...others.map((a) => h('li', { 'data-id': a.id }, h('b', {}, title(a.id)), ' — ', T.reason[a.reason], ' ', link(a)))));
    }
    if (g.crossValidate.length) {
      const cv = rest.find((a) => a.reason === 'cross-validate');
      parts.push(h('h4', {}, T.cv), h('p', { class: 'reason cv' }, g.crossValidate.map(title).join(', '), '. ', T.reason['cross-validate'], ' ', cv ? link(cv) : ''));
    }
    const ranking = engine.activationRanking();
    parts.push(h('p', { class: 'muted rank' }, `${T.ranking}: `, ...ranking.flatMap((id, i) => [i ? ' > ' : '', id === g.pick ? h('b', {}, title(id)) : title(id)])));
    this.$.out.replaceChildren(...parts);
  }

  // The chip in the pick's palette colour, its text in whichever of the page's background and
  // foreground stands out more against it (SELU is near-black in light and near-white in dark).
  render() {
    const chip = this.$.chip;
    if (!chip) return;
    const bg = this.color(chip.dataset.id), fg = this.paletteColor('fg'), page = this.paletteColor('bg');
    chip.style.background = bg;
    chip.style.color = contrast(bg, fg) > contrast(bg, page) ? 'var(--w-fg)' : 'var(--w-bg)';
  }
}

define('activation-guide', ActivationGuide);
