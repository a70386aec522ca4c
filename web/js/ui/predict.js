// predict.js — "predict, then observe" for an experiment widget. Before the reader sees the
// result, one concrete question with 2–4 answers (native radio inputs: labelled, keyboard usable);
// the result stays concealed until the reader answers or chooses "just show me". Once the
// experiment has finished, the measured result is shown next to the reader's answer with a
// sentence or two on why. The right answer is computed from the live measurement by the widget
// (outcome()), never written down, so a changed setting keeps it honest. `predict="off"` on the
// element turns all of this off (for an embed that only wants the picture).
//
// The widget's text table has  predict: { question, choices: [..], why: [..] or (outcome) => text };
// the words around them (skip, yours, measured, right, wrong, waiting) are in text/common.js.
// and the widget implements outcome() -> null while running, else { correct: index, measured: text, why?: text }.
import { h } from './kit.js';

export const PREDICT_STYLE = `
.predict { border: 1px solid var(--w-grid); border-radius: 6px; padding: 6px 10px; margin: 4px 0 8px; }
.predict fieldset { border: 0; margin: 0; padding: 0; min-width: 0; }
.predict legend { font-weight: 600; padding: 0; margin-bottom: 4px; }
.predict .choices { display: flex; flex-wrap: wrap; gap: 4px 14px; }
.predict label { display: inline-flex; align-items: center; gap: 6px; min-height: 24px; cursor: pointer; }
.predict input[type=radio] { width: 18px; height: 18px; margin: 0; accent-color: var(--w-accent); }
.predict button { margin-top: 6px; min-height: 24px; }
.predict .verdict { margin: 6px 0 0; }
.predict .verdict b { font-weight: 600; }
.predict .verdict .right { color: var(--w-c-leaky_relu); }
.predict .verdict .wrong { color: var(--w-error); }
/* until the reader answers: the pictures blurred, the result's words not shown at all (unreadable
   text is no teaser, and text at reduced contrast is a barrier, not a hint) */
.concealed { visibility: hidden; user-select: none; pointer-events: none; }
canvas.concealed, .concealed canvas { visibility: visible; filter: blur(7px) grayscale(0.6); opacity: 0.55; }
@media (prefers-reduced-motion: no-preference) { .concealable { transition: filter 0.25s, opacity 0.25s; } }
`;

export class Prediction {
  // widget: the element (its T.predict and outcome()); concealed: the nodes hidden until revealed.
  constructor(widget, concealed) {
    this.widget = widget;
    this.concealed = concealed;
    this.answer = null;    // index of the reader's choice, or -1 after "just show me"
    this.element = h('section', { class: 'predict' });
    this.element.addEventListener('change', (e) => {
      if (e.target.name !== 'prediction') return;
      e.stopPropagation(); // not a setting of the experiment
      this.answer = Number(e.target.value);
      widget.emit('change', { control: 'prediction', value: this.answer });
      this.update();
      widget.onAnswered?.();
    });
    for (const n of concealed) n.classList.add('concealable');
  }

  // the common words, then the widget's question (predictText() may pick one per view)
  text() { return { ...this.widget.C.predict, ...(this.widget.predictText?.() ?? this.widget.T.predict) }; }
  get enabled() { return this.widget.getAttribute('predict') !== 'off'; }
  get revealed() { return !this.enabled || this.answer !== null; }

  // (Re)builds the question in the widget's language; keeps the reader's answer.
  build() {
    const P = this.text();
    this.element.hidden = !this.enabled;
    if (!this.enabled) { this.conceal(false); return; }
    const choices = P.choices.map((text, i) => {
      const input = h('input', { type: 'radio', name: 'prediction', value: String(i) });
      input.checked = this.answer === i;
      return h('label', {}, input, h('span', {}, text));
    });
    const skip = h('button', { type: 'button', name: 'reveal' }, P.skip);
    skip.addEventListener('click', () => { this.answer = -1; this.update(); this.widget.onAnswered?.(); });
    this.verdict = h('p', { class: 'verdict', role: 'status' });
    this.element.replaceChildren(h('fieldset', {}, h('legend', {}, P.question), h('div', { class: 'choices' }, choices)), skip, this.verdict);
    this.skip = skip;
    this.shown = undefined; // a new verdict node: say the verdict again
    this.update();
  }

  conceal(on) {
    for (const n of this.concealed) {
      n.classList.toggle('concealed', on);
      if (on) n.setAttribute('aria-hidden', 'true'); else n.removeAttribute('aria-hidden');
      n.inert = on; // nothing inside takes focus while hidden from assistive technology
    }
  }

  // Called after every drawing: shows the verdict once answered and the experiment has finished.
  update() {
    if (!this.enabled || !this.verdict) { this.conceal(false); return; }
    const P = this.text(), w = this.widget;
    this.conceal(!this.revealed);
    this.skip.hidden = this.revealed;
    this.widget.toggleAttribute('predicted', this.answer !== null && this.answer >= 0);
    const o = this.answer === null ? null : w.outcome();
    const key = o ? `${this.answer}:${o.correct}:${o.measured}` : this.answer === null ? '' : 'wait';
    if (key === this.shown) return; // the live region speaks once per new verdict, not per frame
    this.shown = key;
    if (!o) { this.verdict.replaceChildren(this.answer === null ? '' : P.waiting); return; }
    const why = typeof P.why === 'function' ? P.why(o) : typeof P.why === 'string' ? P.why : (o.why ?? P.why[o.correct]);
    const parts = [];
    if (this.answer >= 0) {
      const right = this.answer === o.correct;
      parts.push(P.yours(P.choices[this.answer]), ' ', h('b', { class: right ? 'right' : 'wrong' }, right ? P.right : P.wrong), ' ');
    }
    parts.push(P.measured(o.measured, P.choices[o.correct]), ' ', why);
    this.verdict.replaceChildren(...parts);
  }
}
