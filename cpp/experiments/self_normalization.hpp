// SELU self-normalisation: mean and standard deviation of the activations layer by layer through a
// deep net, with standardised inputs, LeCun init and plain sequential layers; breaking any of the
// three conditions (raw inputs, another init, skip connections) leaves the (0, 1) band.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "activations.hpp"
#include "network.hpp"

namespace experiments {

// depth hidden layers of `width` units on `samples` inputs of dimension width. Inputs are
// standardised N(0, 1) draws, or (raw_inputs) the same draws mapped to pixel-like values
// 128 + 64 z clamped to [0, 255]. skip: a_l = a_{l-1} + f(z_l) (a residual net).
// Layer l's weights are those of an nn::Network {width, width, 1} with the same activation/init
// and seed * 1000 + l, built only when the batch reaches layer l (no long constructor).
class SelfNormalization {
 public:
  static constexpr int kMaxDepth = 60, kMaxWidth = 256, kMaxSamples = 5000;
  struct Config {
    act::Id activation = act::Id::selu;
    int depth = 16, width = 100, samples = 1000;  // 1..60, 1..256, 2..5000
    bool raw_inputs = false;
    nn::Init init = nn::Init::default_init;  // selu -> lecun_normal
    bool skip = false;
    std::uint64_t seed = 1;
  };
  static void validate(const Config& c);

  struct Inputs;  // the inputs and their statistics, shared by nets built from the same ones
  explicit SelfNormalization(const Config& c);
  // Pushes the batch through the next `layers` (0..60) hidden layers; returns false once all are done.
  bool advance(int layers);
  // Finer steps for a UI frame budget: building a layer's weights is one step, then each step
  // computes up to `rows` (1..5000) more samples of it (its statistics are recorded when its last
  // sample is done). Returns false once all layers are done.
  bool step(int rows);
  int layers_done() const noexcept { return static_cast<int>(mean_.size()) - 1; }
  bool done() const noexcept { return layers_done() == cfg_.depth; }
  // Mean and standard deviation over all samples and units: index 0 = the inputs, i = layer i.
  const std::vector<double>& mean() const noexcept { return mean_; }
  const std::vector<double>& stdev() const noexcept { return std_; }

 private:
  void record();
  Config cfg_;
  std::shared_ptr<const Inputs> inputs_;  // shared with the other nets of the same inputs, until layer 1 is done
  std::optional<nn::Network> layer_;  // only the current layer: built when reached (short steps)
  std::vector<double> a_, z_, next_;
  std::vector<double> mean_, std_;
  int row_ = 0;          // samples of the current layer already computed
  bool built_ = false;   // the current layer's weights exist
};

}  // namespace experiments
