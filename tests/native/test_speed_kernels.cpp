// Accuracy of the fused SIMD training kernels that speed's 'fast' variant measures
// (nn::kernels::activate in cpp/network_kernels.hpp) against long double libm
// (x86-64's 80-bit tanhl/expl/expm1l: 11 more bits than double, computed independently of the
// kernels), over a grid that covers the core, tiny |z| (where 1 - e^{-2|z|} would cancel) and
// the tails up to |z| = 350. Bound: 4 ulp relative, for f and for f'.
#include <catch2/catch.hpp>

#include <cfloat>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "activations.hpp"
#include "network_kernels.hpp"

// The kernel computes f and f' together over an even number of elements.
namespace k {
template <act::Id I>
void fd(const double* z, double* y, double* d, std::size_t m, const act::Params& p) {
  nn::kernels::activate<I>(z, y, d, m, p);
}
void tanh_fd(const double* z, double* y, double* d, std::size_t m) { fd<act::Id::tanh>(z, y, d, m, {}); }
void sigmoid_fd(const double* z, double* y, double* d, std::size_t m) { fd<act::Id::sigmoid>(z, y, d, m, {}); }
void elu_fd(const double* z, double* y, double* d, std::size_t m, double alpha, double scale) {
  act::Params p = act::defaults(act::Id::elu);
  p.alpha = alpha;
  if (scale == 1.0) fd<act::Id::elu>(z, y, d, m, p);
  else fd<act::Id::selu>(z, y, d, m, p);  // selu: the kernel uses its own constants
}
}  // namespace k

namespace {

std::vector<double> grid() {
  std::vector<double> z;
  for (double v = -350; v <= 350; v += 0.0173) z.push_back(v);     // everything, tails included
  for (double v = -2; v <= 2; v += 1.3e-4) z.push_back(v);          // the core, densely
  for (double v = 1e-300; v < 1; v *= 1.9) {                        // tiny magnitudes
    z.push_back(v);
    z.push_back(-v);
  }
  z.push_back(0.0);
  z.push_back(-0.0);
  if (z.size() % 2) z.push_back(0.5);
  return z;
}

double ulps(double got, long double ref) {
  if (ref == 0) return got == 0 ? 0 : std::numeric_limits<double>::infinity();
  return static_cast<double>(fabsl(static_cast<long double>(got) - ref) / fabsl(ref) / DBL_EPSILON);
}

struct Worst {
  double ulp = 0, at = 0;
  void add(double e, double z) {
    if (!(e <= ulp)) ulp = e, at = z;  // NaN counts as worst
  }
};

template <class Kernel, class Ref>
void check_kernel(const char* name, Kernel kernel, Ref ref) {
  const std::vector<double> z = grid();
  std::vector<double> y(z.size()), d(z.size());
  kernel(z.data(), y.data(), d.data(), z.size());
  Worst wy, wd;
  for (std::size_t i = 0; i < z.size(); ++i) {
    long double ry, rd;
    ref(static_cast<long double>(z[i]), ry, rd);
    wy.add(ulps(y[i], ry), z[i]);
    wd.add(ulps(d[i], rd), z[i]);
  }
  INFO(name << ": f worst " << wy.ulp << " ulp at z = " << wy.at << "; f' worst " << wd.ulp << " ulp at z = " << wd.at);
  CHECK(wy.ulp <= 4.0);
  CHECK(wd.ulp <= 4.0);
}

}  // namespace

TEST_CASE("fast tanh: f and f' within 4 ulp of long double, tails included", "[speed][kernels]") {
  check_kernel("tanh", k::tanh_fd, [](long double z, long double& y, long double& d) {
    const long double t = expl(-2 * fabsl(z));
    y = tanhl(z);
    d = 4 * t / ((1 + t) * (1 + t));  // = 1 - tanh^2, without the cancellation
  });
}

TEST_CASE("fast sigmoid: f and f' within 4 ulp of long double, tails included", "[speed][kernels]") {
  check_kernel("sigmoid", k::sigmoid_fd, [](long double z, long double& y, long double& d) {
    y = 1 / (1 + expl(-z));
    const long double t = expl(-fabsl(z));
    d = t / ((1 + t) * (1 + t));
  });
}

TEST_CASE("fast elu and selu: f and f' within 4 ulp of long double", "[speed][kernels]") {
  const double alpha = GENERATE(1.0, 0.3, act::kSeluAlpha);
  const double scale = alpha == act::kSeluAlpha ? act::kSeluScale : 1.0;
  CAPTURE(alpha, scale);
  check_kernel(
      "elu", [&](const double* z, double* y, double* d, std::size_t m) { k::elu_fd(z, y, d, m, alpha, scale); },
      [&](long double z, long double& y, long double& d) {
        // alpha and scale as the doubles the kernel gets
        const long double a = alpha, s = scale;
        y = s * (z > 0 ? z : a * expm1l(z));
        d = s * (z > 0 ? 1 : a * expl(z));
      });
}

TEST_CASE("fast kernels agree with act::value / act::derivative", "[speed][kernels]") {
  const std::vector<double> z = grid();
  std::vector<double> y(z.size()), d(z.size());
  k::tanh_fd(z.data(), y.data(), d.data(), z.size());
  const act::Params p = act::defaults(act::Id::tanh);
  for (std::size_t i = 0; i < z.size(); ++i) {
    CAPTURE(z[i]);
    REQUIRE_THAT(y[i], Catch::Matchers::WithinRel(act::value(act::Id::tanh, z[i], p), 1e-15));
    REQUIRE_THAT(d[i], Catch::Matchers::WithinRel(act::derivative(act::Id::tanh, z[i], p), 1e-15));
  }
}

TEST_CASE("fast kernels: NaN propagates, infinities give the limits", "[speed][kernels]") {
  const double inf = std::numeric_limits<double>::infinity(), nan = std::numeric_limits<double>::quiet_NaN();
  const double z[6] = {0.5, nan, inf, -inf, -0.25, 0.0};
  double y[6], d[6];
  k::tanh_fd(z, y, d, 6);
  CHECK_THAT(y[0], Catch::Matchers::WithinULP(std::tanh(0.5), 2));
  CHECK(std::isnan(y[1]));
  CHECK(std::isnan(d[1]));
  CHECK(y[2] == 1.0);
  CHECK(y[3] == -1.0);
  CHECK(d[2] == 0.0);  // true value e^{-inf}: below the kernel's clamp it returns exactly 0
  CHECK_THAT(y[4], Catch::Matchers::WithinULP(std::tanh(-0.25), 2));
  CHECK(y[5] == 0.0);
  CHECK(d[5] == 1.0);
  k::sigmoid_fd(z, y, d, 6);
  CHECK(std::isnan(y[1]));
  CHECK(y[2] == 1.0);
  CHECK(y[3] == 0.0);
  CHECK(y[5] == 0.5);
  CHECK(d[5] == 0.25);
}
