// The per-layer trace the experiments measure with: it equals Network::predict end to end, and
// refuses what it cannot trace.
#include <catch2/catch.hpp>

#include <vector>

#include "experiments/common.hpp"
#include "util.hpp"

using namespace experiments;
using Catch::Matchers::WithinAbs;

TEST_CASE("traced forward equals Network::predict for every supported activation", "[trace]") {
  const act::Id id = GENERATE(act::Id::linear, act::Id::sigmoid, act::Id::tanh, act::Id::relu, act::Id::leaky_relu,
                              act::Id::rrelu, act::Id::prelu, act::Id::elu, act::Id::selu);
  nn::Network net(test::small(id, {3, 5, 4, 2}));
  std::vector<double> p(net.parameters().begin(), net.parameters().end());
  const auto noise = test::lcg(p.size(), -0.3, 0.3, 3);  // non-zero biases and PReLU alphas != 0.25
  for (std::size_t i = 0; i < p.size(); ++i) p[i] += noise[i];
  net.set_parameters(p);
  const auto x = test::lcg(3 * 20, -2, 2, 7);
  const auto a = net.predict(x), b = traced_predict(net, x);
  REQUIRE(a.size() == b.size());
  for (std::size_t i = 0; i < a.size(); ++i) REQUIRE_THAT(b[i], WithinAbs(a[i], 1e-12));
}

TEST_CASE("hidden_forward rejects maxout and bad layers and a skip across widths", "[trace]") {
  nn::Network m(test::small(act::Id::maxout, {2, 3, 1}));
  std::vector<double> x(2), z(3), a(3);
  REQUIRE_THROWS_WITH(hidden_forward(m, 0, x, 1, z, a), Catch::Contains("maxout"));
  nn::Network r(test::small(act::Id::relu, {2, 3, 1}));
  REQUIRE_THROWS_WITH(hidden_forward(r, 1, x, 1, z, a), Catch::Contains("not a hidden layer"));
  REQUIRE_THROWS_WITH(hidden_forward(r, 0, x, 1, z, a, true), Catch::Contains("in == out"));
}
