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
    predict: {
      question: '같은 학습률로 목표 w*에 닿기까지, 시그모이드 입력(모두 양수)의 뉴런은 tanh 입력의 뉴런보다 몇 배나 걸음을 더 쓸까요?',
      choices: ['거의 같다 (1.5배 미만)', '1.5~8배', '8배 넘게'],
      why: (o) => (o.correct === 2 ? '입력이 모두 양수라 한 샘플의 갱신은 두 가중치를 같은 방향으로만 움직이고, 손실 등고선도 (1, −1) 방향으로 길게 늘어져 그 방향으로는 아주 천천히 나아갑니다.'
        : '학습률이 크면 이야기가 달라집니다. tanh 입력은 곡률이 더 커서 안정적으로 쓸 수 있는 걸음 크기가 작고, 그 한계를 넘으면 tanh 쪽이 진동합니다.'),
    },
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
    predict: {
      question: 'At the same learning rate, how many times more steps will the neuron with sigmoid inputs (all positive) need to reach w* than the one with tanh inputs?',
      choices: ['about the same (under 1.5×)', '1.5–8×', 'more than 8×'],
      why: (o) => (o.correct === 2 ? 'With all-positive inputs a one-sample update moves both weights in the same direction, and the loss contours are stretched along (1, −1), the direction the weights must travel, so progress along it is slow.'
        : 'A large learning rate changes the story: the tanh inputs give the loss more curvature, so their largest stable step is smaller, and beyond it the tanh neuron oscillates.'),
    },
  },
};
