// The six activations that came after the 2020 post, with their PyTorch twins: softplus
// (nn.Softplus(beta)), silu (nn.SiLU), gelu (nn.GELU()), gelu_tanh (nn.GELU(approximate='tanh')),
// mish (nn.Mish), hardswish (nn.Hardswish). Scalar f and f' side by side, as in activations.hpp,
// each in a form that keeps relative accuracy (1e-12, tested against 50-digit mpmath values in
// tests/native/test_activations_after_post.cpp) over the whole double range.
//
// Included by activations.hpp in the middle (it uses detail::sigmoid); not a header of its own.
//
// Two devices recur:
//  - c e^x for very negative x (exp_times): e^x alone is subnormal below x = -708 (fewer digits,
//    none at all below -745) while c e^x may still be a normal number, e.g. silu(-712) = -4.3e-307;
//    (c e^{x/2}) e^{x/2} keeps every digit until the product itself leaves the normal range.
//  - 1 - sigma, 1 + tanh, 1 - tanh^2 written as quotients of e^{-|x|} terms, never as differences
//    of numbers near 1 (which are 0 in double once the true value is below 1e-16).
// What is left is the rounding of an argument: erfc(-x/sqrt 2), e^{beta x}, e^{2a} are exact functions of
// a rounded u, and their relative error is |u| (or 2u^2 for erfc) times that rounding: 1.6e-13 at worst on
// the test table (gelu at x = -36), against 1e-12 asked.
#pragma once

namespace act::detail {

// c e^x to a few ulp while the result is normal, even where e^x is subnormal or 0; a zero with
// the sign of c once e^{x/2} underflows (also for c = +-inf: the limit, not 0 * inf).
inline double exp_times(double x, double c) noexcept {
  const double h = std::exp(0.5 * x);
  return h == 0 ? std::copysign(0.0, c) : (c * h) * h;
}

// ---- softplus: log(1 + e^{beta x}) / beta, softplus' = sigma(beta x) ----
// With t = beta x:   t > 0         : x + log1p(e^{-t}) / beta   (never overflows; x carries the digits)
//                    -37 < t <= 0  : log1p(e^t) / beta
//                    t <= -37      : e^t / beta (log1p(u) = u in double for u < 1e-16), via exp_times so
//                                    that beta < 1 keeps e^t / beta exact where e^t is subnormal.
// PyTorch's nn.Softplus(beta, threshold=20) returns x itself once t > 20. That drops log1p(e^{-t}) / beta,
// a relative error of log1p(e^{-t}) / t: e^{-20} / 20 = 1.03e-10 just above t = 20, falling like e^{-t} / t
// (4e-19 at t = 40); its gradient there is exactly 1 instead of sigma(t) = 1 - 2.1e-9. We keep the exact
// value everywhere (a torch model loaded from our export matches with threshold=40: see network.hpp).
inline double softplus(double x, double beta) noexcept {
  const double t = beta * x;
  if (t > 0) return x + std::log1p(std::exp(-t)) / beta;
  if (t > -37) return std::log1p(std::exp(t)) / beta;
  return exp_times(t, 1.0 / beta);  // also x = -inf (0) and NaN (NaN)
}
inline double dsoftplus(double x, double beta) noexcept { return sigmoid(beta * x); }

// ---- silu (swish-1): x sigma(x), silu' = sigma(x) (1 + x (1 - sigma(x))) ----
// With t = e^{-|x|}:  x >= 0: f = x / (1 + t),     f' = (1 + t + x t) / (1 + t)^2   (all terms positive)
//                     x <  0: f = x t / (1 + t),   f' = t (1 + t + x) / (1 + t)^2
// (1 - sigma(x) is 1/(1+t) or t/(1+t), never 1 - s.) The one subtraction left, 1 + t + x, vanishes at
// silu's minimum x = -1.2785 where f' = 0: there the error is ~1e-17 absolute, as for any formula.
// x < -37 (t < 1e-16): f = x e^x, f' = (1 + x) e^x to double precision, by exp_times.
// x > 50: f' = 1 in double (x e^{-x} < 1e-20), returned as such so f'(+inf) = 1, not inf * 0.
inline double silu(double x) noexcept {
  if (x < -37) return exp_times(x, x);
  const double t = std::exp(-std::fabs(x));
  return (x >= 0 ? x : x * t) / (1.0 + t);
}
inline double dsilu(double x) noexcept {
  if (x < -37) return exp_times(x, 1.0 + x);
  if (x > 50) return 1.0;
  const double t = std::exp(-std::fabs(x)), q = 1.0 + t;
  return (x >= 0 ? q + x * t : t * (q + x)) / (q * q);
}

// ---- gelu (exact): x Phi(x), gelu' = Phi(x) + x phi(x) ----
// Phi(x) = erfc(-x / sqrt 2) / 2: erfc keeps relative accuracy where Phi is tiny (1 - Phi(-x) is 0 in
// double below x = -8.3); phi(x) = e^{-x^2/2} / sqrt(2 pi). f' has no cancellation in the tails
// (f' ~ -|x| phi(x) on the left); only near its zero at x = -0.7518 (gelu's minimum) it is ill-conditioned.
// x < -37: Phi(x) itself falls out of the normal range (near x = -37.5) before x Phi(x) and f' do, so with
// z = -x, Phi(x) = phi(z) R(z) with the Mills ratio R(z) = 1/(z + 1/(z + 2/(z + 3/(z + ...)))) (Laplace's
// continued fraction, 12 levels: < 1e-17 relative for z >= 37), then f = -phi(z) z R(z) and
// f' = phi(z) (R(z) - z), each phi(z) c = (c e^{-z^2/4} / sqrt(2 pi)) e^{-z^2/4} (exp_times).
// x < -39: both are below the smallest subnormal (|x| phi(x) < 1e-328): -0.
// x > 40: Phi = 1 and x phi(x) = 0 in double, so f = x and f' = 1 (also at +inf, not 1 + inf * 0).
inline double gelu_mills(double z) noexcept {  // R(z) for z >= 37
  double r = z;
  for (int k = 12; k >= 1; --k) r = z + k / r;
  return 1.0 / r;
}
inline constexpr double kInvSqrt2 = 0.70710678118654752440, kInvSqrt2Pi = 0.39894228040143267794;
inline double gelu(double x) noexcept {
  if (x < -37) return x < -39 ? -0.0 : exp_times(-0.5 * x * x, kInvSqrt2Pi * x * gelu_mills(-x));
  if (x > 40) return x;
  return 0.5 * x * std::erfc(-x * kInvSqrt2);
}
inline double dgelu(double x) noexcept {
  if (x < -37) return x < -39 ? -0.0 : exp_times(-0.5 * x * x, kInvSqrt2Pi * (gelu_mills(-x) + x));
  if (x > 40) return 1.0;
  return 0.5 * std::erfc(-x * kInvSqrt2) + x * kInvSqrt2Pi * std::exp(-0.5 * x * x);
}
// Both at once for the network's kernel (one erfc, one exp), the same values bit for bit.
inline void gelu_both(double x, double& f, double& df) noexcept {
  if (x < -37 || x > 40 || std::isnan(x)) {
    f = gelu(x);
    df = dgelu(x);
    return;
  }
  const double phi_cdf = 0.5 * std::erfc(-x * kInvSqrt2);
  f = x * phi_cdf;
  df = phi_cdf + x * kInvSqrt2Pi * std::exp(-0.5 * x * x);
}

// ---- gelu_tanh: x (1 + tanh(a)) / 2, a = sqrt(2/pi) x (1 + 0.044715 x^2) ----
// 1 + tanh(a) = 2 sigma(2a) (1 + tanh is 0 in double for a < -19, i.e. x < -5.6), so f = x sigma(2a) and
// f' = sigma(2a) + 2 x a' sigma(2a) sigma(-2a) = sigma(2a) (1 + 2 x a' sigma(-2a)), a' = sqrt(2/pi) (1 + 3 * 0.044715 x^2).
// 2a < -37 (x < -6.4): sigma(2a) = e^{2a}, sigma(-2a) = 1 in double; f = x e^{2a}, f' = (1 + 2 x a') e^{2a} by
// exp_times (e^{2a} is subnormal from x = -21.1 while f' stays normal to -21.3). 1 + 0.044715 x^2 keeps
// x^3 out of a sum. PyTorch's tanh form loses f and f' to cancellation from x ~ -3 and returns 0 below -5.6.
inline constexpr double kSqrt2OverPi = 0.79788456080286535588, kGeluTanhC = 0.044715;
inline double gelu_tanh(double x) noexcept {
  const double x2 = x * x;
  const double a2 = 2.0 * kSqrt2OverPi * x * (1.0 + kGeluTanhC * x2);
  return a2 < -37 ? exp_times(a2, x) : x * sigmoid(a2);
}
inline double dgelu_tanh(double x) noexcept {
  const double x2 = x * x;
  const double a2 = 2.0 * kSqrt2OverPi * x * (1.0 + kGeluTanhC * x2);
  const double da2 = 2.0 * kSqrt2OverPi * (1.0 + 3.0 * kGeluTanhC * x2);  // (2a)'
  if (a2 < -37) return exp_times(a2, 1.0 + x * da2);
  const double s = sigmoid(-a2);  // 0 once 2a > 745: skip x (2a)' s, which is inf * 0 at x = +inf
  return sigmoid(a2) * (1.0 + (s == 0 ? 0.0 : x * da2 * s));
}

// ---- mish: x tanh(softplus(x)) = x g, mish' = g + x sigma(x) (1 - g^2) ----
// tanh(log(1 + e^x)) = ((1 + e^x)^2 - 1) / ((1 + e^x)^2 + 1). With t = e^{-|x|}, g = N / D and
// 1 - g = M / D exactly, so 1 - g^2 = M (D + N) / D^2 is never a difference:
//   x <= 0 (t = e^x):   N = t (t + 2),  D = N + 2,        M = 2
//   x >  0 (t = e^-x):  N = 1 + 2 t,    D = N + 2 t^2,    M = 2 t^2
// f' vanishes at mish's minimum x = -1.1924 (ill-conditioned there, as for any formula).
// x < -37: g = sigma = e^x, 1 - g^2 = 1 in double: f = x e^x, f' = (1 + x) e^x (exp_times).
// x > 40: g = 1 and 4 x e^{-2x} < 1e-32: f = x, f' = 1 (also at +inf).
inline double mish(double x) noexcept {
  if (x < -37) return exp_times(x, x);
  if (x > 40) return x;
  const double t = std::exp(-std::fabs(x));
  const double n = x <= 0 ? t * (t + 2.0) : 1.0 + 2.0 * t, d = x <= 0 ? n + 2.0 : n + 2.0 * t * t;
  return x * (n / d);
}
inline double dmish(double x) noexcept {
  if (x < -37) return exp_times(x, 1.0 + x);
  if (x > 40) return 1.0;
  const double t = std::exp(-std::fabs(x));
  const bool neg = x <= 0;
  const double n = neg ? t * (t + 2.0) : 1.0 + 2.0 * t, m = neg ? 2.0 : 2.0 * t * t, d = n + m;
  const double sig = (neg ? t : 1.0) / (1.0 + t);
  return n / d + x * sig * (m * (d + n) / (d * d));
}

// ---- hardswish: x relu6(x + 3) / 6 = 0 (x <= -3), x (x + 3) / 6, x (x >= 3) ----
// f' = (2x + 3) / 6 in the middle (one rounding: 2x + 3 is exact near its zero x = -1.5, where
// PyTorch's x/3 + 1/2 cancels). f' jumps at both ends (0 -> -1/2 at -3, 3/2 -> 1 at 3); each end takes
// the middle piece, as PyTorch 1.13's hardswish_backward does element by element (x < -3 -> 0,
// x <= 3 -> x/3 + 1/2, else 1): f'(-3) = -1/2, f'(3) = 3/2. (Its vectorised CPU loop, used for
// tensors of 8 or more doubles, gives 1 at exactly x = 3: torch 1.13 disagrees with itself there.)
// f(x <= -3) is -0.0 as in torch (x * 0); f(-inf) = -0, the limit (torch: -inf * 0 = NaN).
inline double hardswish(double x) noexcept {
  if (x <= -3) return -0.0;
  if (x >= 3) return x;
  return x * (x + 3.0) / 6.0;  // NaN falls through
}
inline double dhardswish(double x) noexcept {
  if (x < -3) return 0.0;
  if (x > 3) return 1.0;
  return (2.0 * x + 3.0) / 6.0;
}

}  // namespace act::detail
