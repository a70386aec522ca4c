// Network: the optimiser step (SGD, momentum, Adam), fused with the bookkeeping every step needs.
// Split from network_train.cpp (the forward/backward hot path) by meaning; like it, it works two
// parameters at a time in a SIMD register (kernels::v2).
#include <cmath>

#include "network.hpp"
#include "network_kernels.hpp"

namespace nn {

using namespace kernels;

// One optimiser step, fused with what every step needs: the old parameters go to backup_ (to undo a
// step that overflows), the gradient is zeroed for the next batch, and the new parameters are
// checked (x * 0 is 0 for finite x, NaN for inf or NaN). Returns false if any became non-finite.
bool Network::step() {
  const std::size_t n = params_.size(), n2 = n & ~std::size_t{1};
  double* __restrict p = params_.data();
  double* __restrict g = grad_.data();
  double* __restrict old = backup_.data();
  const double lr = cfg_.learning_rate;
  v2 bad = splat(0.0);
  double bad1 = 0.0;
  switch (cfg_.optimizer) {
    case Optimizer::sgd:
      for (std::size_t i = 0; i < n2; i += 2) {
        const v2 q = ld(p + i), nq = q - splat(lr) * ld(g + i);
        st(old + i, q);
        st(p + i, nq);
        st(g + i, splat(0.0));
        bad += nq * splat(0.0);
      }
      break;
    case Optimizer::momentum: {
      double* __restrict v = m_.data();
      for (std::size_t i = 0; i < n2; i += 2) {
        const v2 q = ld(p + i), nv = splat(kMomentum) * ld(v + i) + ld(g + i), nq = q - splat(lr) * nv;
        st(old + i, q);
        st(v + i, nv);
        st(p + i, nq);
        st(g + i, splat(0.0));
        bad += nq * splat(0.0);
      }
      break;
    }
    case Optimizer::adam: break;  // scalar below (needs sqrt)
  }
  std::size_t i = cfg_.optimizer == Optimizer::adam ? 0 : n2;
  double c1 = 1.0, c2 = 1.0;  // Adam's bias corrections (two pow calls: not for every SGD batch)
  if (cfg_.optimizer == Optimizer::adam) {
    ++adam_t_;
    c1 = 1.0 / (1.0 - std::pow(kAdamBeta1, static_cast<double>(adam_t_)));
    c2 = 1.0 / (1.0 - std::pow(kAdamBeta2, static_cast<double>(adam_t_)));
  }
  for (; i < n; ++i) {  // Adam, and the odd last parameter of SGD / momentum
    old[i] = p[i];
    if (cfg_.optimizer == Optimizer::sgd) {
      p[i] -= lr * g[i];
    } else if (cfg_.optimizer == Optimizer::momentum) {
      m_[i] = kMomentum * m_[i] + g[i];
      p[i] -= lr * m_[i];
    } else {
      m_[i] = kAdamBeta1 * m_[i] + (1.0 - kAdamBeta1) * g[i];
      v_[i] = kAdamBeta2 * v_[i] + (1.0 - kAdamBeta2) * g[i] * g[i];
      p[i] -= lr * (m_[i] * c1) / (std::sqrt(v_[i] * c2) + kAdamEps);
    }
    g[i] = 0.0;
    bad1 += p[i] * 0.0;
  }
  return hsum(bad) + bad1 == 0.0;
}

}  // namespace nn
