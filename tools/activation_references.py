#!/usr/bin/python3
"""50-digit reference values of f and f' for the six activations after the post.

Prints the C++ table of tests/native/test_activations_after_post.cpp ("known values ..."), so anyone
can regenerate it:

    apt-get install -y python3-mpmath        # Debian's mpmath (1.2)
    /usr/bin/python3 tools/activation_references.py > /tmp/rows.inc

and paste the rows over the table in the test. tools/torch_reference.py imports POINTS and
reference() from here to compare PyTorch and our module on the same points.

The formulas are the textbook ones (the definitions, with 1 + tanh, 1 - tanh^2 and 1 - sigma
written as they read), NOT the tail-safe forms of cpp/activations_after_post.hpp: they are evaluated
with enough digits that cancellation does not matter. The deepest cancellation on these points is
1 + e^-714 (softplus, mish, gelu_tanh in the far left tail), which needs 310 digits to be seen at
all: at 60 digits every precision returns the same wrong value, so agreement between two low
precisions proves nothing. Each value is therefore computed at 400 and at 800 significant digits
(more until two successive precisions agree to 45 digits) and rounded to 50. Every x is the exact
double value printed (mpmath converts a float exactly). Each analytic derivative is also checked
against mpmath's numerical derivative of f at every point where f is smooth.
"""
import sys

from mpmath import mp, mpf, exp, log, tanh, erfc, sqrt, pi, diff

# Where to look: far left tails (including where e^x or Phi(x) is subnormal but the result is
# not), the neighbourhood of 0, the right tails, and the huge inputs. A result that would be
# subnormal is avoided (a subnormal keeps fewer digits than a 1e-12 comparison asks for), except
# just below the normal range where it still has ~15. (id, beta or None, [x ...]).
POINTS = [
    ("softplus", 1.0, [-708.5, -700.0, -40.0, -37.5, -36.5, -20.0, -1.0, -1e-10, 0.0, 1e-300, 1e-10, 1.0,
                       19.9, 20.5, 36.5, 37.5, 40.0, 1000.0, 1e300]),
    ("softplus", 0.01, [-71000.0, -3700.0, -100.0, 0.0, 100.0, 2050.0, 1e300]),
    ("softplus", 100.0, [-7.0, -0.37, -0.01, 1e-10, 0.205, 0.5, 1e300]),
    ("softplus", 2.5, [-1.0, 0.3, 9.0]),
    ("silu", None, [-712.0, -708.5, -700.0, -40.0, -37.5, -36.5, -20.0, -5.0, -1.5, -1.0, -0.5, -1e-10, 0.0,
                    1e-300, 1e-10, 0.5, 1.0, 5.0, 20.0, 36.5, 40.0, 49.0, 51.0, 1000.0, 1e300]),
    ("gelu", None, [-37.7, -37.6, -37.5, -37.2, -37.0, -36.0, -30.0, -10.0, -5.0, -3.0, -2.0, -1.0, -0.5, -1e-10,
                    0.0, 1e-300, 1e-10, 0.5, 1.0, 3.0, 5.0, 8.0, 10.0, 39.0, 41.0, 1000.0, 1e300]),
    ("gelu_tanh", None, [-21.2, -21.0, -20.0, -10.0, -6.5, -6.0, -5.0, -3.0, -1.0, -0.5, -1e-10, 0.0, 1e-300,
                         1e-10, 0.5, 1.0, 3.0, 5.0, 10.0, 20.0, 1000.0, 1e300]),
    ("mish", None, [-712.0, -708.5, -700.0, -40.0, -37.5, -36.5, -20.0, -5.0, -1.2, -1.0, -0.5, -1e-10, 0.0,
                    1e-300, 1e-10, 0.5, 1.0, 5.0, 20.0, 39.0, 41.0, 1000.0, 1e300]),
    ("hardswish", None, [-1e300, -4.0, -3.0, -2.9999999, -1.5000001, -1.5, -1.499999999999, -1.4999999999, -1e-10, 0.0,
                         1e-300, 1e-10, 1.0, 2.9999999, 3.0, 3.0000001, 1e300]),
]


def sig(x):
    return 1 / (1 + exp(-x))


def definitions(name, beta):
    """(f, f') of one id as mpmath functions of an mpf x, straight from the definitions."""
    if name == "softplus":
        b = mpf(beta)
        return (lambda x: log(1 + exp(b * x)) / b), (lambda x: sig(b * x))
    if name == "silu":
        return (lambda x: x * sig(x)), (lambda x: sig(x) * (1 + x * (1 - sig(x))))
    if name == "gelu":
        Phi = lambda x: erfc(-x / sqrt(2)) / 2
        phi = lambda x: exp(-x * x / 2) / sqrt(2 * pi)
        return (lambda x: x * Phi(x)), (lambda x: Phi(x) + x * phi(x))
    if name == "gelu_tanh":
        k, c = sqrt(2 / pi), mpf("0.044715")  # the decimal constant, as in the paper and in torch
        a = lambda x: k * (x + c * x**3)
        f = lambda x: x * (1 + tanh(a(x))) / 2
        df = lambda x: (1 + tanh(a(x))) / 2 + x / 2 * (1 - tanh(a(x)) ** 2) * k * (1 + 3 * c * x * x)
        return f, df
    if name == "mish":
        sp = lambda x: log(1 + exp(x))
        return (lambda x: x * tanh(sp(x))), (lambda x: tanh(sp(x)) + x * (1 - tanh(sp(x)) ** 2) * sig(x))
    if name == "hardswish":
        f = lambda x: x * min(max(x + 3, 0), 6) / 6
        # PyTorch 1.13's hardswish_backward, element by element: x < -3 -> 0, x <= 3 -> x/3 + 1/2, else 1
        df = lambda x: mpf(0) if x < -3 else ((2 * x + 3) / 6 if x <= 3 else mpf(1))
        return f, df
    raise ValueError(name)


def stable(fn, x):
    """fn(x) at rising precision (400 digits first) until two successive precisions agree to 45 digits."""
    prev = None
    for dps in (400, 800, 1600, 3200):
        with mp.workdps(dps):
            v = fn(mpf(x))
        if prev is not None and (v == prev or abs(v - prev) <= abs(v) * mpf(10) ** -45):
            with mp.workdps(50):
                return +v
        prev = v
    raise RuntimeError(f"no agreement at 3200 digits for x = {x!r}")


def reference(name, beta, x):
    """(f, f') at the double x as 50-digit mpf values."""
    f, df = definitions(name, beta)
    return stable(f, x), stable(df, x)


def check_derivatives():
    """Each analytic f' against mpmath's numerical derivative of f (every point where f is smooth)."""
    for name, beta, xs in POINTS:
        f, df = definitions(name, beta)
        for x in xs:
            if abs(x) > 1e100 or (name == "hardswish" and abs(abs(x) - 3) < 1e-3):
                continue
            with mp.workdps(400):
                num, ana = diff(f, mpf(x)), df(mpf(x))
                if abs(num - ana) > abs(ana) * mpf(10) ** -40 + mpf(10) ** -60:
                    raise RuntimeError(f"{name}'({x!r}): analytic {ana} vs numerical {num}")


def cpp_double(v):
    """A decimal with 17 significant digits (C++ reads it to the nearest double)."""
    if v == 0:
        return "0"
    return mp.nstr(v, 17, min_fixed=1, max_fixed=0)


def params_expr(name, beta):
    ident = "Id::" + name
    return f'P({ident}, {{{{"beta", {beta!r}}}}})' if beta is not None else f"P({ident})"


def main():
    mp.dps = 50
    check_derivatives()
    print("      // generated by tools/activation_references.py (mpmath %s, 50 digits)" % __import__("mpmath").__version__)
    for name, beta, xs in POINTS:
        for x in xs:
            fv, dv = reference(name, beta, x)
            for v in (fv, dv):
                if v != 0 and abs(v) < mpf("1e-310"):
                    print(f"warning: {name}({x!r}) has a reference {v} too small for 1e-12", file=sys.stderr)
            print(f"      {{Id::{name}, {params_expr(name, beta)}, {x!r}, {cpp_double(fv)}, {cpp_double(dv)}}},")


if __name__ == "__main__":
    main()
