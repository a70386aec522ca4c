#include "experiments/universal_approximation.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

#include "experiments/common.hpp"
#include "rng.hpp"

namespace experiments {
namespace {
constexpr std::string_view kTargetNames[] = {"sin", "abs", "step"};

nn::Config net_config(const UniversalApproximation::Config& c) {
  nn::Config n;
  n.layers.assign(1, 1);
  for (int i = 0; i < c.hidden_layers; ++i) n.layers.push_back(c.units);
  n.layers.push_back(1);
  n.activation = c.activation;
  n.params = act::defaults(c.activation);
  n.loss = nn::Loss::mse;
  n.optimizer = nn::Optimizer::adam;
  n.learning_rate = c.learning_rate;
  n.batch_size = c.points;  // full batch: one deterministic step per epoch
  n.seed = c.seed;
  return n;
}
}  // namespace

std::string_view name(Target t) noexcept { return kTargetNames[static_cast<int>(t)]; }

Target parse_target(std::string_view s) {
  for (int i = 0; i < 3; ++i)
    if (kTargetNames[i] == s) return static_cast<Target>(i);
  throw std::invalid_argument("target: unknown '" + act::quote_input(s) + "'; allowed: sin, abs, step");
}

double target_value(Target t, double x) noexcept {
  switch (t) {
    case Target::sin: return std::sin(6.283185307179586477 * x);
    case Target::abs: return std::fabs(x);
    case Target::step: return x > 0 ? 1.0 : 0.0;
  }
  return 0;
}

void UniversalApproximation::validate(const Config& c) {
  if (static_cast<int>(c.target) < 0 || static_cast<int>(c.target) > 2) throw std::invalid_argument("target: invalid");
  check_int("units", c.units, 1, kMaxUnits);
  check_int("hiddenLayers", c.hidden_layers, 1, kMaxHiddenLayers);
  check_int("points", c.points, 2, kMaxPoints);
  no_maxout(c.activation);
  check_number("learningRate", c.learning_rate, 0, 1, true);
}

UniversalApproximation::UniversalApproximation(const Config& c)
    : cfg_((validate(c), c)), net_(net_config(c)), x_(c.points), y_(c.points) {
  for (int i = 0; i < c.points; ++i) {
    x_[i] = -1.0 + 2.0 * i / (c.points - 1);
    y_[i] = target_value(c.target, x_[i]);
  }
  // Spread the first layer's units over the input interval: unit j gets bias -w_j c_j with c_j
  // uniform in (-1, 1), so its kink (relu) or centre (tanh, sigmoid) sits at x = c_j. With zero
  // biases every unit would be centred at x = 0 and a symmetric target traps gradient descent in
  // a saddle where all kinks stay at 0 (what PyTorch's random bias init avoids too).
  {
    std::vector<double> p(net_.parameters().begin(), net_.parameters().end());
    const auto& L = net_.layers().front();
    nn::Rng rng(c.seed, 7);
    for (int j = 0; j < L.rows; ++j) p[L.b + j] = -p[L.w + j] * rng.uniform(-1.0, 1.0);
    net_.set_parameters(p);
  }
  std::vector<double> g(net_.parameter_count());
  mse_ = net_.loss_and_gradient(x_, y_, g);
}

double UniversalApproximation::train(int epochs) {
  check_int("epochs", epochs, 0, kMaxEpochs);
  for (int e = 0; e < epochs && !net_.diverged(); ++e) net_.train_epoch(x_, y_);
  epochs_ += epochs;
  std::vector<double> g(net_.parameter_count());
  mse_ = net_.loss_and_gradient(x_, y_, g);
  return mse_;
}

std::vector<double> UniversalApproximation::predict(std::span<const double> xs) {
  if (xs.size() > static_cast<std::size_t>(kMaxPredict))
    throw std::invalid_argument("xs: at most " + std::to_string(kMaxPredict) + " points, got " + std::to_string(xs.size()));
  for (std::size_t i = 0; i < xs.size(); ++i)
    if (!std::isfinite(xs[i])) throw std::invalid_argument("xs[" + std::to_string(i) + "] is not a finite number");
  return net_.predict(xs);
}

Collapse collapse_linear(nn::Network& net, std::span<const double> x) {
  if (net.config().activation != act::Id::linear)
    throw std::invalid_argument("collapse: the hidden activation must be linear, got " +
                                std::string(act::name(net.config().activation)));
  const auto& layers = net.layers();
  const std::span<const double> p = net.parameters();
  Collapse c;
  c.cols = layers.front().in;
  c.layers = static_cast<int>(layers.size());
  // Start with the identity map (M = I, c = 0) and apply each layer: M <- W M, c <- W c + b.
  std::vector<double> M(static_cast<std::size_t>(c.cols) * c.cols, 0.0), v(c.cols, 0.0);
  for (int i = 0; i < c.cols; ++i) M[static_cast<std::size_t>(i) * c.cols + i] = 1.0;
  int rows = c.cols;
  for (const auto& L : layers) {
    std::vector<double> M2(static_cast<std::size_t>(L.out) * c.cols, 0.0), v2(L.out, 0.0);
    for (int j = 0; j < L.out; ++j) {
      double s = p[L.b + j];
      for (int k = 0; k < rows; ++k) {
        const double w = p[L.w + static_cast<std::size_t>(j) * L.in + k];
        s += w * v[k];
        for (int i = 0; i < c.cols; ++i) M2[static_cast<std::size_t>(j) * c.cols + i] += w * M[static_cast<std::size_t>(k) * c.cols + i];
      }
      v2[j] = s;
    }
    M.swap(M2);
    v.swap(v2);
    rows = L.out;
  }
  c.rows = rows;
  c.matrix = std::move(M);
  c.bias = std::move(v);
  if (x.size() % static_cast<std::size_t>(c.cols) != 0)
    throw std::invalid_argument("collapse: x length is not a multiple of the input width");
  const std::vector<double> y = net.predict(x);
  const std::size_t n = x.size() / c.cols;
  for (std::size_t r = 0; r < n; ++r)
    for (int j = 0; j < rows; ++j) {
      double s = c.bias[j];
      for (int i = 0; i < c.cols; ++i) s += c.matrix[static_cast<std::size_t>(j) * c.cols + i] * x[r * c.cols + i];
      c.max_abs_diff = std::fmax(c.max_abs_diff, std::fabs(s - y[r * rows + j]));
    }
  return c;
}

}  // namespace experiments
