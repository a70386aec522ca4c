#include "experiments/gradient_flow.hpp"

#include <cmath>

#include "experiments/common.hpp"

namespace experiments {

void GradientFlow::validate(const Config& c) {
  no_maxout(c.activation);
  check_int("depth", c.depth, 1, kMaxDepth);
  check_int("width", c.width, 1, kMaxWidth);
  check_int("samples", c.samples, kMinSamples, kMaxSamples);
  check_int("batchSize", c.batch_size, 1, kMaxBatchSize);
  check_number("learningRate", c.learning_rate, 0, 1, true);
}

GradientFlow::GradientFlow(const Config& c)
    : cfg_((validate(c), c)),
      net_(deep_config(c.activation, c.depth, c.width, 2, c.init, c.optimizer, c.learning_rate, c.batch_size, c.seed)) {
  circle_data(c.samples, c.seed, x_, y_);
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

double GradientFlow::train(int epochs) { return train_epochs(net_, x_, y_, epochs, epochs_); }

}  // namespace experiments
