// Inner kernels of the network (used by network_train.cpp; a header so tests can reach them):
// activations with their derivatives, and the matrix products of one Linear layer.
//
// v2: two doubles in one SIMD register (SSE2 natively, simd128 in wasm) through the GCC/Clang
// vector extension; loads/stores go through memcpy, so no alignment is assumed. Every buffer the
// network hands these kernels has an even length (rows are padded to an even stride).
//
// exp_expm1: e^x and e^x - 1 together for x <= 0, branch-free, two lanes at a time. Range reduction
// x = n ln2 + r (|r| <= ln2/2, Cody-Waite split of ln2), expm1(r) by its Taylor series to r^13
// (truncation < 1e-17 relative; evaluated by Estrin's scheme, 4 levels deep instead of 12), then e^x = 2^n (1 + p) and e^x - 1 = 2^n p + (2^n - 1), which
// loses no digits because |e^x - 1| > 0.29 whenever n != 0. Error: a few ulp (tested against libm
// over the whole range). Below x = -708 it returns e = 0, e - 1 = -1 (true e^x < 3.1e-308).
// The activations built on it give f and f' from ONE evaluation, accurate in the tails
// (tanh'(40) = 7.2e-35, not 0), and are 3-4x cheaper than two libm calls.
#pragma once

#include <cmath>
#include <cstdint>
#include <cstring>

#include "activations.hpp"

namespace nn::kernels {

typedef double v2 __attribute__((vector_size(16)));
typedef long long v2i __attribute__((vector_size(16)));

inline v2 ld(const double* p) {
  v2 v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
inline void st(double* p, v2 v) { std::memcpy(p, &v, sizeof v); }
inline v2 splat(double x) { return v2{x, x}; }
inline double hsum(v2 v) { return v[0] + v[1]; }
inline v2i bits(v2 x) {
  v2i r;
  std::memcpy(&r, &x, sizeof r);
  return r;
}
inline v2 from_bits(v2i x) {
  v2 r;
  std::memcpy(&r, &x, sizeof r);
  return r;
}
// m ? a : b per lane (m is all ones or all zeros, as a vector comparison returns).
inline v2 select(v2i m, v2 a, v2 b) { return from_bits((m & bits(a)) | (~m & bits(b))); }

inline void exp_expm1(v2 x, v2& e, v2& em1) {
  const v2 magic = splat(6755399441055744.0);  // 1.5 * 2^52: x + magic rounds x to an integer
  const v2i tiny = x < splat(-708.0);
  x = select(tiny, splat(-708.0), x);
  v2 kd = x * splat(1.4426950408889634074) + magic;
  const v2i n = bits(kd) - bits(magic);  // round(x / ln2) as a 64-bit integer
  kd -= magic;
  const v2 r = (x - kd * splat(6.93147180369123816490e-01)) - kd * splat(1.90821492927058770002e-10);
  // expm1(r) = r + r^2 q(r), q(r) = 1/2! + r/3! + ... + r^11/13!, by Estrin's scheme: pairs
  // (c_k + c_{k+1} r), then those pairs with r^2, then with r^4, then r^8. Horner's 12 dependent
  // multiply-adds made this chain latency-bound (~100 cycles per pair of lanes); this one is 4 deep.
  const v2 r2 = r * r, r4 = r2 * r2, r8 = r4 * r4;
  const auto c = [](double k) { return splat(k); };
  const v2 p01 = c(1.0 / 2) + c(1.0 / 6) * r, p23 = c(1.0 / 24) + c(1.0 / 120) * r;
  const v2 p45 = c(1.0 / 720) + c(1.0 / 5040) * r, p67 = c(1.0 / 40320) + c(1.0 / 362880) * r;
  const v2 p89 = c(1.0 / 3628800) + c(1.0 / 39916800) * r, pab = c(1.0 / 479001600) + c(1.0 / 6227020800) * r;
  const v2 q03 = p01 + p23 * r2, q47 = p45 + p67 * r2, q8b = p89 + pab * r2;
  const v2 q = (q03 + q47 * r4) + q8b * r8;
  const v2 p = q * r2 + r;
  const v2 scale = from_bits((n + 1023) << 52);  // 2^n, n in [-1022, 0]
  e = select(tiny, splat(0.0), scale * p + scale);
  em1 = select(tiny, splat(-1.0), scale * p + (scale - splat(1.0)));
}

}  // namespace nn::kernels

#include "network_kernels_after_post.hpp"  // the six ids after the post (uses v2, select, exp_expm1 above)

namespace nn::kernels {

// y = f(z), d = f'(z) over m (even) elements, same conventions as act::value/act::derivative
// (relu'(0) = 0, leaky'(0) = alpha, elu'(0) = alpha). The six after the post: their own kernels
// (network_kernels_after_post.hpp). linear falls back to act::value / act::derivative with a
// compile-time id.
template <act::Id ID>
inline void activate(const double* __restrict z, double* __restrict y, double* __restrict d, std::size_t m,
                     const act::Params& p) {
  using act::Id;
  const v2i sign = bits(splat(-0.0));
  for (std::size_t i = 0; i < m; i += 2) {
    const v2 x = ld(z + i);
    v2 e, em1, fy, fd;
    if constexpr (ID == Id::tanh) {  // t = e^{-2|x|}: tanh|x| = (1 - t) / (1 + t), tanh' = 4t / (1 + t)^2
      exp_expm1(-2.0 * from_bits(bits(x) & ~sign), e, em1);
      const v2 rq = splat(1.0) / (splat(2.0) + em1);  // one division for both
      fy = from_bits(bits(-em1 * rq) | (bits(x) & sign));
      fd = splat(4.0) * e * (rq * rq);
    } else if constexpr (ID == Id::sigmoid) {  // t = e^{-|x|}: sigma = 1/(1+t) or t/(1+t), sigma' = t/(1+t)^2
      exp_expm1(from_bits(bits(x) | sign), e, em1);
      const v2 rq = splat(1.0) / (splat(1.0) + e);
      fy = select(x >= splat(0.0), splat(1.0), e) * rq;
      fd = e * (rq * rq);
    } else if constexpr (ID == Id::elu || ID == Id::selu) {
      const double a = ID == Id::elu ? p.alpha : act::kSeluAlpha, s = ID == Id::elu ? 1.0 : act::kSeluScale;
      exp_expm1(select(x < splat(0.0), x, splat(0.0)), e, em1);
      const v2i pos = x > splat(0.0);
      fy = splat(s) * select(pos, x, splat(a) * em1);
      fd = splat(s) * select(pos, splat(1.0), splat(a) * e);
    } else if constexpr (ID == Id::relu) {
      const v2i pos = x > splat(0.0);
      fy = select(pos, x, splat(0.0));
      fd = select(pos, splat(1.0), splat(0.0));
    } else if constexpr (ID == Id::leaky_relu || ID == Id::prelu || ID == Id::rrelu) {
      const double a = ID == Id::rrelu ? 0.5 * (p.lower + p.upper) : p.alpha;  // rrelu: eval-mode slope
      fd = select(x > splat(0.0), splat(1.0), splat(a));
      fy = fd * x;
    } else if constexpr (act::after_post(ID)) {  // softplus, silu, gelu, gelu_tanh, mish, hardswish
      activate_after_post<ID>(x, fy, fd, p);
    } else {  // linear (and any future id): the scalar reference kernels
      // Built whole (not lane by lane) so g++ sees both lanes set: lane-wise stores into an
      // unset vector made it warn "may be used uninitialized" (a false positive).
      fy = v2{act::value(ID, x[0], p), act::value(ID, x[1], p)};
      fd = v2{act::derivative(ID, x[0], p), act::derivative(ID, x[1], p)};
    }
    st(y + i, fy);
    st(d + i, fd);
  }
}

// Layout of a chunk of rows ("pair-major"): rows go two at a time, and within a pair of rows the F
// features follow each other, [pair][feature][2]. Element (feature f, row b) is at at(f, b, F).
// A pair of rows is one v2 per feature, so with the input width IN a compile-time constant every
// load in the kernels below is base + constant offset, the only address form a wasm load has
// (feature-major [feature][row] needed one pointer add per load: the 2-8-8-1 kernels ran ~20 %
// slower in wasm). Elementwise work (activations, dz = da * f') does not care about the layout.
inline std::size_t at(std::size_t f, std::size_t b, std::size_t F) { return (b >> 1) * 2 * F + 2 * f + (b & 1); }

// The two matrix kernels, templated on the input width IN so that for the narrow layers of the
// race (IN <= 8) every loop over inputs unrolls and the per-input accumulators live in registers;
// IN = 0 is the general version (runtime width). s = rows of the chunk rounded up to even. Every
// sum runs in the same order as a plain loop over inputs (or over rows, per lane), so the results
// do not depend on IN or on the layout.

// z[o][b] = bias[o] + sum_i w[o][i] a[i][b]
template <int IN>
inline void linear_forward_t(const double* __restrict w, const double* __restrict bias, const double* __restrict a,
                             double* __restrict z, int in_rt, int rows, std::size_t s) {
  const int in = IN ? IN : in_rt;
  const std::size_t pairs = s / 2, zstep = 2 * static_cast<std::size_t>(rows), astep = 2 * static_cast<std::size_t>(in);
  for (int o = 0; o < rows; ++o) {
    const double* wo = w + static_cast<std::size_t>(o) * in;
    const v2 bo = splat(bias[o]);
    const double* ap = a;
    double* zp = z + 2 * o;
    if constexpr (IN > 0) {
      v2 wv[IN];
      for (int i = 0; i < IN; ++i) wv[i] = splat(wo[i]);
      for (std::size_t p = 0; p < pairs; ++p, ap += 2 * IN, zp += zstep) {
        v2 acc = bo;
        for (int i = 0; i < IN; ++i) acc += wv[i] * ld(ap + 2 * i);
        st(zp, acc);
      }
    } else {
      std::size_t p = 0;
      for (; p + 2 <= pairs; p += 2) {  // two pairs (four rows) at a time kept in registers
        const double* bp = ap + astep;
        v2 a0 = bo, a1 = bo;
        for (int i = 0; i < in; ++i) {
          const v2 wi = splat(wo[i]);
          a0 += wi * ld(ap + 2 * i);
          a1 += wi * ld(bp + 2 * i);
        }
        st(zp, a0);
        st(zp + zstep, a1);
        ap += 2 * astep;
        zp += 2 * zstep;
      }
      if (p < pairs) {
        v2 a0 = bo;
        for (int i = 0; i < in; ++i) a0 += splat(wo[i]) * ld(ap + 2 * i);
        st(zp, a0);
      }
    }
  }
}

// gW[o][i] += sum_b dz[o][b] a[i][b];  gb[o] += sum_b dz[o][b];  da[i][b] = sum_o w[o][i] dz[o][b],
// times fp[i][b] if fp is given: f'(z) of the layer below, so da leaves as that layer's dz
// (saves a pass over it; the same one multiplication as a separate loop).
template <int IN>
inline void linear_backward_t(const double* __restrict w, const double* __restrict a, const double* __restrict dz,
                              double* __restrict gw, double* __restrict gb, double* __restrict da,
                              const double* __restrict fp, int in_rt, int rows, std::size_t s) {
  const int in = IN ? IN : in_rt;
  const std::size_t pairs = s / 2, zstep = 2 * static_cast<std::size_t>(rows), astep = 2 * static_cast<std::size_t>(in);
  for (int o = 0; o < rows; ++o) {
    double* gwo = gw + static_cast<std::size_t>(o) * in;
    v2 sb = splat(0.0);
    if constexpr (IN > 0) {
      v2 acc[IN];
      for (int i = 0; i < IN; ++i) acc[i] = splat(0.0);
      const double* ap = a;
      const double* dp = dz + 2 * o;
      for (std::size_t p = 0; p < pairs; ++p, ap += 2 * IN, dp += zstep) {
        const v2 d = ld(dp);
        sb += d;
        for (int i = 0; i < IN; ++i) acc[i] += d * ld(ap + 2 * i);
      }
      gb[o] += hsum(sb);
      for (int i = 0; i < IN; ++i) gwo[i] += hsum(acc[i]);
    } else {
      for (std::size_t p = 0; p < pairs; ++p) sb += ld(dz + p * zstep + 2 * o);
      gb[o] += hsum(sb);
      for (int i = 0; i < in; ++i) {
        const double* ap = a + 2 * i;
        const double* dp = dz + 2 * o;
        v2 s0 = splat(0.0), s1 = s0;  // even pairs, odd pairs
        std::size_t p = 0;
        for (; p + 2 <= pairs; p += 2, ap += 2 * astep, dp += 2 * zstep) {
          s0 += ld(dp) * ld(ap);
          s1 += ld(dp + zstep) * ld(ap + astep);
        }
        if (p < pairs) s0 += ld(dp) * ld(ap);
        gwo[i] += hsum(s0 + s1);
      }
    }
  }
  if (!da) return;
  if constexpr (IN > 0) {
    const double* dp = dz;  // the pairs of dz one after the other: [pair][o][2]
    double* dap = da;
    for (std::size_t p = 0; p < pairs; ++p, dap += 2 * IN) {
      v2 acc[IN];
      for (int i = 0; i < IN; ++i) acc[i] = splat(0.0);
      const double* wo = w;
      for (int o = 0; o < rows; ++o, dp += 2, wo += IN) {
        const v2 d = ld(dp);
        for (int i = 0; i < IN; ++i) acc[i] += splat(wo[i]) * d;
      }
      if (fp) {
        const double* fpp = fp + p * 2 * IN;
        for (int i = 0; i < IN; ++i) st(dap + 2 * i, acc[i] * ld(fpp + 2 * i));
      } else {
        for (int i = 0; i < IN; ++i) st(dap + 2 * i, acc[i]);
      }
    }
  } else {
    for (int i = 0; i < in; ++i) {
      std::size_t p = 0;
      for (; p + 2 <= pairs; p += 2) {  // two pairs at a time share each splat of w
        const double* dp = dz + p * zstep;
        v2 a0 = splat(0.0), a1 = a0;
        for (int o = 0; o < rows; ++o) {
          const v2 wi = splat(w[static_cast<std::size_t>(o) * in + i]);
          a0 += wi * ld(dp + 2 * o);
          a1 += wi * ld(dp + zstep + 2 * o);
        }
        if (fp) {
          a0 *= ld(fp + p * astep + 2 * i);
          a1 *= ld(fp + (p + 1) * astep + 2 * i);
        }
        st(da + p * astep + 2 * i, a0);
        st(da + (p + 1) * astep + 2 * i, a1);
      }
      if (p < pairs) {
        const double* dp = dz + p * zstep;
        v2 a0 = splat(0.0);
        for (int o = 0; o < rows; ++o) a0 += splat(w[static_cast<std::size_t>(o) * in + i]) * ld(dp + 2 * o);
        if (fp) a0 *= ld(fp + p * astep + 2 * i);
        st(da + p * astep + 2 * i, a0);
      }
    }
  }
}

#define NN_DISPATCH_IN(fn, in, ...)            \
  switch (in) {                                \
    case 1: return fn<1>(__VA_ARGS__);         \
    case 2: return fn<2>(__VA_ARGS__);         \
    case 3: return fn<3>(__VA_ARGS__);         \
    case 4: return fn<4>(__VA_ARGS__);         \
    case 5: return fn<5>(__VA_ARGS__);         \
    case 6: return fn<6>(__VA_ARGS__);         \
    case 7: return fn<7>(__VA_ARGS__);         \
    case 8: return fn<8>(__VA_ARGS__);         \
    default: return fn<0>(__VA_ARGS__);        \
  }

inline void linear_forward(const double* w, const double* bias, const double* a, double* z, int in, int rows, std::size_t s) {
  NN_DISPATCH_IN(linear_forward_t, in, w, bias, a, z, in, rows, s)
}
inline void linear_backward(const double* w, const double* a, const double* dz, double* gw, double* gb, double* da,
                            const double* fp, int in, int rows, std::size_t s) {
  NN_DISPATCH_IN(linear_backward_t, in, w, a, dz, gw, gb, da, fp, in, rows, s)
}
#undef NN_DISPATCH_IN

// Cross-entropy of row b of the pair-major logits z (C classes, target class y): -log softmax(z)[y]
// = log1p(rest) + (z_m - z_y), m the first argmax and rest = sum_{o != m} exp(z_o - z_m) <= C - 1, so
// nothing overflows and a confident right answer keeps its loss (~rest) instead of log(1 + rest) = 0.
// With dz: dz_o = scale * (softmax_o - [o == y]); softmax_m = 1 / (1 + rest), and p_m - 1 is formed as
// -rest / (1 + rest) (no cancellation when the net is sure and right).
template <bool Gradient>
inline double cross_entropy_row(const double* z, std::size_t b, std::size_t C, std::size_t y, double scale, double* dz) {
  std::size_t m = 0;
  double zm = z[at(0, b, C)];
  for (std::size_t o = 1; o < C; ++o)
    if (z[at(o, b, C)] > zm) zm = z[at(o, b, C)], m = o;
  double rest = 0;
  for (std::size_t o = 0; o < C; ++o) {
    if (o == m) continue;
    const double e = std::exp(z[at(o, b, C)] - zm);
    rest += e;
    if constexpr (Gradient) dz[at(o, b, C)] = e;
  }
  if constexpr (Gradient) {
    const double inv = 1.0 / (1.0 + rest);
    for (std::size_t o = 0; o < C; ++o) {
      const std::size_t i = at(o, b, C);
      const double p = o == m ? inv : dz[i] * inv;
      dz[i] = scale * (o != y ? p : o == m ? -rest * inv : p - 1.0);
    }
  }
  return std::log1p(rest) + (zm - z[at(y, b, C)]);
}

}  // namespace nn::kernels
