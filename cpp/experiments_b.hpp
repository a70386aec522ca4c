// Experiments (B): the zig-zag of all-positive inputs, LeakyReLU alpha / PReLU / RReLU side by
// side on the same data and initial weights, and the section-10 "which activation?" rules.
// (The speed experiment needs no code here: it is speed::measure, see speed.hpp.)
// Pure C++: the Embind layer (bindings.cpp, section "experiments B") only converts values.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "activations.hpp"
#include "datasets.hpp"
#include "network.hpp"

namespace expb {

// ================================================================ 1. zig-zag descent
// One linear neuron a = w1 x1 + w2 x2 (no bias) learns y = w*.x from n fixed input points with
// plain SGD, one sample per step (seeded reshuffle each pass), loss per sample e^2/2, e = w.x - y.
// The inputs are the outputs of a previous layer: x = sigmoid(u) (all positive) or tanh(u)
// (zero-centred), u ~ U(-spread, spread) per coordinate. The per-sample gradient is e * x, so with
// all-positive x both components have the sign of e: every update moves both weights the same
// way, and reaching w* = (1, -1) (one up, one down) takes a zig-zag.
enum class ZigzagInputs { sigmoid, tanh };
ZigzagInputs parse_zigzag_inputs(std::string_view s);  // throws listing: sigmoid, tanh

struct ZigzagOptions {
  ZigzagInputs inputs = ZigzagInputs::sigmoid;
  double learning_rate = 0.5;        // (0, 10]
  int max_steps = 3000;              // [1, 100000]
  double tolerance = 0.05;           // converged when |w - w*| < tolerance; (0, 10]
  int points = 64;                   // [2, 10000]
  double spread = 2.0;               // (0, 20]
  std::array<double, 2> start{0.0, 0.0};
  std::array<double, 2> target{1.0, -1.0};  // finite, |.| <= 100
  std::uint64_t seed = 1;
  int grid = 48;                     // loss grid is grid x grid, [2, 256]
};
void validate(const ZigzagOptions& o);  // std::invalid_argument naming the field and its range

struct ZigzagResult {
  std::vector<double> path;               // (steps + 1) x 2: w before step 1, after each step
  std::vector<double> updates;            // steps x 2: the change w_{k+1} - w_k
  std::vector<std::uint8_t> same_sign;    // steps: 1 if both components of the update share a sign
  int steps = 0;                          // steps taken (stops at convergence or max_steps)
  int same_sign_count = 0;
  int converged_at = -1;                  // first step with |w - w*| < tolerance, -1 if never
  std::vector<double> inputs;             // points x 2, the x's the neuron sees
  std::array<double, 3> moment{};         // C = mean x x^T: c11, c12, c22 (loss = (w-w*)^T C (w-w*)/2)
  std::array<double, 4> bounds{};         // loss grid extent: xmin, xmax, ymin, ymax
  int grid = 0;
  std::vector<double> loss;               // grid x grid, row-major, row 0 = ymin; mean loss over the points
};
ZigzagResult run_zigzag(const ZigzagOptions& o);

// ================================================================ 2. leaky family on one data set
// Several networks, identical except for the hidden activation (and its parameters), start from the
// same initial weights (same seed, He-normal init for every run) and see the same data, the same
// mini-batch order and the same optimiser. step() trains each for one epoch and records, per run:
// the epoch's training-mode loss (RReLU: random slopes), the eval-mode loss on the training set and
// on the test set, test accuracy, and for PReLU every hidden unit's alpha.
struct RunSpec {
  act::Id id = act::Id::relu;
  act::Params params = act::defaults(act::Id::relu);
};

struct CompareOptions {
  std::string dataset = "xor";          // a classification set: circle, xor, gaussian, spiral
  int points = 400;                  // passed to make_dataset (train + test)
  double noise = 0.3;
  double test_fraction = 0.5;
  std::vector<int> hidden{8, 8};     // 1..4 layers, widths 1..64
  nn::Optimizer optimizer = nn::Optimizer::adam;
  double learning_rate = 0.01;
  int batch_size = 16;
  std::uint64_t seed = 1;            // data and weights
  std::vector<RunSpec> runs;         // 1..8
};
void validate(const CompareOptions& o);

struct RunRecord {
  double train_loss = 0;       // mean training-mode loss during the epoch (NaN before the first epoch)
  double eval_train_loss = 0;  // eval mode, training set
  double test_loss = 0;        // eval mode, test set
  double test_accuracy = 0;    // classification only (logit > 0 <=> label 1); NaN for regression
  std::vector<double> alphas;  // PReLU: every hidden unit's alpha, layer by layer; else empty
  bool diverged = false;
};

class Compare {
 public:
  explicit Compare(const CompareOptions& o);  // validates
  // Eval-mode record of every run without training (epoch 0).
  std::vector<RunRecord> evaluate();
  // One epoch of every run, then their records.
  std::vector<RunRecord> step();
  int epoch() const noexcept { return epoch_; }
  std::size_t run_count() const noexcept { return nets_.size(); }
  const nn::Dataset& data() const noexcept { return data_; }
  const nn::Network& network(std::size_t i) const { return nets_.at(i); }
  nn::Network& network(std::size_t i) { return nets_.at(i); }

 private:
  RunRecord record(std::size_t i, double train_loss);
  CompareOptions opt_;
  nn::Dataset data_;
  std::vector<nn::Network> nets_;
  int epoch_ = 0;
};

// The hidden alphas of a PReLU network, layer by layer (empty for other activations).
std::vector<double> prelu_alphas(const nn::Network& net);

// ================================================================ 3. section 10: which activation?
struct GuideAnswers {
  bool self_normalizing = true;   // standardised inputs, LeCun init, plain sequential layers possible?
  bool speed_critical = false;    // is runtime (inference) speed critical?
  bool overfitting = false;       // does the network overfit?
  bool huge_training_set = false; // is the training set very large?
  bool time_to_cross_validate = false;  // time and compute to compare several by cross-validation?
};

// Reason keys (the page translates them); each comes with the page anchor of the experiment.
struct Advice {
  act::Id id;
  std::string_view reason;  // self-normalizing | no-self-normalizing | speed-relu |
                            // speed-leaky | overfitting | huge-data | cross-validate
  std::string_view anchor;  // e.g. "#selu"
};

struct Guide {
  act::Id pick;                        // the first advice's id
  std::vector<Advice> advice;          // pick first, then every other rule that applies
  std::vector<act::Id> cross_validate; // candidates to compare (empty unless time_to_cross_validate)
};

// The post's general order: selu > elu > leaky_relu > relu > tanh > sigmoid.
std::span<const act::Id> general_ranking() noexcept;
// Precedence of the post's rules when several apply (documented on the page):
//   speed critical            -> relu (libraries/hardware optimise it), then leaky_relu
//   else overfitting          -> rrelu
//   else very large data      -> prelu
//   else                      -> selu if the net can self-normalise, elu if not
// Every other rule that applies is appended as further advice (overfitting -> rrelu, large data ->
// prelu, the self-normalisation choice). Cross-validation lists the general ranking (without selu
// when the net cannot self-normalise, plus rrelu/prelu where they apply).
Guide recommend(const GuideAnswers& a);

}  // namespace expb
