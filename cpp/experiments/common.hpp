// What the experiments share: range checks with one message format, the eval-mode trace of one
// hidden layer, and the deep nets on 'circle' data that gradient_flow and dead_neurons train.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "activations.hpp"
#include "network.hpp"

namespace experiments {

inline constexpr int kMaxEpochs = 100000;  // per train() call

// "<field> must be an integer in [lo, hi], got v"
void check_int(std::string_view field, long long v, long long lo, long long hi);
// "<field> must be a finite number in [lo, hi], got v" ("(lo, hi]" when open_lo)
void check_number(std::string_view field, double v, double lo, double hi, bool open_lo = false);
// Maxout has no single f(z) per unit, so the per-unit experiments refuse it.
void no_maxout(act::Id id);

// Eval-mode forward through ONE hidden layer of a network. x: n rows of layer l's input (row-major
// n x in). Writes z (pre-activations, n x out) and a = f(z) (n x out). Handles every activation
// except maxout (throws std::invalid_argument); prelu uses the layer's learned alphas, rrelu its
// eval slope. skip = true adds the input (a += x) and requires in == out. l must be a hidden layer
// index (0 .. layers().size() - 2).
void hidden_forward(const nn::Network& net, std::size_t l, std::span<const double> x, std::size_t n,
                    std::span<double> z, std::span<double> a, bool skip = false);
// Runs x (n rows) through every hidden layer of net in eval mode, calling on_layer(l, z) with layer
// l's pre-activations z (n x out, row-major); returns the last hidden layer's activations.
template <class OnLayer>
std::vector<double> trace_hidden(const nn::Network& net, std::span<const double> x, std::size_t n, OnLayer&& on_layer) {
  const auto& layers = net.layers();
  std::vector<double> cur(x.begin(), x.end()), z, a;
  for (std::size_t l = 0; l + 1 < layers.size(); ++l) {
    const std::size_t out = static_cast<std::size_t>(layers[l].out);
    z.assign(n * out, 0.0);
    a.assign(n * out, 0.0);
    hidden_forward(net, l, cur, n, z, a);
    on_layer(l, std::span<const double>(z));
    cur.swap(a);
  }
  return cur;
}
// Whole eval-mode forward built from hidden_forward + the linear output layer (n x out logits);
// equals Network::predict (tested) and exists so the per-layer traces are checked end to end.
std::vector<double> traced_predict(const nn::Network& net, std::span<const double> x);

// 'circle' data (2-D, labels 0/1, noise 0.05), every point used for training.
void circle_data(int samples, std::uint64_t seed, std::vector<double>& x, std::vector<double>& y);
// A bce net in -> depth x width -> 1 with the activation's default parameters.
nn::Config deep_config(act::Id a, int depth, int width, int in, nn::Init init, nn::Optimizer opt, double lr,
                       int batch, std::uint64_t seed);
// `epochs` more epochs of net on (x, y), counted in `done`; returns the last epoch's loss.
double train_epochs(nn::Network& net, std::span<const double> x, std::span<const double> y, int epochs, int& done);

}  // namespace experiments
