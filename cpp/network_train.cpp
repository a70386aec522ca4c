// Network: the hot path. Batched forward/backward over feature-major chunks ([feature][row],
// so every inner loop runs over the rows of a mini-batch, contiguous, and vectorises), the
// activation dispatched once per layer (one template instance per id), losses, optimisers.
//
// Fused activation kernels compute f(z) and f'(z) together from ONE exp/expm1 for sigmoid, tanh,
// elu and selu (act::value + act::derivative would call libm twice); they agree with act:: to a
// few ulp (tested). The other ids call act::value/act::derivative with a compile-time id, so the
// switch folds away and the ReLU family becomes branch-free selects.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <stdexcept>

#include "network.hpp"

namespace nn {
namespace {

using act::Id;

// y = f(z), d = f'(z) for m elements. `slope` only for PReLU (one alpha for the whole row).
template <Id ID>
inline void activate_row(const double* __restrict z, double* __restrict y, double* __restrict d, std::size_t m,
                         const act::Params& p) {
  if constexpr (ID == Id::tanh) {
    for (std::size_t i = 0; i < m; ++i) {
      const double u = std::expm1(-2.0 * std::fabs(z[i]));  // e^{-2|z|} - 1
      const double q = 2.0 + u;                              // 1 + e^{-2|z|}
      y[i] = std::copysign(-u / q, z[i]);
      d[i] = 4.0 * (1.0 + u) / (q * q);
    }
  } else if constexpr (ID == Id::sigmoid) {
    for (std::size_t i = 0; i < m; ++i) {
      const double t = std::exp(-std::fabs(z[i]));
      const double q = 1.0 + t;
      y[i] = (z[i] >= 0 ? 1.0 : t) / q;
      d[i] = t / (q * q);
    }
  } else if constexpr (ID == Id::elu || ID == Id::selu) {
    const double a = ID == Id::elu ? p.alpha : act::kSeluAlpha, s = ID == Id::elu ? 1.0 : act::kSeluScale;
    for (std::size_t i = 0; i < m; ++i) {
      const double e = std::expm1(std::min(z[i], 0.0));
      y[i] = s * (z[i] > 0 ? z[i] : a * e);
      d[i] = s * (z[i] > 0 ? 1.0 : a * (e + 1.0));
    }
  } else if constexpr (ID == Id::relu) {
    for (std::size_t i = 0; i < m; ++i) {
      y[i] = z[i] > 0 ? z[i] : 0.0;
      d[i] = z[i] > 0 ? 1.0 : 0.0;
    }
  } else if constexpr (ID == Id::leaky_relu || ID == Id::prelu || ID == Id::rrelu) {
    const double a = ID == Id::rrelu ? 0.5 * (p.lower + p.upper) : p.alpha;  // rrelu here: eval mode
    for (std::size_t i = 0; i < m; ++i) {
      const double s = z[i] > 0 ? 1.0 : a;
      y[i] = s * z[i];
      d[i] = s;
    }
  } else {
    for (std::size_t i = 0; i < m; ++i) {
      y[i] = act::value(ID, z[i], p);
      d[i] = act::derivative(ID, z[i], p);
    }
  }
}

// z[o][b] = bias[o] + sum_i w[o][i] a[i][b]
inline void linear_forward(const double* __restrict w, const double* __restrict bias, const double* __restrict a,
                           double* __restrict z, int in, int rows, std::size_t n) {
  for (int o = 0; o < rows; ++o) {
    double* __restrict zo = z + o * n;
    const double bo = bias[o];
    for (std::size_t b = 0; b < n; ++b) zo[b] = bo;
    const double* wo = w + static_cast<std::size_t>(o) * in;
    for (int i = 0; i < in; ++i) {
      const double wi = wo[i];
      const double* __restrict ai = a + i * n;
      for (std::size_t b = 0; b < n; ++b) zo[b] += wi * ai[b];
    }
  }
}

// Sum of x[b] * y[b] with four independent partial sums (the compiler may pack them into SIMD lanes).
inline double dot(const double* __restrict x, const double* __restrict y, std::size_t n) {
  double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  std::size_t b = 0;
  for (; b + 4 <= n; b += 4) {
    s0 += x[b] * y[b];
    s1 += x[b + 1] * y[b + 1];
    s2 += x[b + 2] * y[b + 2];
    s3 += x[b + 3] * y[b + 3];
  }
  for (; b < n; ++b) s0 += x[b] * y[b];
  return (s0 + s2) + (s1 + s3);
}

inline double sum(const double* __restrict x, std::size_t n) {
  double s0 = 0, s1 = 0;
  std::size_t b = 0;
  for (; b + 2 <= n; b += 2) {
    s0 += x[b];
    s1 += x[b + 1];
  }
  if (b < n) s0 += x[b];
  return s0 + s1;
}

// gW[o][i] += sum_b dz[o][b] a[i][b];  gb[o] += sum_b dz[o][b];  da[i][b] = sum_o w[o][i] dz[o][b]
inline void linear_backward(const double* __restrict w, const double* __restrict a, const double* __restrict dz,
                            double* __restrict gw, double* __restrict gb, double* __restrict da, int in, int rows,
                            std::size_t n) {
  for (int o = 0; o < rows; ++o) {
    const double* dzo = dz + o * n;
    gb[o] += sum(dzo, n);
    double* gwo = gw + static_cast<std::size_t>(o) * in;
    for (int i = 0; i < in; ++i) gwo[i] += dot(dzo, a + i * n, n);
  }
  if (!da) return;
  std::fill_n(da, static_cast<std::size_t>(in) * n, 0.0);
  for (int o = 0; o < rows; ++o) {
    const double* __restrict dzo = dz + o * n;
    const double* wo = w + static_cast<std::size_t>(o) * in;
    for (int i = 0; i < in; ++i) {
      const double wi = wo[i];
      double* __restrict dai = da + i * n;
      for (std::size_t b = 0; b < n; ++b) dai[b] += wi * dzo[b];
    }
  }
}

template <Id ID>
void hidden_activation(const Network::Layer& ly, const double* z, double* y, double* d, std::size_t n,
                       const act::Params& p, const double* params) {
  if constexpr (ID == Id::prelu) {
    act::Params q = p;
    for (int j = 0; j < ly.out; ++j) {
      q.alpha = params[ly.alpha + j];
      activate_row<Id::prelu>(z + j * n, y + j * n, d + j * n, n, q);
    }
  } else {
    activate_row<ID>(z, y, d, static_cast<std::size_t>(ly.out) * n, p);
  }
}

void maxout_forward(const double* z, double* y, double* arg, int out, int k, std::size_t n) {
  for (int j = 0; j < out; ++j) {
    const double* zj = z + static_cast<std::size_t>(j) * k * n;
    double* yj = y + j * n;
    double* aj = arg + j * n;
    for (std::size_t b = 0; b < n; ++b) {
      yj[b] = zj[b];
      aj[b] = 0;
    }
    for (int p = 1; p < k; ++p) {
      const double* zp = zj + p * n;
      for (std::size_t b = 0; b < n; ++b) {
        const bool gt = zp[b] > yj[b];  // ties keep the first piece
        yj[b] = gt ? zp[b] : yj[b];
        aj[b] = gt ? p : aj[b];
      }
    }
  }
}

}  // namespace

void Network::check_xy(std::span<const double> x, std::span<const double>* y, std::size_t& rows) const {
  const std::size_t in = input_dim(), out = output_dim();
  if (x.empty()) throw std::invalid_argument("X: no rows; expected N x " + std::to_string(in) + " values, N >= 1");
  if (x.size() % in != 0)
    throw std::invalid_argument("X: length " + std::to_string(x.size()) + " is not a multiple of the input width " +
                                std::to_string(in));
  rows = x.size() / in;
  if (rows > UINT32_MAX) throw std::invalid_argument("X: too many rows");
  for (std::size_t i = 0; i < x.size(); ++i)
    if (!std::isfinite(x[i])) throw std::invalid_argument("X[" + std::to_string(i) + "] is not a finite number");
  if (!y) return;
  if (y->size() != rows * out)
    throw std::invalid_argument("Y: expected " + std::to_string(rows * out) + " values (" + std::to_string(rows) +
                                " rows x " + std::to_string(out) + " outputs), got " + std::to_string(y->size()));
  for (std::size_t i = 0; i < y->size(); ++i)
    if (!std::isfinite((*y)[i])) throw std::invalid_argument("Y[" + std::to_string(i) + "] is not a finite number");
}

// Copies rows (idx ? idx[first..first+n) : first..first+n) into act_[0] [in][n] and ytmp_ [out][n].
void Network::gather(std::span<const double> x, std::span<const double> y, const std::uint32_t* idx,
                     std::size_t first, std::size_t n, bool with_y) {
  const std::size_t in = input_dim(), out = output_dim();
  double* a = act_[0];
  for (std::size_t b = 0; b < n; ++b) {
    const std::size_t r = idx ? idx[first + b] : first + b;
    const double* xr = x.data() + r * in;
    for (std::size_t i = 0; i < in; ++i) a[i * n + b] = xr[i];
    if (with_y) {
      const double* yr = y.data() + r * out;
      for (std::size_t o = 0; o < out; ++o) ytmp_[o * n + b] = yr[o];
    }
  }
}

void Network::forward(std::size_t n, bool train) {
  const std::size_t L = layers_.size();
  const act::Params& p = cfg_.params;
  for (std::size_t l = 0; l < L; ++l) {
    const Layer& ly = layers_[l];
    linear_forward(&params_[ly.w], &params_[ly.b], act_[l], z_[l], ly.in, ly.rows, n);
    if (!ly.hidden) break;
    double* y = act_[l + 1];
    double* d = d_[l];
    const double* z = z_[l];
    switch (cfg_.activation) {
      case Id::linear: hidden_activation<Id::linear>(ly, z, y, d, n, p, params_.data()); break;
      case Id::sigmoid: hidden_activation<Id::sigmoid>(ly, z, y, d, n, p, params_.data()); break;
      case Id::tanh: hidden_activation<Id::tanh>(ly, z, y, d, n, p, params_.data()); break;
      case Id::relu: hidden_activation<Id::relu>(ly, z, y, d, n, p, params_.data()); break;
      case Id::leaky_relu: hidden_activation<Id::leaky_relu>(ly, z, y, d, n, p, params_.data()); break;
      case Id::prelu: hidden_activation<Id::prelu>(ly, z, y, d, n, p, params_.data()); break;
      case Id::elu: hidden_activation<Id::elu>(ly, z, y, d, n, p, params_.data()); break;
      case Id::selu: hidden_activation<Id::selu>(ly, z, y, d, n, p, params_.data()); break;
      case Id::maxout: maxout_forward(z, y, d, ly.out, cfg_.maxout_pieces, n); break;
      case Id::rrelu:
        if (!train) {
          hidden_activation<Id::rrelu>(ly, z, y, d, n, p, params_.data());
        } else {  // training mode: a fresh slope U(lower, upper) for every negative element
          const std::size_t m = static_cast<std::size_t>(ly.out) * n;
          for (std::size_t i = 0; i < m; ++i) {
            const double s = z[i] > 0 ? 1.0 : noise_rng_.uniform(p.lower, p.upper);
            y[i] = s * z[i];
            d[i] = s;
          }
        }
        break;
    }
  }
}

// Loss of the chunk (sum over its n x out elements) and backprop into grad_ (scaled by `scale`).
double Network::loss_backward(std::size_t n, double scale) {
  const std::size_t L = layers_.size(), out = output_dim(), m = out * n;
  const double* z = z_[L - 1];
  double total = 0;
  if (cfg_.loss == Loss::mse) {
    for (std::size_t i = 0; i < m; ++i) {
      const double e = z[i] - ytmp_[i];
      total += e * e;
      dz_[i] = 2.0 * scale * e;
    }
  } else {
    for (std::size_t i = 0; i < m; ++i) {
      const double zi = z[i], t = std::exp(-std::fabs(zi)), q = 1.0 + t;
      total += std::max(zi, 0.0) - zi * ytmp_[i] + std::log1p(t);
      dz_[i] = scale * ((zi >= 0 ? 1.0 : t) / q - ytmp_[i]);
    }
  }
  for (std::size_t l = L; l-- > 0;) {
    const Layer& ly = layers_[l];
    double* da = l > 0 ? da_ : nullptr;
    linear_backward(&params_[ly.w], act_[l], dz_, &grad_[ly.w], &grad_[ly.b], da, ly.in, ly.rows, n);
    if (l == 0) break;
    // da_ = d loss / d (output of hidden layer l-1); turn it into dz_ for layer l-1.
    const Layer& hy = layers_[l - 1];
    const double* d = d_[l - 1];
    const std::size_t hm = static_cast<std::size_t>(hy.out) * n;
    if (cfg_.activation == Id::maxout) {
      const int k = cfg_.maxout_pieces;
      for (int j = 0; j < hy.out; ++j)
        for (int p = 0; p < k; ++p) {
          double* dzp = dz_ + (static_cast<std::size_t>(j) * k + p) * n;
          const double* aj = d + j * n;
          const double* gj = da_ + j * n;
          for (std::size_t b = 0; b < n; ++b) dzp[b] = aj[b] == p ? gj[b] : 0.0;
        }
    } else {
      if (cfg_.activation == Id::prelu) {  // d y / d alpha_j = z where z <= 0
        const double* zh = z_[l - 1];
        for (int j = 0; j < hy.out; ++j) {
          double s = 0;
          for (std::size_t b = 0; b < n; ++b) {
            const double zz = zh[j * n + b];
            s += zz > 0 ? 0.0 : zz * da_[j * n + b];
          }
          grad_[hy.alpha + j] += s;
        }
      }
      for (std::size_t i = 0; i < hm; ++i) dz_[i] = da_[i] * d[i];
    }
  }
  return total;
}

bool Network::params_finite() const noexcept {
  double s0 = 0, s1 = 0;
  const double* p = params_.data();
  const std::size_t n = params_.size();
  std::size_t i = 0;
  for (; i + 2 <= n; i += 2) {  // x * 0 is 0 for finite x, NaN for inf or NaN
    s0 += p[i] * 0.0;
    s1 += p[i + 1] * 0.0;
  }
  if (i < n) s0 += p[i] * 0.0;
  return s0 + s1 == 0.0;
}

void Network::step() {
  const std::size_t n = params_.size();
  double* __restrict p = params_.data();
  const double* __restrict g = grad_.data();
  const double lr = cfg_.learning_rate;
  switch (cfg_.optimizer) {
    case Optimizer::sgd:
      for (std::size_t i = 0; i < n; ++i) p[i] -= lr * g[i];
      break;
    case Optimizer::momentum: {
      double* __restrict v = m_.data();
      for (std::size_t i = 0; i < n; ++i) {
        v[i] = kMomentum * v[i] + g[i];
        p[i] -= lr * v[i];
      }
      break;
    }
    case Optimizer::adam: {
      ++adam_t_;
      double* __restrict m = m_.data();
      double* __restrict v = v_.data();
      const double c1 = 1.0 / (1.0 - std::pow(kAdamBeta1, static_cast<double>(adam_t_)));
      const double c2 = 1.0 / (1.0 - std::pow(kAdamBeta2, static_cast<double>(adam_t_)));
      for (std::size_t i = 0; i < n; ++i) {
        m[i] = kAdamBeta1 * m[i] + (1.0 - kAdamBeta1) * g[i];
        v[i] = kAdamBeta2 * v[i] + (1.0 - kAdamBeta2) * g[i] * g[i];
        p[i] -= lr * (m[i] * c1) / (std::sqrt(v[i] * c2) + kAdamEps);
      }
      break;
    }
  }
}

double Network::loss_and_gradient(std::span<const double> x, std::span<const double> y, std::span<double> grad) {
  std::size_t rows = 0;
  check_xy(x, &y, rows);
  if (grad.size() != params_.size())
    throw std::invalid_argument("gradient: expected " + std::to_string(params_.size()) + " values");
  std::fill(grad_.begin(), grad_.end(), 0.0);
  const double scale = 1.0 / static_cast<double>(rows * output_dim());
  double total = 0;
  for (std::size_t first = 0; first < rows; first += chunk_) {
    const std::size_t n = std::min(chunk_, rows - first);
    gather(x, y, nullptr, first, n, true);
    forward(n, false);
    total += loss_backward(n, scale);
  }
  std::copy(grad_.begin(), grad_.end(), grad.begin());
  return total * scale;
}

void Network::predict(std::span<const double> x, std::span<double> out) {
  std::size_t rows = 0;
  check_xy(x, nullptr, rows);
  const std::size_t od = output_dim();
  if (out.size() != rows * od) throw std::invalid_argument("predict: output must have N x out values");
  for (std::size_t first = 0; first < rows; first += chunk_) {
    const std::size_t n = std::min(chunk_, rows - first);
    gather(x, {}, nullptr, first, n, false);
    forward(n, false);
    const double* z = z_.back();
    for (std::size_t b = 0; b < n; ++b)
      for (std::size_t o = 0; o < od; ++o) out[(first + b) * od + o] = z[o * n + b];
  }
}

std::vector<double> Network::predict(std::span<const double> x) {
  std::vector<double> out(x.size() / std::max<std::size_t>(input_dim(), 1) * output_dim());
  predict(x, out);
  return out;
}

std::vector<double> Network::predict_train(std::span<const double> x) {
  std::size_t rows = 0;
  check_xy(x, nullptr, rows);
  const std::size_t od = output_dim();
  std::vector<double> out(rows * od);
  for (std::size_t first = 0; first < rows; first += chunk_) {
    const std::size_t n = std::min(chunk_, rows - first);
    gather(x, {}, nullptr, first, n, false);
    forward(n, true);
    const double* z = z_.back();
    for (std::size_t b = 0; b < n; ++b)
      for (std::size_t o = 0; o < od; ++o) out[(first + b) * od + o] = z[o * n + b];
  }
  return out;
}

double Network::train_epoch(std::span<const double> x, std::span<const double> y) {
  std::size_t rows = 0;
  check_xy(x, &y, rows);
  if (diverged_) return std::nan("");
  if (perm_.size() < rows) perm_.resize(rows);
  for (std::size_t i = 0; i < rows; ++i) perm_[i] = static_cast<std::uint32_t>(i);
  for (std::size_t i = rows - 1; i > 0; --i) std::swap(perm_[i], perm_[shuffle_rng_.below(i + 1)]);

  const std::size_t bs = static_cast<std::size_t>(cfg_.batch_size), od = output_dim();
  double epoch_total = 0;
  for (std::size_t start = 0; start < rows; start += bs) {
    const std::size_t nb = std::min(bs, rows - start);
    std::fill(grad_.begin(), grad_.end(), 0.0);
    const double scale = 1.0 / static_cast<double>(nb * od);
    double batch_total = 0;
    for (std::size_t first = start; first < start + nb; first += chunk_) {
      const std::size_t n = std::min(chunk_, start + nb - first);
      gather(x, y, perm_.data(), first, n, true);
      forward(n, true);
      batch_total += loss_backward(n, scale);
    }
    if (!std::isfinite(batch_total)) {
      diverged_ = true;
      return std::nan("");
    }
    epoch_total += batch_total;
    std::copy(params_.begin(), params_.end(), backup_.begin());
    step();
    if (!params_finite()) {
      std::copy(backup_.begin(), backup_.end(), params_.begin());
      diverged_ = true;
      return std::nan("");
    }
  }
  ++epochs_;
  return epoch_total / static_cast<double>(rows * od);
}

}  // namespace nn
