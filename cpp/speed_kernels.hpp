// Fast array kernels for the exp-based activations: f(z) and f'(z) two doubles at a time (SSE2
// natively, simd128 in wasm, via the GCC/Clang vector extension), from ONE polynomial
// exp/expm1 per pair instead of a libm call per element. For the training path and for the
// "cost of exp" experiment; act::value / act::derivative stay the reference.
//
// Accuracy (tests/native/test_speed_kernels.cpp, against long double libm):
//   tanh, sigmoid, elu, selu f and f': relative error <= 4 ulp (8.9e-16) for |z| <= 350, the
//   tails included (tanh'(20) = 1.7e-17 is right, not 0: t = e^{-2|z|} is computed directly,
//   never as 1 - tanh^2 or 1 + expm1). Beyond |z| = 354 the exponent is clamped at -708, so
//   f' there is e^{-708}-sized (<= 1.3e-307) instead of smaller. NaN in gives NaN out.
//
// The exp: r = k ln2 + f with k = round(r / ln2), |f| <= ln2/2 (Cody-Waite split of ln2, fdlibm's
// constants); e^f - 1 = q(f) by its Taylor series to f^13/13! (truncation < 2e-17 relative);
// then e^r = 2^k + 2^k q and e^r - 1 = (2^k - 1) + 2^k q, both without cancellation.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace speed::kernels {

typedef double v2d __attribute__((vector_size(16)));
typedef std::int64_t v2i __attribute__((vector_size(16)));

inline v2d load2(const double* p) noexcept {
  v2d v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
inline void store2(double* p, v2d v) noexcept { std::memcpy(p, &v, sizeof v); }
inline v2d splat2(double x) noexcept { return v2d{x, x}; }
// a where the mask lane is all ones, else b (masks come from vector comparisons).
inline v2d select2(v2i mask, v2d a, v2d b) noexcept { return (v2d)(((v2i)a & mask) | ((v2i)b & ~mask)); }

// e^r - 1 (um1) and e^r (t) for r <= 0 (r is clamped to [-708, 0]).
inline void expm1_exp(v2d r, v2d& um1, v2d& t) noexcept {
  const v2d lo = splat2(-708.0);
  r = select2(r < lo, lo, r);
  const v2d magic = splat2(0x1.8p52);  // adding it rounds to an integer held in the low mantissa bits
  const v2d kr = r * splat2(0x1.71547652b82fep0) + magic;  // r / ln2 + magic
  const v2d k = kr - magic;
  const v2i ki = (v2i)kr - (v2i)magic;
  const v2d f = (r - k * splat2(6.93147180369123816490e-01)) - k * splat2(1.90821492927058770002e-10);
  v2d q = splat2(1.0 / 6227020800.0);  // 1/13!
  q = q * f + splat2(1.0 / 479001600.0);
  q = q * f + splat2(1.0 / 39916800.0);
  q = q * f + splat2(1.0 / 3628800.0);
  q = q * f + splat2(1.0 / 362880.0);
  q = q * f + splat2(1.0 / 40320.0);
  q = q * f + splat2(1.0 / 5040.0);
  q = q * f + splat2(1.0 / 720.0);
  q = q * f + splat2(1.0 / 120.0);
  q = q * f + splat2(1.0 / 24.0);
  q = q * f + splat2(1.0 / 6.0);
  q = q * f + splat2(0.5);
  q = (q * f) * f + f;  // e^f - 1
  const v2d s = (v2d)((ki + 1023) << 52);  // 2^k, k in [-1022, 0]
  const v2d sq = s * q;
  um1 = (s - splat2(1.0)) + sq;
  t = s + sq;
}

inline v2d abs2(v2d x) noexcept { return (v2d)((v2i)x & ~(v2i)splat2(-0.0)); }
inline v2d copysign2(v2d mag, v2d sgn) noexcept {
  return (v2d)(((v2i)mag & ~(v2i)splat2(-0.0)) | ((v2i)sgn & (v2i)splat2(-0.0)));
}

// tanh(z) = sign(z) (1 - t) / (1 + t), tanh'(z) = 4 t / (1 + t)^2 with t = e^{-2|z|}.
inline void tanh2(v2d z, v2d& y, v2d& d) noexcept {
  v2d u, t;
  expm1_exp(splat2(-2.0) * abs2(z), u, t);
  const v2d den = splat2(2.0) + u;  // 1 + t, in (1, 2]
  y = copysign2(-u / den, z);
  d = splat2(4.0) * t / (den * den);
}

// sigmoid(z) = (z >= 0 ? 1 : t) / (1 + t), sigmoid'(z) = t / (1 + t)^2 with t = e^{-|z|}.
inline void sigmoid2(v2d z, v2d& y, v2d& d) noexcept {
  v2d u, t;
  expm1_exp(-abs2(z), u, t);
  const v2d den = splat2(1.0) + t;
  y = select2(z >= splat2(0.0), splat2(1.0), t) / den;
  d = t / (den * den);
}

// scale * (z > 0 ? z : alpha (e^z - 1)) and its derivative scale * (z > 0 ? 1 : alpha e^z):
// ELU with scale 1, SELU with its constants.
inline void elu2(v2d z, v2d& y, v2d& d, double alpha, double scale) noexcept {
  v2d u, t;
  const v2i pos = z > splat2(0.0);
  expm1_exp(select2(pos, splat2(0.0), z), u, t);
  y = splat2(scale) * select2(pos, z, splat2(alpha) * u);
  d = select2(pos, splat2(scale), splat2(scale * alpha) * t);
}

// Array forms: y[i] = f(z[i]) and/or d[i] = f'(z[i]) for i < m (either output may be null).
template <class K>
inline void apply(const double* z, double* y, double* d, std::size_t m, K k) noexcept {
  std::size_t i = 0;
  v2d vy, vd;
  for (; i + 2 <= m; i += 2) {
    k(load2(z + i), vy, vd);
    if (y) store2(y + i, vy);
    if (d) store2(d + i, vd);
  }
  if (i < m) {  // odd length: the last element in lane 0
    k(v2d{z[i], 0.0}, vy, vd);
    if (y) y[i] = vy[0];
    if (d) d[i] = vd[0];
  }
}

inline void tanh_fd(const double* z, double* y, double* d, std::size_t m) noexcept { apply(z, y, d, m, tanh2); }
inline void sigmoid_fd(const double* z, double* y, double* d, std::size_t m) noexcept { apply(z, y, d, m, sigmoid2); }
inline void elu_fd(const double* z, double* y, double* d, std::size_t m, double alpha, double scale) noexcept {
  apply(z, y, d, m, [alpha, scale](v2d v, v2d& a, v2d& b) { elu2(v, a, b, alpha, scale); });
}

}  // namespace speed::kernels
