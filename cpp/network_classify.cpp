// Network: what the output logits mean — probabilities (sigmoid or softmax, by the loss), the
// predicted class and accuracy. Eval mode; everything goes through predict().
#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "network.hpp"

namespace nn {
namespace {

// sigmoid without overflow: exp of a non-positive number only.
double sigmoid(double z) {
  const double e = std::exp(-std::fabs(z));
  return z >= 0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
}

// Index of the largest of n values, the first on ties.
std::size_t argmax(const double* z, std::size_t n) { return static_cast<std::size_t>(std::max_element(z, z + n) - z); }

}  // namespace

std::vector<double> Network::probabilities(std::span<const double> x) {
  if (cfg_.loss == Loss::mse)
    throw std::invalid_argument("probabilities: a network trained with loss mse outputs values, not probabilities; "
                                "use predict() (bce: sigmoid, cross_entropy: softmax)");
  std::vector<double> z = predict(x);
  const std::size_t C = output_dim();
  if (cfg_.loss == Loss::bce) {
    for (double& v : z) v = sigmoid(v);
    return z;
  }
  for (std::size_t r = 0; r < z.size(); r += C) {  // softmax of each row, the max subtracted first
    double* row = &z[r];
    const double m = row[argmax(row, C)];
    double s = 0;
    for (std::size_t o = 0; o < C; ++o) s += (row[o] = std::exp(row[o] - m));
    for (std::size_t o = 0; o < C; ++o) row[o] /= s;
  }
  return z;
}

std::vector<double> Network::classify(std::span<const double> x) {
  const std::size_t C = output_dim();
  if (cfg_.loss == Loss::mse || (cfg_.loss == Loss::bce && C != 1))
    throw std::invalid_argument(std::string("classify: needs loss cross_entropy, or bce with one output; this network has loss ") +
                                std::string(name(cfg_.loss)) + " and " + std::to_string(C) + " outputs");
  const std::vector<double> z = predict(x);
  std::vector<double> out(z.size() / C);
  for (std::size_t r = 0; r < out.size(); ++r)
    out[r] = C == 1 ? (z[r] > 0 ? 1.0 : 0.0) : static_cast<double>(argmax(&z[r * C], C));
  return out;
}

double Network::accuracy(std::span<const double> x, std::span<const double> y) {
  std::size_t rows = 0;
  check_xy(x, &y, rows);
  const std::vector<double> k = classify(x);
  std::size_t ok = 0;
  for (std::size_t r = 0; r < rows; ++r) ok += cfg_.loss == Loss::bce ? k[r] == (y[r] > 0.5 ? 1.0 : 0.0) : k[r] == y[r];
  return static_cast<double>(ok) / static_cast<double>(rows);
}

}  // namespace nn
