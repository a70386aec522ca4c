// The network's kernels of the six activations after the post (cpp/network_kernels_after_post.hpp)
// against the scalar ones (act::value / act::derivative, themselves checked against 50-digit mpmath
// values in test_activations_after_post.cpp), over a grid from -800 to 800 with the core and tiny
// magnitudes dense; NaN and the infinite limits; and the torch module names of toJSON.
// Whole-network gradient checks of these ids are in test_network.cpp with the other ten.
#include <catch2/catch.hpp>

#include <cfloat>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "activations.hpp"
#include "net_test_util.hpp"
#include "network_kernels.hpp"

using act::Id;
using act::Params;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

std::vector<double> grid() {
  std::vector<double> z;
  for (double v = -800; v <= 800; v += 0.0371) z.push_back(v);  // everything, both tails
  for (double v = -8; v <= 8; v += 1.7e-4) z.push_back(v);       // the core, densely
  for (double v = 1e-300; v < 1; v *= 1.9) {                     // tiny magnitudes
    z.push_back(v);
    z.push_back(-v);
  }
  for (double v : {0.0, -0.0, -3.0, 3.0, std::nextafter(-3.0, 0.0), std::nextafter(3.0, 0.0), -1.5}) z.push_back(v);
  if (z.size() % 2) z.push_back(0.5);
  return z;
}

template <Id ID>
void kernel(const std::vector<double>& z, std::vector<double>& y, std::vector<double>& d, const Params& p) {
  y.resize(z.size());
  d.resize(z.size());
  nn::kernels::activate<ID>(z.data(), y.data(), d.data(), z.size(), p);
}

void run(Id id, const std::vector<double>& z, std::vector<double>& y, std::vector<double>& d, const Params& p) {
  switch (id) {
    case Id::softplus: return kernel<Id::softplus>(z, y, d, p);
    case Id::silu: return kernel<Id::silu>(z, y, d, p);
    case Id::gelu: return kernel<Id::gelu>(z, y, d, p);
    case Id::gelu_tanh: return kernel<Id::gelu_tanh>(z, y, d, p);
    case Id::mish: return kernel<Id::mish>(z, y, d, p);
    default: return kernel<Id::hardswish>(z, y, d, p);
  }
}

// Agreement of kernel value k with scalar value s at z: a few ulp relative; or both below 1e-300 (the
// kernel's exp is 0 below -708 where the scalar one keeps the subnormal tail); or, for |z| < 5, a few
// ulp of the terms of size ~1 that cancel where f' crosses zero (the minima of silu, gelu, gelu_tanh
// and mish): there two correct roundings of the same formula differ by ~1e-16 absolute, which is
// hundreds of ulp of an f' of 0.002 (and no formula does better: f' is ill-conditioned there).
bool agree(double k, double s, double z) {
  if (std::isnan(s)) return std::isnan(k);
  if (std::isinf(s)) return k == s;
  const double e = std::fabs(k - s);
  return e <= 8 * DBL_EPSILON * std::fabs(s) || (std::fabs(s) < 1e-300 && std::fabs(k) < 1e-300) ||
         (std::fabs(z) < 5 && e <= 8 * DBL_EPSILON);
}

}  // namespace

TEST_CASE("after the post: the network's fused kernels agree with act::value / act::derivative to a few ulp", "[network][kernels]") {
  struct Case {
    Id id;
    double beta;
  };
  const Case c = GENERATE(values<Case>({{Id::softplus, 1.0}, {Id::softplus, 0.01}, {Id::softplus, 100.0}, {Id::silu, 1},
                                        {Id::gelu, 1}, {Id::gelu_tanh, 1}, {Id::mish, 1}, {Id::hardswish, 1}}));
  Params p = act::defaults(c.id);
  if (c.id == Id::softplus) p.beta = c.beta;
  CAPTURE(act::name(c.id), p.beta);
  const std::vector<double> z = grid();
  std::vector<double> y, d;
  run(c.id, z, y, d, p);
  std::size_t bad = 0;
  double worst_f = 0, worst_d = 0;
  for (std::size_t i = 0; i < z.size(); ++i) {
    const double f = act::value(c.id, z[i], p), df = act::derivative(c.id, z[i], p);
    if (!agree(y[i], f, z[i]) || !agree(d[i], df, z[i])) {
      if (++bad <= 5) WARN("z = " << z[i] << ": kernel " << y[i] << ", " << d[i] << " vs scalar " << f << ", " << df);
    }
    if (std::fabs(f) > 1e-300) worst_f = std::max(worst_f, std::fabs(y[i] - f) / std::fabs(f) / DBL_EPSILON);
    if (std::fabs(df) > (std::fabs(z[i]) < 5 ? 0.1 : 1e-300))
      worst_d = std::max(worst_d, std::fabs(d[i] - df) / std::fabs(df) / DBL_EPSILON);
  }
  INFO("worst: f " << worst_f << " ulp, f' " << worst_d << " ulp (away from f' = 0)");
  CHECK(bad == 0);
  CHECK(worst_f <= 8);
  CHECK(worst_d <= 8);
}

TEST_CASE("after the post: the kernels give NaN for NaN and the limits at +-inf", "[network][kernels]") {
  const std::vector<double> z = {std::numeric_limits<double>::quiet_NaN(), kInf, -kInf, 1e308, -1e308, 0.0};
  for (Id id : {Id::softplus, Id::silu, Id::gelu, Id::gelu_tanh, Id::mish, Id::hardswish}) {
    CAPTURE(act::name(id));
    std::vector<double> y, d;
    run(id, z, y, d, act::defaults(id));
    CHECK((std::isnan(y[0]) && std::isnan(d[0])));
    CHECK((y[1] == kInf && d[1] == 1.0));
    CHECK((y[2] == 0.0 && d[2] == 0.0));
    CHECK((y[3] == 1e308 && d[3] == 1.0));
    CHECK((y[4] == 0.0 && d[4] == 0.0));
    CHECK(y[5] == act::value(id, 0.0, act::defaults(id)));
    CHECK_THAT(d[5], Catch::Matchers::WithinULP(act::derivative(id, 0.0, act::defaults(id)), 2));
  }
}

TEST_CASE("after the post: toJSON names each hidden activation as the torch module that computes it", "[network][json]") {
  struct Row {
    Id id;
    const char* module;
  };
  // Softplus(beta, 40): torch's threshold 40 (not its default 20) so that it computes the exact softplus
  // predict() uses; positional arguments, as the race's Python snippet reads them.
  const Row r = GENERATE(values<Row>({{Id::softplus, "\"Softplus(2.5, 40)\""}, {Id::silu, "\"SiLU()\""},
                                      {Id::gelu, "\"GELU()\""}, {Id::gelu_tanh, "\"GELU(approximate='tanh')\""},
                                      {Id::mish, "\"Mish()\""}, {Id::hardswish, "\"Hardswish()\""}}));
  CAPTURE(act::name(r.id));
  nn::Config c = nt::config(r.id, {2, 3, 1});
  if (r.id == Id::softplus) c.params.beta = 2.5;
  nn::Network net(c);
  const std::string j = net.to_json();
  CHECK(j.find(std::string("\"modules\":[\"Linear(2, 3)\",") + r.module + ",\"Linear(3, 1)\"]") != std::string::npos);
  CHECK(j.find("\"activation\":\"" + std::string(act::name(r.id)) + "\"") != std::string::npos);
  CHECK(j.find(r.id == Id::softplus ? "\"params\":{\"beta\":2.5}" : "\"params\":{}") != std::string::npos);
  CHECK(j.find("\"init\":\"he_normal\"") != std::string::npos);  // the default resolved
  CHECK(net.parameter_count() == 2 * 3 + 3 + 3 + 1);            // plain Linear layers, no extra parameters
}
