// Zig-zag descent of a neuron with all-positive inputs.
// Expected values are recomputed here from first principles (the SGD rule, the loss definition,
// the post's bullet list), never read back from the code under test.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "experiments/zigzag_descent.hpp"

using namespace experiments;
using Catch::Matchers::Contains;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

TEST_CASE("zigzag: all-positive (sigmoid) inputs make every update's two components share a sign", "[zigzag]") {
  const auto seed = GENERATE(1, 2, 3, 4, 5);
  const double lr = GENERATE(0.2, 0.5, 1.0);
  ZigzagOptions o;
  o.seed = seed, o.learning_rate = lr;
  const ZigzagResult r = zigzag_descent(o);
  REQUIRE(r.steps > 10);
  for (double x : r.points) REQUIRE(x > 0);
  REQUIRE(r.updates.size() == 2 * static_cast<std::size_t>(r.steps));
  for (int k = 0; k < r.steps; ++k) {
    const double d1 = r.updates[2 * k], d2 = r.updates[2 * k + 1];
    INFO("step " << k << ": " << d1 << ", " << d2);
    REQUIRE(d1 * d2 >= 0);
  }
  REQUIRE(r.same_sign_count == r.steps);
}

TEST_CASE("zigzag: zero-centred (tanh) inputs reach w* = (1,-1) in fewer steps, with mixed-sign updates", "[zigzag]") {
  int mixed_total = 0;
  for (std::uint64_t seed = 1; seed <= 8; ++seed) {
    ZigzagOptions o;
    o.seed = seed;
    const ZigzagResult sig = zigzag_descent(o);
    o.inputs = ZigzagInputs::tanh;
    const ZigzagResult tnh = zigzag_descent(o);
    INFO("seed " << seed << ": sigmoid " << sig.converged_at << " steps, tanh " << tnh.converged_at);
    REQUIRE(sig.converged_at > 0);
    REQUIRE(tnh.converged_at > 0);
    REQUIRE(sig.converged_at > 3 * tnh.converged_at);
    mixed_total += tnh.steps - tnh.same_sign_count;
    if (seed == 1) WARN("default setting: sigmoid inputs " << sig.converged_at << " steps (" << sig.same_sign_count << " same-sign), tanh "
                        << tnh.converged_at << " steps (" << tnh.same_sign_count << " same-sign)");
  }
  REQUIRE(mixed_total > 0);
}

TEST_CASE("zigzag: each step is one SGD step on one of the points; the loss grid is the mean squared error / 2", "[zigzag]") {
  const auto inputs = GENERATE(ZigzagInputs::sigmoid, ZigzagInputs::tanh);
  ZigzagOptions o;
  o.inputs = inputs, o.points = 16, o.max_steps = 40, o.grid = 5;
  const ZigzagResult r = zigzag_descent(o);
  const std::size_t n = 16;
  REQUIRE(r.points.size() == 2 * n);
  REQUIRE(r.path.size() == 2 * (static_cast<std::size_t>(r.steps) + 1));
  REQUIRE(r.path[0] == o.start[0]);
  REQUIRE(r.path[1] == o.start[1]);
  for (int k = 0; k < r.steps; ++k) {
    const double w1 = r.path[2 * k], w2 = r.path[2 * k + 1];
    // Some point i must give exactly this update: -lr (w.x_i - w*.x_i) x_i.
    double best = INFINITY;
    for (std::size_t i = 0; i < n; ++i) {
      const double x1 = r.points[2 * i], x2 = r.points[2 * i + 1];
      const double e = (w1 - o.target[0]) * x1 + (w2 - o.target[1]) * x2;
      best = std::min(best, std::hypot(r.updates[2 * k] + o.learning_rate * e * x1, r.updates[2 * k + 1] + o.learning_rate * e * x2));
    }
    REQUIRE(best < 1e-12);
    REQUIRE_THAT(r.path[2 * k + 2], WithinAbs(w1 + r.updates[2 * k], 1e-15));
  }
  // Loss grid corners and centre: mean over the points of (w.x - w*.x)^2 / 2, directly.
  REQUIRE(r.loss.size() == 25);
  for (int gy : {0, 2, 4})
    for (int gx : {0, 2, 4}) {
      const double w1 = r.bounds[0] + (r.bounds[1] - r.bounds[0]) * gx / 4.0;
      const double w2 = r.bounds[2] + (r.bounds[3] - r.bounds[2]) * gy / 4.0;
      double sum = 0;
      for (std::size_t i = 0; i < n; ++i) {
        const double e = w1 * r.points[2 * i] + w2 * r.points[2 * i + 1] - (o.target[0] * r.points[2 * i] + o.target[1] * r.points[2 * i + 1]);
        sum += e * e / 2;
      }
      REQUIRE_THAT(r.loss[gy * 5 + gx], WithinRel(sum / n, 1e-12) || WithinAbs(sum / n, 1e-15));
    }
  // Every path point lies inside the grid's extent.
  for (std::size_t k = 0; k < r.path.size(); k += 2) {
    REQUIRE(r.path[k] >= r.bounds[0]);
    REQUIRE(r.path[k] <= r.bounds[1]);
    REQUIRE(r.path[k + 1] >= r.bounds[2]);
    REQUIRE(r.path[k + 1] <= r.bounds[3]);
  }
}

TEST_CASE("zigzag: bad options name the field and the allowed range", "[zigzag]") {
  ZigzagOptions o;
  o.learning_rate = 0;
  REQUIRE_THROWS_WITH(zigzag_descent(o), Contains("learningRate") && Contains("(0, 10]"));
  o = {};
  o.points = 1;
  REQUIRE_THROWS_WITH(zigzag_descent(o), Contains("points") && Contains("[2, 10000]"));
  o = {};
  o.target[1] = NAN;
  REQUIRE_THROWS_WITH(zigzag_descent(o), Contains("target[1]"));
  REQUIRE_THROWS_WITH(parse_zigzag_inputs("relu"), Contains("sigmoid, tanh"));
  o = {};
  o.learning_rate = 9, o.spread = 20;  // too large a step: weights blow up
  REQUIRE_THROWS_WITH(zigzag_descent(o), Contains("diverge"));
}
