// Text of <zigzag-descent>: one table per language, the same keys.
export default {
  ko: {
    title: '지그재그: 입력이 모두 양수일 때의 경사 하강',
    lr: '학습률', replay: '다시 재생', newData: '새 데이터',
    panel: { sigmoid: '시그모이드 출력 (모두 양수)', tanh: 'tanh 출력 (0 중심)' },
    steps: '수렴까지 걸음 수', same: '두 성분의 부호가 같은 갱신', never: (n) => `${n}걸음 안에 수렴하지 못함`,
    th: ['입력', '수렴까지 걸음', '부호가 같은 갱신'],
    caption: (tol) => `|w − w*| < ${tol}가 될 때까지의 SGD 걸음 수 (샘플 하나씩)`,
    legend: '● 시작  ★ 목표 w*  선: 가중치 경로',
    label: (k) => `손실 등고선 위 두 가중치의 경로, 입력: ${k}`,
    summary: (rows) => rows.map((r) => `${r.name}: ${r.conv}, 부호가 같은 갱신 ${r.same}/${r.steps}`).join('. '),
  },
  en: {
    title: 'Zig-zag: gradient descent with all-positive inputs',
    lr: 'learning rate', replay: 'replay', newData: 'new data',
    panel: { sigmoid: 'sigmoid outputs (all positive)', tanh: 'tanh outputs (zero-centred)' },
    steps: 'steps to converge', same: 'updates whose two components share a sign', never: (n) => `not converged in ${n} steps`,
    th: ['inputs', 'steps to converge', 'same-sign updates'],
    caption: (tol) => `SGD steps (one sample each) until |w − w*| < ${tol}`,
    legend: '● start  ★ target w*  line: path of the weights',
    label: (k) => `Path of the two weights over the loss contours, inputs: ${k}`,
    summary: (rows) => rows.map((r) => `${r.name}: ${r.conv}, same-sign updates ${r.same} of ${r.steps}`).join('. '),
  },
};
