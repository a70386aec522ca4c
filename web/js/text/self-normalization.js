// Text of <self-normalization>: one table per language, the same keys.
export default {
  ko: {
    title: '자기 정규화: 층을 지날 때마다 활성값의 평균과 표준편차',
    label: '층별 활성값의 평균(위)과 표준편차(아래, 로그 축), 활성화 함수별',
    raw: '표준화하지 않은 입력 (0–255 픽셀 값)', he: 'He 초기화 (LeCun 대신)', skip: '건너뛰는 연결 (잔차)',
    x: '층 (0 = 입력)', mean: '평균', std: '표준편차', band: '목표 범위',
    inside: '범위 안 ✓', outside: '범위 밖 ✗', last: (L) => `마지막 층(${L})`,
    th: ['활성화 함수', '마지막 층 평균', '마지막 층 표준편차'], caption: (c) => `마지막 층의 평균과 표준편차. 조건: ${c}`,
    ok: '세 조건 모두 지킴', note: '회색 띠: 평균 ±0.1, 표준편차 0.8–1.2. 가중치는 각 활성화의 기본 초기화(SELU는 LeCun 정규분포), 편향 0.',
  },
  en: {
    title: 'Self-normalisation: mean and std of the activations after every layer',
    label: 'Mean (top) and standard deviation (bottom, log axis) of the activations per layer, per activation',
    raw: 'raw inputs (0–255 pixel values)', he: 'He init (instead of LeCun)', skip: 'skip connections (residual)',
    x: 'layer (0 = inputs)', mean: 'mean', std: 'std', band: 'target band',
    inside: 'inside the band ✓', outside: 'outside the band ✗', last: (L) => `last layer (${L})`,
    th: ['activation', 'last-layer mean', 'last-layer std'], caption: (c) => `Mean and std at the last layer. Conditions: ${c}`,
    ok: 'all three kept', note: "Grey bands: mean ±0.1, std 0.8–1.2. Weights: each activation's default init (SELU: LeCun normal), zero biases.",
  },
};
