// Text of <activation-speed>: one table per language, the same keys.
export default {
  ko: {
    title: '활성화 함수 한 번 계산에 드는 시간 (이 브라우저의 WebAssembly에서 지금 측정)',
    again: '다시 측정', start: '측정 시작', measuring: (r, n) => `측정 중… ${r}/${n}회`, done: (n) => `${n}회 측정의 절사 평균`,
    waiting: '화면에 보이면 측정합니다', f: 'f(x)', df: 'f′(x)', unit: 'ns/원소', rel: 'ReLU 대비',
    branchless: 'ReLU (분기 없음)', branchy: 'ReLU (if/else 분기)',
    th: ['활성화 함수', 'f ns/원소', 'f′ ns/원소', 'f: ReLU 대비 배수'], table: '표로 보기',
    note: '입력의 부호는 무작위입니다. 브라우저의 시계는 0.1 ms 단위로 흔들리며 끊어 재므로, 짧은 측정을 여러 번 해서 평균합니다. 숫자는 기기와 브라우저마다 다르니 배수를 보세요.',
    summary: (b, s, e) => `if/else ReLU는 분기 없는 ReLU의 ${b}배, 시그모이드는 ReLU의 ${s}배, ELU는 ${e}배 걸렸습니다.`,
    predict: {
      question: '이 브라우저에서 원소 하나당, 시그모이드의 f는 ReLU보다 몇 배 느릴까요?',
      choices: ['거의 같다 (1.5배 미만)', '1.5~5배', '5배 넘게'],
      why: '시그모이드는 원소마다 exp를 계산합니다. exp는 범위 축소와 다항식 계산으로 수십 개의 명령이 들지만, ReLU는 비교 하나(분기 없는 max)입니다.',
    },
  },
  en: {
    title: 'Time per activation value (measured now, in this browser\'s WebAssembly)',
    again: 'measure again', start: 'start measuring', measuring: (r, n) => `measuring… round ${r}/${n}`, done: (n) => `trimmed mean of ${n} rounds`,
    waiting: 'measures when on screen', f: 'f(x)', df: 'f′(x)', unit: 'ns/element', rel: 'vs ReLU',
    branchless: 'ReLU (branch-free)', branchy: 'ReLU (if/else branch)',
    th: ['activation', 'f ns/element', 'f′ ns/element', 'f: × ReLU'], table: 'show as a table',
    note: 'Inputs have random signs. A browser clock ticks in jittered 0.1 ms steps, so many short passes are averaged. Absolute numbers depend on the device and browser; compare the ratios.',
    summary: (b, s, e) => `The if/else ReLU took ${b}× the branch-free one; sigmoid ${s}× ReLU; ELU ${e}×.`,
    predict: {
      question: 'In this browser, per element, how many times slower is sigmoid\'s f than ReLU\'s?',
      choices: ['about the same (under 1.5×)', '1.5–5×', 'more than 5×'],
      why: 'Sigmoid computes an exp for every element, which takes a range reduction and a polynomial, dozens of instructions; ReLU is one comparison (a branch-free max).',
    },
  },
};
