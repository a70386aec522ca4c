// Vanishing gradients: the measured per-layer sizes are right (central differences) and the
// phenomenon happens at the widget's default setting.
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "datasets.hpp"
#include "experiments/gradient_flow.hpp"

using namespace experiments;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

TEST_CASE("layer_norms are the per-weight RMS of central-difference gradients", "[flow]") {
  GradientFlow::Config c;
  c.activation = act::Id::tanh;
  c.depth = 2;
  c.width = 3;
  c.samples = 10;
  GradientFlow g(c);
  const auto norms = g.layer_norms();
  REQUIRE(norms.size() == 3);
  // Rebuild the same network and data and differentiate the loss numerically.
  nn::Config nc;
  nc.layers = {2, 3, 3, 1};
  nc.activation = act::Id::tanh;
  nc.params = act::defaults(act::Id::tanh);
  nc.loss = nn::Loss::bce;
  nc.seed = c.seed;
  nn::Network net(nc);
  nn::DatasetOptions o;
  o.n = 10;
  o.noise = 0.05;
  o.seed = c.seed;
  o.test_fraction = 0;
  const nn::Dataset d = nn::make_dataset("circle", o);
  std::vector<double> p(net.parameters().begin(), net.parameters().end()), scratch(p.size());
  const double h = 1e-6;
  for (std::size_t l = 0; l < net.layers().size(); ++l) {
    const auto& L = net.layers()[l];
    double s = 0;
    const std::size_t n = static_cast<std::size_t>(L.rows) * L.in;
    for (std::size_t i = L.w; i < L.w + n; ++i) {
      const double keep = p[i];
      p[i] = keep + h;
      net.set_parameters(p);
      const double up = net.loss_and_gradient(d.x_train, d.y_train, scratch);
      p[i] = keep - h;
      net.set_parameters(p);
      const double down = net.loss_and_gradient(d.x_train, d.y_train, scratch);
      p[i] = keep;
      const double gi = (up - down) / (2 * h);
      s += gi * gi;
    }
    net.set_parameters(p);
    REQUIRE_THAT(norms[l], WithinRel(std::sqrt(s / n), 1e-6));
  }
}

// The claim: sigmoid' <= 1/4, so the gradient shrinks layer by layer; relu/selu with their own
// init (He / LeCun normal) pass it through. Setup (the widget's default): 'circle' data, 200
// points, bce, 10 hidden layers of 32, at initialisation, seeds 1-4.
TEST_CASE("depth-10 sigmoid first/last hidden-layer gradient < 1e-3 while relu and selu stay > 0.1", "[flow]") {
  const int seed = GENERATE(1, 2, 3, 4);
  auto ratio = [&](act::Id a) {
    GradientFlow::Config c;
    c.activation = a;
    c.depth = 10;
    c.seed = static_cast<std::uint64_t>(seed);
    GradientFlow g(c);
    const auto n = g.layer_norms();
    REQUIRE(n.size() == 11);
    return n[0] / n[9];
  };
  CAPTURE(seed);
  CHECK(ratio(act::Id::sigmoid) < 1e-3);
  CHECK(ratio(act::Id::relu) > 0.1);
  CHECK(ratio(act::Id::selu) > 0.1);
}

TEST_CASE("gradient flow validates its config", "[flow]") {
  GradientFlow::Config c;
  c.depth = 0;
  REQUIRE_THROWS_WITH(GradientFlow(c), Catch::Contains("depth must be an integer in [1, 30], got 0"));
  c.depth = 1000;
  REQUIRE_THROWS_WITH(GradientFlow(c), Catch::Contains("got 1000"));
  c.depth = 3;
  c.width = 0;
  REQUIRE_THROWS_WITH(GradientFlow(c), Catch::Contains("width"));
}
