// Zig-zag descent of a neuron with all-positive inputs.
// Expected values are recomputed here from first principles (the SGD rule, the loss definition,
// the post's bullet list), never read back from the code under test.
#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

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

TEST_CASE("zigzag: each step is one SGD step on one of the points, the loss grid is the mean squared error / 2", "[zigzag]") {
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

TEST_CASE("zigzag: eigen-decomposition of C = mean x x^T (the loss's curvatures and axes)", "[zigzag]") {
  // symmetric_eigen on matrices with known answers, then on the experiment's C.
  std::array<double, 2> l{};
  std::array<double, 4> v{};
  symmetric_eigen(2, 0, 1, l, v);
  CHECK(l == std::array<double, 2>{2, 1});
  CHECK_THAT(std::abs(v[0]), WithinAbs(1, 1e-15));
  symmetric_eigen(0.3, 0.25, 0.3, l, v);  // [[a, b], [b, a]]: a +- b along (1, 1) and (1, -1)
  CHECK_THAT(l[0], WithinRel(0.55, 1e-14));
  CHECK_THAT(l[1], WithinRel(0.05, 1e-13));
  CHECK_THAT(std::abs(v[0]), WithinRel(std::sqrt(0.5), 1e-14));
  CHECK_THAT(v[0] * v[1], WithinRel(0.5, 1e-14));
  const auto inputs = GENERATE(ZigzagInputs::sigmoid, ZigzagInputs::tanh);
  ZigzagOptions o;
  o.inputs = inputs;
  const ZigzagResult r = zigzag_descent(o);
  const double a = r.moment[0], b = r.moment[1], c = r.moment[2];
  for (int k = 0; k < 2; ++k) {  // C v = lambda v, |v| = 1, v1 . v2 = 0
    const double x = r.eigenvectors[2 * k], y = r.eigenvectors[2 * k + 1];
    CHECK_THAT(a * x + b * y, WithinAbs(r.eigenvalues[k] * x, 1e-15));
    CHECK_THAT(b * x + c * y, WithinAbs(r.eigenvalues[k] * y, 1e-15));
    CHECK_THAT(std::hypot(x, y), WithinRel(1.0, 1e-15));
  }
  CHECK_THAT(r.eigenvectors[0] * r.eigenvectors[2] + r.eigenvectors[1] * r.eigenvectors[3], WithinAbs(0, 1e-15));
  CHECK(r.eigenvalues[0] >= r.eigenvalues[1]);
  // mean and max |x|^2 and the overshooting points, recounted from the points
  double mean = 0, mx = 0;
  int over = 0;
  for (std::size_t i = 0; i < r.points.size(); i += 2) {
    const double q = r.points[i] * r.points[i] + r.points[i + 1] * r.points[i + 1];
    mean += q, mx = std::max(mx, q), over += o.learning_rate * q > 2;
  }
  CHECK_THAT(r.mean_sq_norm, WithinRel(mean / (r.points.size() / 2), 1e-12));
  CHECK(r.max_sq_norm == mx);
  CHECK(r.overshoot_points == over);
  WARN(name(inputs) << " inputs (widget default: 64 points, spread 2, seed 1): C = [[" << a << ", " << b << "], [" << b << ", " << c
                    << "]], eigenvalues " << r.eigenvalues[0] << ", " << r.eigenvalues[1] << ", mean |x|^2 " << r.mean_sq_norm);
}

TEST_CASE("zigzag: sigmoid inputs' C tends to [[0.31, 0.25], [0.25, 0.31]], eigenvalues ~0.56 along (1,1) and ~0.06 along (1,-1)", "[zigzag]") {
  // Population values for u ~ U(-2, 2), x = sigmoid(u): E[x] = 1/2 (symmetry); E[x^2] = (1/4) int sigma^2 du
  // = (1/4) (int sigma du - [sigma]_{-2}^{2}) = (1/4)(2 - (sigma(2) - sigma(-2))) = (2 - tanh(1)) / 4.
  const double c11 = (2 - std::tanh(1.0)) / 4, c12 = 0.25;
  ZigzagOptions o;
  o.points = 10000, o.max_steps = 1;
  const ZigzagResult r = zigzag_descent(o);
  CHECK_THAT(r.eigenvalues[0], WithinAbs(c11 + c12, 0.01));  // 0.5596
  CHECK_THAT(r.eigenvalues[1], WithinAbs(c11 - c12, 0.01));  // 0.0596
  // the fast axis is (1, 1)/sqrt 2, so the slow one is (1, -1)/sqrt 2: the way from (0, 0) to w* = (1, -1)
  CHECK_THAT(std::abs(r.eigenvectors[0] + r.eigenvectors[1]) / std::sqrt(2.0), WithinAbs(1, 0.01));
  CHECK_THAT(std::abs(r.eigenvectors[2] - r.eigenvectors[3]) / std::sqrt(2.0), WithinAbs(1, 0.01));
}

TEST_CASE("zigzag: full-batch steps are -lr C (w - w*), differ from one-sample SGD, and have mixed signs", "[zigzag]") {
  ZigzagOptions o;
  o.batch = true;
  const ZigzagResult b = zigzag_descent(o);
  o.batch = false;
  const ZigzagResult s = zigzag_descent(o);
  REQUIRE(b.steps > 2);
  for (int k = 0; k < b.steps; ++k) {
    const double e1 = b.path[2 * k] - o.target[0], e2 = b.path[2 * k + 1] - o.target[1];
    CHECK_THAT(b.updates[2 * k], WithinAbs(-o.learning_rate * (b.moment[0] * e1 + b.moment[1] * e2), 1e-14));
    CHECK_THAT(b.updates[2 * k + 1], WithinAbs(-o.learning_rate * (b.moment[1] * e1 + b.moment[2] * e2), 1e-14));
  }
  CHECK(s.same_sign_count == s.steps);  // one sample: always the same sign
  CHECK(b.same_sign_count < b.steps);   // the batch: not, yet it is just as slow (conditioning)
  CHECK(b.converged_at > 3 * zigzag_descent([&] { auto t = o; t.batch = true; t.inputs = ZigzagInputs::tanh; return t; }()).converged_at);
  CHECK(b.path != s.path);
  WARN("lr 0.5, sigmoid inputs: batch " << b.converged_at << " steps (" << b.same_sign_count << " same-sign), one-sample " << s.converged_at
                                        << " (" << s.same_sign_count << " same-sign)");
}

TEST_CASE("zigzag: at high learning rates one-sample SGD inverts the story (tanh inputs have more curvature per sample)", "[zigzag]") {
  auto steps = [](ZigzagInputs in, double lr, bool batch) {
    ZigzagOptions o;
    o.inputs = in, o.learning_rate = lr, o.batch = batch;
    const ZigzagResult r = zigzag_descent(o);
    return std::pair{r.converged_at, r};
  };
  const auto [s05, rs05] = steps(ZigzagInputs::sigmoid, 0.5, false);
  const auto [t05, rt05] = steps(ZigzagInputs::tanh, 0.5, false);
  CHECK(s05 > 10 * t05);
  const auto [s20, rs20] = steps(ZigzagInputs::sigmoid, 2.0, false);
  const auto [t20, rt20] = steps(ZigzagInputs::tanh, 2.0, false);
  CHECK(t20 > 2 * s20);
  CHECK(rt20.overshoot_points > rs20.overshoot_points);
  CHECK(rt20.mean_sq_norm > rs20.mean_sq_norm);
  const auto [t25, rt25] = steps(ZigzagInputs::tanh, 2.5, false);
  CHECK(t25 == -1);  // not within 3000 steps
  // full batch at lr 2: stable for both (lr < 2 / lambda_max), tanh still the faster
  const auto [bs20, rbs20] = steps(ZigzagInputs::sigmoid, 2.0, true);
  const auto [bt20, rbt20] = steps(ZigzagInputs::tanh, 2.0, true);
  CHECK(2.0 < 2 / rbt20.eigenvalues[0]);
  CHECK(bt20 > 0);
  CHECK(bt20 < bs20);
  WARN("one-sample: lr 0.5 sigmoid " << s05 << " tanh " << t05 << "; lr 2.0 sigmoid " << s20 << " tanh " << t20 << " (overshooting points "
       << rs20.overshoot_points << " vs " << rt20.overshoot_points << "); lr 2.5 tanh " << t25 << "; batch lr 2.0 sigmoid " << bs20 << " tanh " << bt20);
}
