// node tools/check-torch-export.mjs [DIST]  — the race's PyTorch export, checked against real PyTorch.
// For every activation: a small network is trained a few epochs in wasm, exported with toJSON(), and
// loaded by the one snippet the race shows its readers (web/js/widgets/race/python.js) into
// torch.nn.Sequential in float64; its eval-mode outputs must equal predict()'s to 1e-12 relative.
// Needs Debian's python3-torch (apt-get install python3-torch); prints one line per activation and
// exits non-zero on any mismatch.
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
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'torch-export-'));
const X = Array.from({ length: 40 }, (_, i) => [Math.sin(i), Math.cos(1.7 * i)]).flat();
const Y = Array.from({ length: 20 }, (_, i) => (Math.sin(i) * Math.cos(1.7 * i) > 0 ? 1 : 0));
const ids = M.activationIds();
for (const id of ids) {
  const net = new M.Network({ layers: [2, 6, 5, 1], activation: id, loss: 'bce', optimizer: 'adam', learningRate: 0.05, batchSize: 5, seed: 3 });
  for (let e = 0; e < 5; e++) net.trainEpoch(Float64Array.from(X.slice(0, 40)), Float64Array.from(Y));
  fs.writeFileSync(path.join(dir, `race-${id}.json`), net.toJSON());
  fs.writeFileSync(path.join(dir, `race-${id}.expected.json`), JSON.stringify({ x: X, logits: Array.from(net.predict(Float64Array.from(X))) }));
  net.delete();
}
// The snippet as a reader copies it (comments in English), run once per file.
const snippet = pythonSnippet({ maxout: '', module: '', eval: '', prob: '' });
const check = `
import json, sys, torch
src = ${JSON.stringify(snippet)}
worst = 0.0
for name in sys.argv[1:]:
    code = src.replace('"race-relu.json"', json.dumps(name))
    env = {}
    exec(code, env)
    exp = json.load(open(name.replace('.json', '.expected.json')))
    x = torch.tensor(exp["x"], dtype=torch.float64).view(-1, 2)
    got = env["net"](x).view(-1).tolist()
    err = max(abs(g - w) / max(abs(w), 1e-300) for g, w in zip(got, exp["logits"]))
    print(f"{name.split('race-')[-1][:-5]:10s} max relative difference {err:.2e}")
    worst = max(worst, err)
sys.exit(0 if worst <= 1e-12 else 1)
`;
const files = ids.map((id) => path.join(dir, `race-${id}.json`));
try {
  // Debian's python3 (where python3-torch lives), not another one earlier on PATH
  const python = fs.existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
  process.stdout.write(execFileSync(python, ['-c', check, ...files], { encoding: 'utf8' }));
} catch (e) {
  process.stdout.write(e.stdout || '');
  process.stderr.write(e.stderr || String(e));
  process.exitCode = 1;
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
