// <activation-guide> — section 10 of the post as questions: answer five yes/no questions and get
// the post's recommendation, the reason, and a link to the experiment on the page that shows it.
// The rules live in C++ (expb::recommend via engine.activationGuide); this element only asks and shows.
//
// Attributes (initial answers; each a boolean attribute, value "false" = no):
//   self-normalizing   default yes ("false" = the net cannot self-normalise)
//   speed  overfitting  huge-data  cross-validate   default no
//   link-base   prefix for the experiment links (default "" = this page's #anchors): a relative path or
//               an http(s) URL; any other scheme (javascript:, data:, …) is refused with a message     lang  ko|en
// Sets `ready` once shown; fires `change` {detail: {answers, pick, advice, crossValidate}}.
import * as engine from '../engine.js';
import { h, AttrError, lang, BASE_STYLE, showError } from '../ui/kit.js';

const QUESTIONS = [
  ['selfNormalizing', 'self-normalizing', true], ['speedCritical', 'speed', false], ['overfitting', 'overfitting', false],
  ['hugeTrainingSet', 'huge-data', false], ['timeToCrossValidate', 'cross-validate', false],
];
const FALLBACK = { linear: '#767676', sigmoid: '#ad811c', tanh: '#ff3f19', relu: '#0070af', leaky_relu: '#0e895c', rrelu: '#3d91c2', prelu: '#bf5f9b', elu: '#96923e', selu: '#555555', maxout: '#882255' };
const TEXT = {
  ko: {
    title: '어떤 활성화 함수를 쓸까? (글의 10절)',
    q: {
      selfNormalizing: '네트워크가 자기 정규화될 수 있나요? (표준화된 입력, 르쿤 정규 초기화, 순차적으로 쌓은 밀집층)',
      speedCritical: '실행(추론) 속도가 아주 중요한가요?', overfitting: '네트워크가 과대적합되나요?',
      hugeTrainingSet: '훈련 세트가 아주 큰가요?', timeToCrossValidate: '여러 함수를 교차 검증할 시간과 계산 자원이 있나요?',
    },
    pick: '추천', also: '함께 적용되는 규칙', cv: '교차 검증으로 비교할 후보', ranking: '일반적인 순서',
    see: '실험 보기', yes: '예', no: '아니오',
    reason: {
      'self-normalizing': '자기 정규화가 되는 구조라면 일반적으로 SELU가 1순위입니다. 조건이 맞으면 층을 여러 개 지나도 출력의 평균은 0, 표준편차는 1 근처에 머물러 그래디언트가 사라지거나 폭주하지 않습니다.',
      'no-self-normalizing': '자기 정규화 조건이 하나라도 깨지면 SELU의 보장이 사라지므로 ELU를 고릅니다. 음수 출력이 평균을 0 쪽으로 당기고, 죽는 뉴런도 없습니다.',
      'speed-relu': '속도가 중요하면 ReLU가 가장 좋은 선택입니다. 가장 널리 쓰이는 함수라 라이브러리와 하드웨어 가속기가 ReLU에 맞춰 최적화되어 있고, exp 없이 비교 한 번이면 됩니다.',
      'speed-leaky': 'LeakyReLU도 빠릅니다 (exp 없음, 곱셈 하나 추가). 하이퍼파라미터를 늘리고 싶지 않다면 프레임워크의 기본 α를 그대로 쓰세요 (케라스 0.3, 파이토치 0.01).',
      overfitting: '과대적합이면 RReLU: 훈련할 때마다 음수 쪽 기울기를 무작위로 뽑아 잡음을 섞으니 규제처럼 작용합니다.',
      'huge-data': '훈련 세트가 아주 크면 PReLU: 음수 쪽 기울기 α까지 데이터로 학습합니다. 데이터가 작으면 오히려 과대적합 위험이 있습니다.',
      'cross-validate': '시간과 계산 자원이 충분하면 한 가지를 믿지 말고 여러 후보를 교차 검증으로 직접 비교하세요.',
    },
    anchor: { '#selu': 'SELU 자기 정규화', '#elu': '속도 측정', '#rrelu': 'RReLU 훈련/평가 곡선', '#prelu': 'PReLU의 α 학습', '#race': '활성화 함수 경주' },
    engine: '계산 엔진을 불러오지 못했습니다: ',
  },
  en: {
    title: 'Which activation should I use? (section 10 of the post)',
    q: {
      selfNormalizing: 'Can your network self-normalise? (standardised inputs, LeCun-normal init, a plain stack of dense layers)',
      speedCritical: 'Is runtime (inference) speed critical?', overfitting: 'Is the network overfitting?',
      hugeTrainingSet: 'Is the training set very large?', timeToCrossValidate: 'Do you have the time and compute to cross-validate several?',
    },
    pick: 'Recommended', also: 'Other rules that apply', cv: 'Candidates to compare by cross-validation', ranking: 'General order',
    see: 'see the experiment', yes: 'yes', no: 'no',
    reason: {
      'self-normalizing': 'A network that can self-normalise generally does best with SELU: when its conditions hold, activations keep a mean near 0 and a standard deviation near 1 through many layers, so gradients neither vanish nor explode.',
      'no-self-normalizing': 'If any self-normalisation condition is broken, SELU loses its guarantee: pick ELU. Its negative outputs pull the mean towards 0 and no neuron dies.',
      'speed-relu': 'If speed matters, ReLU is the best choice: it is the most used activation, so libraries and hardware accelerators are optimised for it, and it needs one comparison, no exp.',
      'speed-leaky': 'LeakyReLU is fast too (no exp, one extra multiply). If you do not want another hyperparameter, keep your framework\'s default α (Keras 0.3, PyTorch 0.01).',
      overfitting: 'If the network overfits, use RReLU: drawing the negative slope at random during training injects noise that acts as a regulariser.',
      'huge-data': 'With a very large training set, use PReLU: it learns the negative slope α from the data too (on small data that extra freedom risks overfitting).',
      'cross-validate': 'With time and compute to spare, do not trust one rule: compare several candidates by cross-validation.',
    },
    anchor: { '#selu': 'SELU self-normalisation', '#elu': 'speed measurement', '#rrelu': 'RReLU train/eval curves', '#prelu': 'PReLU learning α', '#race': 'the activation race' },
    engine: 'could not load the activation engine: ',
  },
};

const STYLE = `${BASE_STYLE}
.title { font-weight: 600; margin: 0 0 6px; }
fieldset { border: 0; padding: 0; margin: 0; display: grid; gap: 4px; }
legend { padding: 0; }
label.q { display: flex; gap: 8px; align-items: flex-start; cursor: pointer; }
label.q input { margin-top: 4px; accent-color: var(--w-accent); flex: none; width: 18px; height: 18px; }
.out { margin-top: 10px; border-top: 1px solid var(--w-grid); padding-top: 8px; }
.pick { display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 10px; }
.chip { display: inline-block; padding: 2px 10px; border-radius: 999px; color: #fff; font-weight: 700; font-size: 18px;
  background: var(--chip, #1f62c4); }
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
  if ((scheme && !/^https?$/i.test(scheme[1])) || v.length > 500) {
    throw new AttrError(`link-base=${JSON.stringify(raw.slice(0, 60))}: a relative path or an http(s) URL / 상대 경로나 http(s) 주소만 됩니다`);
  }
  return v;
}

class ActivationGuide extends HTMLElement {
  static get observedAttributes() { return ['self-normalizing', 'speed', 'overfitting', 'huge-data', 'cross-validate', 'link-base', 'lang']; }

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    this.$ = { title: h('p', { class: 'title' }), form: h('fieldset'), out: h('div', { class: 'out', 'aria-live': 'polite' }), error: h('div', { class: 'error', role: 'alert', hidden: '' }) };
    this.$.main = h('div', {}, this.$.title, this.$.form, this.$.out);
    root.append(h('style', {}, STYLE), this.$.error, this.$.main);
    this.boxes = {};
  }

  connectedCallback() {
    engine.ready().then(() => { this.engineReady = true; this.configure(); },
      (e) => showError(this, this.$.error, this.$.main, TEXT[lang(this)].engine + e.message));
  }
  attributeChangedCallback() { if (this.engineReady && !this.reflecting) this.configure(); }

  configure() {
    const T = TEXT[lang(this)];
    try { this.base = linkBase(this.getAttribute('link-base')); } catch (e) {
      if (!(e instanceof AttrError)) throw e;
      showError(this, this.$.error, this.$.main, e.message);
      return;
    }
    showError(this, this.$.error, this.$.main, null);
    this.$.title.textContent = T.title;
    this.$.form.replaceChildren(h('legend', { class: 'sr-only' }, T.title));
    for (const [key, name, def] of QUESTIONS) {
      const raw = this.getAttribute(name);
      const box = h('input', { type: 'checkbox', name });
      box.checked = raw == null ? def : raw !== 'false';
      box.addEventListener('change', () => {
        // reflected for share.js (without rebuilding the form); update() fires `change`
        this.reflecting = true;
        try { this.setAttribute(name, String(box.checked)); } finally { this.reflecting = false; }
        this.update();
      });
      this.boxes[key] = box;
      this.$.form.append(h('label', { class: 'q' }, box, h('span', {}, T.q[key])));
    }
    this.update();
    if (!this.hasAttribute('ready')) this.setAttribute('ready', '');
  }

  answers() { return Object.fromEntries(QUESTIONS.map(([k]) => [k, this.boxes[k].checked])); }

  color(id) { return getComputedStyle(this).getPropertyValue(`--c-${id}`).trim() || FALLBACK[id]; }

  update() {
    const T = TEXT[lang(this)], answers = this.answers();
    let g;
    try { g = engine.activationGuide(answers); } catch (e) { showError(this, this.$.error, this.$.main, e.message); return; }
    const title = (id) => engine.activationInfo(id).title;
    const base = this.base;
    const link = (anchor) => h('a', { href: base + anchor }, `${T.see}: ${T.anchor[anchor] || anchor} →`);
    const [first, ...rest] = g.advice;
    const chip = h('span', { class: 'chip', 'data-id': g.pick }, title(g.pick));
    chip.style.setProperty('--chip', this.color(g.pick));
    const parts = [
      h('div', { class: 'pick' }, h('span', {}, `${T.pick}:`), chip),
      h('p', { class: 'reason' }, T.reason[first.reason], ' ', link(first.anchor)),
    ];
    const others = rest.filter((a) => a.reason !== 'cross-validate');
    if (others.length) {
      parts.push(h('h4', {}, T.also), h('ul', {}, ...others.map((a) => h('li', { 'data-id': a.id }, h('b', {}, title(a.id)), ' — ', T.reason[a.reason], ' ', link(a.anchor)))));
    }
    if (g.crossValidate.length) {
      const cv = rest.find((a) => a.reason === 'cross-validate');
      parts.push(h('h4', {}, T.cv), h('p', { class: 'reason cv' }, g.crossValidate.map(title).join(', '), '. ', T.reason['cross-validate'], ' ', cv ? link(cv.anchor) : ''));
    }
    const ranking = engine.activationRanking();
    parts.push(h('p', { class: 'muted rank' }, `${T.ranking}: `, ...ranking.flatMap((id, i) => [i ? ' > ' : '', id === g.pick ? h('b', {}, title(id)) : title(id)])));
    this.$.out.replaceChildren(...parts);
    this.dispatchEvent(new CustomEvent('change', { bubbles: true, composed: true, detail: { answers, ...g } }));
  }
}

if (!customElements.get('activation-guide')) customElements.define('activation-guide', ActivationGuide);
