#!/usr/bin/python3
"""Our six activations after the post and PyTorch's float64 twins, both against 50-digit mpmath.

For every point of tools/activation_references.py (the table in
tests/native/test_activations_after_post.cpp) it evaluates
  - mpmath: the 50-digit reference (activation_references.reference),
  - torch:  f = nn.Softplus(beta) / nn.SiLU() / nn.GELU() / nn.GELU(approximate='tanh') / nn.Mish() /
            nn.Hardswish() on a float64 tensor, f' by autograd (backward of f.sum()),
  - ours:   activate / derivative of dist/activations.js (the wasm module the page ships), through node,
and prints, per id, the worst relative error of ours and of torch (f and f' apart), then the points
where either is off by more than 1e-12 (torch returning 0 where the true value is not, NaN, ...).

Torch's CPU kernels take two paths: a vectorised loop over blocks of doubles and a scalar loop
for the rest. Every point is evaluated both ways (alone in a tensor of one: the scalar path; repeated
64 times: the vectorised path) and the worse is reported; where the two paths disagree it says so
(hardswish' at x = 3: 3/2 alone, 1 in a block).

Not part of ./build.sh test (PyTorch is 50+ MB):
    apt-get install -y python3-torch python3-mpmath    # Debian 12: torch 1.13, mpmath 1.2
    ./build.sh build                                    # for dist/activations.js (or --no-ours)
    /usr/bin/python3 tools/torch_reference.py [--dist DIR] [--no-ours] [--all-points]
"""
import argparse
import json
import math
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import activation_references as ref  # noqa: E402  (same folder)

import torch  # noqa: E402
from mpmath import mpf  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def torch_module(name, beta):
    nn = torch.nn
    return {
        "softplus": lambda: nn.Softplus(beta=beta),  # torch's default threshold=20
        "silu": nn.SiLU,
        "gelu": nn.GELU,
        "gelu_tanh": lambda: nn.GELU(approximate="tanh"),
        "mish": nn.Mish,
        "hardswish": nn.Hardswish,
    }[name]()


def torch_values(name, beta, x, copies):
    """(f, f') of torch float64 at x, with x repeated `copies` times in one tensor (1: scalar path)."""
    t = torch.full((copies,), x, dtype=torch.float64, requires_grad=True)
    y = torch_module(name, beta)(t)
    y.sum().backward()
    return y[0].item(), t.grad[0].item()


def ours_values(dist, rows):
    """[(f, f')] from dist/activations.js for rows [(name, beta, x)], one node process for all."""
    script = r"""
const M = await require(process.argv[1])();
const rows = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const num = (v) => (Number.isNaN(v) ? 'nan' : v === Infinity ? 'inf' : v === -Infinity ? '-inf' : v);
const out = rows.map(([id, beta, x]) => {
  const p = beta === null ? {} : { beta };
  return [num(M.activate(id, x, p)), num(M.derivative(id, x, p))];
});
process.stdout.write(JSON.stringify(out));
"""
    wrapped = "(async () => { const require = (await import('node:module')).createRequire(process.cwd() + '/');" + \
        script + "})();"
    res = subprocess.run(["node", "-e", wrapped, os.path.join(dist, "activations.js")],
                         input=json.dumps(rows), capture_output=True, text=True, check=True)
    return [tuple(float(v) for v in pair) for pair in json.loads(res.stdout)]


def rel_err(got, want):
    """|got - want| / |want| against the mpf reference; NaN counts as inf, a wrong 0 as 1."""
    if math.isnan(got):
        return math.inf
    if want == 0:
        return 0.0 if got == 0 else math.inf
    if math.isinf(got):
        return math.inf
    return float(abs(mpf(got) - want) / abs(want))


def fmt(e):
    if e == 0:
        return "0"
    if math.isinf(e):
        return "inf"
    return f"{e:.1e}"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dist", default=os.path.join(ROOT, "dist"), help="folder with activations.js (default dist/)")
    ap.add_argument("--no-ours", action="store_true", help="torch against mpmath only")
    ap.add_argument("--all-points", action="store_true", help="print every point, not only those off by > 1e-12")
    args = ap.parse_args()
    torch.set_num_threads(1)

    rows, refs = [], []
    for name, beta, xs in ref.POINTS:
        for x in xs:
            rows.append((name, beta, x))
            refs.append(ref.reference(name, beta, x))
    ours = None if args.no_ours else ours_values(args.dist, rows)

    worst = {}  # id -> [ours f, ours f', torch f, torch f']
    notes = []
    for i, ((name, beta, x), (rf, rd)) in enumerate(zip(rows, refs)):
        tf1, td1 = torch_values(name, beta, x, 1)
        tf64, td64 = torch_values(name, beta, x, 64)
        et = [max(rel_err(tf1, rf), rel_err(tf64, rf)), max(rel_err(td1, rd), rel_err(td64, rd))]
        eo = [rel_err(ours[i][0], rf), rel_err(ours[i][1], rd)] if ours else [math.nan, math.nan]
        w = worst.setdefault(name, [0.0, 0.0, 0.0, 0.0])
        for k, e in enumerate(eo + et):
            if not math.isnan(e):
                w[k] = max(w[k], e)
        split = "" if (tf1, td1) == (tf64, td64) or (math.isnan(td1) and math.isnan(td64)) else \
            f"  [torch paths differ: alone f={tf1!r} f'={td1!r}; in a block f={tf64!r} f'={td64!r}]"
        if args.all_points or max(eo + et) > 1e-12 or split:
            b = f" beta={beta}" if beta is not None else ""
            o = f"ours {fmt(eo[0])}/{fmt(eo[1])}, " if ours else ""
            notes.append(f"{name}{b} x={x!r}: ref f={float(rf):.6e} f'={float(rd):.6e}; {o}"
                         f"torch f={tf64!r} ({fmt(et[0])}) f'={td64!r} ({fmt(et[1])}){split}")

    print(f"worst relative error against mpmath (50 digits) on {len(rows)} points; torch {torch.__version__} float64")
    print()
    print("| id | ours f | torch f | ours f' | torch f' |")
    print("|---|---|---|---|---|")
    for name, w in worst.items():
        o = (fmt(w[0]), fmt(w[1])) if ours else ("-", "-")
        print(f"| {name} | {o[0]} | {fmt(w[2])} | {o[1]} | {fmt(w[3])} |")
    print()
    print("points where ours or torch is off by more than 1e-12 (or torch's two paths differ):" if not args.all_points
          else "every point:")
    for n in notes:
        print("  " + n)


if __name__ == "__main__":
    main()
