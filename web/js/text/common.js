// Text every widget shares (the widget base and the attribute parsers use it): one table per
// language with the same keys. A widget's own text is in text/<element-name>.js.
const shownList = (ok) => ok.join(', ');

export default {
  ko: {
    engine: '계산 엔진을 불러오지 못했습니다: ',
    error: '이 위젯을 표시할 수 없습니다',
    downloadPlot: '그림 내려받기',
    csv: 'CSV',
    csvTitle: '표를 CSV 파일로 내려받기',
    pngTitle: '그림을 PNG 파일로 내려받기',
    svgTitle: '그림을 SVG 파일로 내려받기',
    predict: {
      skip: '예측 없이 결과 보기',
      yours: (a) => `내 예측: ${a}.`,
      right: '맞았습니다.',
      wrong: '빗나갔습니다.',
      measured: (m, c) => `측정값: ${m} (정답: ${c}).`,
      waiting: '실험이 끝나면 측정값과 비교합니다…',
    },
    attr: {
      notNumber: (n, v) => `${n}=${v}: 숫자가 아닙니다`,
      notInteger: (n, v) => `${n}=${v}: 정수가 아닙니다`,
      range: (n, v, a, b) => `${n}=${v}: 허용 범위는 [${a}, ${b}]입니다`,
      choice: (n, v, ok) => `${n}=${v}: 가능한 값은 ${shownList(ok)}입니다`,
      listItem: (n, v, ok) => `${n}: ${v}는 허용되지 않는 값입니다. 가능한 값: ${shownList(ok)}`,
      duplicate: (n, v) => `${n}=${v}: 중복된 값이 있습니다`,
      minCount: (n, k) => `${n}: 최소 ${k}개가 필요합니다`,
      pair: (n, v) => `${n}=${v}: "w1,w2"처럼 숫자 두 개여야 합니다`,
      empty: (n, example) => `${n}: 빈 항목이 있습니다 (예: ${example})`,
      maxCount: (n, k, got) => `${n}: 최대 ${k}개까지 가능합니다 (받은 개수 ${got})`,
    },
  },
  en: {
    engine: 'could not load the activation engine: ',
    error: 'This widget cannot be shown',
    downloadPlot: 'Download plot',
    csv: 'CSV',
    csvTitle: 'Download the table as a CSV file',
    pngTitle: 'Download the plot as a PNG file',
    svgTitle: 'Download the plot as an SVG file',
    predict: {
      skip: 'Just show me',
      yours: (a) => `Your prediction: ${a}.`,
      right: 'Right.',
      wrong: 'Not quite.',
      measured: (m, c) => `Measured: ${m} (answer: ${c}).`,
      waiting: 'Once the experiment finishes, your answer is compared with the measurement…',
    },
    attr: {
      notNumber: (n, v) => `${n}=${v}: not a number`,
      notInteger: (n, v) => `${n}=${v}: not a whole number`,
      range: (n, v, a, b) => `${n}=${v}: must be in [${a}, ${b}]`,
      choice: (n, v, ok) => `${n}=${v}: allowed: ${shownList(ok)}`,
      listItem: (n, v, ok) => `${n}: ${v} is not allowed; allowed: ${shownList(ok)}`,
      duplicate: (n, v) => `${n}=${v}: duplicate entries`,
      minCount: (n, k) => `${n}: at least ${k}`,
      pair: (n, v) => `${n}=${v}: two numbers "w1,w2"`,
      empty: (n, example) => `${n}: empty entry (e.g. ${example})`,
      maxCount: (n, k, got) => `${n}: at most ${k}, got ${got}`,
    },
  },
};
