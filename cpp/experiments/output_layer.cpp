#include "experiments/output_layer.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>
#include <utility>

#include "activations.hpp"

namespace experiments {
namespace {

// sigmoid without overflow (exp of a non-positive number only).
double sigmoid(double z) {
  const double e = std::exp(-std::fabs(z));
  return z >= 0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
}

std::string num(double v) { return act::format_number(v); }

}  // namespace

void validate(const OutputLayerOptions& o) {
  for (const auto& [name, v] : {std::pair{"zMin", o.z_min}, std::pair{"zMax", o.z_max}})
    if (!(std::isfinite(v) && std::fabs(v) <= 100))
      throw std::invalid_argument(std::string(name) + " must be a finite number in [-100, 100], got " + num(v));
  if (!(o.z_min < o.z_max))
    throw std::invalid_argument("zMin must be less than zMax, got zMin=" + num(o.z_min) + " zMax=" + num(o.z_max));
  if (o.points < 2 || o.points > 4001)
    throw std::invalid_argument("points must be an integer in [2, 4001], got " + std::to_string(o.points));
  if (!(std::isfinite(o.target) && o.target >= 0 && o.target <= 1))
    throw std::invalid_argument("target must be a finite number in [0, 1], got " + num(o.target));
}

OutputLayerCurves output_layer_curves(const OutputLayerOptions& o) {
  validate(o);
  OutputLayerCurves c;
  c.options = o;
  const std::size_t n = static_cast<std::size_t>(o.points);
  for (auto* v : {&c.z, &c.p, &c.mse_loss, &c.mse_grad, &c.bce_loss, &c.bce_grad}) v->resize(n);
  const double y = o.target;
  for (std::size_t i = 0; i < n; ++i) {
    const double z = i + 1 == n ? o.z_max : o.z_min + (o.z_max - o.z_min) * static_cast<double>(i) / static_cast<double>(n - 1);
    const double p = sigmoid(z), q = sigmoid(-z);        // q = 1 - p without cancellation
    const double e = y == 1 ? -q : y == 0 ? p : p - y;    // p - y, exact in the tails for y = 0 or 1
    c.z[i] = z;
    c.p[i] = p;
    c.mse_loss[i] = e * e;
    c.mse_grad[i] = 2.0 * e * p * q;
    c.bce_loss[i] = std::max(z, 0.0) - z * y + std::log1p(std::exp(-std::fabs(z)));
    c.bce_grad[i] = e;
  }
  return c;
}

}  // namespace experiments
