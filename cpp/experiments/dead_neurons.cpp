#include "experiments/dead_neurons.hpp"

#include "experiments/common.hpp"

namespace experiments {

void DeadNeurons::validate(const Config& c) {
  no_maxout(c.activation);
  check_int("depth", c.depth, 1, kMaxDepth);
  check_int("width", c.width, 1, kMaxWidth);
  check_int("samples", c.samples, kMinSamples, kMaxSamples);
  check_int("batchSize", c.batch_size, 1, kMaxBatchSize);
  check_number("learningRate", c.learning_rate, 0, 10, true);
  check_number("biasInit", c.bias_init, -5, 5);
}

DeadNeurons::DeadNeurons(const Config& c)
    : cfg_((validate(c), c)),
      net_(deep_config(c.activation, c.depth, c.width, 2, nn::Init::default_init, c.optimizer, c.learning_rate,
                       c.batch_size, c.seed)) {
  circle_data(c.samples, c.seed, x_, y_);
  if (c.bias_init != 0) {  // the network zero-inits biases; shift the hidden ones
    std::vector<double> p(net_.parameters().begin(), net_.parameters().end());
    for (const auto& L : net_.layers())
      if (L.hidden)
        for (int j = 0; j < L.rows; ++j) p[L.b + j] = c.bias_init;
    net_.set_parameters(p);
  }
}

double DeadNeurons::train(int epochs) { return train_epochs(net_, x_, y_, epochs, epochs_); }

std::vector<std::vector<bool>> dead_units(const nn::Network& net, std::span<const double> x) {
  const auto& layers = net.layers();
  const std::size_t n = x.size() / net.input_dim();
  const act::Id id = net.config().activation;
  std::vector<std::vector<bool>> dead;
  trace_hidden(net, x, n, [&](std::size_t l, std::span<const double> z) {
    const std::size_t out = static_cast<std::size_t>(layers[l].out);
    std::vector<bool> d(out, true);
    act::Params q = net.config().params;
    for (std::size_t j = 0; j < out; ++j) {
      if (id == act::Id::prelu) q.alpha = net.parameters()[layers[l].alpha + j];
      for (std::size_t r = 0; r < n && d[j]; ++r)
        if (act::derivative(id, z[r * out + j], q) != 0.0) d[j] = false;
    }
    dead.push_back(std::move(d));
  });
  return dead;
}

std::vector<std::vector<bool>> silent_units(const nn::Network& net, std::span<const double> x) {
  const auto& layers = net.layers();
  const std::size_t n = x.size() / net.input_dim();
  std::vector<std::vector<bool>> silent;
  trace_hidden(net, x, n, [&](std::size_t l, std::span<const double> z) {
    const std::size_t out = static_cast<std::size_t>(layers[l].out);
    std::vector<bool> s(out, true);
    for (std::size_t j = 0; j < out; ++j)
      for (std::size_t r = 0; r < n && s[j]; ++r)
        if (!(z[r * out + j] <= 0.0)) s[j] = false;  // NaN counts as not silent
    silent.push_back(std::move(s));
  });
  return silent;
}

namespace {
std::vector<double> fractions(const std::vector<std::vector<bool>>& mask) {
  std::vector<double> out;
  std::size_t total = 0, count = 0;
  for (const auto& d : mask) {
    std::size_t k = 0;
    for (bool b : d) k += b;
    out.push_back(static_cast<double>(k) / d.size());
    total += d.size();
    count += k;
  }
  out.push_back(static_cast<double>(count) / total);
  return out;
}
}  // namespace

std::vector<double> DeadNeurons::dead_fractions() { return fractions(dead_units(net_, x_)); }
std::vector<double> DeadNeurons::silent_fractions() { return fractions(silent_units(net_, x_)); }

}  // namespace experiments
