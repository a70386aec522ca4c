// Text of <activation-guide>: one table per language, the same keys. `reason` is keyed by the
// rule id (C++ experiments::activation_guide), `experiment` by the page anchor the widget links to.
export default {
  ko: {
    title: '어떤 활성화 함수를 쓸까? (글의 10절, 그리고 그 이후)',
    q: {
      selfNormalizing: '네트워크가 자기 정규화될 수 있나요? (표준화된 입력, 르쿤 정규 초기화, 순차적으로 쌓은 밀집층)',
      speedCritical: '실행(추론) 속도가 아주 중요한가요?', overfitting: '네트워크가 과대적합되나요?',
      hugeTrainingSet: '훈련 세트가 아주 큰가요?', timeToCrossValidate: '여러 함수를 교차 검증할 시간과 계산 자원이 있나요?',
      transformer: '트랜스포머 계열 모델(어텐션 블록과 그 사이의 MLP)인가요? (글 이후의 질문)',
    },
    pick: '추천', also: '함께 적용되는 규칙', cv: '교차 검증으로 비교할 후보', ranking: '일반적인 순서',
    see: '실험 보기',
    reason: {
      'self-normalizing': '자기 정규화가 되는 구조라면 일반적으로 SELU가 1순위입니다. 조건이 맞으면 층을 여러 개 지나도 출력의 평균은 0, 표준편차는 1 근처에 머물러 그래디언트가 사라지거나 폭주하지 않습니다.',
      'no-self-normalizing': '자기 정규화 조건이 하나라도 깨지면 SELU의 보장이 사라지므로 ELU를 고릅니다. 음수 출력이 평균을 0 쪽으로 당기고, 죽는 뉴런도 없습니다.',
      'speed-relu': '속도가 중요하면 ReLU가 가장 좋은 선택입니다. 가장 널리 쓰이는 함수라 라이브러리와 하드웨어 가속기가 ReLU에 맞춰 최적화되어 있고, exp 없이 비교 한 번이면 됩니다.',
      'speed-leaky': 'LeakyReLU도 빠릅니다 (exp 없음, 곱셈 하나 추가). 하이퍼파라미터를 늘리고 싶지 않다면 프레임워크의 기본 α를 그대로 쓰세요 (케라스 0.3, 파이토치 0.01).',
      overfitting: '과대적합이면 RReLU: 훈련할 때마다 음수 쪽 기울기를 무작위로 뽑아 잡음을 섞으니 규제처럼 작용합니다.',
      'huge-data': '훈련 세트가 아주 크면 PReLU: 음수 쪽 기울기 α까지 데이터로 학습합니다. 데이터가 작으면 오히려 과대적합 위험이 있습니다.',
      'cross-validate': '시간과 계산 자원이 충분하면 한 가지를 믿지 말고 여러 후보를 교차 검증으로 직접 비교하세요.',
      transformer: '트랜스포머라면 GELU가 표준입니다. BERT와 GPT가 MLP 층에 GELU를 씁니다. 이런 모델에서는 행렬 곱이 시간 대부분을 차지하므로 exp나 erf의 비용이 선택을 좌우하지 않고, 잔차 연결과 정규화 층이 있어 SELU의 자기 정규화 조건은 처음부터 맞지 않습니다.',
      'transformer-gated': 'MLP를 게이트 방식(SwiGLU)으로 만든다면 SiLU입니다. LLaMA 계열 모델이 SiLU 한쪽 가지에 다른 선형 가지를 곱하는 SwiGLU를 씁니다.',
    },
    experiment: { selu: 'SELU 자기 정규화', elu: '속도 측정', rrelu: 'RReLU 훈련/평가 곡선', prelu: 'PReLU의 α 학습', race: '활성화 함수 경주', gelu: 'GELU 그래프', silu: 'SiLU 그래프' },
    linkBase: (v) => `link-base=${v}: 상대 경로나 http(s) 주소만 쓸 수 있습니다`,
  },
  en: {
    title: 'Which activation should I use? (section 10 of the post, and after)',
    q: {
      selfNormalizing: 'Can your network self-normalise? (standardised inputs, LeCun-normal init, a plain stack of dense layers)',
      speedCritical: 'Is runtime (inference) speed critical?', overfitting: 'Is the network overfitting?',
      hugeTrainingSet: 'Is the training set very large?', timeToCrossValidate: 'Do you have the time and compute to cross-validate several?',
      transformer: 'Is it a transformer-style model (attention blocks with MLPs between them)? (a question after the post)',
    },
    pick: 'Recommended', also: 'Other rules that apply', cv: 'Candidates to compare by cross-validation', ranking: 'General order',
    see: 'see the experiment',
    reason: {
      'self-normalizing': 'A network that can self-normalise generally does best with SELU: when its conditions hold, activations keep a mean near 0 and a standard deviation near 1 through many layers, so gradients neither vanish nor explode.',
      'no-self-normalizing': 'If any self-normalisation condition is broken, SELU loses its guarantee: pick ELU. Its negative outputs pull the mean towards 0 and no neuron dies.',
      'speed-relu': 'If speed matters, ReLU is the best choice: it is the most used activation, so libraries and hardware accelerators are optimised for it, and it needs one comparison, no exp.',
      'speed-leaky': 'LeakyReLU is fast too (no exp, one extra multiply). If you do not want another hyperparameter, keep your framework\'s default α (Keras 0.3, PyTorch 0.01).',
      overfitting: 'If the network overfits, use RReLU: drawing the negative slope at random during training injects noise that acts as a regulariser.',
      'huge-data': 'With a very large training set, use PReLU: it learns the negative slope α from the data too (on small data that extra freedom risks overfitting).',
      'cross-validate': 'With time and compute to spare, do not trust one rule: compare several candidates by cross-validation.',
      transformer: 'In a transformer, GELU is the standard: BERT and GPT use it in their MLP layers. In such models the matrix products take most of the time, so the cost of exp or erf does not decide, and the residual connections and normalisation layers break SELU\'s self-normalisation conditions from the start.',
      'transformer-gated': 'If the MLP is gated (SwiGLU), use SiLU: LLaMA-style models multiply a SiLU branch by a second linear branch.',
    },
    experiment: { selu: 'SELU self-normalisation', elu: 'speed measurement', rrelu: 'RReLU train/eval curves', prelu: 'PReLU learning α', race: 'the activation race', gelu: 'the GELU plot', silu: 'the SiLU plot' },
    linkBase: (v) => `link-base=${v}: a relative path or an http(s) URL only`,
  },
};
