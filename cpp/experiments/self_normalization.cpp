#include "experiments/self_normalization.hpp"

#include <algorithm>
#include <cmath>
#include <mutex>
#include <span>
#include <tuple>
#include <utility>

#include "experiments/common.hpp"
#include "rng.hpp"

namespace experiments {

void SelfNormalization::validate(const Config& c) {
  no_maxout(c.activation);
  check_int("depth", c.depth, 1, kMaxDepth);
  check_int("width", c.width, 1, kMaxWidth);
  check_int("samples", c.samples, 2, kMaxSamples);
}

struct SelfNormalization::Inputs {
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

// The inputs of a SelfNormalization depend only on (seed, samples, width, raw_inputs), and a widget
// builds one net per activation with the same four. Drawing them (10^5 Box-Muller normals by
// default: log, sqrt, sin and cos, which wasm computes in software) and their statistics were most
// of each constructor, so nets built while another with the same inputs is alive copy its draws.
// Only a weak_ptr stays here: once the last net holding them is past layer 1 or freed, the memory goes.
struct InputKey {
  std::uint64_t seed;
  int samples, width;
  bool raw;
  bool operator==(const InputKey&) const = default;
};
std::mutex inputs_mutex;
InputKey inputs_key{};
std::weak_ptr<const SelfNormalization::Inputs> inputs_cache;

std::shared_ptr<const SelfNormalization::Inputs> shared_inputs(const SelfNormalization::Config& c) {
  const InputKey key{c.seed, c.samples, c.width, c.raw_inputs};
  const std::lock_guard<std::mutex> lock(inputs_mutex);
  if (auto hit = inputs_cache.lock(); hit && inputs_key == key) return hit;
  auto in = std::make_shared<SelfNormalization::Inputs>();
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

SelfNormalization::SelfNormalization(const Config& c) : cfg_((validate(c), c)), inputs_(shared_inputs(c)) {
  const std::size_t n = inputs_->values.size();
  a_.assign(inputs_->values.begin(), inputs_->values.end());
  z_.resize(n);
  next_.resize(n);
  mean_.push_back(inputs_->mean);
  std_.push_back(inputs_->std);
}

void SelfNormalization::record() {
  const auto [m, sd] = mean_std(a_);
  mean_.push_back(m);
  std_.push_back(sd);
}

bool SelfNormalization::advance(int layers) {
  check_int("layers", layers, 0, kMaxDepth);
  const int target = std::min(cfg_.depth, layers_done() + layers);
  while (layers_done() < target) step(cfg_.samples);
  return !done();
}

bool SelfNormalization::step(int rows) {
  check_int("rows", rows, 1, kMaxSamples);
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

}  // namespace experiments
