// A small multi-layer perceptron for the activation race: dense layers, one hidden activation,
// a linear output layer (logits), PyTorch-compatible parameter layout, losses and optimisers.
//
// Parameters live in ONE flat vector in the order of PyTorch's nn.Sequential state_dict:
//   per layer l: weight [rows][in] row-major, bias [rows], then (PReLU, hidden layers only) alpha [out].
// rows = out for every layer except a hidden maxout layer, where rows = out * k and unit j is the
// maximum of rows j*k .. j*k+k-1 (torch: Linear(in, out*k) followed by x.view(N, out, k).max(2)).
//
// Initial weights (biases are zero, PReLU alphas start at params.alpha = 0.25):
//   every weight is a fixed function of ONE uniform draw u in (0, 1), so one seed gives the same
//   weights to every network with the same init wherever the shapes agree:
//     lecun_normal   : N(0,1) truncated to +-2 (inverse CDF of u), times sqrt(1/fan_in) / 0.87962566103423978
//                      (Keras: the standard deviation AFTER truncation is sqrt(1/fan_in))
//     he_normal      : the same with sqrt(2/fan_in)
//     glorot_uniform : (2u - 1) * sqrt(6 / (fan_in + fan_out)), fan_out = units (not maxout pieces)
//     default        : lecun_normal for selu; he_normal for relu, leaky_relu, rrelu, prelu, elu, maxout
//                      and the six after the post (softplus, silu, gelu, gelu_tanh, mish, hardswish);
//                      glorot_uniform for linear, sigmoid, tanh (what Keras/PyTorch users expect).
//   Order of draws: first the "shared" weights of all layers (layer by layer, row-major [out][in]);
//   in a maxout layer the shared row of unit j is its FIRST piece, row j*k. Then the extra maxout
//   pieces (layer, unit, piece 1..k-1, input). So a maxout net's piece 0 equals the other nets' weights,
//   and nets with different default inits still share signs and ordering (same u, monotone maps).
//
// Losses (exactly as torch; mse and bce: the mean over all N x out elements, Y is N x out):
//   mse : mean((z - y)^2)                               = F.mse_loss(z, y)
//   bce : mean(max(z,0) - z*y + log1p(exp(-|z|)))       = F.binary_cross_entropy_with_logits(z, y)
//   cross_entropy : C = out >= 2 logits per sample, Y holds ONE class index 0..C-1 per sample (N values),
//         the mean over the N samples of -log softmax(z)[y]  = F.cross_entropy(z, y)
//         computed on the logits as log1p(sum_{o != m} exp(z_o - z_m)) + (z_m - z_y), m = the argmax
//         (no exp overflows for any finite logits; a confident right answer keeps its tiny loss instead
//         of log(1 + tiny) = 0); gradient (softmax(z) - onehot(y)) / N, with p_m - 1 = -rest / (1 + rest).
// Optimisers (torch.optim defaults): sgd; momentum = SGD(momentum=0.9) (v = 0.9 v + g; p -= lr v);
//   adam (beta1 0.9, beta2 0.999, eps 1e-8, bias-corrected).
//
// Loading a to_json() / net.toJSON() export into PyTorch (float64; eval() matches predict()): the
// one snippet is web/js/widgets/race/python.js, which the race shows its readers; it builds
// nn.Sequential from "modules" and loads "state_dict" (tools/check-torch-export.mjs runs it against
// real PyTorch).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "activations.hpp"
#include "rng.hpp"

namespace nn {

enum class Init : int { default_init, lecun_normal, he_normal, glorot_uniform };
enum class Loss : int { bce, mse, cross_entropy };
enum class Optimizer : int { sgd, momentum, adam };

// Names as in the JS config; parse_* throw std::invalid_argument listing what is allowed.
std::string_view name(Init v) noexcept;
std::string_view name(Loss v) noexcept;
std::string_view name(Optimizer v) noexcept;
Init parse_init(std::string_view s);
Loss parse_loss(std::string_view s);
Optimizer parse_optimizer(std::string_view s);
// 'default' -> the per-activation choice documented above; other inits unchanged.
Init resolve_init(Init init, act::Id activation) noexcept;

// Limits checked by validate() before anything is allocated.
inline constexpr std::size_t kMaxLayerEntries = 64;     // input + hidden + output widths
inline constexpr int kMaxWidth = 1024;
inline constexpr std::size_t kMaxParameters = 5'000'000;
inline constexpr int kMaxBatchSize = 1'000'000;
inline constexpr double kMaxLearningRate = 10.0;
inline constexpr int kMinMaxoutPieces = 2, kMaxMaxoutPieces = 8;
inline constexpr double kMomentum = 0.9, kAdamBeta1 = 0.9, kAdamBeta2 = 0.999, kAdamEps = 1e-8;

struct Config {
  std::vector<int> layers{2, 8, 8, 1};  // widths: input, hidden..., output
  act::Id activation = act::Id::relu;   // every hidden layer; the output layer is linear
  act::Params params = act::defaults(act::Id::relu);
  int maxout_pieces = 2;                // k, used when activation == maxout
  Init init = Init::default_init;
  Loss loss = Loss::bce;
  Optimizer optimizer = Optimizer::sgd;
  double learning_rate = 0.03;
  int batch_size = 10;
  std::uint64_t seed = 1;
};

// Throws std::invalid_argument naming the field (JS spelling) and what is allowed.
void validate(const Config& c);
// Number of parameters (assumes the widths passed validate's per-entry checks).
std::size_t count_parameters(const Config& c) noexcept;
// The N(0, 1) value truncated to [-2, 2] for one uniform draw u in [0, 1]: the quantile of
// Phi(-2) + u (Phi(2) - Phi(-2)), to about 1e-16 (the normal inits above; tested on its own).
double truncated_normal_from_uniform(double u);

class Network {
 public:
  explicit Network(const Config& c);  // validates first; init resolved in config()

  const Config& config() const noexcept { return cfg_; }
  std::size_t parameter_count() const noexcept { return params_.size(); }
  std::size_t input_dim() const noexcept { return static_cast<std::size_t>(cfg_.layers.front()); }
  std::size_t output_dim() const noexcept { return static_cast<std::size_t>(cfg_.layers.back()); }

  std::span<const double> parameters() const noexcept { return params_; }
  // Length must be parameter_count(), all finite. Clears diverged() and the optimiser state.
  void set_parameters(std::span<const double> p);

  // Eval mode. x: N x in row-major, y: N x out (cross_entropy: N class indices). Returns the mean loss; grad (parameter_count()
  // doubles) receives d loss / d parameters in the flat order.
  double loss_and_gradient(std::span<const double> x, std::span<const double> y, std::span<double> grad);
  // Eval mode: the same mean loss, bit for bit, without the backward pass (a test-set loss per epoch).
  double loss(std::span<const double> x, std::span<const double> y);
  // Eval mode logits, N x out row-major.
  void predict(std::span<const double> x, std::span<double> out);
  std::vector<double> predict(std::span<const double> x);
  // Eval mode, what the logits mean under the loss (network_classify.cpp): bce -> sigmoid(z) per output
  // (binary or multi-label), cross_entropy -> softmax(z) over each row (rows sum to 1); N x out.
  // Refused for mse (a regression output is no probability).
  std::vector<double> probabilities(std::span<const double> x);
  // Eval mode, the predicted class of each row (N values): cross_entropy -> the argmax of the logits
  // (the first on ties, like torch.argmax); bce with one output -> 1 if z > 0 else 0. Refused for mse
  // and for bce with several outputs (multi-label: no single class).
  std::vector<double> classify(std::span<const double> x);
  // The fraction of rows whose classify() equals the label (y checked as for the loss; bce: y > 0.5).
  double accuracy(std::span<const double> x, std::span<const double> y);
  // Training-mode forward (RReLU draws fresh random slopes); used by tests and demos.
  std::vector<double> predict_train(std::span<const double> x);

  // One epoch: seeded shuffle, mini-batches of batch_size (the last one may be smaller), training
  // mode, one optimiser step per batch. Returns the mean over the epoch of each sample's loss,
  // measured in its batch's forward pass (before that batch's step). No allocation except that the
  // shuffle index grows the first time a larger data set is seen.
  // Divergence: a non-finite batch loss, or a step that makes any parameter non-finite (that step is
  // undone), sets diverged() and stops training; the call returns NaN, as do later calls, and the
  // parameters stay at their last finite values until set_parameters() or a new Network.
  double train_epoch(std::span<const double> x, std::span<const double> y);
  bool diverged() const noexcept { return diverged_; }
  std::uint64_t epochs() const noexcept { return epochs_; }

  // {"format":..., "config":{...}, "modules":[...], "state_dict":{"0.weight":[[..]], "0.bias":[..], ...}}
  std::string to_json() const;

  // Layout of one Linear (+ activation) block inside the flat vector (exposed for tests/tools).
  struct Layer {
    int in = 0, out = 0, rows = 0;  // rows = out * k for a hidden maxout layer, else out
    bool hidden = false;
    std::size_t w = 0, b = 0;      // offsets of weight [rows][in] and bias [rows]
    std::size_t alpha = SIZE_MAX;  // offset of PReLU alpha [out], SIZE_MAX if none
  };
  const std::vector<Layer>& layers() const noexcept { return layers_; }

 private:
  void check_xy(std::span<const double> x, std::span<const double>* y, std::size_t& rows) const;
  void gather(std::span<const double> x, std::span<const double> y, const std::uint32_t* idx,
              std::size_t first, std::size_t n, bool with_y);
  void forward(std::size_t n, bool train);
  double loss_backward(std::size_t n, double scale);  // returns the sum of element losses
  std::size_t y_width() const noexcept { return cfg_.loss == Loss::cross_entropy ? 1 : output_dim(); }
  double loss_sum(std::size_t n) const;               // that sum alone, summed in the same order
  double eval_loss(std::span<const double> x, std::span<const double> y, std::size_t rows, bool gradient);
  bool step();
  static std::size_t stride(std::size_t rows) noexcept { return (rows + 1) & ~std::size_t{1}; }

  Config cfg_;
  std::vector<Layer> layers_;
  std::vector<double> params_, grad_, backup_, m_, v_;
  std::uint64_t adam_t_ = 0, epochs_ = 0;
  bool diverged_ = false;
  Rng shuffle_rng_, noise_rng_;
  std::vector<std::uint32_t> perm_;

  // Workspaces for one chunk of at most chunk_ rows, each pair-major (kernels::at: [n/2][F][2]
  // for F features): act_[l] holds layer l's input (F = in; act_[L] the last hidden output is
  // layer L-1's input), z_[l] the pre-activations (F = rows), d_[l] f'(z) (F = out; or the
  // winning maxout piece), ytmp_ the targets (F = out; cross_entropy: the class index in feature 0, the rest 0).
  std::size_t chunk_ = 0;
  std::vector<double> ws_;
  std::vector<double*> act_, z_, d_;
  double *ytmp_ = nullptr, *dz_ = nullptr, *da_ = nullptr;
};

}  // namespace nn
