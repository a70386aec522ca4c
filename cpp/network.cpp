// Network: configuration, validation, layout, initialisation, parameters, JSON export.
// The training/inference kernels are in network_train.cpp.
#include "network.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>

namespace nn {
namespace {

constexpr std::string_view kInitNames[] = {"default", "lecun_normal", "he_normal", "glorot_uniform"};
constexpr std::string_view kLossNames[] = {"bce", "mse", "cross_entropy"};
constexpr std::string_view kOptNames[] = {"sgd", "momentum", "adam"};

template <class E, std::size_t N>
E parse_enum(std::string_view s, const std::string_view (&names)[N], const char* field) {
  for (std::size_t i = 0; i < N; ++i)
    if (names[i] == s) return static_cast<E>(i);
  std::string allowed;
  for (auto n : names) allowed += (allowed.empty() ? "" : ", ") + std::string(n);
  throw std::invalid_argument(std::string(field) + ": unknown '" + act::quote_input(s) +
                              "'; allowed: " + allowed);
}

std::string num(double v) { return act::format_number(v); }

// Text that reads back to exactly v: the shortest (std::to_chars) where the library has it,
// else "%.17g" (wasm's libc++ lacks floating to_chars, and a strtod round-trip search is slow
// there). JSON has no NaN/inf; those become null.
std::string json_num(double v) {
  if (!std::isfinite(v)) return "null";
  char buf[40];
#if defined(__cpp_lib_to_chars) && __cpp_lib_to_chars >= 201611L
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
#else
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
#endif
}

double phi_cdf(double x) { return 0.5 * std::erfc(-x * 0.70710678118654752440); }

// Horner: c[0] + c[1] r + ... + c[7] r^7.
double poly7(const double (&c)[8], double r) {
  double s = c[7];
  for (int k = 6; k >= 0; --k) s = s * r + c[k];
  return s;
}

}  // namespace

// The standard normal quantile by Wichura's algorithm AS 241 (Applied Statistics 37(3), 1988,
// 477-484): a ratio of two degree-7 polynomials, relative error about 1e-16, in r = 0.180625 - q^2
// for |q = p - 1/2| <= 0.425, else in r = sqrt(-log(min(p, 1 - p))) - 1.6, good while r <= 5 (p
// above ~1e-11, all this file needs: p stays in [Phi(-2), Phi(2)]). This replaced a Newton
// iteration on erfc (2-3 steps, each an erfc and an exp; ~180 ns per weight in wasm, ~40 % of
// building gradient-flow's five 10 x 32 nets).
double truncated_normal_from_uniform(double u) {
  static constexpr double a[8] = {3.3871328727963666080,    1.3314166789178437745e+2, 1.9715909503065514427e+3,
                                  1.3731693765509461125e+4, 4.5921953931549871457e+4, 6.7265770927008700853e+4,
                                  3.3430575583588128105e+4, 2.5090809287301226727e+3};
  static constexpr double b[8] = {1.0,                      4.2313330701600911252e+1, 6.8718700749205790830e+2,
                                  5.3941960214247511077e+3, 2.1213794301586595867e+4, 3.9307895800092710610e+4,
                                  2.8729085735721942674e+4, 5.2264952788528545610e+3};
  static constexpr double c[8] = {1.42343711074968357734,    4.63033784615654529590,    5.76949722146069140550,
                                  3.64784832476320460504,    1.27045825245236838258,    2.41780725177450611770e-1,
                                  2.27238449892691845833e-2, 7.74545014278341407640e-4};
  static constexpr double d[8] = {1.0,                       2.05319162663775882187,    1.67638483018380384940,
                                  6.89767334985100004550e-1, 1.48103976427480074590e-1, 1.51986665636164571966e-2,
                                  5.47593808499534494600e-4, 1.05075007164441684324e-9};
  static const double lo = phi_cdf(-2.0), hi = phi_cdf(2.0);
  const double p = lo + u * (hi - lo), q = p - 0.5;
  double x;
  if (std::fabs(q) <= 0.425) {
    const double r = 0.180625 - q * q;
    x = q * poly7(a, r) / poly7(b, r);
  } else {
    const double r = std::sqrt(-std::log(q < 0 ? p : 1 - p)) - 1.6;
    x = poly7(c, r) / poly7(d, r);
    if (q < 0) x = -x;
  }
  return std::clamp(x, -2.0, 2.0);
}

namespace {

// The weight for one uniform draw u, given the init and the layer's fans.
double init_weight(Init init, double u, int fan_in, int fan_out) {
  constexpr double kTruncStd = 0.87962566103423978;  // std of N(0,1) truncated to +-2
  switch (init) {
    case Init::glorot_uniform: return (2.0 * u - 1.0) * std::sqrt(6.0 / (fan_in + fan_out));
    case Init::he_normal: return truncated_normal_from_uniform(u) * std::sqrt(2.0 / fan_in) / kTruncStd;
    default: return truncated_normal_from_uniform(u) * std::sqrt(1.0 / fan_in) / kTruncStd;
  }
}

}  // namespace

std::string_view name(Init v) noexcept { return kInitNames[static_cast<int>(v)]; }
std::string_view name(Loss v) noexcept { return kLossNames[static_cast<int>(v)]; }
std::string_view name(Optimizer v) noexcept { return kOptNames[static_cast<int>(v)]; }
Init parse_init(std::string_view s) { return parse_enum<Init>(s, kInitNames, "init"); }
Loss parse_loss(std::string_view s) { return parse_enum<Loss>(s, kLossNames, "loss"); }
Optimizer parse_optimizer(std::string_view s) { return parse_enum<Optimizer>(s, kOptNames, "optimizer"); }

Init resolve_init(Init init, act::Id a) noexcept {
  if (init != Init::default_init) return init;
  switch (a) {
    case act::Id::selu: return Init::lecun_normal;
    case act::Id::linear:
    case act::Id::sigmoid:
    case act::Id::tanh: return Init::glorot_uniform;
    // He for the ReLU-like ones after the post too: softplus, silu, gelu, gelu_tanh, mish and hardswish
    // are ~x for x >> 0 and ~0 for x << 0, so like ReLU they pass about half the variance of their input
    // (the reason for He's factor 2); it is also what the papers and timm/torchvision use with them.
    case act::Id::softplus:
    case act::Id::silu:
    case act::Id::gelu:
    case act::Id::gelu_tanh:
    case act::Id::mish:
    case act::Id::hardswish: return Init::he_normal;
    default: return Init::he_normal;  // relu family, elu, maxout
  }
}

std::size_t count_parameters(const Config& c) noexcept {
  std::size_t total = 0;
  const std::size_t L = c.layers.size();
  for (std::size_t l = 0; l + 1 < L; ++l) {
    const bool hidden = l + 2 < L;
    const std::size_t in = static_cast<std::size_t>(c.layers[l]), out = static_cast<std::size_t>(c.layers[l + 1]);
    const std::size_t rows = out * (hidden && c.activation == act::Id::maxout ? c.maxout_pieces : 1);
    total += rows * in + rows + (hidden && c.activation == act::Id::prelu ? out : 0);
  }
  return total;
}

void validate(const Config& c) {
  if (c.layers.size() < 2 || c.layers.size() > kMaxLayerEntries)
    throw std::invalid_argument("layers: need 2 to " + std::to_string(kMaxLayerEntries) +
                                " widths (input, hidden..., output), got " + std::to_string(c.layers.size()));
  for (std::size_t i = 0; i < c.layers.size(); ++i)
    if (c.layers[i] < 1 || c.layers[i] > kMaxWidth)
      throw std::invalid_argument("layers[" + std::to_string(i) + "] must be an integer in [1, " +
                                  std::to_string(kMaxWidth) + "], got " + std::to_string(c.layers[i]));
  if (c.maxout_pieces < kMinMaxoutPieces || c.maxout_pieces > kMaxMaxoutPieces)
    throw std::invalid_argument("maxoutPieces must be an integer in [2, 8], got " + std::to_string(c.maxout_pieces));
  act::validate(c.activation, c.params);
  if (static_cast<int>(c.init) < 0 || static_cast<int>(c.init) > 3) throw std::invalid_argument("init: invalid value");
  if (static_cast<int>(c.loss) < 0 || static_cast<int>(c.loss) > 2) throw std::invalid_argument("loss: invalid value");
  if (c.loss == Loss::cross_entropy && c.layers.back() < 2)
    throw std::invalid_argument("loss: cross_entropy needs at least 2 outputs (one logit per class), got layers ending in " +
                                std::to_string(c.layers.back()) + "; use bce for one output");
  if (static_cast<int>(c.optimizer) < 0 || static_cast<int>(c.optimizer) > 2)
    throw std::invalid_argument("optimizer: invalid value");
  if (!(std::isfinite(c.learning_rate) && c.learning_rate > 0 && c.learning_rate <= kMaxLearningRate))
    throw std::invalid_argument("learningRate must be a finite number in (0, 10], got " + num(c.learning_rate));
  if (c.batch_size < 1 || c.batch_size > kMaxBatchSize)
    throw std::invalid_argument("batchSize must be an integer in [1, 1000000], got " + std::to_string(c.batch_size));
  const std::size_t n = count_parameters(c);
  if (n > kMaxParameters)
    throw std::invalid_argument("layers: " + std::to_string(n) + " parameters exceed the limit of " +
                                std::to_string(kMaxParameters));
}

Network::Network(const Config& c) : cfg_(c), shuffle_rng_(c.seed, 1), noise_rng_(c.seed, 2) {
  validate(c);
  cfg_.init = resolve_init(c.init, c.activation);
  const std::size_t L = c.layers.size() - 1;  // number of Linear layers
  const bool maxout = c.activation == act::Id::maxout, prelu = c.activation == act::Id::prelu;
  const int k = maxout ? c.maxout_pieces : 1;

  // Layout in state_dict order.
  std::size_t off = 0, max_rows = 0, max_in = 0, per_row = 0;
  layers_.resize(L);
  for (std::size_t l = 0; l < L; ++l) {
    Layer& ly = layers_[l];
    ly.in = c.layers[l];
    ly.out = c.layers[l + 1];
    ly.hidden = l + 1 < L;
    ly.rows = ly.out * (ly.hidden ? k : 1);
    ly.w = off;
    off += static_cast<std::size_t>(ly.rows) * ly.in;
    ly.b = off;
    off += ly.rows;
    if (ly.hidden && prelu) {
      ly.alpha = off;
      off += ly.out;
    }
    max_rows = std::max<std::size_t>(max_rows, ly.rows);
    max_in = std::max<std::size_t>(max_in, ly.in);
    per_row += ly.in + ly.rows + (ly.hidden ? ly.out : 0);
  }
  per_row += layers_.back().out + 2 * std::max(max_rows, max_in);

  // Chunk of rows processed at once: up to 256, bounded so the workspace stays under 16 MB.
  constexpr std::size_t kBudget = std::size_t{1} << 21;
  // Even, so that a chunk's row stride (rows rounded up to even, see stride()) always fits.
  chunk_ = std::clamp<std::size_t>(kBudget / per_row, 2, 256) & ~std::size_t{1};
  params_.assign(off, 0.0);
  grad_.assign(off, 0.0);
  backup_.assign(off, 0.0);
  if (c.optimizer != Optimizer::sgd) m_.assign(off, 0.0);
  if (c.optimizer == Optimizer::adam) v_.assign(off, 0.0);
  ws_.assign(per_row * chunk_, 0.0);
  double* p = ws_.data();
  auto take = [&](std::size_t n) {
    double* r = p;
    p += n * chunk_;
    return r;
  };
  act_.resize(L + 1);
  z_.resize(L);
  d_.assign(L, nullptr);
  for (std::size_t l = 0; l < L; ++l) {
    act_[l] = take(layers_[l].in);
    z_[l] = take(layers_[l].rows);
    if (layers_[l].hidden) d_[l] = take(layers_[l].out);
  }
  act_[L] = nullptr;  // the output layer's result stays in z_[L-1] (logits)
  ytmp_ = take(layers_.back().out);
  dz_ = take(std::max(max_rows, max_in));  // dz_ and da_ take turns in loss_backward
  da_ = take(std::max(max_rows, max_in));

  // Initial weights: shared rows of every layer first, then the extra maxout pieces.
  Rng rng(c.seed, 0);
  const Init init = cfg_.init;
  for (const Layer& ly : layers_)
    for (int j = 0; j < ly.out; ++j)
      for (int i = 0; i < ly.in; ++i)
        params_[ly.w + static_cast<std::size_t>(j) * (ly.rows / ly.out) * ly.in + i] =
            init_weight(init, rng.uniform(), ly.in, ly.out);
  if (maxout)
    for (const Layer& ly : layers_) {
      if (!ly.hidden) continue;
      for (int j = 0; j < ly.out; ++j)
        for (int piece = 1; piece < k; ++piece)
          for (int i = 0; i < ly.in; ++i)
            params_[ly.w + (static_cast<std::size_t>(j) * k + piece) * ly.in + i] =
                init_weight(init, rng.uniform(), ly.in, ly.out);
    }
  if (prelu)
    for (const Layer& ly : layers_)
      if (ly.alpha != SIZE_MAX) std::fill_n(params_.begin() + ly.alpha, ly.out, c.params.alpha);
}

void Network::set_parameters(std::span<const double> p) {
  if (p.size() != params_.size())
    throw std::invalid_argument("parameters: expected " + std::to_string(params_.size()) + " values, got " +
                                std::to_string(p.size()));
  for (std::size_t i = 0; i < p.size(); ++i)
    if (!std::isfinite(p[i]))
      throw std::invalid_argument("parameters[" + std::to_string(i) + "] must be finite, got " + num(p[i]));
  std::copy(p.begin(), p.end(), params_.begin());
  std::fill(m_.begin(), m_.end(), 0.0);
  std::fill(v_.begin(), v_.end(), 0.0);
  adam_t_ = 0;
  diverged_ = false;
}

std::string Network::to_json() const {
  const act::Id a = cfg_.activation;
  std::string s = "{\"format\":\"torch.nn.Sequential state_dict\",\"config\":{\"layers\":[";
  for (std::size_t i = 0; i < cfg_.layers.size(); ++i) {
    if (i) s += ',';
    s += std::to_string(cfg_.layers[i]);
  }
  s += "],\"activation\":\"" + std::string(act::name(a)) + "\",\"params\":{";
  bool first = true;
  for (const auto& pi : act::info(a).params) {
    s += first ? "\"" : ",\"";
    s += std::string(pi.name) + "\":" + json_num(act::get_param(a, cfg_.params, pi.name));
    first = false;
  }
  s += "},\"maxoutPieces\":" + std::to_string(cfg_.maxout_pieces) + ",\"init\":\"" + std::string(name(cfg_.init)) +
       "\",\"loss\":\"" + std::string(name(cfg_.loss)) + "\",\"optimizer\":\"" + std::string(name(cfg_.optimizer)) +
       "\",\"learningRate\":" + json_num(cfg_.learning_rate) + ",\"batchSize\":" + std::to_string(cfg_.batch_size) +
       ",\"seed\":" + std::to_string(cfg_.seed) + "},\"modules\":[";
  // Module descriptions (torch spelling) in Sequential order.
  auto act_module = [&](int out) -> std::string {
    switch (a) {
      case act::Id::linear: return "Identity()";
      case act::Id::sigmoid: return "Sigmoid()";
      case act::Id::tanh: return "Tanh()";
      case act::Id::relu: return "ReLU()";
      case act::Id::leaky_relu: return "LeakyReLU(" + json_num(cfg_.params.alpha) + ")";
      case act::Id::rrelu: return "RReLU(" + json_num(cfg_.params.lower) + ", " + json_num(cfg_.params.upper) + ")";
      case act::Id::prelu: return "PReLU(" + std::to_string(out) + ", " + json_num(cfg_.params.alpha) + ")";
      case act::Id::elu: return "ELU(" + json_num(cfg_.params.alpha) + ")";
      case act::Id::selu: return "SELU()";
      case act::Id::maxout: return "Maxout(" + std::to_string(cfg_.maxout_pieces) + ")";
      // nn.Softplus(beta, threshold): 40, not torch's default 20, so torch computes the exact value that
      // predict() uses (with 20 it returns x for beta z > 20, up to 1e-10 relative off; see
      // activations_after_post.hpp)
      case act::Id::softplus: return "Softplus(" + json_num(cfg_.params.beta) + ", 40)";
      case act::Id::silu: return "SiLU()";
      case act::Id::gelu: return "GELU()";
      case act::Id::gelu_tanh: return "GELU(approximate='tanh')";
      case act::Id::mish: return "Mish()";
      case act::Id::hardswish: return "Hardswish()";
    }
    return "";
  };
  for (std::size_t l = 0; l < layers_.size(); ++l) {
    const Layer& ly = layers_[l];
    s += l ? ",\"Linear(" : "\"Linear(";
    s += std::to_string(ly.in) + ", " + std::to_string(ly.rows) + ")\"";
    if (ly.hidden) s += ",\"" + act_module(ly.out) + "\"";
  }
  s += "],\"state_dict\":{";
  for (std::size_t l = 0; l < layers_.size(); ++l) {
    const Layer& ly = layers_[l];
    const std::string idx = std::to_string(2 * l);
    s += l ? ",\"" : "\"";
    s += idx + ".weight\":[";
    for (int r = 0; r < ly.rows; ++r) {
      s += r ? ",[" : "[";
      for (int i = 0; i < ly.in; ++i) {
        if (i) s += ',';
        s += json_num(params_[ly.w + static_cast<std::size_t>(r) * ly.in + i]);
      }
      s += "]";
    }
    s += "],\"" + idx + ".bias\":[";
    for (int r = 0; r < ly.rows; ++r) {
      if (r) s += ',';
      s += json_num(params_[ly.b + r]);
    }
    s += "]";
    if (ly.alpha != SIZE_MAX) {
      s += ",\"" + std::to_string(2 * l + 1) + ".weight\":[";
      for (int j = 0; j < ly.out; ++j) {
        if (j) s += ',';
        s += json_num(params_[ly.alpha + j]);
      }
      s += "]";
    }
  }
  s += "}}";
  return s;
}

}  // namespace nn
