// Experiments 2-4 on deep nets: per-layer gradient norms (vanishing gradients), dead units
// (dying ReLU), per-layer activation statistics (SELU self-normalisation).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <tuple>
#include <utility>

#include "datasets.hpp"
#include "experiments.hpp"
#include "rng.hpp"

namespace xp {
namespace {

std::string num(double v) { return act::format_number(v); }

void check_int(const char* field, int v, int lo, int hi) {
  if (v < lo || v > hi)
    throw std::invalid_argument(std::string(field) + " must be an integer in [" + std::to_string(lo) + ", " +
                                std::to_string(hi) + "], got " + std::to_string(v));
}

void no_maxout(act::Id id) {
  if (id == act::Id::maxout) throw std::invalid_argument("activation: maxout is not offered here (use one of the other nine)");
}

// 'circle' data (2-D, labels 0/1), all points used for training.
void circle(int samples, std::uint64_t seed, std::vector<double>& x, std::vector<double>& y) {
  nn::DatasetOptions o;
  o.n = samples;
  o.noise = 0.05;
  o.seed = seed;
  o.test_fraction = 0;
  nn::Dataset d = nn::make_dataset("circle", o);
  x = std::move(d.x_train);
  y = std::move(d.y_train);
}

nn::Config deep_config(act::Id a, int depth, int width, int in, nn::Init init, nn::Optimizer opt, double lr,
                       int batch, std::uint64_t seed) {
  nn::Config c;
  c.layers.assign(1, in);
  for (int i = 0; i < depth; ++i) c.layers.push_back(width);
  c.layers.push_back(1);
  c.activation = a;
  c.params = act::defaults(a);
  c.init = init;
  c.loss = nn::Loss::bce;
  c.optimizer = opt;
  c.learning_rate = lr;
  c.batch_size = batch;
  c.seed = seed;
  return c;
}

// `epochs` more epochs of net on (x, y), counted in `done`; the last epoch's loss.
double train_epochs(nn::Network& net, std::span<const double> x, std::span<const double> y, int epochs, int& done) {
  check_int("epochs", epochs, 0, 100000);
  double loss = 0;
  for (int e = 0; e < epochs; ++e) loss = net.train_epoch(x, y);
  done += epochs;
  return loss;
}

}  // namespace

// ---------------------------------------------------------------- gradient flow
void validate(const FlowConfig& c) {
  no_maxout(c.activation);
  check_int("depth", c.depth, 1, kMaxDepth);
  check_int("width", c.width, 1, kMaxFlowWidth);
  check_int("samples", c.samples, 10, 5000);
  check_int("batchSize", c.batch_size, 1, 5000);
  if (!(std::isfinite(c.learning_rate) && c.learning_rate > 0 && c.learning_rate <= 1))
    throw std::invalid_argument("learningRate must be a finite number in (0, 1], got " + num(c.learning_rate));
}

GradientFlow::GradientFlow(const FlowConfig& c)
    : cfg_((validate(c), c)),
      net_(deep_config(c.activation, c.depth, c.width, 2, c.init, c.optimizer, c.learning_rate, c.batch_size, c.seed)) {
  circle(c.samples, c.seed, x_, y_);
  grad_.resize(net_.parameter_count());
}

std::vector<double> GradientFlow::layer_norms() {
  loss_ = net_.loss_and_gradient(x_, y_, grad_);
  std::vector<double> out;
  for (const auto& L : net_.layers()) {
    double s = 0;
    const std::size_t n = static_cast<std::size_t>(L.rows) * L.in;
    for (std::size_t i = 0; i < n; ++i) s += grad_[L.w + i] * grad_[L.w + i];
    out.push_back(std::sqrt(s / static_cast<double>(n)));
  }
  return out;
}

double GradientFlow::train(int epochs) {
  return train_epochs(net_, x_, y_, epochs, epochs_);
}

// ---------------------------------------------------------------- dead neurons
void validate(const DeadConfig& c) {
  no_maxout(c.activation);
  check_int("depth", c.depth, 1, 8);
  check_int("width", c.width, 1, 128);
  check_int("samples", c.samples, 10, 5000);
  check_int("batchSize", c.batch_size, 1, 5000);
  if (!(std::isfinite(c.learning_rate) && c.learning_rate > 0 && c.learning_rate <= 10))
    throw std::invalid_argument("learningRate must be a finite number in (0, 10], got " + num(c.learning_rate));
  if (!(std::isfinite(c.bias_init) && c.bias_init >= -5 && c.bias_init <= 5))
    throw std::invalid_argument("biasInit must be a finite number in [-5, 5], got " + num(c.bias_init));
}

DeadNeurons::DeadNeurons(const DeadConfig& c)
    : cfg_((validate(c), c)),
      net_(deep_config(c.activation, c.depth, c.width, 2, nn::Init::default_init, c.optimizer, c.learning_rate,
                       c.batch_size, c.seed)) {
  circle(c.samples, c.seed, x_, y_);
  if (c.bias_init != 0) {  // the network zero-inits biases; shift the hidden ones
    std::vector<double> p(net_.parameters().begin(), net_.parameters().end());
    for (const auto& L : net_.layers())
      if (L.hidden)
        for (int j = 0; j < L.rows; ++j) p[L.b + j] = c.bias_init;
    net_.set_parameters(p);
  }
}

double DeadNeurons::train(int epochs) {
  return train_epochs(net_, x_, y_, epochs, epochs_);
}

std::vector<std::vector<bool>> dead_units(const nn::Network& net, std::span<const double> x) {
  const auto& layers = net.layers();
  const std::size_t n = x.size() / net.input_dim();
  const act::Id id = net.config().activation;
  std::vector<std::vector<bool>> dead;
  std::vector<double> cur(x.begin(), x.end()), z, a;
  for (std::size_t l = 0; l + 1 < layers.size(); ++l) {
    const std::size_t out = static_cast<std::size_t>(layers[l].out);
    z.assign(n * out, 0.0);
    a.assign(n * out, 0.0);
    hidden_forward(net, l, cur, n, z, a);
    std::vector<bool> d(out, true);
    act::Params q = net.config().params;
    for (std::size_t j = 0; j < out; ++j) {
      if (id == act::Id::prelu) q.alpha = net.parameters()[layers[l].alpha + j];
      for (std::size_t r = 0; r < n && d[j]; ++r)
        if (act::derivative(id, z[r * out + j], q) != 0.0) d[j] = false;
    }
    dead.push_back(std::move(d));
    cur.swap(a);
  }
  return dead;
}

std::vector<double> DeadNeurons::dead_fractions() {
  const auto dead = dead_units(net_, x_);
  std::vector<double> out;
  std::size_t total = 0, count = 0;
  for (const auto& d : dead) {
    std::size_t k = 0;
    for (bool b : d) k += b;
    out.push_back(static_cast<double>(k) / d.size());
    total += d.size();
    count += k;
  }
  out.push_back(static_cast<double>(count) / total);
  return out;
}

// ---------------------------------------------------------------- self-normalisation
void validate(const NormConfig& c) {
  no_maxout(c.activation);
  check_int("depth", c.depth, 1, kMaxNormDepth);
  check_int("width", c.width, 1, kMaxNormWidth);
  check_int("samples", c.samples, 2, kMaxNormSamples);
}

struct SelfNorm::Inputs {
  std::vector<double> values;
  double mean = 0, std = 0;
};

namespace {
// Mean and standard deviation over all values. Two passes (mean, then squared deviations), each a
// Neumaier-compensated sum in double: no cancellation for raw 0-255 inputs, and an error of a few
// ulp whatever the count. (This was long double, which wasm emulates in software as 128-bit:
// ~25 ms per call for 10^5 values, the largest single cost of the page's start-up.)
std::pair<double, double> mean_std(const std::vector<double>& a) {
  const auto sum = [&a](auto term) {
    double s = 0, c = 0;
    for (const double v : a) {
      const double x = term(v), t = s + x;
      c += std::fabs(s) >= std::fabs(x) ? (s - t) + x : (x - t) + s;
      s = t;
    }
    return s + c;
  };
  const double n = static_cast<double>(a.size());
  const double m = sum([](double v) { return v; }) / n;
  const double q = sum([m](double v) { return (v - m) * (v - m); });
  return {m, std::sqrt(q / n)};
}

// The inputs of a SelfNorm depend only on (seed, samples, width, raw_inputs), and a widget builds
// one net per activation with the same four. Drawing them (10^5 Box-Muller normals by default:
// log, sqrt, sin and cos, which wasm computes in software) and their statistics were most of each
// constructor, so nets built while another with the same inputs is alive copy its draws. Only a
// weak_ptr stays here: once the last net holding them is past layer 1 or freed, the memory goes.
struct InputKey {
  std::uint64_t seed;
  int samples, width;
  bool raw;
  bool operator==(const InputKey&) const = default;
};
std::mutex inputs_mutex;
InputKey inputs_key{};
std::weak_ptr<const SelfNorm::Inputs> inputs_cache;

std::shared_ptr<const SelfNorm::Inputs> norm_inputs(const NormConfig& c) {
  const InputKey key{c.seed, c.samples, c.width, c.raw_inputs};
  const std::lock_guard<std::mutex> lock(inputs_mutex);
  if (auto hit = inputs_cache.lock(); hit && inputs_key == key) return hit;
  auto in = std::make_shared<SelfNorm::Inputs>();
  in->values.resize(static_cast<std::size_t>(c.samples) * c.width);
  nn::Rng rng(c.seed, 101);  // own stream: the inputs do not depend on the weights' draws
  for (auto& v : in->values) {
    const double g = rng.normal();
    v = c.raw_inputs ? std::fmin(255.0, std::fmax(0.0, 128.0 + 64.0 * g)) : g;
  }
  std::tie(in->mean, in->std) = mean_std(in->values);
  inputs_key = key;
  inputs_cache = in;
  return in;
}
}  // namespace

SelfNorm::SelfNorm(const NormConfig& c) : cfg_((validate(c), c)), inputs_(norm_inputs(c)) {
  const std::size_t n = inputs_->values.size();
  a_.assign(inputs_->values.begin(), inputs_->values.end());
  z_.resize(n);
  next_.resize(n);
  mean_.push_back(inputs_->mean);
  std_.push_back(inputs_->std);
}

void SelfNorm::record() {
  const auto [m, sd] = mean_std(a_);
  mean_.push_back(m);
  std_.push_back(sd);
}

bool SelfNorm::advance(int layers) {
  check_int("layers", layers, 0, kMaxNormDepth);
  const int target = std::min(cfg_.depth, layers_done() + layers);
  while (layers_done() < target) step(cfg_.samples);
  return !done();
}

bool SelfNorm::step(int rows) {
  check_int("rows", rows, 1, kMaxNormSamples);
  if (done()) return false;
  const std::size_t w = static_cast<std::size_t>(cfg_.width);
  if (!built_) {  // entering a new layer: building its weights (10^4 inverse-CDF draws) is one step
    nn::Config lc;
    lc.layers = {cfg_.width, cfg_.width, 1};
    lc.activation = cfg_.activation;
    lc.params = act::defaults(cfg_.activation);
    lc.init = cfg_.init;
    lc.seed = cfg_.seed * 1000 + static_cast<std::uint64_t>(layers_done());
    layer_.emplace(lc);
    built_ = true;
    return true;
  }
  const int n = std::min(rows, cfg_.samples - row_);
  const std::size_t off = static_cast<std::size_t>(row_) * w, len = static_cast<std::size_t>(n) * w;
  hidden_forward(*layer_, 0, std::span<const double>(a_).subspan(off, len), static_cast<std::size_t>(n),
                 std::span<double>(z_).subspan(off, len), std::span<double>(next_).subspan(off, len), cfg_.skip);
  row_ += n;
  if (row_ == cfg_.samples) {
    row_ = 0;
    built_ = false;
    inputs_.reset();
    a_.swap(next_);
    record();
  }
  return !done();
}

}  // namespace xp
