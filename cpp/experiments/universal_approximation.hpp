// Universal approximation: one hidden layer of N units fits a 1-D target better as N grows, while a
// stack of linear layers stays one affine map however deep it is (collapse_linear).
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "activations.hpp"
#include "network.hpp"

namespace experiments {

enum class Target : int { sin, abs, step };
std::string_view name(Target t) noexcept;
Target parse_target(std::string_view s);  // throws listing sin, abs, step
// sin: sin(2 pi x) (one full wave on [-1, 1]); abs: |x|; step: 1 if x > 0 else 0.
double target_value(Target t, double x) noexcept;

class UniversalApproximation {
 public:
  static constexpr int kMaxUnits = 64, kMaxHiddenLayers = 8, kMaxPoints = 1000, kMaxPredict = 100000;
  struct Config {
    Target target = Target::sin;
    int units = 8;              // hidden units N, 1..64
    act::Id activation = act::Id::tanh;
    int hidden_layers = 1;      // 1..8 (the deep linear net of the collapse demo uses more)
    int points = 64;            // training grid: evenly spaced on [-1, 1], 2..1000
    double learning_rate = 0.01;  // Adam, full batch: one step per epoch; (0, 1]
    std::uint64_t seed = 1;
  };
  static void validate(const Config& c);

  explicit UniversalApproximation(const Config& c);
  // Full-batch Adam steps (0..100000); returns the training mse afterwards.
  double train(int epochs);
  double mse() const noexcept { return mse_; }  // on the training grid (eval mode)
  int epochs() const noexcept { return epochs_; }
  const std::vector<double>& x() const noexcept { return x_; }
  const std::vector<double>& y() const noexcept { return y_; }
  // The fit at up to 100000 finite points.
  std::vector<double> predict(std::span<const double> xs);
  const nn::Network& network() const noexcept { return net_; }
  nn::Network& network() noexcept { return net_; }

 private:
  Config cfg_;
  nn::Network net_;
  std::vector<double> x_, y_;
  double mse_ = 0;
  int epochs_ = 0;
};

// A network whose every layer is linear is one affine map: y = M x + c with M = W_L ... W_1 and
// c = W_L(...(W_2 b_1 + b_2)...) + b_L. Throws unless the hidden activation is linear.
struct Collapse {
  int rows = 0, cols = 0;
  std::vector<double> matrix;   // rows x cols row-major (out x in)
  std::vector<double> bias;     // rows
  double max_abs_diff = 0;      // max |M x + c - net(x)| over the x passed in
  int layers = 0;               // Linear layers collapsed into the one map
};
Collapse collapse_linear(nn::Network& net, std::span<const double> x);

}  // namespace experiments
