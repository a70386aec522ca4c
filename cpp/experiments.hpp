// Live experiments behind the page's claims (issue 4). Pure C++20; Embind lives in bindings.cpp.
// Section A (owner: expa): universal approximation + linear collapse, gradient flow, dead neurons,
// self-normalisation. Section B (owner: expb): its own declarations below.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "activations.hpp"
#include "network.hpp"

namespace xp {

// ================================================================ A (owner: expa)

// ---- eval-mode forward through ONE hidden layer of a network (experiments_trace.cpp) ----
// x: n rows of layer l's input (row-major n x in). Writes z (pre-activations, n x out) and a = f(z)
// (n x out). Handles every activation except maxout (throws std::invalid_argument); prelu uses
// the layer's learned alphas, rrelu its eval slope. skip = true adds the input (a += x) and
// requires in == out. l must be a hidden layer index (0 .. layers().size() - 2).
void hidden_forward(const nn::Network& net, std::size_t l, std::span<const double> x, std::size_t n,
                    std::span<double> z, std::span<double> a, bool skip = false);
// Whole eval-mode forward built from hidden_forward + the linear output layer (n x out logits);
// equals Network::predict (tested) and exists so the per-layer traces are checked end to end.
std::vector<double> traced_predict(const nn::Network& net, std::span<const double> x);

// ---- 1. universal approximation (experiments_approx.cpp) ----
enum class Target : int { sin, abs, step };
std::string_view name(Target t) noexcept;
Target parse_target(std::string_view s);  // throws listing sin, abs, step
// sin: sin(2 pi x) (one full wave on [-1, 1]); abs: |x|; step: 1 if x > 0 else 0.
double target_value(Target t, double x) noexcept;

inline constexpr int kMaxUnits = 64, kMaxLinearDepth = 8, kMaxFitPoints = 1000;
struct ApproxConfig {
  Target target = Target::sin;
  int units = 8;              // hidden units N, 1..64
  act::Id activation = act::Id::tanh;
  int hidden_layers = 1;      // 1..8 (the deep linear net of the collapse demo uses more)
  int points = 64;            // training grid: evenly spaced on [-1, 1], 2..1000
  double learning_rate = 0.01;  // Adam, full batch: one step per epoch
  std::uint64_t seed = 1;
};
void validate(const ApproxConfig& c);

class Approximation {
 public:
  explicit Approximation(const ApproxConfig& c);
  // Full-batch Adam steps; returns the training mse afterwards.
  double train(int epochs);
  double mse() const noexcept { return mse_; }  // on the training grid (eval mode)
  int epochs() const noexcept { return epochs_; }
  const std::vector<double>& x() const noexcept { return x_; }
  const std::vector<double>& y() const noexcept { return y_; }
  // The fit at arbitrary points.
  std::vector<double> predict(std::span<const double> xs);
  const nn::Network& network() const noexcept { return net_; }
  nn::Network& network() noexcept { return net_; }

 private:
  ApproxConfig cfg_;
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
};
Collapse collapse_linear(nn::Network& net, std::span<const double> x);

// ---- 2. gradient flow (experiments_deep.cpp) ----
// Data: the 'circle' classification set (2-D, n = samples, noise 0.05, seeded), bce loss.
inline constexpr int kMaxDepth = 30, kMaxFlowWidth = 128;
struct FlowConfig {
  act::Id activation = act::Id::sigmoid;
  int depth = 10;    // hidden layers, 1..30
  int width = 32;    // units per hidden layer, 1..128
  int samples = 200; // 10..5000
  nn::Init init = nn::Init::default_init;
  nn::Optimizer optimizer = nn::Optimizer::adam;
  double learning_rate = 0.003;
  int batch_size = 20;
  std::uint64_t seed = 1;
};
void validate(const FlowConfig& c);

class GradientFlow {
 public:
  explicit GradientFlow(const FlowConfig& c);
  // Size of d loss / d W for every Linear layer: depth hidden layers then the output layer
  // (depth + 1 values), at the current parameters, over the whole data set (eval mode). The size is
  // the root-mean-square per weight, ||dL/dW||_F / sqrt(rows * in), so layers with different
  // shapes (2 -> width, width -> width, width -> 1) compare fairly. "first/last" = layer 1 / layer depth.
  std::vector<double> layer_norms();
  double loss() const noexcept { return loss_; }  // of the last layer_norms() call
  double train(int epochs);                        // returns the last epoch's mean loss (NaN: diverged)
  int epochs() const noexcept { return epochs_; }

 private:
  FlowConfig cfg_;
  nn::Network net_;
  std::vector<double> x_, y_, grad_;
  double loss_ = 0;
  int epochs_ = 0;
};

// ---- 3. dead neurons (experiments_deep.cpp) ----
// Data: 'circle' (2-D, n = samples), bce, Adam (bounded steps: ELU/SELU nets do not blow up, so
// their f' never underflows to 0, while ReLU units die at a high rate). A hidden unit is dead when f'(z) == 0 exactly
// for EVERY training sample (eval mode): then no gradient ever reaches its incoming weights.
struct DeadConfig {
  act::Id activation = act::Id::relu;
  int depth = 3, width = 32;       // hidden layers 1..8, units 1..128
  int samples = 200;               // 10..5000
  double learning_rate = 0.1;      // (0, 10]
  double bias_init = 0;            // every hidden bias starts here, [-5, 5]
  nn::Optimizer optimizer = nn::Optimizer::adam;
  int batch_size = 10;
  std::uint64_t seed = 1;
};
void validate(const DeadConfig& c);

class DeadNeurons {
 public:
  explicit DeadNeurons(const DeadConfig& c);
  double train(int epochs);  // returns the last epoch's mean loss (NaN once diverged)
  // Fraction of dead units in each hidden layer, and over all hidden units (last element).
  std::vector<double> dead_fractions();
  int epochs() const noexcept { return epochs_; }
  bool diverged() const noexcept { return net_.diverged(); }
  const nn::Network& network() const noexcept { return net_; }

 private:
  DeadConfig cfg_;
  nn::Network net_;
  std::vector<double> x_, y_;
  int epochs_ = 0;
};
// Dead-unit mask of one trained net: per hidden layer, per unit, true when dead on x.
std::vector<std::vector<bool>> dead_units(const nn::Network& net, std::span<const double> x);

// ---- 4. self-normalisation (experiments_deep.cpp) ----
// depth hidden layers of `width` units on `samples` inputs of dimension width. Inputs are
// standardised N(0, 1) draws, or (raw_inputs) the same draws mapped to pixel-like values
// 128 + 64 z clamped to [0, 255]. skip: a_l = a_{l-1} + f(z_l) (a residual net).
// Layer l's weights are those of an nn::Network {width, width, 1} with the same activation/init
// and seed * 1000 + l, built only when the batch reaches layer l (no long constructor).
inline constexpr int kMaxNormDepth = 60, kMaxNormWidth = 256, kMaxNormSamples = 5000;
struct NormConfig {
  act::Id activation = act::Id::selu;
  int depth = 16, width = 100, samples = 1000;
  bool raw_inputs = false;
  nn::Init init = nn::Init::default_init;  // selu -> lecun_normal
  bool skip = false;
  std::uint64_t seed = 1;
};
void validate(const NormConfig& c);

class SelfNorm {
 public:
  struct Inputs;  // the inputs and their statistics, shared by nets built from the same ones
  explicit SelfNorm(const NormConfig& c);
  // Pushes the batch through the next `layers` hidden layers; returns false once all are done.
  bool advance(int layers);
  // Finer steps for a UI frame budget: building a layer's weights is one step, then each step
  // computes up to `rows` more samples of it (its statistics are recorded when its last sample is
  // done). Returns false once all layers are done.
  bool step(int rows);
  int layers_done() const noexcept { return static_cast<int>(mean_.size()) - 1; }
  bool done() const noexcept { return layers_done() == cfg_.depth; }
  // Mean and standard deviation over all samples and units: index 0 = the inputs, i = layer i.
  const std::vector<double>& mean() const noexcept { return mean_; }
  const std::vector<double>& stdev() const noexcept { return std_; }

 private:
  void record();
  NormConfig cfg_;
  std::shared_ptr<const Inputs> inputs_;  // shared with the other nets of the same inputs, until layer 1 is done
  std::optional<nn::Network> layer_;  // only the current layer: built when reached (short steps)
  std::vector<double> a_, z_, next_;
  std::vector<double> mean_, std_;
  int row_ = 0;          // samples of the current layer already computed
  bool built_ = false;   // the current layer's weights exist
};

// ================================================================ B (owner: expb)
// (expb keeps its declarations in experiments_b.hpp.)

}  // namespace xp
