#include "experiments/zigzag_descent.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <string>

#include "activations.hpp"
#include "experiments/common.hpp"
#include "rng.hpp"

namespace experiments {

ZigzagInputs parse_zigzag_inputs(std::string_view s) {
  if (s == "sigmoid") return ZigzagInputs::sigmoid;
  if (s == "tanh") return ZigzagInputs::tanh;
  throw std::invalid_argument("inputs: unknown '" + act::quote_input(s) + "'; allowed: sigmoid, tanh");
}

std::string_view name(ZigzagInputs i) noexcept { return i == ZigzagInputs::sigmoid ? "sigmoid" : "tanh"; }

void validate(const ZigzagOptions& o) {
  check_number("learningRate", o.learning_rate, 0, 10, true);
  check_int("maxSteps", o.max_steps, 1, 100000);
  check_number("tolerance", o.tolerance, 0, 10, true);
  check_int("points", o.points, 2, 10000);
  check_number("spread", o.spread, 0, 20, true);
  check_int("grid", o.grid, 2, 256);
  for (int k = 0; k < 2; ++k) {
    check_number(k ? "start[1]" : "start[0]", o.start[k], -100, 100);
    check_number(k ? "target[1]" : "target[0]", o.target[k], -100, 100);
  }
}

void symmetric_eigen(double a, double b, double c, std::array<double, 2>& values, std::array<double, 4>& vectors) {
  const double mid = 0.5 * (a + c), half = std::hypot(0.5 * (a - c), b);
  values = {mid + half, mid - half};
  // Direction of the largest: angle theta with tan(2 theta) = 2b / (a - c) (atan2 keeps every case,
  // including b = 0 and a = c, well defined).
  const double theta = 0.5 * std::atan2(2 * b, a - c);
  vectors = {std::cos(theta), std::sin(theta), -std::sin(theta), std::cos(theta)};
}

ZigzagResult zigzag_descent(const ZigzagOptions& o) {
  validate(o);
  ZigzagResult r;
  r.options = o;
  const std::size_t n = static_cast<std::size_t>(o.points);
  nn::Rng rng(o.seed, 11);
  r.points.resize(2 * n);
  for (double& x : r.points) {
    const double u = rng.uniform(-o.spread, o.spread);
    x = o.inputs == ZigzagInputs::sigmoid ? act::detail::sigmoid(u) : std::tanh(u);
  }
  std::vector<double> y(n);
  double c11 = 0, c12 = 0, c22 = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const double x1 = r.points[2 * i], x2 = r.points[2 * i + 1];
    y[i] = o.target[0] * x1 + o.target[1] * x2;
    c11 += x1 * x1, c12 += x1 * x2, c22 += x2 * x2;
  }
  r.moment = {c11 / n, c12 / n, c22 / n};
  symmetric_eigen(r.moment[0], r.moment[1], r.moment[2], r.eigenvalues, r.eigenvectors);
  for (std::size_t i = 0; i < n; ++i) {
    const double q = r.points[2 * i] * r.points[2 * i] + r.points[2 * i + 1] * r.points[2 * i + 1];
    r.mean_sq_norm += q / n;
    r.max_sq_norm = std::max(r.max_sq_norm, q);
    r.overshoot_points += o.learning_rate * q > 2;
  }

  double w1 = o.start[0], w2 = o.start[1];
  auto dist = [&] { return std::hypot(w1 - o.target[0], w2 - o.target[1]); };
  r.path = {w1, w2};
  std::vector<std::uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0u);
  std::size_t pos = n;  // forces a shuffle before the first step
  if (dist() < o.tolerance) r.converged_at = 0;
  for (int s = 1; s <= o.max_steps && r.converged_at < 0; ++s) {
    double g1 = 0, g2 = 0;  // gradient of the step's loss
    if (o.batch) {  // mean over all points of e_i x_i (= C (w - w*))
      for (std::size_t i = 0; i < n; ++i) {
        const double x1 = r.points[2 * i], x2 = r.points[2 * i + 1];
        const double e = w1 * x1 + w2 * x2 - y[i];
        g1 += e * x1, g2 += e * x2;
      }
      g1 /= static_cast<double>(n), g2 /= static_cast<double>(n);
    } else {
      if (pos == n) {  // Fisher-Yates with the experiment's own stream
        for (std::size_t i = n - 1; i > 0; --i) std::swap(order[i], order[rng.next() % (i + 1)]);
        pos = 0;
      }
      const std::size_t i = order[pos++];
      const double x1 = r.points[2 * i], x2 = r.points[2 * i + 1];
      const double e = w1 * x1 + w2 * x2 - y[i];
      g1 = e * x1, g2 = e * x2;
    }
    const double d1 = -o.learning_rate * g1, d2 = -o.learning_rate * g2;
    w1 += d1, w2 += d2;
    if (!std::isfinite(w1) || !std::isfinite(w2))
      throw std::invalid_argument("learningRate " + act::format_number(o.learning_rate) +
                                  " makes the weights diverge; try a smaller one");
    r.updates.insert(r.updates.end(), {d1, d2});
    const bool same = (d1 >= 0 && d2 >= 0) || (d1 <= 0 && d2 <= 0);
    r.same_sign.push_back(same ? 1 : 0);
    r.same_sign_count += same;
    r.path.insert(r.path.end(), {w1, w2});
    r.steps = s;
    if (dist() < o.tolerance) r.converged_at = s;
  }

  // Loss grid over a square around the path and the target (same scale on both axes).
  double xmin = o.target[0], xmax = xmin, ymin = o.target[1], ymax = ymin;
  for (std::size_t k = 0; k < r.path.size(); k += 2) {
    xmin = std::min(xmin, r.path[k]), xmax = std::max(xmax, r.path[k]);
    ymin = std::min(ymin, r.path[k + 1]), ymax = std::max(ymax, r.path[k + 1]);
  }
  const double half = 0.5 * std::max({xmax - xmin, ymax - ymin, 0.5}) * 1.15;
  const double cx = 0.5 * (xmin + xmax), cy = 0.5 * (ymin + ymax);
  r.bounds = {cx - half, cx + half, cy - half, cy + half};
  r.grid = o.grid;
  r.loss.resize(static_cast<std::size_t>(o.grid) * o.grid);
  for (int gy = 0; gy < o.grid; ++gy)
    for (int gx = 0; gx < o.grid; ++gx) {
      const double a = r.bounds[0] + (r.bounds[1] - r.bounds[0]) * gx / (o.grid - 1) - o.target[0];
      const double b = r.bounds[2] + (r.bounds[3] - r.bounds[2]) * gy / (o.grid - 1) - o.target[1];
      // mean over the points of (w.x - y)^2 / 2 = (w - w*)^T C (w - w*) / 2
      r.loss[static_cast<std::size_t>(gy) * o.grid + gx] = 0.5 * (r.moment[0] * a * a + 2 * r.moment[1] * a * b + r.moment[2] * b * b);
    }
  return r;
}

}  // namespace experiments
