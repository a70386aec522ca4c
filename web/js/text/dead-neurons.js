// Text of <dead-neurons>: one table per language, the same keys.
export default {
  ko: {
    title: '죽은 뉴런: 모든 샘플에서 기울기가 0인 은닉 유닛의 비율',
    label: '학습 에포크에 따른 죽은 은닉 유닛 비율, 활성화 함수별',
    lr: '학습률', bias: '초기 편향', x: '에포크', restart: '다시 학습',
    dead: '죽은 유닛', diverged: '발산', of: (k, n) => `${k}/${n}`,
    th: ['활성화 함수', '죽은 유닛 비율', '죽은 유닛 수'], caption: (lr, b, e) => `학습률 ${lr}, 초기 편향 ${b}, ${e} 에포크 후`,
    note: '원 데이터(2차원 200점), 은닉층 3개 × 32 유닛, Adam, 배치 10. “죽음” = 모든 학습 샘플에서 f′(z) = 0.',
    predict: {
      question: '아래 설정으로 학습하면(기본값은 학습률 0.1, 20 에포크), ReLU 망의 은닉 유닛 96개 가운데 몇 개가 죽을까요?',
      choices: ['10% 미만', '약 4분의 1', '절반 이상'],
      why: (o) => `큰 학습률로 한 번 크게 움직인 가중치가 어떤 유닛의 가중합을 모든 샘플에서 음수로 만들면, 그 유닛의 기울기는 0이 되어 같은 데이터에서는 돌아오지 못합니다. ${o.others}`,
      others: '음수 쪽 기울기가 있는 LeakyReLU·ELU·SELU는 정의상 이렇게 죽지 않습니다.',
    },
  },
  en: {
    title: 'Dead neurons: hidden units with zero gradient on every sample',
    label: 'Share of dead hidden units over the training epochs, per activation',
    lr: 'learning rate', bias: 'initial bias', x: 'epoch', restart: 'train again',
    dead: 'dead units', diverged: 'diverged', of: (k, n) => `${k} of ${n}`,
    th: ['activation', 'dead share', 'dead units'], caption: (lr, b, e) => `learning rate ${lr}, initial bias ${b}, after ${e} epochs`,
    note: "'circle' data (2-D, 200 points), 3 hidden layers × 32 units, Adam, batches of 10. Dead = f′(z) = 0 for every training sample.",
    predict: {
      question: 'Trained with the settings below (by default learning rate 0.1, 20 epochs), how many of the ReLU net\'s 96 hidden units will be dead?',
      choices: ['under 10 %', 'about a quarter', 'more than half'],
      why: (o) => `One big step at a large learning rate can make a unit's weighted sum negative on every sample; its gradient is then 0 and on the same data it cannot come back. ${o.others}`,
      others: 'LeakyReLU, ELU and SELU keep a slope on the negative side, so by definition they cannot die this way.',
    },
  },
};
