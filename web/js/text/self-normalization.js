// Text of <self-normalization>: one table per language, the same keys.
export default {
  ko: {
    title: '자기 정규화: 층을 지날 때마다 활성값의 평균과 표준편차',
    label: '층별 활성값의 평균(위)과 표준편차(아래, 로그 축), 활성화 함수별',
    raw: '표준화하지 않은 입력 (0–255 픽셀 값)', he: 'He 초기화 (LeCun 대신)', skip: '건너뛰는 연결 (잔차)',
    x: '층 (0 = 입력)', mean: '평균', std: '표준편차', band: '목표 범위',
    inside: '범위 안 ✓', outside: '범위 밖 ✗', last: (L) => `마지막 층(${L})`,
    th: ['활성화 함수', '마지막 층 평균', '마지막 층 표준편차'], caption: (c) => `마지막 층의 평균과 표준편차. 조건: ${c}`,
    // the chart's text alternative: where each activation's last layer ends up, in one sentence
    summary: ({ caption, rows }) => `${caption}. 평균과 표준편차: ${rows.map((r) => `${r[0]} ${r[1]}, ${r[2]}`).join('; ')}.`,
    ok: '세 조건 모두 지킴', note: '회색 띠: 평균 ±0.1, 표준편차 0.8–1.2. 가중치는 각 활성화의 기본 초기화(SELU는 LeCun 정규분포), 편향 0.',
    predict: {
      question: '아래 설정의 SELU 망(기본값은 세 조건을 모두 지킴): 마지막 층에서 활성값의 표준편차는 어디쯤일까요?',
      choices: ['0 근처 (사라짐)', '1 근처', '1보다 훨씬 큼 (폭주)'],
      why: ['조건이 하나 깨지면 분산이 한쪽으로 밀립니다. 체크 상자를 하나씩 꺼 보세요.',
        'SELU의 두 상수는 평균 0, 분산 1이 층을 지나도 그대로 돌아오도록(고정점이 되도록) 고른 값입니다. 초기화 직후의 순전파 한 번에서 본 결과입니다.',
        '조건이 하나 깨지면 분산이 한쪽으로 밀립니다. 체크 상자를 하나씩 꺼 보세요.'],
    },
  },
  en: {
    title: 'Self-normalisation: mean and std of the activations after every layer',
    label: 'Mean (top) and standard deviation (bottom, log axis) of the activations per layer, per activation',
    raw: 'raw inputs (0–255 pixel values)', he: 'He init (instead of LeCun)', skip: 'skip connections (residual)',
    x: 'layer (0 = inputs)', mean: 'mean', std: 'std', band: 'target band',
    inside: 'inside the band ✓', outside: 'outside the band ✗', last: (L) => `last layer (${L})`,
    th: ['activation', 'last-layer mean', 'last-layer std'], caption: (c) => `Mean and std at the last layer. Conditions: ${c}`,
    // the chart's text alternative: where each activation's last layer ends up, in one sentence
    summary: ({ caption, rows }) => `${caption}. Mean and std: ${rows.map((r) => `${r[0]} ${r[1]}, ${r[2]}`).join('; ')}.`,
    ok: 'all three kept', note: "Grey bands: mean ±0.1, std 0.8–1.2. Weights: each activation's default init (SELU: LeCun normal), zero biases.",
    predict: {
      question: 'The SELU net below (by default all three conditions are met): where will the standard deviation of the last layer\'s activations be?',
      choices: ['near 0 (vanished)', 'near 1', 'far above 1 (exploded)'],
      why: ['Break one condition and the variance is pushed to one side; untick the boxes one at a time to see it.',
        'SELU\'s two constants were chosen so that mean 0 and variance 1 come back unchanged after a layer (a fixed point). This is one forward pass at initialisation.',
        'Break one condition and the variance is pushed to one side; untick the boxes one at a time to see it.'],
    },
  },
};
