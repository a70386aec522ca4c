// Text of <universal-approximation>: one table per language, the same keys.
export default {
  ko: {
    title: '보편 근사: 은닉층 하나, 유닛 N개',
    label: '목표 함수와 활성화 함수별 신경망의 근사 곡선',
    units: '은닉 유닛 N', target: '목표', targets: { sin: 'sin(2πx)', abs: '|x|', step: '계단' },
    targetKey: '목표 함수', epoch: (e, n) => `학습 ${e}/${n} 에포크`, mse: '평균제곱오차',
    collapse: (L, m, b, d) => `선형 신경망(은닉층 ${L - 1}개)의 가중치 행렬을 곱하면 하나의 1×1 행렬 ${m}, 편향 ${b}: 신경망 출력과의 최대 차이 ${d}. 층을 쌓아도 직선 하나입니다.`,
    th: ['활성화 함수', '평균제곱오차'], caption: (t, n) => `${t}에 은닉 유닛 ${n}개로 맞춘 결과`,
    note: '같은 초기값, 같은 학습 횟수(Adam, 전체 배치). N을 줄이거나 늘려 보세요.',
  },
  en: {
    title: 'Universal approximation: one hidden layer of N units',
    label: 'The target function and each activation\'s fitted curve',
    units: 'hidden units N', target: 'target', targets: { sin: 'sin(2πx)', abs: '|x|', step: 'step' },
    targetKey: 'target', epoch: (e, n) => `epoch ${e}/${n}`, mse: 'mean squared error',
    collapse: (L, m, b, d) => `The linear net (${L - 1} hidden layers) multiplies out to one 1×1 matrix ${m} with bias ${b}; largest difference from the net's output: ${d}. Stacked, it is still one straight line.`,
    th: ['activation', 'mean squared error'], caption: (t, n) => `Fit of ${t} with ${n} hidden units`,
    note: 'Same initial weights, same training budget (Adam, full batch). Move N down and up.',
  },
};
