// The leaky ReLU family side by side: LeakyReLU alpha = 0.2 vs 0.01, PReLU learning its alpha,
// RReLU's random training slopes, on the same data from the same initial weights.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "activations.hpp"
#include "datasets.hpp"
#include "network.hpp"

namespace experiments {

// Several networks, identical except for the hidden activation (and its parameters), start from the
// same initial weights (same seed, He-normal init for every run) and see the same data, the same
// mini-batch order and the same optimiser. step() trains each for one epoch and records, per run:
// the epoch's training-mode loss (RReLU: random slopes), the eval-mode loss on the training set and
// on the test set, test accuracy, and for PReLU every hidden unit's alpha.
class LeakyCompare {
 public:
  static constexpr int kMaxRuns = 8, kMaxHiddenLayers = 4, kMaxWidth = 64, kMinPoints = 20, kMaxPoints = 5000;
  struct Run {
    act::Id id = act::Id::relu;  // relu, leaky_relu, prelu or rrelu
    act::Params params = act::defaults(act::Id::relu);
  };
  struct Config {
    std::string dataset = "xor";       // a classification set: circle, xor, gaussian, spiral
    int points = 400;                  // passed to make_dataset (train + test), 20..5000
    double noise = 0.3;
    double test_fraction = 0.5;        // [0.1, 0.9]
    std::vector<int> hidden{8, 8};     // 1..4 layers, widths 1..64
    nn::Optimizer optimizer = nn::Optimizer::adam;
    double learning_rate = 0.01;
    int batch_size = 16;
    std::uint64_t seed = 1;            // data and weights
    std::vector<Run> runs;             // 1..8, required
  };
  static void validate(const Config& c);

  struct Record {
    double train_loss = 0;       // mean training-mode loss during the epoch (NaN before the first epoch)
    double eval_train_loss = 0;  // eval mode, training set
    double test_loss = 0;        // eval mode, test set
    double test_accuracy = 0;    // classification only (logit > 0 <=> label 1); NaN for regression
    std::vector<double> alphas;  // PReLU: every hidden unit's alpha, layer by layer; else empty
    bool diverged = false;
  };

  explicit LeakyCompare(const Config& c);  // validates
  // Eval-mode record of every run without training (epoch 0).
  std::vector<Record> evaluate();
  // One epoch of every run, then their records.
  std::vector<Record> step();
  int epoch() const noexcept { return epoch_; }
  std::size_t run_count() const noexcept { return nets_.size(); }
  const nn::Dataset& data() const noexcept { return data_; }
  const nn::Network& network(std::size_t i) const { return nets_.at(i); }
  nn::Network& network(std::size_t i) { return nets_.at(i); }

 private:
  Record record(std::size_t i, double train_loss);
  Config cfg_;
  nn::Dataset data_;
  std::vector<nn::Network> nets_;
  int epoch_ = 0;
};

// The hidden alphas of a PReLU network, layer by layer (empty for other activations).
std::vector<double> prelu_alphas(const nn::Network& net);

}  // namespace experiments
