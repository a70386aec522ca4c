// Text of <universal-approximation>: one table per language, the same keys.
export default {
  ko: {
    title: '보편 근사: 은닉층 하나, 유닛 N개',
    label: '목표 함수와 활성화 함수별 신경망의 근사 곡선',
    units: '은닉 유닛 N', target: '목표', targets: { sin: 'sin(2πx)', abs: '|x|', step: '계단' },
    targetKey: '목표 함수', epoch: (e, n) => `학습 ${e}/${n} 에포크`, mse: '평균제곱오차',
    collapse: (L, m, b, d) => `선형 신경망(은닉층 ${L - 1}개)의 가중치 행렬을 곱하면 하나의 1×1 행렬 ${m}, 편향 ${b}: 신경망 출력과의 최대 차이 ${d}. 층을 쌓아도 직선 하나입니다.`,
    th: ['활성화 함수', '평균제곱오차'], caption: (t, n) => `${t}에 은닉 유닛 ${n}개로 맞춘 결과`,
    // the chart's text alternative: the error of each fit, in one sentence
    summary: ({ caption, rows }) => `${caption}: 목표 곡선과의 평균제곱오차는 ${rows.map((r) => `${r[0]} ${r[1]}`).join(', ')}입니다.`,
    note: '같은 초기값, 같은 학습 횟수(Adam, 전체 배치). N을 줄이거나 늘려 보세요.',
    predict: {
      question: '아래 설정으로 같은 횟수만큼 학습하면, 목표 곡선에서 가장 멀리 떨어질 망은?',
      choices: ['선형 (은닉층 3개)', 'tanh', 'ReLU'],
      why: ['선형 층은 몇 개를 쌓아도 행렬 하나라서 직선밖에 그리지 못합니다. 비선형 망은 유닛을 굽혀 곡선을 따라갑니다.',
        'tanh가 가장 나빴습니다. 이 설정에서는 비선형 망도 학습이 덜 된 상태로 끝날 수 있습니다. 정리는 가능하다고만 할 뿐, 학습이 그곳에 닿는다고 보장하지 않습니다.',
        'ReLU가 가장 나빴습니다. 이 설정에서는 비선형 망도 학습이 덜 된 상태로 끝날 수 있습니다. 정리는 가능하다고만 할 뿐, 학습이 그곳에 닿는다고 보장하지 않습니다.'],
    },
  },
  en: {
    title: 'Universal approximation: one hidden layer of N units',
    label: 'The target function and each activation\'s fitted curve',
    units: 'hidden units N', target: 'target', targets: { sin: 'sin(2πx)', abs: '|x|', step: 'step' },
    targetKey: 'target', epoch: (e, n) => `epoch ${e}/${n}`, mse: 'mean squared error',
    collapse: (L, m, b, d) => `The linear net (${L - 1} hidden layers) multiplies out to one 1×1 matrix ${m} with bias ${b}; largest difference from the net's output: ${d}. Stacked, it is still one straight line.`,
    th: ['activation', 'mean squared error'], caption: (t, n) => `Fit of ${t} with ${n} hidden units`,
    // the chart's text alternative: the error of each fit, in one sentence
    summary: ({ caption, rows }) => `${caption}: mean squared error from the target curve is ${rows.map((r) => `${r[0]} ${r[1]}`).join(', ')}.`,
    note: 'Same initial weights, same training budget (Adam, full batch). Move N down and up.',
    predict: {
      question: 'Trained for the same number of steps with the settings below, which network will end up furthest from the target curve?',
      choices: ['linear (3 hidden layers)', 'tanh', 'ReLU'],
      why: ['However many linear layers you stack they are one matrix, so the fit stays a straight line; the non-linear nets bend their units to follow the curve.',
        'tanh came out worst: here a non-linear net may also end training before it has fitted. The theorem says a close fit exists, not that training reaches it.',
        'ReLU came out worst: here a non-linear net may also end training before it has fitted. The theorem says a close fit exists, not that training reaches it.'],
    },
  },
};
