// The network's fused kernels of the six activations after the post: f(z) and f'(z) of two lanes at
// once, from one exp_expm1 (softplus, silu, gelu_tanh, mish), selects (hardswish) or one erfc and one
// exp per element (gelu: libm has no vector erfc). Each follows the same formula, in the same order of
// operations, as its scalar twin in activations_after_post.hpp, so the two agree to a few ulp (tested
// in test_network_after_post.cpp); where the scalar one switches to exp_times (e^x subnormal) this one
// returns exp_expm1's 0 instead of a number below 1e-300, and the infinite limits hold (the inputs of
// a product with e^{-|z|} are clamped where that factor is 0 anyway, so that 0 * inf never happens).
//
// Included by network_kernels.hpp in the middle (it uses v2, select, exp_expm1); not a header of its own.
#pragma once

namespace nn::kernels {

inline v2 clamp_abs(v2 x, double c) {  // x limited to [-c, c]
  return select(x < splat(-c), splat(-c), select(x > splat(c), splat(c), x));
}

template <act::Id ID>
inline void activate_after_post(v2 x, v2& fy, v2& fd, const act::Params& p) {
  using act::Id;
  const v2i sign = bits(splat(-0.0));
  const v2 one = splat(1.0), two = splat(2.0);
  v2 e, em1;
  if constexpr (ID == Id::softplus) {  // t = beta z, e = e^{-|t|}: f = max(z, 0) + log1p(e)/beta, f' = sigma(t)
    const v2 t = splat(p.beta) * x;
    exp_expm1(from_bits(bits(t) | sign), e, em1);
    const v2 l = v2{std::log1p(e[0]), std::log1p(e[1])};  // no vector log1p: two libm calls
    fy = select(t > splat(0.0), x, splat(0.0)) + l / splat(p.beta);
    fd = select(t >= splat(0.0), one, e) / (one + e);
  } else if constexpr (ID == Id::silu) {  // e = e^{-|z|}, q = 1 + e
    exp_expm1(from_bits(bits(x) | sign), e, em1);
    const v2i pos = x >= splat(0.0);
    const v2 xc = clamp_abs(x, 750.0), q = one + e, rq = one / q;
    fy = select(pos, x, xc * e) * rq;
    fd = select(pos, q + xc * e, e * (q + xc)) * (rq * rq);
  } else if constexpr (ID == Id::gelu_tanh) {  // 2a = 2 sqrt(2/pi) z (1 + c z^2), e = e^{-|2a|}
    const v2 xc = clamp_abs(x, 30.0), x2 = xc * xc;  // |z| >= 30: e^{-|2a|} = 0 in double
    const v2 a2 = splat(2.0 * act::detail::kSqrt2OverPi) * xc * (one + splat(act::detail::kGeluTanhC) * x2);
    const v2 da2 = splat(2.0 * act::detail::kSqrt2OverPi) * (one + splat(3.0 * act::detail::kGeluTanhC) * x2);
    exp_expm1(from_bits(bits(a2) | sign), e, em1);
    const v2i pos = a2 >= splat(0.0);
    const v2 rq = one / (one + e), s = select(pos, one, e) * rq, sn = select(pos, e, one) * rq;
    fy = select(x > splat(0.0), x, xc) * s;
    fd = s * (one + xc * da2 * sn);
  } else if constexpr (ID == Id::mish) {  // t = e^{-|z|}; g = n / d, 1 - g = m / d (see the scalar one)
    exp_expm1(from_bits(bits(x) | sign), e, em1);
    const v2i neg = x <= splat(0.0);
    const v2 xc = clamp_abs(x, 750.0);
    const v2 n = select(neg, e * (e + two), one + two * e), m = select(neg, two, two * e * e), d = n + m;
    const v2 r = one / (d * (one + e)), rd = (one + e) * r, rq = d * r;  // 1/d and 1/(1 + t), one division
    const v2 g = n * rd, sig = select(neg, e, one) * rq;
    fy = select(neg, xc, x) * g;
    fd = g + xc * sig * (m * (d + n) * (rd * rd));
  } else if constexpr (ID == Id::hardswish) {  // the scalar kernel's branches as selects
    const v2 three = splat(3.0);
    fy = select(x <= -three, splat(-0.0), select(x >= three, x, x * (x + three) / splat(6.0)));
    fd = select(x < -three, splat(0.0), select(x > three, one, (two * x + three) / splat(6.0)));
  } else {  // gelu: per element, one erfc and one exp for both
    double f0, d0, f1, d1;
    act::detail::gelu_both(x[0], f0, d0);
    act::detail::gelu_both(x[1], f1, d1);
    fy = v2{f0, f1};
    fd = v2{d0, d1};
  }
}

}  // namespace nn::kernels
