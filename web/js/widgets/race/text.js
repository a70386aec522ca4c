// Reader-facing text of <activation-race> in Korean and English, and the Python snippet that
// loads an exported network into torch.nn.Sequential (format: cpp/network.cpp Network::to_json —
// "modules" in Sequential order, "state_dict" with PyTorch keys; Maxout is Linear(in, out*k)
// followed by a max over each unit's k consecutive rows, which torch has no built-in module for).

export const TEXT = {
  ko: {
    title: '활성화 함수 경주', dataset: '데이터', noise: '잡음', layers: '은닉층', units: '유닛', lr: '학습률',
    optimizer: '옵티마이저', batch: '배치', seed: '시드', activations: '참가하는 활성화 함수',
    play: '▶ 재생', pause: '■ 일시정지', step: '한 에포크', reset: '처음부터',
    datasets: { circle: '원', xor: 'XOR', gaussian: '가우시안', spiral: '나선' },
    epoch: (n, target) => `에포크 ${n}${Number.isFinite(target) ? ` / ${target}` : ''}`,
    lossTitle: '손실 (로그 축) — 실선: 훈련, 점선: 테스트', xLabel: '에포크',
    boundaries: '결정 경계 (색: 모델이 예측한 클래스 1의 확률, 점: 데이터)',
    th: ['활성화 함수', '훈련 손실', '테스트 손실', '훈련 정확도', '테스트 정확도', (t) => `손실 < ${t}까지 에포크`, '에포크당 ms', '상태'],
    caption: '경주 결과 표 (실시간으로 갱신)',
    running: '학습 중', paused: '멈춤', done: '완료', notYet: '아직',
    diverged: '발산함 — 학습률을 낮추세요',
    csv: 'CSV 내려받기 (에포크별 손실)', json: 'PyTorch JSON 내려받기', jsonFor: '내보낼 네트워크',
    help: 'PyTorch에서 불러오기',
    helpText: '내려받은 JSON의 "modules"는 nn.Sequential의 층 순서, "state_dict"는 PyTorch 키(0.weight, 0.bias, …)입니다. Maxout은 PyTorch에 내장 모듈이 없어서 아래처럼 직접 정의합니다. 출력은 로짓이므로 확률은 sigmoid를 씌워 얻습니다.',
    engine: '계산 엔진을 불러오지 못했습니다: ', error: '경주를 시작할 수 없습니다',
    summary: (n, best) => `${n}개의 네트워크가 같은 초기 가중치에서 학습합니다.${best ? ` 현재 훈련 손실이 가장 낮은 것은 ${best}입니다.` : ''}`,
    heatLabel: (id, acc) => `${id}의 결정 경계와 데이터 점${acc ? `, 테스트 정확도 ${acc}` : ''}`,
    chartLabel: '활성화 함수별 훈련·테스트 손실 곡선 (로그 축). 숫자는 아래 표에 있습니다.',
  },
  en: {
    title: 'Activation race', dataset: 'Data', noise: 'Noise', layers: 'Hidden layers', units: 'Units', lr: 'Learning rate',
    optimizer: 'Optimiser', batch: 'Batch', seed: 'Seed', activations: 'Taking part',
    play: '▶ Play', pause: '■ Pause', step: 'Step one epoch', reset: 'Reset',
    datasets: { circle: 'circle', xor: 'XOR', gaussian: 'Gaussian', spiral: 'spiral' },
    epoch: (n, target) => `epoch ${n}${Number.isFinite(target) ? ` / ${target}` : ''}`,
    lossTitle: 'Loss (log axis) — solid: train, dashed: test', xLabel: 'epoch',
    boundaries: 'Decision boundaries (colour: predicted probability of class 1; dots: the data)',
    th: ['Activation', 'Train loss', 'Test loss', 'Train acc.', 'Test acc.', (t) => `Epochs to loss < ${t}`, 'ms / epoch', 'State'],
    caption: 'Race results (updated live)',
    running: 'training', paused: 'paused', done: 'done', notYet: 'not yet',
    diverged: 'diverged — lower the learning rate',
    csv: 'Download CSV (loss per epoch)', json: 'Download PyTorch JSON', jsonFor: 'Network to export',
    help: 'Loading it in PyTorch',
    helpText: 'In the downloaded JSON, "modules" lists the nn.Sequential layers in order and "state_dict" uses PyTorch keys (0.weight, 0.bias, …). PyTorch has no built-in Maxout, so the snippet defines one. The output is a logit; apply sigmoid for a probability.',
    engine: 'could not load the activation engine: ', error: 'Cannot start the race',
    summary: (n, best) => `${n} networks train from the same initial weights.${best ? ` Lowest training loss so far: ${best}.` : ''}`,
    heatLabel: (id, acc) => `Decision boundary of ${id} with the data points${acc ? `, test accuracy ${acc}` : ''}`,
    chartLabel: 'Training and test loss per activation (log axis). The numbers are in the table below.',
  },
};

export const PYTHON_SNIPPET = `import json, re, torch
from torch import nn

class Maxout(nn.Module):   # unit j = max of rows j*k .. j*k+k-1 of the Linear before it
    def __init__(self, k):
        super().__init__(); self.k = int(k)
    def forward(self, x):
        return x.view(x.shape[0], -1, self.k).amax(2)

def module(spec):          # "Linear(2, 8)" -> nn.Linear(2, 8), without eval()
    name, args = re.fullmatch(r"(\\w+)\\((.*)\\)", spec).groups()
    nums = [float(a) if re.search(r"[.eE]", a) else int(a) for a in args.split(",") if a.strip()]
    return Maxout(*nums) if name == "Maxout" else getattr(nn, name)(*nums)

d = json.load(open("race-relu.json"))
net = nn.Sequential(*map(module, d["modules"])).double()
net.load_state_dict({k: torch.tensor(v, dtype=torch.float64) for k, v in d["state_dict"].items()})
net.eval()                 # RReLU: the mean slope, as in the race's boundaries
p = torch.sigmoid(net(torch.tensor([[0.2, -0.4]], dtype=torch.float64)))  # P(class 1)
`;
