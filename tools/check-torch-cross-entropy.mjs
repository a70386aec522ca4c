// node tools/check-torch-cross-entropy.mjs [DIST]  — loss: 'cross_entropy' against real PyTorch.
// For every activation and C = 2, 3, 5 classes: a network is trained a few epochs in wasm (so the
// weights are not the initial ones), then lossAndGradient(X, Y) is taken twice — as trained, and
// with the output layer scaled by 2000 (logits hundreds apart, losses in the hundreds: the stable path). Each network is
// exported with toJSON() and loaded by the race's own snippet (web/js/widgets/race/python.js) into
// torch.nn.Sequential in float64; the snippet's loss_fn (nn.CrossEntropyLoss for this loss) gives the
// loss on Y as a LongTensor, backward() the parameter gradients, which are compared in state_dict
// order with ours. Passes when every loss is within 1e-12 relative and every gradient element within
// 1e-9 relative (of max(|torch's element|, 1e-6 * the largest element of that gradient)); prints the
// worst of each per case and overall. Needs Debian's python3-torch; exits non-zero on a mismatch.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { pythonSnippet } from '../web/js/widgets/race/python.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.resolve(process.argv[2] || path.join(ROOT, 'dist'));
const M = await createRequire(import.meta.url)(path.join(dist, 'activations.js'))();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'torch-ce-'));
const N = 23; // odd: a padding row in the pair-major kernels
const X = Float64Array.from({ length: 2 * N }, (_, i) => Math.sin(1.3 * i + 0.2) * 1.2);
const files = [];
for (const id of M.activationIds()) {
  for (const C of [2, 3, 5]) {
    const Y = Float64Array.from({ length: N }, (_, i) => (i * 7 + (X[2 * i] > 0 ? 1 : 0)) % C);
    const net = new M.Network({ layers: [2, 6, 5, C], activation: id, loss: 'cross_entropy', optimizer: 'adam', learningRate: 0.05, batchSize: 5, seed: 3 });
    try {
      for (let e = 0; e < 5; e++) net.trainEpoch(X, Y);
      for (const scaled of [false, true]) {
        if (scaled) { // the output layer's weight and bias are the last (C * 5 + C) parameters
          const p = net.getParameters();
          for (let k = p.length - 6 * C; k < p.length; k++) p[k] *= 2000;
          net.setParameters(p);
        }
        const { loss, gradient } = net.lossAndGradient(X, Y);
        const name = path.join(dir, `race-${id}-${C}${scaled ? '-big' : ''}.json`);
        fs.writeFileSync(name, net.toJSON());
        fs.writeFileSync(name.replace('.json', '.expected.json'),
          JSON.stringify({ x: Array.from(X), y: Array.from(Y), loss, gradient: Array.from(gradient) }));
        files.push(name);
      }
    } finally {
      net.delete();
    }
  }
}
const snippet = pythonSnippet({ maxout: '', module: '', eval: '', prob: '', loss: '' });
const check = `
import json, sys, torch
src = ${JSON.stringify(snippet)}
worst_loss = worst_grad = 0.0
for name in sys.argv[1:]:
    env = {}
    exec(src.replace('"race-relu.json"', json.dumps(name)), env)
    net, loss_fn = env["net"], env["loss_fn"]
    assert isinstance(loss_fn, torch.nn.CrossEntropyLoss), type(loss_fn)
    exp = json.load(open(name.replace('.json', '.expected.json')))
    x = torch.tensor(exp["x"], dtype=torch.float64).view(-1, 2)
    y = torch.tensor(exp["y"], dtype=torch.int64)
    net.zero_grad()
    loss = loss_fn(net(x), y)
    loss.backward()
    assert abs(loss.item() - torch.nn.functional.cross_entropy(net(x), y).item()) == 0.0
    g = torch.cat([p.grad.reshape(-1) for p in net.parameters()]).tolist()
    ours = exp["gradient"]
    assert len(g) == len(ours), (len(g), len(ours))
    el = abs(exp["loss"] - loss.item()) / abs(loss.item())
    floor = 1e-6 * max(abs(v) for v in g)
    eg = max(abs(a - b) / max(abs(b), floor, 1e-300) for a, b in zip(ours, g))
    print(f"{name.split('race-')[-1][:-5]:16s} loss {loss.item():<12.6g} rel. error: loss {el:.1e}  gradient {eg:.1e}")
    worst_loss, worst_grad = max(worst_loss, el), max(worst_grad, eg)
print(f"worst relative error over {len(sys.argv) - 1} cases: loss {worst_loss:.2e} (limit 1e-12), gradient {worst_grad:.2e} (limit 1e-9)")
sys.exit(0 if worst_loss <= 1e-12 and worst_grad <= 1e-9 else 1)
`;
try {
  const python = fs.existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
  process.stdout.write(execFileSync(python, ['-c', check, ...files], { encoding: 'utf8', maxBuffer: 1 << 24 }));
} catch (e) {
  process.stdout.write(e.stdout || '');
  process.stderr.write(e.stderr || String(e));
  process.exitCode = 1;
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
