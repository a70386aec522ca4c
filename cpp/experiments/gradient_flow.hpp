// Vanishing gradients: the size of d loss / d W layer by layer in a deep net. sigmoid's f' <= 1/4
// shrinks it towards the first layers; relu and selu keep it.
#pragma once

#include <cstdint>
#include <vector>

#include "activations.hpp"
#include "network.hpp"

namespace experiments {

// Data: the 'circle' classification set (2-D, n = samples, noise 0.05, seeded), bce loss.
class GradientFlow {
 public:
  static constexpr int kMaxDepth = 30, kMaxWidth = 128, kMinSamples = 10, kMaxSamples = 5000, kMaxBatchSize = 5000;
  struct Config {
    act::Id activation = act::Id::sigmoid;
    int depth = 10;    // hidden layers, 1..30
    int width = 32;    // units per hidden layer, 1..128
    int samples = 200; // 10..5000
    nn::Init init = nn::Init::default_init;
    nn::Optimizer optimizer = nn::Optimizer::adam;
    double learning_rate = 0.003;  // (0, 1]
    int batch_size = 20;           // 1..5000
    std::uint64_t seed = 1;
  };
  static void validate(const Config& c);

  explicit GradientFlow(const Config& c);
  // Size of d loss / d W for every Linear layer: depth hidden layers then the output layer
  // (depth + 1 values), at the current parameters, over the whole data set (eval mode). The size is
  // the root-mean-square per weight, ||dL/dW||_F / sqrt(rows * in), so layers with different
  // shapes (2 -> width, width -> width, width -> 1) compare fairly. "first/last" = layer 1 / layer depth.
  std::vector<double> layer_norms();
  double loss() const noexcept { return loss_; }  // of the last layer_norms() call
  double train(int epochs);                        // returns the last epoch's mean loss (NaN: diverged)
  int epochs() const noexcept { return epochs_; }

 private:
  Config cfg_;
  nn::Network net_;
  std::vector<double> x_, y_, grad_;
  double loss_ = 0;
  int epochs_ = 0;
};

}  // namespace experiments
