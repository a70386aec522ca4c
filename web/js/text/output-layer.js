// Text of <output-layer>: one table per language, the same keys.
export default {
  ko: {
    title: '출력층: 시그모이드 + MSE, 그리고 로짓에서 바로 계산한 BCE',
    label: '정답 y = 1인 샘플 하나에서 로짓 z에 따른 손실(위)과 그래디언트 ∂L/∂z(아래). 두 곡선: 시그모이드 뒤 제곱 오차, 로짓에서 계산한 이진 교차 엔트로피',
    mse: '시그모이드 + MSE', bce: '시그모이드 + BCE (로짓에서)',
    loss: '손실 L', grad: '그래디언트 ∂L/∂z', x: '로짓 z',
    z: '로짓 z',
    at: (z, p) => `z = ${z}에서 σ(z) = ${p}`,
    pair: (name, l, g) => `${name}: L = ${l}, ∂L/∂z = ${g}`,
    th: ['z', 'σ(z)', 'MSE 손실', 'MSE ∂L/∂z', 'BCE 손실', 'BCE ∂L/∂z'],
    caption: '정답 y = 1일 때 로짓 z별 손실과 그래디언트',
    note: '샘플 하나, 정답 y = 1. MSE는 L = (σ(z) − 1)², BCE는 L = −log σ(z)를 로짓 z에서 바로 계산합니다. 모든 값은 C++ 코어가 계산합니다.',
    predict: {
      question: '망이 확신하면서 틀렸습니다: 정답은 y = 1인데 로짓이 z = −6입니다. 어느 출력층이 더 큰 그래디언트 ∂L/∂z로 망을 고쳐 줄까요?',
      choices: ['시그모이드 + MSE', '시그모이드 + BCE (로짓에서)', '둘이 거의 같다'],
      why: (o) => `MSE의 그래디언트에는 σ′(z)가 곱해지는데, 포화된 z = −6에서는 σ′가 거의 0이라 ${o.mse}에 그칩니다. BCE는 σ′가 약분되어 p − y = ${o.bce}가 남고, 약 ${o.ratio}배 큽니다.`,
    },
  },
  en: {
    title: 'The output layer: sigmoid + MSE, and BCE computed on the logit',
    label: 'For one sample with target y = 1: the loss (top) and its gradient ∂L/∂z (bottom) as functions of the logit z, for the squared error after a sigmoid and for binary cross-entropy on the logit',
    mse: 'sigmoid + MSE', bce: 'sigmoid + BCE (on the logit)',
    loss: 'loss L', grad: 'gradient ∂L/∂z', x: 'logit z',
    z: 'logit z',
    at: (z, p) => `at z = ${z}, σ(z) = ${p}`,
    pair: (name, l, g) => `${name}: L = ${l}, ∂L/∂z = ${g}`,
    th: ['z', 'σ(z)', 'MSE loss', 'MSE ∂L/∂z', 'BCE loss', 'BCE ∂L/∂z'],
    caption: 'Loss and gradient for each logit z, target y = 1',
    note: 'One sample, target y = 1. MSE: L = (σ(z) − 1)²; BCE: L = −log σ(z), computed directly from the logit z. Every value is computed by the C++ core.',
    predict: {
      question: 'The network is sure and wrong: the target is y = 1 but the logit is z = −6. Which output layer gives the larger gradient ∂L/∂z to correct it?',
      choices: ['sigmoid + MSE', 'sigmoid + BCE (on the logit)', 'about the same'],
      why: (o) => `The MSE gradient carries a factor σ′(z), which is nearly 0 at the saturated z = −6, so it is only ${o.mse}. With BCE the σ′ cancels and p − y = ${o.bce} remains, about ${o.ratio} times larger.`,
    },
  },
};
