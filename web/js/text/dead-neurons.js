// Text of <dead-neurons>: one table per language, the same keys.
export default {
  ko: {
    title: '죽은 뉴런: 모든 샘플에서 기울기가 0인 은닉 유닛의 비율',
    label: '학습 에포크에 따른 죽은 은닉 유닛 비율, 활성화 함수별',
    lr: '학습률', bias: '초기 편향', x: '에포크', restart: '다시 학습',
    dead: '죽은 유닛', diverged: '발산', of: (k, n) => `${k}/${n}`,
    th: ['활성화 함수', '죽은 유닛 비율', '죽은 유닛 수'], caption: (lr, b, e) => `학습률 ${lr}, 초기 편향 ${b}, ${e} 에포크 후`,
    note: '원 데이터(2차원 200점), 은닉층 3개 × 32 유닛, Adam, 배치 10. “죽음” = 모든 학습 샘플에서 f′(z) = 0.',
  },
  en: {
    title: 'Dead neurons: hidden units with zero gradient on every sample',
    label: 'Share of dead hidden units over the training epochs, per activation',
    lr: 'learning rate', bias: 'initial bias', x: 'epoch', restart: 'train again',
    dead: 'dead units', diverged: 'diverged', of: (k, n) => `${k} of ${n}`,
    th: ['activation', 'dead share', 'dead units'], caption: (lr, b, e) => `learning rate ${lr}, initial bias ${b}, after ${e} epochs`,
    note: "'circle' data (2-D, 200 points), 3 hidden layers × 32 units, Adam, batches of 10. Dead = f′(z) = 0 for every training sample.",
  },
};
