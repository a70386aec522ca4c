// Universal approximation and the linear collapse. Reference values are
// computed here independently: the least-squares line by its closed form, the collapsed matrix
// by probing the network with unit vectors.
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "experiments/universal_approximation.hpp"

using namespace experiments;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

namespace {
double mean_mse(act::Id a, int units, int epochs) {
  double s = 0;
  for (int seed = 1; seed <= 3; ++seed) {
    UniversalApproximation::Config c;
    c.activation = a;
    c.units = units;
    c.seed = static_cast<std::uint64_t>(seed);
    UniversalApproximation ap(c);
    s += ap.train(epochs);
  }
  return s / 3;
}
}  // namespace

TEST_CASE("targets and their names", "[approx]") {
  CHECK(parse_target("abs") == Target::abs);
  CHECK_THROWS_WITH(parse_target("cos"), Catch::Contains("allowed: sin, abs, step"));
  CHECK(target_value(Target::step, 0.0) == 0.0);
  CHECK(target_value(Target::step, 1e-9) == 1.0);
  CHECK_THAT(target_value(Target::sin, 0.25), WithinAbs(1.0, 1e-15));  // sin(pi/2)
  CHECK(target_value(Target::abs, -0.5) == 0.5);
}

// The claim: one hidden layer of enough non-linear units approximates a continuous function.
// Same budget (2000 full-batch Adam steps, lr 0.01, 64 grid points), mean over seeds 1-3.
TEST_CASE("fit error falls as the hidden layer grows for tanh and relu on sin(2 pi x)", "[approx]") {
  const act::Id a = GENERATE(act::Id::tanh, act::Id::relu);
  const double e2 = mean_mse(a, 2, 2000), e32 = mean_mse(a, 32, 2000);
  CAPTURE(act::name(a), e2, e32);
  CHECK(e32 < e2 / 20);
  CHECK(e32 < 0.01);
}

// A linear "network" can only fit the least-squares line, whatever N: compare with the closed
// form slope = cov(x, y) / var(x), intercept = mean(y) - slope mean(x).
TEST_CASE("a linear net's fit is the least-squares line for every N", "[approx]") {
  const Target t = GENERATE(Target::sin, Target::abs, Target::step);
  const int units = GENERATE(1, 16);
  UniversalApproximation::Config c;
  c.target = t;
  c.activation = act::Id::linear;
  c.units = units;
  c.hidden_layers = 2;
  UniversalApproximation ap(c);
  ap.train(2000);
  const auto& x = ap.x();
  const auto& y = ap.y();
  const double n = static_cast<double>(x.size());
  double mx = 0, my = 0;
  for (std::size_t i = 0; i < x.size(); ++i) mx += x[i] / n, my += y[i] / n;
  double sxy = 0, sxx = 0;
  for (std::size_t i = 0; i < x.size(); ++i) sxy += (x[i] - mx) * (y[i] - my), sxx += (x[i] - mx) * (x[i] - mx);
  const double slope = sxy / sxx, icpt = my - slope * mx;
  double best = 0;
  for (std::size_t i = 0; i < x.size(); ++i) best += std::pow(slope * x[i] + icpt - y[i], 2) / n;
  CAPTURE(name(t), units, best, ap.mse());
  CHECK_THAT(ap.mse(), WithinAbs(best, 1e-4));
  // and the prediction is a line: zero second differences on the grid
  const auto f = ap.predict(x);
  for (std::size_t i = 1; i + 1 < f.size(); ++i) REQUIRE(std::fabs(f[i - 1] - 2 * f[i] + f[i + 1]) < 1e-12);
}

TEST_CASE("a deep linear net equals one matrix to 1e-12", "[approx]") {
  const int seed = GENERATE(1, 2, 3);
  nn::Config c;
  c.layers = {3, 16, 16, 16, 16, 16, 2};
  c.activation = act::Id::linear;
  c.params = act::defaults(act::Id::linear);
  c.seed = static_cast<std::uint64_t>(seed);
  nn::Network net(c);
  std::vector<double> p(net.parameters().begin(), net.parameters().end());
  for (std::size_t i = 0; i < p.size(); ++i) p[i] += 0.05 * std::sin(1.7 * i + seed);  // non-zero biases
  net.set_parameters(p);
  std::vector<double> x;
  for (int i = 0; i < 50; ++i) x.push_back(std::sin(i * 0.37) * 3), x.push_back(std::cos(i * 1.1)), x.push_back(i * 0.1 - 2);
  const Collapse col = collapse_linear(net, x);
  REQUIRE(col.rows == 2);
  REQUIRE(col.cols == 3);
  CHECK(col.max_abs_diff <= 1e-12);
  // Independent: c = net(0); column i of M = net(e_i) - net(0).
  const auto z = net.predict(std::vector<double>{0, 0, 0});
  for (int j = 0; j < 2; ++j) CHECK_THAT(col.bias[j], WithinAbs(z[j], 1e-13));
  for (int i = 0; i < 3; ++i) {
    std::vector<double> e(3, 0.0);
    e[i] = 1;
    const auto y = net.predict(e);
    for (int j = 0; j < 2; ++j) CHECK_THAT(col.matrix[j * 3 + i], WithinAbs(y[j] - z[j], 1e-12));
  }
  c.activation = act::Id::tanh;
  nn::Network t(c);
  CHECK_THROWS_WITH(collapse_linear(t, x), Catch::Contains("must be linear, got tanh"));
}

TEST_CASE("approximation validates its config", "[approx]") {
  UniversalApproximation::Config c;
  c.units = 0;
  CHECK_THROWS_WITH(UniversalApproximation(c), Catch::Contains("units must be an integer in [1, 64], got 0"));
  c.units = 65;
  CHECK_THROWS_WITH(UniversalApproximation(c), Catch::Contains("got 65"));
  c.units = 4;
  c.activation = act::Id::maxout;
  CHECK_THROWS_WITH(UniversalApproximation(c), Catch::Contains("maxout"));
}
