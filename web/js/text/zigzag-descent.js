// Text of <zigzag-descent>: one table per language, the same keys.
export default {
  ko: {
    title: '지그재그: 입력이 모두 양수일 때의 경사 하강',
    lr: '학습률', replay: '다시 재생', newData: '새 데이터',
    panel: { sigmoid: '시그모이드 출력 (모두 양수)', tanh: 'tanh 출력 (0 중심)' },
    steps: '수렴까지 걸음 수', same: '두 성분의 부호가 같은 갱신', never: (n) => `${n}걸음 안에 수렴하지 못함`,
    th: ['입력', '수렴까지 걸음', '부호가 같은 갱신'],
    caption: (tol) => `|w − w*| < ${tol}가 될 때까지의 걸음 수`,
    legend: '● 시작  ★ 목표 w*  선: 가중치 경로  점선 십자: 등고선 타원의 두 축 방향(C의 고유 방향, 고유값 λ; 긴 축이 λ가 작은 느린 방향)',
    mode: '한 걸음에 쓰는 데이터', modes: { single: '샘플 하나 (SGD)', batch: '배치 전체 (평균 그래디언트)' },
    curvature: (big, small, msq) => `C의 고유값 ${big} / ${small} · 평균 |x|² ${msq}`,
    explain: (f) => {
      const out = [], s = f.sig, t = f.tanh;
      if (!f.batch) {
        if (s) out.push(`샘플 하나로 한 걸음: 갱신은 −학습률·e·x입니다. 시그모이드 입력은 모두 양수라 두 성분이 늘 e와 같은 부호를 가집니다. 갱신 ${s.total}번 가운데 ${s.same}번(${s.sharePct}%)이 두 가중치를 같은 방향으로 움직였습니다${t ? `(tanh 입력은 ${t.sharePct}%)` : ''}. 이것이 첫 번째 원인이고, “배치 전체”로 바꾸면 두 번째 원인이 보입니다.`);
        if (s && t && (s.over > 0 || t.over > 0)) out.push(`학습률 ${f.lr}에서는 샘플 x 하나로 내딛는 걸음이 그 샘플의 오차에 1 − 학습률·|x|²를 곱합니다. 학습률·|x|² > 2이면 부호가 뒤집히며 오차가 오히려 커지는데, tanh 점 ${t.points}개 중 ${t.over}개, 시그모이드 점 중 ${s.over}개가 그렇습니다. tanh 출력은 크기가 더 커서(평균 |x|² ${t.meanSq} 대 ${s.meanSq}) 샘플 하나의 곡률이 크고, 그만큼 안정적으로 쓸 수 있는 걸음이 작습니다.${f.tanhSlower ? ` 그래서 지금은 tanh 쪽이 더 느립니다(${t.converged ? `${t.steps}걸음` : `${t.steps}걸음 안에 수렴하지 못함`} 대 ${s.steps}걸음).` : ''}`);
      } else {
        if (s) out.push(`배치 전체로 한 걸음: 갱신은 −학습률·C(w − w*)입니다. 이제 두 성분의 부호가 달라도 되는데(시그모이드 입력에서 같은 부호인 갱신 ${s.sharePct}%), 그래도 ${s.converged ? `${s.steps}걸음` : `${s.steps}걸음 넘게`}이나 걸립니다. 원인은 조건수입니다. C = E[xxᵀ]의 두 고유값(${s.big}, ${s.small})이 ${s.ratio}배나 차이 나고, 점선 십자가 두 고유 방향입니다.${f.alongSlow ? ` 시작점에서 w*로 가는 길이 바로 λ = ${s.small}인 평평한 방향이라, 한 걸음마다 남은 거리의 학습률·λ만큼밖에 줄지 않습니다.` : ''}${t ? ` tanh 입력에서는 그 비가 ${t.ratio}라 등고선이 거의 원입니다.` : ''} (LeCun 외, “Efficient BackProp”, 1998)`);
        if (s && t) out.push(`배치 경사 하강은 학습률 < 2/λ_max일 때 안정적입니다. 이 한계가 시그모이드 입력은 ${s.limit}, tanh 입력은 ${t.limit}입니다.${f.bothStable ? ' 그래서 이 슬라이더(최대 2)의 범위에서는 둘 다 안정적이고, 큰 학습률에서 tanh가 느려지는 현상은 샘플 하나씩 갈 때의 일입니다.' : ''}`);
      }
      return out;
    },
    label: (k) => `손실 등고선 위 두 가중치의 경로, 입력: ${k}`,
    summary: (rows) => rows.map((r) => `${r.name}: ${r.conv}, 부호가 같은 갱신 ${r.same}/${r.steps}`).join('. '),
    predict: {
      question: '같은 학습률로 목표 w*에 닿기까지, 시그모이드 입력(모두 양수)의 뉴런은 tanh 입력의 뉴런보다 몇 배나 걸음을 더 쓸까요?',
      choices: ['거의 같다 (1.5배 미만)', '1.5~8배', '8배 넘게'],
      why: (o) => (o.correct === 2 ? `${o.batch ? '배치 전체의 갱신은 두 가중치를 서로 다른 방향으로도 움직일 수 있지만,' : '입력이 모두 양수라 한 샘플의 갱신은 두 가중치를 같은 방향으로만 움직이고,'} 손실 등고선이 (1, −1) 방향으로 길게 늘어져(곡률이 작은 방향) 그 방향으로는 아주 천천히 나아갑니다.`
        : o.batch ? '배치 전체로 가면 학습률이 클수록 둘 다 빨라지고, 차이는 등고선의 모양(C의 고유값 비)에서만 옵니다.'
          : '학습률이 크면 이야기가 달라집니다. tanh 입력은 샘플 하나의 곡률(|x|²)이 더 커서 안정적으로 쓸 수 있는 걸음 크기가 작고, 그 한계를 넘으면 tanh 쪽이 진동합니다.'),
    },
  },
  en: {
    title: 'Zig-zag: gradient descent with all-positive inputs',
    lr: 'learning rate', replay: 'replay', newData: 'new data',
    panel: { sigmoid: 'sigmoid outputs (all positive)', tanh: 'tanh outputs (zero-centred)' },
    steps: 'steps to converge', same: 'updates whose two components share a sign', never: (n) => `not converged in ${n} steps`,
    th: ['inputs', 'steps to converge', 'same-sign updates'],
    caption: (tol) => `steps until |w − w*| < ${tol}`,
    legend: '● start  ★ target w*  line: path of the weights  dashed cross: the directions of the contour ellipses\' two axes (eigen-directions of C, eigenvalue λ; the long axis is the slow, small-λ direction)',
    mode: 'data per step', modes: { single: 'one sample (SGD)', batch: 'whole batch (mean gradient)' },
    curvature: (big, small, msq) => `eigenvalues of C ${big} / ${small} · mean |x|² ${msq}`,
    explain: (f) => {
      const out = [], s = f.sig, t = f.tanh;
      if (!f.batch) {
        if (s) out.push(`One sample per step: the update is −lr·e·x. Sigmoid inputs are all positive, so both components always take the sign of e: ${s.same} of ${s.total} updates (${s.sharePct} %) moved both weights the same way${t ? ` (tanh inputs: ${t.sharePct} %)` : ''}. That is the first cause; switch to “whole batch” to see the second.`);
        if (s && t && (s.over > 0 || t.over > 0)) out.push(`At learning rate ${f.lr}, a step on one sample x multiplies that sample's error by 1 − lr·|x|². When lr·|x|² > 2 the error flips sign and grows: that is ${t.over} of the ${t.points} tanh points and ${s.over} of the sigmoid points. tanh outputs are larger (mean |x|² ${t.meanSq} against ${s.meanSq}), so each sample brings more curvature and the largest stable step is smaller.${f.tanhSlower ? ` That is why the tanh neuron is the slower one here (${t.converged ? `${t.steps} steps` : `not converged in ${t.steps} steps`} against ${s.steps}).` : ''}`);
      } else {
        if (s) out.push(`Whole batch per step: the update is −lr·C(w − w*). Its components may now differ in sign (sigmoid inputs: ${s.sharePct} % same-sign updates), yet it still takes ${s.converged ? `${s.steps} steps` : `more than ${s.steps} steps`}. The cause is conditioning: C = E[xxᵀ] has eigenvalues ${s.big} and ${s.small} (a ratio of ${s.ratio}), and the dashed cross shows their directions.${f.alongSlow ? ` The way from the start to w* runs along the flat λ = ${s.small} direction, where each step removes only lr·λ of the remaining distance.` : ''}${t ? ` With tanh inputs the ratio is ${t.ratio}, so the contours are nearly circles.` : ''} (LeCun et al., “Efficient BackProp”, 1998)`);
        if (s && t) out.push(`Whole-batch descent is stable while lr < 2/λ_max: ${s.limit} for the sigmoid inputs, ${t.limit} for tanh.${f.bothStable ? ' So on this slider (up to 2) both are stable, and the slow-down of tanh at large learning rates happens only one sample at a time.' : ''}`);
      }
      return out;
    },
    label: (k) => `Path of the two weights over the loss contours, inputs: ${k}`,
    summary: (rows) => rows.map((r) => `${r.name}: ${r.conv}, same-sign updates ${r.same} of ${r.steps}`).join('. '),
    predict: {
      question: 'At the same learning rate, how many times more steps will the neuron with sigmoid inputs (all positive) need to reach w* than the one with tanh inputs?',
      choices: ['about the same (under 1.5×)', '1.5–8×', 'more than 8×'],
      why: (o) => (o.correct === 2 ? `${o.batch ? 'A whole-batch update can move the two weights in different directions, but' : 'With all-positive inputs a one-sample update moves both weights in the same direction, and'} the loss contours are stretched along (1, −1), the low-curvature direction the weights must travel, so progress along it is slow.`
        : o.batch ? 'With the whole batch, a larger learning rate speeds both up; the gap comes only from the contours\' shape (the ratio of C\'s eigenvalues).'
          : 'A large learning rate changes the story: each tanh sample brings more curvature (|x|²), so the largest stable step is smaller, and beyond it the tanh neuron oscillates.'),
    },
  },
};
