// Text of <gradient-flow>: one table per language, the same keys.
export default {
  ko: {
    title: '기울기 흐름: 층마다 가중치 기울기의 크기',
    label: '층 번호별 가중치 기울기 크기(로그 축), 활성화 함수별',
    depth: '은닉층 수', width: '층당 유닛', x: '층',
    init: '층 1 = 입력 쪽 · 점선: 초기화 직후', now: (e) => `실선: ${e} 에포크 학습 후`,
    ratio: '첫 층 / 마지막 은닉층 기울기 비',
    th: ['활성화 함수', '초기 비율', '현재 비율'], caption: (d, w, e) => `은닉층 ${d}개 × ${w} 유닛, ${e} 에포크: 첫 층 기울기 / 마지막 은닉층 기울기`,
    // the chart's text alternative: the ratio now, then at initialisation, in one sentence
    summary: ({ caption, rows }) => `${caption} 비율은 지금 ${rows.map((r) => `${r[0]} ${r[2]}`).join(', ')}이고, 초기화 직후에는 ${rows.map((r) => `${r[0]} ${r[1]}`).join(', ')}였습니다.`,
    note: '원 데이터(2차원 200점), 이진 교차 엔트로피, Adam. 시그모이드·tanh는 Glorot, ReLU·ELU는 He, SELU는 LeCun 초기화.',
    predict: {
      question: '아래 설정의 시그모이드 망, 초기화 직후: 첫 층의 그래디언트는 마지막 은닉층의 몇 배일까요? (기본값은 은닉층 10개)',
      choices: ['1/10보다 크다', '10⁻⁴에서 1/10 사이', '10⁻⁴보다 작다'],
      why: (o) => `역전파는 층마다 σ′ ≤ 1/4를 곱합니다. 층 ${o.depth}개를 지나면 (1/4)^${o.depth - 1} ≈ ${o.bound} 이하로 줄어들 수 있고, 실제로 그만큼 작아집니다.`,
    },
  },
  en: {
    title: 'Gradient flow: size of the weight gradient in each layer',
    label: 'Weight-gradient size per layer (log axis) for each activation',
    depth: 'hidden layers', width: 'units per layer', x: 'layer',
    init: 'layer 1 = input side · dashed: at initialisation', now: (e) => `solid: after ${e} epochs`,
    ratio: 'first / last hidden layer gradient',
    th: ['activation', 'ratio at init', 'ratio now'], caption: (d, w, e) => `${d} hidden layers × ${w} units, ${e} epochs: first-layer gradient / last hidden layer gradient`,
    // the chart's text alternative: the ratio now, then at initialisation, in one sentence
    summary: ({ caption, rows }) => `${caption} ratio is now ${rows.map((r) => `${r[0]} ${r[2]}`).join(', ')}; right after initialisation it was ${rows.map((r) => `${r[0]} ${r[1]}`).join(', ')}.`,
    note: "'circle' data (2-D, 200 points), binary cross-entropy, Adam. Init: Glorot for sigmoid/tanh, He for ReLU/ELU, LeCun for SELU.",
    predict: {
      question: 'The sigmoid net below, at initialisation: how large is the first layer\'s gradient compared with the last hidden layer\'s? (10 hidden layers by default)',
      choices: ['more than 1/10', 'between 10⁻⁴ and 1/10', 'less than 10⁻⁴'],
      why: (o) => `Backpropagation multiplies by σ′ ≤ 1/4 at every layer; across ${o.depth} layers that allows a shrinking to (1/4)^${o.depth - 1} ≈ ${o.bound}, and the gradient does shrink about that much.`,
    },
  },
};
