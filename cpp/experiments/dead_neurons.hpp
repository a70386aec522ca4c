// Dying ReLU: the fraction of hidden units that no longer pass any gradient after training, and the
// fraction that never fire on the positive side ("silent"), for every activation.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "activations.hpp"
#include "network.hpp"

namespace experiments {

// Data: 'circle' (2-D, n = samples), bce, Adam (bounded steps: ELU/SELU nets do not blow up, so
// their f' never underflows to 0, while ReLU units die at a high rate). Two counts per hidden unit,
// both over EVERY training sample in eval mode:
//   dead    f'(z) == 0 exactly: no gradient reaches the unit's incoming weights on this data.
//   silent  z <= 0: the unit never passes the positive side. "<= 0" (not "< 0") because ReLU's
//           f'(0) is 0 (PyTorch), so for ReLU silent and dead are the same set; for LeakyReLU,
//           ELU, SELU, PReLU, RReLU a silent unit still gets a (small) gradient, so it is silent
//           but not dead. For hard-swish dead (z <= -3) is a subset of silent.
// "Dead" is permanent only in a narrow sense: a FIRST-layer unit on a fixed data set gets no
// gradient, so plain SGD never changes it; a deeper unit's z also depends on earlier layers, which
// keep learning and can bring it back; and Adam keeps moving a weight with zero gradient for a while
// on its momentum (its first moment decays by beta1 per step).
class DeadNeurons {
 public:
  static constexpr int kMaxDepth = 8, kMaxWidth = 128, kMinSamples = 10, kMaxSamples = 5000, kMaxBatchSize = 5000;
  struct Config {
    act::Id activation = act::Id::relu;
    int depth = 3, width = 32;       // hidden layers 1..8, units 1..128
    int samples = 200;               // 10..5000
    double learning_rate = 0.1;      // (0, 10]
    double bias_init = 0;            // every hidden bias starts here, [-5, 5]
    nn::Optimizer optimizer = nn::Optimizer::adam;
    int batch_size = 10;             // 1..5000
    std::uint64_t seed = 1;
  };
  static void validate(const Config& c);

  explicit DeadNeurons(const Config& c);
  double train(int epochs);  // returns the last epoch's mean loss (NaN once diverged)
  // Fraction of dead units in each hidden layer, and over all hidden units (last element).
  std::vector<double> dead_fractions();
  // Fraction of silent units (z <= 0 on every sample), same layout.
  std::vector<double> silent_fractions();
  int epochs() const noexcept { return epochs_; }
  bool diverged() const noexcept { return net_.diverged(); }
  const nn::Network& network() const noexcept { return net_; }

 private:
  Config cfg_;
  nn::Network net_;
  std::vector<double> x_, y_;
  int epochs_ = 0;
};

// Dead-unit mask of one trained net: per hidden layer, per unit, true when dead on x.
std::vector<std::vector<bool>> dead_units(const nn::Network& net, std::span<const double> x);
// Silent-unit mask: per hidden layer, per unit, true when z <= 0 on every row of x.
std::vector<std::vector<bool>> silent_units(const nn::Network& net, std::span<const double> x);

}  // namespace experiments
