// Network: the hot path. Batched forward/backward over chunks of rows in pair-major layout
// ([row pair][feature][2], see kernels::at: two rows of a mini-batch per SIMD register), the
// activation dispatched once per layer (one template instance per id), losses (the optimiser step
// is in network_optim.cpp).
//
// The kernels (network_kernels.hpp): matrix products templated on the input width, and f(z), f'(z)
// together, two lanes at a time: one branch-free exp evaluation for sigmoid, tanh, elu and selu,
// softplus, silu, gelu_tanh and mish, selects for the ReLU family and hardswish, erfc per element
// for gelu. Every elementwise activation (all but maxout and prelu) is fused into the backward
// matrix kernel (dz = da * f'(z)).
#include <algorithm>
#include <cmath>
#include <cstring>
#include <stdexcept>

#include "network.hpp"
#include "network_kernels.hpp"

namespace nn {
namespace {

using act::Id;
using namespace kernels;

template <Id ID>
__attribute__((noinline)) void hidden_activation(const Network::Layer& ly, const double* z, double* y, double* d, std::size_t n,
                       const act::Params& p, const double* params) {
  if constexpr (ID == Id::prelu) {  // one slope per feature; feature j of row pair q is at (q * out + j) * 2
    const double* alpha = params + ly.alpha;
    for (std::size_t i = 0, m = static_cast<std::size_t>(ly.out) * n; i < m;)
      for (int j = 0; j < ly.out; ++j, i += 2) {  // as kernels::activate<prelu>, one slope per pair of lanes
        const v2 x = ld(z + i), fd = select(x > splat(0.0), splat(1.0), splat(alpha[j]));
        st(y + i, fd * x);
        st(d + i, fd);
      }
  } else {
    kernels::activate<ID>(z, y, d, static_cast<std::size_t>(ly.out) * n, p);
  }
}

// Hidden unit j is the maximum of its pieces z[j*k .. j*k+k); arg gets the winning piece's index.
void maxout_forward(const double* z, double* y, double* arg, int out, int k, std::size_t n) {
  const std::size_t ypair = 2 * static_cast<std::size_t>(out), zpair = ypair * k;
  for (std::size_t q = 0; q < n / 2; ++q) {
    const double* zq = z + q * zpair;
    double* yq = y + q * ypair;
    double* aq = arg + q * ypair;
    for (int j = 0; j < out; ++j)
      for (int e = 0; e < 2; ++e) {
        const double* zj = zq + 2 * static_cast<std::size_t>(j) * k + e;
        double best = zj[0], win = 0;
        for (int p = 1; p < k; ++p) {
          const bool gt = zj[2 * p] > best;  // ties keep the first piece
          best = gt ? zj[2 * p] : best;
          win = gt ? p : win;
        }
        yq[2 * j + e] = best;
        aq[2 * j + e] = win;
      }
  }
}

// No NaN or ±inf in v. Branch-free over the exponent bits (all ones = not finite), so it
// vectorises; check_xy runs it on the whole training set every epoch.
bool all_finite(std::span<const double> v) {
  std::uint64_t bad = 0;
  for (const double x : v) {
    std::uint64_t u;
    std::memcpy(&u, &x, sizeof u);
    bad |= static_cast<std::uint64_t>((u & 0x7ff0000000000000ULL) == 0x7ff0000000000000ULL);
  }
  return bad == 0;
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
  if (!all_finite(x))
    for (std::size_t i = 0; i < x.size(); ++i)
      if (!std::isfinite(x[i])) throw std::invalid_argument("X[" + std::to_string(i) + "] is not a finite number");
  if (!y) return;
  if (cfg_.loss == Loss::cross_entropy) {  // one class index per row
    if (y->size() != rows)
      throw std::invalid_argument("Y: cross_entropy expects one class index per row: " + std::to_string(rows) +
                                  " values, got " + std::to_string(y->size()));
    const double classes = static_cast<double>(out);
    for (std::size_t i = 0; i < rows; ++i) {
      const double v = (*y)[i];
      if (!(v >= 0 && v < classes && v == std::floor(v)))  // (NaN fails every comparison)
        throw std::invalid_argument("Y[" + std::to_string(i) + "] = " + act::format_number(v) +
                                    " is not a class index; cross_entropy expects an integer in [0, " +
                                    std::to_string(out - 1) + "]");
    }
    return;
  }
  if (y->size() != rows * out)
    throw std::invalid_argument("Y: expected " + std::to_string(rows * out) + " values (" + std::to_string(rows) +
                                " rows x " + std::to_string(out) + " outputs), got " + std::to_string(y->size()));
  if (!all_finite(*y))
    for (std::size_t i = 0; i < y->size(); ++i)
      if (!std::isfinite((*y)[i])) throw std::invalid_argument("Y[" + std::to_string(i) + "] is not a finite number");
}

// Copies rows (idx ? idx[first..first+n) : first..first+n) into act_[0] [in][s] and ytmp_ [out][s]
// (s = n rounded up to even; a padding row gets zeros).
void Network::gather(std::span<const double> x, std::span<const double> y, const std::uint32_t* idx,
                     std::size_t first, std::size_t n, bool with_y) {
  const std::size_t in = input_dim(), out = output_dim(), s = stride(n);
  double* a = act_[0];
  for (std::size_t b = 0; b < n; ++b) {
    const std::size_t r = idx ? idx[first + b] : first + b;
    const double* xr = x.data() + r * in;
    for (std::size_t i = 0; i < in; ++i) a[at(i, b, in)] = xr[i];
    if (with_y && cfg_.loss == Loss::cross_entropy) {  // the class index in feature 0
      for (std::size_t o = 0; o < out; ++o) ytmp_[at(o, b, out)] = 0.0;
      ytmp_[at(0, b, out)] = y[r];
    } else if (with_y) {
      const double* yr = y.data() + r * out;
      for (std::size_t o = 0; o < out; ++o) ytmp_[at(o, b, out)] = yr[o];
    }
  }
  if (s != n) {
    for (std::size_t i = 0; i < in; ++i) a[at(i, n, in)] = 0.0;
    for (std::size_t o = 0; o < out; ++o) ytmp_[at(o, n, out)] = 0.0;
  }
}

void Network::forward(std::size_t rows, bool train) {
  const std::size_t L = layers_.size(), n = stride(rows);
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
      case Id::softplus: hidden_activation<Id::softplus>(ly, z, y, d, n, p, params_.data()); break;
      case Id::silu: hidden_activation<Id::silu>(ly, z, y, d, n, p, params_.data()); break;
      case Id::gelu: hidden_activation<Id::gelu>(ly, z, y, d, n, p, params_.data()); break;
      case Id::gelu_tanh: hidden_activation<Id::gelu_tanh>(ly, z, y, d, n, p, params_.data()); break;
      case Id::mish: hidden_activation<Id::mish>(ly, z, y, d, n, p, params_.data()); break;
      case Id::hardswish: hidden_activation<Id::hardswish>(ly, z, y, d, n, p, params_.data()); break;
      case Id::rrelu:
        if (!train) {
          hidden_activation<Id::rrelu>(ly, z, y, d, n, p, params_.data());
        } else {  // training mode: a fresh slope U(lower, upper) for every negative element
          // drawn feature by feature, row by row (the order of the feature-major layout, so a seed
          // gives the same slopes as before): feature j of row pair q is at q * 2 * out + 2 * j
          const auto draw = [&](std::size_t i) {
            const double s = z[i] > 0 ? 1.0 : noise_rng_.uniform(p.lower, p.upper);
            y[i] = s * z[i];
            d[i] = s;
          };
          for (std::size_t j = 0, step = 2 * static_cast<std::size_t>(ly.out); j < static_cast<std::size_t>(ly.out); ++j)
            for (std::size_t i = 2 * j, end = i + step * (n / 2); i < end; i += step) {
              draw(i);
              draw(i + 1);
            }
        }
        break;
    }
  }
}

// Loss of the chunk (sum over its n x out elements) and backprop into grad_ (scaled by `scale`).
double Network::loss_backward(std::size_t rows, double scale) {
  const std::size_t L = layers_.size(), out = output_dim(), n = stride(rows);
  const double* z = z_[L - 1];
  double total = 0;
  if (cfg_.loss == Loss::cross_entropy) {
    for (std::size_t b = 0; b < rows; ++b)
      total += cross_entropy_row<true>(z, b, out, static_cast<std::size_t>(ytmp_[at(0, b, out)]), scale, dz_);
    if (n != rows)
      for (std::size_t o = 0; o < out; ++o) dz_[at(o, rows, out)] = 0.0;  // the padding row contributes nothing
  }
  for (std::size_t o = 0; o < out && cfg_.loss != Loss::cross_entropy; ++o) {
    if (cfg_.loss == Loss::mse) {
      for (std::size_t b = 0; b < rows; ++b) {
        const std::size_t i = at(o, b, out);
        const double e = z[i] - ytmp_[i];
        total += e * e;
        dz_[i] = 2.0 * scale * e;
      }
    } else {
      for (std::size_t b = 0; b < rows; ++b) {
        const std::size_t i = at(o, b, out);
        const double zi = z[i], t = std::exp(-std::fabs(zi)), q = 1.0 + t;
        total += std::max(zi, 0.0) - zi * ytmp_[i] + std::log1p(t);
        dz_[i] = scale * ((zi >= 0 ? 1.0 : t) / q - ytmp_[i]);
      }
    }
    if (n != rows) dz_[at(o, rows, out)] = 0.0;  // the padding row contributes nothing
  }
  // Two buffers take turns: the kernel reads this layer's dz and writes d loss / d (its input), or,
  // when the layer below is an elementwise activation, directly that layer's dz (= da * f'(z)).
  double* dz = dz_;
  double* other = da_;
  const bool fuse = cfg_.activation != Id::maxout && cfg_.activation != Id::prelu;
  for (std::size_t l = L; l-- > 0;) {
    const Layer& ly = layers_[l];
    double* da = l > 0 ? other : nullptr;
    const double* fp = l > 0 && fuse ? d_[l - 1] : nullptr;
    linear_backward(&params_[ly.w], act_[l], dz, &grad_[ly.w], &grad_[ly.b], da, fp, ly.in, ly.rows, n);
    if (l == 0) break;
    if (fuse) {
      std::swap(dz, other);
      continue;
    }
    // other = d loss / d (output of hidden layer l-1); turn it into dz for layer l-1.
    const Layer& hy = layers_[l - 1];
    const double* d = d_[l - 1];
    if (cfg_.activation == Id::maxout) {
      const int k = cfg_.maxout_pieces;
      const std::size_t units = hy.out, pieces = units * k;
      for (std::size_t q = 0; q < n / 2; ++q) {  // row pair by row pair: [pair][unit][2] -> [pair][piece][2]
        const double* dq = d + q * 2 * units;
        const double* gq = other + q * 2 * units;
        double* zq = dz + q * 2 * pieces;
        for (std::size_t j = 0; j < units; ++j)
          for (int p = 0; p < k; ++p)
            for (std::size_t e = 0; e < 2; ++e) zq[2 * (j * k + p) + e] = dq[2 * j + e] == p ? gq[2 * j + e] : 0.0;
      }
    } else {  // prelu: d y / d alpha_j = z where z <= 0, then dz = da * f'(z)
      const double* zh = z_[l - 1];
      const std::size_t step = 2 * static_cast<std::size_t>(hy.out), end = step * (n / 2);
      const auto term = [&](std::size_t i) { return zh[i] > 0 ? 0.0 : zh[i] * other[i]; };
      for (int j = 0; j < hy.out; ++j) {
        double s = 0;
        for (std::size_t i = 2 * static_cast<std::size_t>(j); i < end; i += step) {  // rows in order
          s += term(i);
          s += term(i + 1);
        }
        grad_[hy.alpha + j] += s;
      }
      const std::size_t hm = static_cast<std::size_t>(hy.out) * n;
      for (std::size_t i = 0; i < hm; ++i) dz[i] = other[i] * d[i];
    }
  }
  return total;
}

double Network::loss_and_gradient(std::span<const double> x, std::span<const double> y, std::span<double> grad) {
  std::size_t rows = 0;
  check_xy(x, &y, rows);
  if (grad.size() != params_.size())
    throw std::invalid_argument("gradient: expected " + std::to_string(params_.size()) + " values");
  const double loss = eval_loss(x, y, rows, true);
  std::copy(grad_.begin(), grad_.end(), grad.begin());
  return loss;
}

double Network::loss(std::span<const double> x, std::span<const double> y) {
  std::size_t rows = 0;
  check_xy(x, &y, rows);
  return eval_loss(x, y, rows, false);
}

// Eval mode over checked x, y, chunk by chunk: the mean loss; with `gradient`, grad_ receives its
// gradient (loss_backward), else only the loss is summed (loss_sum, the same sums in the same order).
double Network::eval_loss(std::span<const double> x, std::span<const double> y, std::size_t rows, bool gradient) {
  if (gradient) std::fill(grad_.begin(), grad_.end(), 0.0);
  const double scale = 1.0 / static_cast<double>(rows * y_width());  // per element; per sample for cross_entropy
  double total = 0;
  for (std::size_t first = 0; first < rows; first += chunk_) {
    const std::size_t n = std::min(chunk_, rows - first);
    gather(x, y, nullptr, first, n, true);
    forward(n, false);
    total += gradient ? loss_backward(n, scale) : loss_sum(n);
  }
  return total * scale;
}

// The element losses of loss_backward's first loop, in its order (so loss() == loss_and_gradient()).
double Network::loss_sum(std::size_t rows) const {
  const std::size_t out = output_dim();
  const double* z = z_[layers_.size() - 1];
  double total = 0;
  if (cfg_.loss == Loss::cross_entropy) {
    for (std::size_t b = 0; b < rows; ++b)
      total += cross_entropy_row<false>(z, b, out, static_cast<std::size_t>(ytmp_[at(0, b, out)]), 0.0, nullptr);
    return total;
  }
  for (std::size_t o = 0; o < out; ++o)
    for (std::size_t b = 0; b < rows; ++b) {
      const std::size_t i = at(o, b, out);
      if (cfg_.loss == Loss::mse) {
        const double e = z[i] - ytmp_[i];
        total += e * e;
      } else {
        const double zi = z[i], t = std::exp(-std::fabs(zi));
        total += std::max(zi, 0.0) - zi * ytmp_[i] + std::log1p(t);
      }
    }
  return total;
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
      for (std::size_t o = 0; o < od; ++o) out[(first + b) * od + o] = z[at(o, b, od)];
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
      for (std::size_t o = 0; o < od; ++o) out[(first + b) * od + o] = z[at(o, b, od)];
  }
  return out;
}

double Network::train_epoch(std::span<const double> x, std::span<const double> y) {
  std::size_t rows = 0;
  check_xy(x, &y, rows);
  if (diverged_) return std::nan("");
  if (perm_.size() < rows) perm_.resize(rows);
  for (std::size_t i = 0; i < rows; ++i) perm_[i] = static_cast<std::uint32_t>(i);
  for (std::size_t i = rows - 1; i > 0; --i) std::swap(perm_[i], perm_[shuffle_rng_.below(static_cast<std::uint32_t>(i + 1))]);

  // od: loss terms per row (outputs; 1 for cross_entropy, a mean over samples)
  const std::size_t bs = static_cast<std::size_t>(cfg_.batch_size), od = y_width();
  std::fill(grad_.begin(), grad_.end(), 0.0);
  double epoch_total = 0;
  for (std::size_t start = 0; start < rows; start += bs) {
    const std::size_t nb = std::min(bs, rows - start);
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
    if (!step()) {  // (step() also zeroes the gradient for the next batch)
      std::copy(backup_.begin(), backup_.end(), params_.begin());
      diverged_ = true;
      return std::nan("");
    }
  }
  ++epochs_;
  return epoch_total / static_cast<double>(rows * od);
}

}  // namespace nn
