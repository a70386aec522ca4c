#include "datasets.hpp"

#include <cmath>
#include <cstdio>
#include <iterator>
#include <stdexcept>

#include "activations.hpp"
#include "rng.hpp"

namespace nn {
namespace {

constexpr std::string_view kIds[] = {"circle", "xor", "gaussian", "spiral", "spiral3", "sin", "abs", "step"};
// The generator of each id (the switch below) and of its random stream 100 + kind: spiral3 came last,
// so it is kind 7 and every older set keeps its stream (the same seed gives the same points as before).
constexpr int kKind[] = {0, 1, 2, 3, 7, 4, 5, 6};
constexpr int kSpiral3 = 7;
constexpr double kPi = 3.14159265358979323846;

std::string num(double v) { return act::format_number(v); }

}  // namespace

std::span<const std::string_view> dataset_ids() noexcept { return kIds; }

Dataset make_dataset(std::string_view name, const DatasetOptions& opt) {
  int id = -1;
  for (std::size_t i = 0; i < std::size(kIds); ++i)
    if (kIds[i] == name) id = kKind[i];
  if (id < 0) {
    std::string allowed;
    for (auto s : kIds) allowed += (allowed.empty() ? "" : ", ") + std::string(s);
    throw std::invalid_argument("dataset: unknown '" + act::quote_input(name) + "'; allowed: " + allowed);
  }
  if (opt.n < 1 || opt.n > kMaxDatasetPoints)
    throw std::invalid_argument("n must be an integer in [1, 100000], got " + std::to_string(opt.n));
  if (!(std::isfinite(opt.noise) && opt.noise >= 0 && opt.noise <= 1))
    throw std::invalid_argument("noise must be a finite number in [0, 1], got " + num(opt.noise));
  if (!(std::isfinite(opt.test_fraction) && opt.test_fraction >= 0 && opt.test_fraction <= 0.9))
    throw std::invalid_argument("testFraction must be a finite number in [0, 0.9], got " + num(opt.test_fraction));

  Dataset d;
  d.name = std::string(name);
  d.regression = id >= 4 && id <= 6;
  d.classes = d.regression ? 0 : id == kSpiral3 ? 3 : 2;
  d.input_dim = d.regression ? 1 : 2;
  const std::size_t n = static_cast<std::size_t>(opt.n), dim = static_cast<std::size_t>(d.input_dim);
  std::vector<double> x(n * dim), y(n);
  Rng rng(opt.seed, 100 + static_cast<std::uint64_t>(id));
  const double sigma = 0.5 * opt.noise;
  for (std::size_t i = 0; i < n; ++i) {
    const int label = static_cast<int>(i % static_cast<std::size_t>(d.regression ? 2 : d.classes));
    double* xi = &x[i * dim];
    switch (id) {
      case 0: {  // circle
        const double r = label ? 0.5 * std::sqrt(rng.uniform()) : std::sqrt(rng.uniform(0.49, 1.0));
        const double a = rng.uniform(0, 2 * kPi);
        xi[0] = r * std::cos(a);
        xi[1] = r * std::sin(a);
        break;
      }
      case 1: {  // xor
        const double s1 = rng.uniform() < 0.5 ? -1.0 : 1.0;
        const double s2 = label ? s1 : -s1;
        xi[0] = s1 * rng.uniform(0.05, 1.0);
        xi[1] = s2 * rng.uniform(0.05, 1.0);
        break;
      }
      case 2: {  // gaussian
        const double c = label ? 0.5 : -0.5;
        xi[0] = c + 0.2 * rng.normal();
        xi[1] = c + 0.2 * rng.normal();
        break;
      }
      case 3: {  // spiral
        const double t = rng.uniform();
        const double r = 0.05 + 0.95 * t, a = 3.5 * kPi * t + kPi * label;
        xi[0] = r * std::cos(a);
        xi[1] = r * std::sin(a);
        break;
      }
      case kSpiral3: {
        const double t = rng.uniform();
        const double r = 0.05 + 0.95 * t, a = 2.5 * kPi * t + 2.0 * kPi * label / 3.0;
        xi[0] = r * std::cos(a);
        xi[1] = r * std::sin(a);
        break;
      }
      default: {  // 1-D regression
        xi[0] = rng.uniform(-1.0, 1.0);
        y[i] = id == 4 ? std::sin(kPi * xi[0]) : id == 5 ? std::fabs(xi[0]) : (xi[0] > 0 ? 1.0 : 0.0);
        y[i] += sigma * rng.normal();
        continue;
      }
    }
    y[i] = label;
    for (std::size_t k = 0; k < dim; ++k) xi[k] += sigma * rng.normal();
  }
  // Seeded shuffle (Fisher-Yates over whole rows), then split.
  for (std::size_t i = n - 1; i > 0; --i) {
    const std::size_t j = rng.below(static_cast<std::uint32_t>(i + 1));
    for (std::size_t k = 0; k < dim; ++k) std::swap(x[i * dim + k], x[j * dim + k]);
    std::swap(y[i], y[j]);
  }
  const std::size_t n_test = static_cast<std::size_t>(std::floor(static_cast<double>(n) * opt.test_fraction));
  const std::size_t n_train = n - n_test;
  d.x_train.assign(x.begin(), x.begin() + n_train * dim);
  d.y_train.assign(y.begin(), y.begin() + n_train);
  d.x_test.assign(x.begin() + n_train * dim, x.end());
  d.y_test.assign(y.begin() + n_train, y.end());
  return d;
}

namespace {

// Seeded shuffle (Fisher-Yates over whole rows), then split like make_dataset: the first
// n - floor(n * test_fraction) rows train, the rest test.
void shuffle_split(Dataset& d, std::vector<double>& x, std::vector<double>& y, Rng& rng, double test_fraction) {
  const std::size_t dim = static_cast<std::size_t>(d.input_dim), n = y.size();
  for (std::size_t i = n - 1; i > 0; --i) {
    const std::size_t j = rng.below(static_cast<std::uint32_t>(i + 1));
    for (std::size_t k = 0; k < dim; ++k) std::swap(x[i * dim + k], x[j * dim + k]);
    std::swap(y[i], y[j]);
  }
  const std::size_t n_test = static_cast<std::size_t>(std::floor(static_cast<double>(n) * test_fraction));
  const std::size_t n_train = n - n_test;
  d.x_train.assign(x.begin(), x.begin() + n_train * dim);
  d.y_train.assign(y.begin(), y.begin() + n_train);
  d.x_test.assign(x.begin() + n_train * dim, x.end());
  d.y_test.assign(y.begin() + n_train, y.end());
}

}  // namespace

Dataset dataset_from_points(std::span<const double> xy, std::span<const double> labels, const DatasetOptions& opt) {
  const std::size_t n = labels.size();
  if (n < 1 || n > static_cast<std::size_t>(kMaxDatasetPoints))
    throw std::invalid_argument("points: between 1 and 100000 labels, got " + std::to_string(n));
  if (xy.size() != 2 * n)
    throw std::invalid_argument("points: " + std::to_string(n) + " labels need " + std::to_string(2 * n) +
                                " coordinates (x, y per point), got " + std::to_string(xy.size()));
  if (!(std::isfinite(opt.test_fraction) && opt.test_fraction >= 0 && opt.test_fraction <= 0.9))
    throw std::invalid_argument("testFraction must be a finite number in [0, 0.9], got " + num(opt.test_fraction));
  for (std::size_t i = 0; i < n; ++i) {
    for (int k = 0; k < 2; ++k) {
      const double v = xy[2 * i + k];
      if (!(std::isfinite(v) && v >= -1 && v <= 1))
        throw std::invalid_argument("points: row " + std::to_string(i + 1) + ": " + (k ? "y" : "x") +
                                    " must be a finite number in [-1, 1], got " + num(v));
    }
    if (!(labels[i] == 0 || labels[i] == 1))
      throw std::invalid_argument("points: row " + std::to_string(i + 1) + ": label must be 0 or 1, got " + num(labels[i]));
  }
  Dataset d;
  d.name = "custom";
  d.input_dim = 2;
  std::vector<double> x(xy.begin(), xy.end()), y(labels.begin(), labels.end());
  Rng rng(opt.seed, 200);
  shuffle_split(d, x, y, rng, opt.test_fraction);
  return d;
}

}  // namespace nn
