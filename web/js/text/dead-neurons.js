// Text of <dead-neurons>: one table per language, the same keys.
export default {
  ko: {
    title: '죽은 유닛과 침묵하는 유닛: 모든 샘플에서 그래디언트가 0이거나 가중합이 0 이하인 은닉 유닛의 비율',
    label: '학습 에포크에 따른 은닉 유닛 비율, 활성화 함수별: 위는 죽은 유닛(모든 샘플에서 f′(z) = 0), 아래는 침묵하는 유닛(모든 샘플에서 z ≤ 0)',
    lr: '학습률', bias: '초기 편향', x: '에포크', restart: '다시 학습',
    dead: '죽은 유닛', silent: '침묵하는 유닛', diverged: '발산', of: (k, n) => `${k}/${n}`,
    short: (d, s) => `죽음 ${d} · 침묵 ${s}`,
    th: ['활성화 함수', '죽은 유닛 비율', '죽은 유닛 수', '침묵하는 유닛 비율', '침묵하는 유닛 수'],
    caption: (lr, b, e) => `학습률 ${lr}, 초기 편향 ${b}, ${e} 에포크 후`,
    note: '원 데이터(2차원 200점), 은닉층 3개 × 32 유닛, Adam, 배치 10. 죽음 = 모든 학습 샘플에서 f′(z) = 0(그 유닛의 가중치로 그래디언트가 오지 않음). 침묵 = 모든 학습 샘플에서 z ≤ 0(양수 쪽을 한 번도 쓰지 않음). ReLU는 f′(0) = 0이라 두 집합이 같고, LeakyReLU·ELU·SELU는 음수 쪽 기울기가 있어 죽지는 않지만 침묵할 수는 있습니다. 죽음이 영원한 것은 고정된 데이터에서 첫 번째 은닉층 유닛에 한한 이야기입니다. 더 깊은 유닛은 앞 층이 바뀌면 다시 살아날 수 있고, Adam은 그래디언트가 0이 된 가중치도 모멘텀으로 얼마 동안 더 움직입니다.',
    predict: {
      question: '아래 설정으로 학습하면(기본값은 학습률 0.1, 20 에포크), ReLU 망의 은닉 유닛 96개 가운데 몇 개가 죽을까요?',
      choices: ['10% 미만', '약 4분의 1', '절반 이상'],
      why: (o) => `큰 학습률로 한 번 크게 움직인 가중치가 어떤 유닛의 가중합을 모든 샘플에서 0 이하로 만들면, ReLU에서는 그 유닛의 그래디언트가 0이 됩니다. 첫 번째 층이라면 같은 데이터에서는 돌아오지 못하고, 더 깊은 층이라면 앞 층이 바뀌면서 돌아올 수도 있습니다. ${o.others}`,
      others: (rows) => rows.length
        ? `같은 설정에서 ${rows.map((r) => `${r.name}는 죽은 유닛 ${r.dead}, 침묵하는 유닛 ${r.silent}`).join(', ')}입니다. 음수 쪽 기울기 덕분에 죽지는 않아도, 가중합이 늘 음수인 유닛은 그 작은 기울기로만 배웁니다.`
        : '음수 쪽 기울기가 있는 활성화 함수는 f′가 0이 되지 않으니 죽지는 않지만, 가중합이 늘 음수인(침묵하는) 유닛은 생길 수 있습니다.',
    },
  },
  en: {
    title: 'Dead and silent units: hidden units with zero gradient, or a weighted sum ≤ 0, on every sample',
    label: 'Share of hidden units over the training epochs, per activation: top, dead units (f′(z) = 0 on every sample); bottom, silent units (z ≤ 0 on every sample)',
    lr: 'learning rate', bias: 'initial bias', x: 'epoch', restart: 'train again',
    dead: 'dead units', silent: 'silent units', diverged: 'diverged', of: (k, n) => `${k} of ${n}`,
    short: (d, s) => `dead ${d} · silent ${s}`,
    th: ['activation', 'dead share', 'dead units', 'silent share', 'silent units'],
    caption: (lr, b, e) => `learning rate ${lr}, initial bias ${b}, after ${e} epochs`,
    note: "'circle' data (2-D, 200 points), 3 hidden layers × 32 units, Adam, batches of 10. Dead = f′(z) = 0 on every training sample (no gradient reaches the unit's weights). Silent = z ≤ 0 on every training sample (the unit never uses its positive side). For ReLU, f′(0) = 0, so the two sets are the same; LeakyReLU, ELU and SELU keep a slope on the negative side, so they never die, but they can fall silent. Dead is for good only for a first-layer unit on a fixed data set: a deeper unit can come back when the layers before it change, and Adam keeps moving a weight on its momentum for a while after its gradient has become 0.",
    predict: {
      question: 'Trained with the settings below (by default learning rate 0.1, 20 epochs), how many of the ReLU net\'s 96 hidden units will be dead?',
      choices: ['under 10 %', 'about a quarter', 'more than half'],
      why: (o) => `One big step at a large learning rate can make a unit's weighted sum ≤ 0 on every sample; with ReLU its gradient is then 0. In the first layer it cannot come back on the same data; in a deeper layer it may, as the layers before it change. ${o.others}`,
      others: (rows) => rows.length
        ? `At the same setting: ${rows.map((r) => `${r.name} ${r.dead} dead, ${r.silent} silent`).join('; ')}. Their negative-side slope keeps them from dying, but a unit whose sum is always negative learns only through that small slope.`
        : 'Activations with a slope on the negative side never have f′ = 0, so they do not die, but they can still have silent units whose weighted sum is always negative.',
    },
  },
};
