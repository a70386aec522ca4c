// Text of <activation-plot>: one table per language, the same keys. Its own attribute messages
// (fn and the parameters' ranges) are here; the generic ones (not a number, not one of …) are in
// text/common.js.
export default {
  ko: {
    hint: '그래프 위에 포인터를 올리면 x, f(x), f′(x) 값이 보입니다.', log: '|f′| 로그 축', logPanel: '|f′(x)| (로그 축)',
    zero: 'f′ = 0 (로그 축 아래 끝)', range: (r) => `출력 범위 ${r}`,
    max: (v, x) => `f′ 최댓값 ${v} (x = ${x})`, band: '음영: 학습 때의 음수 쪽 기울기 a ~ U(l, u)',
    label: (t, a, b) => `${t} 함수 f(x)와 도함수 f′(x)의 그래프, x는 ${a}부터 ${b}까지`,
    summary: (t, a, b, f0, f1, r) => `${t}: x가 ${a}부터 ${b}까지일 때 f는 ${f0}에서 ${f1}까지 (출력 범위 ${r}).`,
    dmax: (m, x0, x1) => (x0 === x1 ? ` f′의 최댓값은 x = ${x0}에서 ${m}.` : ` f′의 최댓값은 ${m} (x = ${x0} … ${x1}).`),
    dconst: (m) => ` f′는 어디서나 ${m}.`, pieces: '조각에 따라 다름',
    missing: '필수 속성 fn이 없습니다', unknownFn: (v, ids) => `fn=${v}는 알 수 없는 활성화 함수입니다. 가능한 값: ${ids}`,
    outOfRange: (fn, n, v, a, b) => `${fn}의 ${n}는 ${a} 이상 ${b} 이하여야 합니다 (받은 값 ${v})`,
    notTaken: (fn, n, list) => `${fn}에는 매개변수 ${n}가 없습니다 (받는 매개변수: ${list || '없음'})`,
    order: (l, u) => `rrelu: lower(${l})는 upper(${u})보다 클 수 없습니다`,
    xrange: (a, b, lim) => `xmin(${a})은 xmax(${b})보다 작아야 하고 둘 다 ±${lim} 안이어야 합니다`,
    titles: {
      linear: '선형 (항등 함수)', sigmoid: '시그모이드 (로지스틱)', tanh: '쌍곡 탄젠트 (tanh)', relu: 'ReLU', leaky_relu: 'Leaky ReLU',
      rrelu: '무작위 Leaky ReLU (RReLU)', prelu: '매개변수 ReLU (PReLU)', elu: 'ELU', selu: 'SELU (스케일된 ELU)', maxout: '맥스아웃 (Maxout)',
      softplus: '소프트플러스 (Softplus)', silu: 'SiLU (Swish)', gelu: 'GELU', gelu_tanh: 'GELU (tanh 근사)', mish: 'Mish', hardswish: '하드 스위시 (Hard-swish)',
    },
  },
  en: {
    hint: 'Hover over the plot to read x, f(x) and f′(x).', log: 'log |f′| axis', logPanel: '|f′(x)| (log axis)',
    zero: 'f′ = 0 (bottom of the log axis)', range: (r) => `output range ${r}`,
    max: (v, x) => `max f′ = ${v} at x = ${x}`, band: 'shaded: training-time slopes a ~ U(l, u)',
    label: (t, a, b) => `Plot of ${t} f(x) and its derivative f′(x) for x from ${a} to ${b}`,
    summary: (t, a, b, f0, f1, r) => `${t}: for x from ${a} to ${b}, f goes from ${f0} to ${f1} (output range ${r}).`,
    dmax: (m, x0, x1) => (x0 === x1 ? ` f′ is largest, ${m}, at x = ${x0}.` : ` f′ is largest, ${m}, for x in [${x0}, ${x1}].`),
    dconst: (m) => ` f′ is ${m} everywhere.`, pieces: 'depends on the pieces',
    missing: 'the fn attribute is required', unknownFn: (v, ids) => `fn=${v} is not an activation; allowed: ${ids}`,
    outOfRange: (fn, n, v, a, b) => `${fn}: ${n} must be between ${a} and ${b} (got ${v})`,
    notTaken: (fn, n, list) => `${fn} takes no parameter ${n} (it takes: ${list || 'none'})`,
    order: (l, u) => `rrelu: lower (${l}) must not exceed upper (${u})`,
    xrange: (a, b, lim) => `xmin (${a}) must be less than xmax (${b}), both within ±${lim}`,
    // the engine's own names (its info table); the table wins over the engine for these ids
    titles: {
      linear: 'Linear (identity)', sigmoid: 'Sigmoid (logistic)', tanh: 'Hyperbolic tangent', relu: 'ReLU', leaky_relu: 'Leaky ReLU',
      rrelu: 'Randomized leaky ReLU', prelu: 'Parametric ReLU', elu: 'ELU', selu: 'SELU (scaled ELU)', maxout: 'Maxout',
      softplus: 'Softplus', silu: 'SiLU (Swish)', gelu: 'GELU', gelu_tanh: 'GELU (tanh approximation)', mish: 'Mish', hardswish: 'Hard-swish',
    },
  },
};
