// <output-layer>'s curves: known values (40-digit mpmath), gradients against central differences of
// the losses, the saturation claim itself (sigmoid + MSE's gradient vanishes where the net is sure and
// wrong, BCE on the logit keeps p - y), agreement with the network's own 'bce', validation.
//
// mpmath (mp.dps = 40), y = 1:           (p-1)^2                    2(p-1)p(1-p)                  -log p                    p - 1
//   z = -30: 0.9999999999998128475406  -1.871524593767509530337e-13  30.00000000000009357623  -0.9999999999999064237703
//   z = -6 : 0.9950608675520051778477  -0.004920821086740352273055   6.002475685137730449531  -0.9975273768433652256659
//   z = 0  : 0.25                      -0.25                         0.6931471805599453094172 -0.5
//   z = 2.5: 0.005754463476135394260973 -0.01063588069967408915862   0.07888973429254962334404 -0.07585818002124355119331
//   z = 8  : 1.124597100038838857731e-7 -2.248439932509237220384e-7  0.0003354063728957688315739 -0.0003353501304664781038783
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "experiments/output_layer.hpp"
#include "network.hpp"

using Catch::Matchers::Contains;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;
using experiments::OutputLayerOptions;

namespace {
// The curves at exactly these logits (a two-point grid from z to z + 1, first point).
experiments::OutputLayerCurves at(double z, double y = 1) { return experiments::output_layer_curves({z, z + 1, 2, y}); }
}  // namespace

TEST_CASE("output layer: known values for y = 1 (mpmath)", "[output_layer]") {
  struct Row { double z, mse, dmse, bce, dbce; };
  const Row rows[] = {
      {-30, 0.9999999999998128475406, -1.871524593767509530337e-13, 30.00000000000009357623, -0.9999999999999064237703},
      {-6, 0.9950608675520051778477, -0.004920821086740352273055, 6.002475685137730449531, -0.9975273768433652256659},
      {0, 0.25, -0.25, 0.6931471805599453094172, -0.5},
      {2.5, 0.005754463476135394260973, -0.01063588069967408915862, 0.07888973429254962334404, -0.07585818002124355119331},
      {8, 1.124597100038838857731e-7, -2.248439932509237220384e-7, 0.0003354063728957688315739, -0.0003353501304664781038783},
  };
  for (const Row& r : rows) {
    CAPTURE(r.z);
    const auto c = at(r.z);
    CHECK_THAT(c.mse_loss[0], WithinRel(r.mse, 1e-14));
    CHECK_THAT(c.mse_grad[0], WithinRel(r.dmse, 1e-14));
    CHECK_THAT(c.bce_loss[0], WithinRel(r.bce, 1e-14));
    CHECK_THAT(c.bce_grad[0], WithinRel(r.dbce, 1e-14));
  }
}

TEST_CASE("output layer: each gradient is the derivative of its loss (central differences)", "[output_layer][grad]") {
  const double y = GENERATE(0.0, 0.3, 1.0);
  CAPTURE(y);
  const auto c = experiments::output_layer_curves({-9, 9, 73, y});
  const double h = 1e-5;
  for (std::size_t i = 0; i < c.z.size(); ++i) {
    CAPTURE(c.z[i]);
    const auto up = at(c.z[i] + h, y), down = at(c.z[i] - h, y);
    CHECK_THAT(c.mse_grad[i], WithinAbs((up.mse_loss[0] - down.mse_loss[0]) / (2 * h), 1e-9));
    CHECK_THAT(c.bce_grad[i], WithinAbs((up.bce_loss[0] - down.bce_loss[0]) / (2 * h), 1e-9));
  }
}

TEST_CASE("output layer: sure and wrong, MSE's gradient vanishes and BCE's stays near p - y = -1", "[output_layer][claim]") {
  const auto c = experiments::output_layer_curves({-12, 12, 241, 1});
  for (std::size_t i = 0; i < c.z.size(); ++i) {
    if (c.z[i] > -4) continue;
    CAPTURE(c.z[i]);
    CHECK(std::fabs(c.mse_grad[i]) < 0.04);        // 2 sigma(z) sigma(-z)^2 <= 2 sigma(-4) ~ 0.036, and falling
    CHECK(c.bce_grad[i] < -0.98);                  // -sigma(-z)
    CHECK(c.mse_loss[i] <= 1.0);                   // the squared error cannot exceed 1 however wrong
    CHECK(c.bce_loss[i] > -c.z[i]);                // ~ -z: grows without bound
  }
  // the largest MSE gradient is at a moderate logit, not where the error is largest
  std::size_t k = 0;
  for (std::size_t i = 0; i < c.z.size(); ++i) if (std::fabs(c.mse_grad[i]) > std::fabs(c.mse_grad[k])) k = i;
  CHECK(c.z[k] > -1.5);
  CHECK(c.z[k] < 0);
  // tails: no rounded zeros
  const auto far = at(-30);
  CHECK(far.mse_grad[0] < 0);
  CHECK(at(40).bce_grad[0] < 0);  // -sigma(-40) = -4.25e-18, not 0
}

TEST_CASE("output layer: the BCE curve is the network's own 'bce' loss and gradient", "[output_layer][network]") {
  nn::Config cfg;
  cfg.layers = {1, 1};
  cfg.loss = nn::Loss::bce;
  nn::Network net(cfg);
  net.set_parameters(std::vector<double>{1, 0});  // z = x
  const auto c = experiments::output_layer_curves({-20, 20, 41, 1});
  std::vector<double> g(2);
  for (std::size_t i = 0; i < c.z.size(); ++i) {
    CAPTURE(c.z[i]);
    const double loss = net.loss_and_gradient(std::vector<double>{c.z[i]}, std::vector<double>{1}, g);
    CHECK_THAT(c.bce_loss[i], WithinRel(loss, 1e-15));
    // d/d bias = d/dz. Absolute: for z >> 0 the network forms p - 1 as 1/(1 + e^-z) - 1 (an error of
    // one ulp of 1), the curve as -sigmoid(-z) (every digit), so only their absolute values agree.
    CHECK_THAT(c.bce_grad[i], WithinAbs(g[1], 2.3e-16));
  }
}

TEST_CASE("output layer: grid and validation", "[output_layer][validate]") {
  const auto c = experiments::output_layer_curves({});
  REQUIRE(c.z.size() == 161);
  CHECK(c.z.front() == -8);
  CHECK(c.z.back() == 8);
  CHECK_THAT(c.z[80], WithinAbs(0, 1e-15));
  using O = OutputLayerOptions;
  CHECK_THROWS_WITH(experiments::output_layer_curves(O{1, 1, 10, 1}), Contains("zMin must be less than zMax"));
  CHECK_THROWS_WITH(experiments::output_layer_curves(O{NAN, 1, 10, 1}), Contains("zMin must be a finite number in [-100, 100]"));
  CHECK_THROWS_WITH(experiments::output_layer_curves(O{-1, 1e3, 10, 1}), Contains("zMax") && Contains("got 1000"));
  CHECK_THROWS_WITH(experiments::output_layer_curves(O{-1, 1, 1, 1}), Contains("points must be an integer in [2, 4001], got 1"));
  CHECK_THROWS_WITH(experiments::output_layer_curves(O{-1, 1, 5000, 1}), Contains("got 5000"));
  CHECK_THROWS_WITH(experiments::output_layer_curves(O{-1, 1, 10, 1.5}), Contains("target must be a finite number in [0, 1], got 1.5"));
}
