// Native tests of the activation core (cpp/activations.*): known values in the tails, gradient
// checks, limits, NaN, kink conventions, RReLU/Maxout specifics. Validation, ids, sample() and
// info() are in test_activations_api.cpp; the known values and specifics of the six ids after the
// post in test_activations_after_post.cpp (gradient checks, NaN and limits of all sixteen are here).
//
// Reference values were computed independently of the code under test with `bc -l` at scale=420
// (420 decimal digits, so even 4.5e-309 keeps > 100 significant digits), from the textbook
// formulas, not the tail-safe ones the core uses:
//   sig(x)=1/(1+e(-x)); dsig(x)=sig(x)*(1-sig(x)); th(x)=(1-e(-2x))/(1+e(-2x)); dth(x)=1-th(x)^2
//   elu(a,x)=a*(e(x)-1) for x<=0; delu(a,x)=a*e(x); selu = ss*elu(sa,x), ss, sa to 32 digits
// and printed with `printf '%.17Le'`. The SELU constants were computed with __float128
// (libquadmath: erfcq, expq, sqrtq) from the closed form of Klambauer et al. (2017), eq. 14.
#include <catch2/catch.hpp>

#include <cmath>
#include <initializer_list>
#include <limits>
#include <numbers>
#include <sstream>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "activations.hpp"

using act::Id;
using act::Params;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// |got - want| <= rel * |want|; 0, +-inf and NaN must match exactly. (Catch's WithinRel accepts
// any finite value for an infinite target, so it is not used here.)
class RelClose : public Catch::MatcherBase<double> {
 public:
  RelClose(double want, double rel) : want_(want), rel_(rel) {}
  bool match(const double& got) const override {
    if (std::isnan(want_)) return std::isnan(got);
    if (want_ == 0 || std::isinf(want_)) return got == want_;
    return std::fabs(got - want_) <= rel_ * std::fabs(want_);
  }
  std::string describe() const override {
    std::ostringstream s;
    s.precision(17);
    s << "is within relative " << rel_ << " of " << want_;
    return s.str();
  }

 private:
  double want_, rel_;
};
RelClose Rel(double want, double rel = 1e-12) { return {want, rel}; }

// An id's defaults with some fields overridden by name.
Params P(Id id, std::initializer_list<std::pair<const char*, double>> kv = {}) {
  Params p = act::defaults(id);
  for (const auto& [k, v] : kv) act::set_param(id, p, k, v);
  return p;
}

struct Known {
  Id id;
  Params p;
  double x, f, df;
};

// Parameter sets for the gradient check, NaN and limits: defaults plus the ends and middle of
// each range.
struct Case {
  Id id;
  Params p;
};
std::vector<Case> parameter_cases() {
  std::vector<Case> c;
  for (Id id : act::all_ids()) c.push_back({id, act::defaults(id)});
  for (double a : {0.0, 0.3, 1.0}) c.push_back({Id::leaky_relu, P(Id::leaky_relu, {{"alpha", a}})});
  for (double a : {-1.0, -0.2, 1.0}) c.push_back({Id::prelu, P(Id::prelu, {{"alpha", a}})});
  for (double a : {1e-6, 0.1, 2.5, 10.0}) c.push_back({Id::elu, P(Id::elu, {{"alpha", a}})});
  for (auto [l, u] : std::initializer_list<std::pair<double, double>>{{0, 0}, {0.2, 0.9}, {1, 1}, {0, 1}})
    c.push_back({Id::rrelu, P(Id::rrelu, {{"lower", l}, {"upper", u}})});
  using T4 = std::tuple<double, double, double, double>;
  for (auto [w1, b1, w2, b2] : std::initializer_list<T4>{
           {-1, 0.5, 2, -1}, {0.5, 0, 0.5, 1}, {3, -2, -3, 2}, {0, 1, 0, -1}, {-100, 100, 100, -100}})
    c.push_back({Id::maxout, P(Id::maxout, {{"w1", w1}, {"b1", b1}, {"w2", w2}, {"b2", b2}})});
  for (double b : {0.01, 0.3, 7.0, 100.0}) c.push_back({Id::softplus, P(Id::softplus, {{"beta", b}})});
  return c;
}

std::string label(const Case& c) {
  std::ostringstream s;
  s << act::name(c.id);
  for (const auto& pi : act::info(c.id).params) s << ' ' << pi.name << '=' << act::get_param(c.id, c.p, pi.name);
  return s.str();
}

}  // namespace

TEST_CASE("known values of f and f' match high-precision references (rel 1e-12), tails included") {
  auto row = GENERATE(values<Known>({
      {Id::linear, P(Id::linear), -3.5, -3.5, 1},
      {Id::linear, P(Id::linear), 1e300, 1e300, 1},
      {Id::sigmoid, P(Id::sigmoid), 0, 0.5, 0.25},  // the post: sigmoid' peaks at 1/4
      {Id::sigmoid, P(Id::sigmoid), 1, 7.31058578630004879e-01, 1.96611933241481853e-01},
      {Id::sigmoid, P(Id::sigmoid), -1, 2.68941421369995121e-01, 1.96611933241481853e-01},
      {Id::sigmoid, P(Id::sigmoid), 2.5, 9.24141819978756449e-01, 7.01037165451081569e-02},
      {Id::sigmoid, P(Id::sigmoid), -5, 6.69285092428485556e-03, 6.64805667079015491e-03},
      {Id::sigmoid, P(Id::sigmoid), -36, 2.31952283024356885e-16, 2.31952283024356831e-16},
      {Id::sigmoid, P(Id::sigmoid), 40, 9.99999999999999996e-01, 4.248354255291589e-18},
      {Id::sigmoid, P(Id::sigmoid), -40, 4.24835425529158898e-18, 4.24835425529158896e-18},
      {Id::sigmoid, P(Id::sigmoid), 700, 1.0, 9.85967654375977086e-305},
      {Id::sigmoid, P(Id::sigmoid), -710, 4.47628622567512996e-309, 4.47628622567512996e-309},
      {Id::tanh, P(Id::tanh), 0, 0, 1},
      {Id::tanh, P(Id::tanh), 0.5, 4.62117157260009759e-01, 7.86447732965927410e-01},
      {Id::tanh, P(Id::tanh), -2, -9.64027580075816884e-01, 7.06508248531644657e-02},
      {Id::tanh, P(Id::tanh), 1e-3, 9.99999666666800000e-04, 9.99999000000666666e-01},
      {Id::tanh, P(Id::tanh), 1e-8, 9.99999999999999967e-09, 9.99999999999999900e-01},
      {Id::tanh, P(Id::tanh), 20, 9.99999999999999991e-01, 1.69934170211663558e-17},
      {Id::tanh, P(Id::tanh), -20, -9.99999999999999991e-01, 1.69934170211663558e-17},
      {Id::relu, P(Id::relu), -2, 0, 0},
      {Id::relu, P(Id::relu), 3, 3, 1},
      {Id::leaky_relu, P(Id::leaky_relu), -2, -0.02, 0.01},
      {Id::leaky_relu, P(Id::leaky_relu, {{"alpha", 0.3}}), -2, -0.6, 0.3},
      {Id::leaky_relu, P(Id::leaky_relu), 3, 3, 1},
      {Id::rrelu, P(Id::rrelu), -2, -4.58333333333333333e-01, 2.29166666666666667e-01},  // (1/8+1/3)/2
      {Id::rrelu, P(Id::rrelu), 3, 3, 1},
      {Id::prelu, P(Id::prelu), -2, -0.5, 0.25},
      {Id::prelu, P(Id::prelu, {{"alpha", -0.5}}), -2, 1, -0.5},
      {Id::elu, P(Id::elu), -1e-10, -9.9999999995e-11, 9.99999999900000000e-01},
      {Id::elu, P(Id::elu), -1, -6.32120558828557678e-01, 3.67879441171442322e-01},
      {Id::elu, P(Id::elu), -3, -9.50212931632136057e-01, 4.97870683678639430e-02},
      {Id::elu, P(Id::elu), -30, -9.99999999999906424e-01, 9.35762296884017460e-14},
      {Id::elu, P(Id::elu), 2, 2, 1},
      {Id::elu, P(Id::elu, {{"alpha", 2.5}}), -1e-10, -2.49999999987500000e-10, 2.49999999975000000e+00},
      {Id::elu, P(Id::elu, {{"alpha", 2.5}}), -1, -1.58030139707139420e+00, 9.19698602928605804e-01},
      {Id::elu, P(Id::elu, {{"alpha", 2.5}}), -30, -2.49999999999976606e+00, 2.33940574221004365e-13},
      {Id::selu, P(Id::selu), -1e-10, -1.75809934075947189e-10, 1.75809934067156693e+00},
      {Id::selu, P(Id::selu), -1, -1.11133073781256276e+00, 6.46768603034814098e-01},
      {Id::selu, P(Id::selu), -3, -1.67056872876711197e+00, 8.75306120802648850e-02},
      {Id::selu, P(Id::selu), -30, -1.75809934084721234e+00, 1.64516307734161847e-13},
      {Id::selu, P(Id::selu), 1, 1.05070098735548049e+00, 1.05070098735548049e+00},
      {Id::maxout, P(Id::maxout), -2, 0, 0},
      {Id::maxout, P(Id::maxout), 3, 3, 1},
      {Id::maxout, P(Id::maxout, {{"w1", -1}, {"b1", 0.5}, {"w2", 2}, {"b2", -1}}), 1, 1, 2},
      {Id::maxout, P(Id::maxout, {{"w1", -1}, {"b1", 0.5}, {"w2", 2}, {"b2", -1}}), 0, 0.5, -1},
  }));
  CAPTURE(act::name(row.id), row.x);
  CHECK_THAT(act::value(row.id, row.x, row.p), Rel(row.f));
  CHECK_THAT(act::derivative(row.id, row.x, row.p), Rel(row.df));
}

TEST_CASE("SELU constants equal the closed form and keep N(0,1) at mean 0, variance 1") {
  // __float128 closed form (see the header comment): 1.67326324235437728481704299167165,
  // 1.05070098735548049341933498529461.
  CHECK_THAT(act::kSeluAlpha, Catch::Matchers::WithinULP(1.67326324235437728481704299167165, 0));
  CHECK_THAT(act::kSeluScale, Catch::Matchers::WithinULP(1.05070098735548049341933498529461, 0));
  CHECK_THAT(act::value(Id::selu, -kInf, P(Id::selu)), Rel(-1.75809934084737686, 1e-15));
  CHECK_THAT(act::derivative(Id::selu, 0.0, P(Id::selu)), Rel(1.75809934084737686, 1e-15));
  // The fixed point the constants were chosen for: E[selu(z)] = 0, E[selu(z)^2] = 1 for
  // z ~ N(0, 1). Composite Simpson on [-12, 12] (the tails beyond add < 1e-30).
  const int n = 24000;
  const double a = -12, h = 24.0 / n;
  double m1 = 0, m2 = 0;
  for (int i = 0; i <= n; ++i) {
    const double z = a + i * h, w = (i == 0 || i == n) ? 1 : (i % 2 ? 4 : 2);
    const double phi = std::exp(-0.5 * z * z) / std::sqrt(2 * std::numbers::pi), s = act::value(Id::selu, z, P(Id::selu));
    m1 += w * s * phi;
    m2 += w * s * s * phi;
  }
  m1 *= h / 3;
  m2 *= h / 3;
  CHECK(std::fabs(m1) < 1e-9);
  CHECK(std::fabs(m2 - 1) < 1e-9);
}

TEST_CASE("f' matches central differences of f over a grid of x and parameters") {
  const Case c = GENERATE(from_range(parameter_cases()));
  INFO(label(c));
  // Kinks: 0 for the ReLU family/ELU/SELU, the crossing of the two maxout pieces, hardswish's +-3.
  std::vector<double> kinks{0.0};
  if (c.id == Id::maxout && c.p.w1 != c.p.w2) kinks.push_back((c.p.b2 - c.p.b1) / (c.p.w1 - c.p.w2));
  if (c.id == Id::hardswish) kinks.insert(kinks.end(), {-3.0, 3.0});
  std::vector<double> xs{-1e-2, -3e-3, 3e-3, 1e-2, -25, 25};
  for (int i = 0; i <= 48; ++i) xs.push_back(-6 + 0.25 * i + 0.0123);
  int checked = 0;
  for (double x : xs) {
    bool near_kink = false;
    for (double k : kinks) near_kink |= std::fabs(x - k) < 1e-3;
    if (near_kink) continue;
    // h = 1e-5|x|: truncation h^2 f'''/6 <~ 2e-9, rounding eps|f|/h <~ 1e-10 on this grid.
    const double h = 1e-5 * std::max(1.0, std::fabs(x)), xp = x + h, xm = x - h;
    const double fd = (act::value(c.id, xp, c.p) - act::value(c.id, xm, c.p)) / (xp - xm);
    const double d = act::derivative(c.id, x, c.p);
    CAPTURE(x, fd, d);
    CHECK(std::fabs(fd - d) <= 1e-7 * std::fabs(d) + 1e-8);
    ++checked;
  }
  CHECK(checked >= 50);
}

TEST_CASE("derivative maxima: sigmoid' <= 1/4 and tanh' <= 1, both attained only at 0") {
  CHECK(act::derivative(Id::sigmoid, 0.0, {}) == 0.25);
  CHECK(act::derivative(Id::tanh, 0.0, {}) == 1.0);
  for (int i = -2000; i <= 2000; ++i) {
    if (i == 0) continue;
    const double x = i * 0.005;
    CAPTURE(x);
    CHECK(act::derivative(Id::sigmoid, x, {}) < 0.25);
    CHECK(act::derivative(Id::tanh, x, {}) < 1.0);
  }
}

TEST_CASE("infinite inputs give the limits") {
  struct Lim {
    Id id;
    Params p;
    double x, f, df;
  };
  const Params mx_steeper_second = P(Id::maxout, {{"w1", 1}, {"b1", 5}, {"w2", 2}, {"b2", 0}});
  const Params mx_both_overflow = P(Id::maxout, {{"w1", 3}, {"b1", 0}, {"w2", 4}, {"b2", 0}});
  const Params mx_falling = P(Id::maxout, {{"w1", -3}, {"b1", 0}, {"w2", -1}, {"b2", 0}});
  auto l = GENERATE_COPY(values<Lim>({
      {Id::linear, P(Id::linear), kInf, kInf, 1},
      {Id::linear, P(Id::linear), -kInf, -kInf, 1},
      {Id::sigmoid, P(Id::sigmoid), -kInf, 0, 0},
      {Id::sigmoid, P(Id::sigmoid), kInf, 1, 0},
      {Id::tanh, P(Id::tanh), -kInf, -1, 0},
      {Id::tanh, P(Id::tanh), kInf, 1, 0},
      {Id::relu, P(Id::relu), -kInf, 0, 0},
      {Id::relu, P(Id::relu), kInf, kInf, 1},
      {Id::leaky_relu, P(Id::leaky_relu), -kInf, -kInf, 0.01},
      {Id::leaky_relu, P(Id::leaky_relu, {{"alpha", 0}}), -kInf, 0, 0},  // alpha*x -> 0, not 0*inf
      {Id::leaky_relu, P(Id::leaky_relu), kInf, kInf, 1},
      {Id::rrelu, P(Id::rrelu), -kInf, -kInf, 11.0 / 48},
      {Id::rrelu, P(Id::rrelu, {{"lower", 0}, {"upper", 0}}), -kInf, 0, 0},
      {Id::prelu, P(Id::prelu), -kInf, -kInf, 0.25},
      {Id::prelu, P(Id::prelu, {{"alpha", -0.5}}), -kInf, kInf, -0.5},
      {Id::prelu, P(Id::prelu, {{"alpha", 0}}), -kInf, 0, 0},
      {Id::elu, P(Id::elu), -kInf, -1, 0},
      {Id::elu, P(Id::elu, {{"alpha", 2.5}}), -kInf, -2.5, 0},
      {Id::elu, P(Id::elu), kInf, kInf, 1},
      {Id::selu, P(Id::selu), -kInf, -1.75809934084737686, 0},
      {Id::selu, P(Id::selu), kInf, kInf, act::kSeluScale},
      {Id::maxout, P(Id::maxout), -kInf, 0, 0},
      {Id::maxout, P(Id::maxout), kInf, kInf, 1},
      // both pieces -> +inf: the steeper one wins (slope 2), whatever the offsets
      {Id::maxout, mx_steeper_second, kInf, kInf, 2},
      {Id::maxout, mx_steeper_second, -kInf, -kInf, 1},
      {Id::maxout, mx_falling, -kInf, kInf, -3},
      {Id::maxout, mx_falling, kInf, -kInf, -1},
      // overflowing finite x behaves like the limit
      {Id::maxout, mx_both_overflow, 1e308, kInf, 4},
      {Id::maxout, mx_both_overflow, -1e308, -kInf, 3},
      // after the post: ~x on the right, ~0 on the left, for f and f' (torch: NaN at some of these)
      {Id::softplus, P(Id::softplus), -kInf, 0, 0},
      {Id::softplus, P(Id::softplus), kInf, kInf, 1},
      {Id::softplus, P(Id::softplus, {{"beta", 0.01}}), -kInf, 0, 0},
      {Id::softplus, P(Id::softplus, {{"beta", 100}}), kInf, kInf, 1},
      {Id::softplus, P(Id::softplus, {{"beta", 100}}), 1e308, 1e308, 1},  // beta x overflows
      {Id::softplus, P(Id::softplus, {{"beta", 100}}), -1e308, 0, 0},
      {Id::silu, P(Id::silu), -kInf, 0, 0},
      {Id::silu, P(Id::silu), kInf, kInf, 1},
      {Id::silu, P(Id::silu), -1e308, 0, 0},
      {Id::gelu, P(Id::gelu), -kInf, 0, 0},
      {Id::gelu, P(Id::gelu), kInf, kInf, 1},
      {Id::gelu, P(Id::gelu), -1e308, 0, 0},
      {Id::gelu_tanh, P(Id::gelu_tanh), -kInf, 0, 0},
      {Id::gelu_tanh, P(Id::gelu_tanh), kInf, kInf, 1},
      {Id::gelu_tanh, P(Id::gelu_tanh), 1e308, 1e308, 1},  // x^3 overflows
      {Id::gelu_tanh, P(Id::gelu_tanh), -1e308, 0, 0},
      {Id::mish, P(Id::mish), -kInf, 0, 0},
      {Id::mish, P(Id::mish), kInf, kInf, 1},
      {Id::mish, P(Id::mish), 1e308, 1e308, 1},
      {Id::hardswish, P(Id::hardswish), -kInf, 0, 0},
      {Id::hardswish, P(Id::hardswish), kInf, kInf, 1},
  }));
  CAPTURE(act::name(l.id), l.x, l.p.alpha);
  CHECK_THAT(act::value(l.id, l.x, l.p), Rel(l.f, 1e-15));
  CHECK_THAT(act::derivative(l.id, l.x, l.p), Rel(l.df, 1e-15));
}

TEST_CASE("NaN in gives NaN out, for f and f' of every id and parameter set") {
  const Case c = GENERATE(from_range(parameter_cases()));
  INFO(label(c));
  CHECK(std::isnan(act::value(c.id, kNaN, c.p)));
  CHECK(std::isnan(act::derivative(c.id, kNaN, c.p)));
  CHECK(std::isnan(act::value(c.id, -kNaN, c.p)));
  CHECK(std::isnan(act::derivative(c.id, -kNaN, c.p)));
}

TEST_CASE("kink at x = 0 follows PyTorch: relu'(0)=0, leaky'(0)=alpha, elu'(0)=alpha") {
  for (double z : {0.0, -0.0}) {
    CAPTURE(z);
    CHECK(act::value(Id::relu, z, {}) == 0);
    CHECK(act::derivative(Id::relu, z, {}) == 0);
    for (double a : {0.0, 0.01, 0.7}) CHECK(act::derivative(Id::leaky_relu, z, P(Id::leaky_relu, {{"alpha", a}})) == a);
    for (double a : {-0.5, 0.25, 1.0}) CHECK(act::derivative(Id::prelu, z, P(Id::prelu, {{"alpha", a}})) == a);
    CHECK(act::derivative(Id::rrelu, z, P(Id::rrelu, {{"lower", 0.1}, {"upper", 0.5}})) == 0.5 * (0.1 + 0.5));
    for (double a : {0.5, 1.0, 3.0}) {
      CHECK(act::value(Id::elu, z, P(Id::elu, {{"alpha", a}})) == 0);
      CHECK(act::derivative(Id::elu, z, P(Id::elu, {{"alpha", a}})) == a);
    }
    CHECK(act::value(Id::selu, z, {}) == 0);
    CHECK_THAT(act::derivative(Id::selu, z, {}), Rel(1.75809934084737686, 1e-15));
    CHECK(act::derivative(Id::linear, z, {}) == 1);
  }
  // just right of the kink the slope is 1
  for (Id id : {Id::relu, Id::leaky_relu, Id::rrelu, Id::prelu, Id::elu})
    CHECK(act::derivative(id, 1e-300, act::defaults(id)) == 1);
  // the smooth ones after the post have no kink at 0: f'(0) = 1/2 (softplus sigma(0), silu, gelu,
  // gelu_tanh, hardswish) or 3/5 (mish: tanh(log 2)); hardswish's kinks at +-3 are tested beside it
  for (Id id : {Id::softplus, Id::silu, Id::gelu, Id::gelu_tanh, Id::hardswish})
    for (double z : {0.0, -0.0}) CHECK(act::derivative(id, z, act::defaults(id)) == 0.5);
  CHECK_THAT(act::derivative(Id::mish, 0.0, {}), Rel(0.6, 1e-15));
}

TEST_CASE("rrelu in eval mode is leaky ReLU with slope (lower + upper) / 2") {
  auto [lo, up] = GENERATE(table<double, double>({{0.125, 1.0 / 3}, {0, 1}, {0.1, 0.1}, {0.3, 0.8}, {0, 0}}));
  const Params p = P(Id::rrelu, {{"lower", lo}, {"upper", up}});
  const double slope = (lo + up) / 2;
  for (double x : {-1e6, -7.5, -1.0, -1e-9}) {
    CAPTURE(lo, up, x);
    CHECK_THAT(act::value(Id::rrelu, x, p), Rel(slope * x, 1e-15));
    CHECK(act::derivative(Id::rrelu, x, p) == slope);
    // the eval slope lies inside the train-mode band [lower x, upper x] (x < 0 flips the order)
    CHECK(act::value(Id::rrelu, x, p) <= lo * x);
    CHECK(act::value(Id::rrelu, x, p) >= up * x);
  }
  for (double x : {1e-9, 2.0, 1e6}) {
    CHECK(act::value(Id::rrelu, x, p) == x);
    CHECK(act::derivative(Id::rrelu, x, p) == 1);
  }
}

TEST_CASE("maxout (1-D) is max(w1 x + b1, w2 x + b2) and f' is the active piece's slope") {
  auto [w1, b1, w2, b2] = GENERATE(table<double, double, double, double>(
      {{1, 0, 0, 0}, {-1, 0.5, 2, -1}, {0.5, 0, 0.5, 1}, {3, -2, -3, 2}, {0, 1, 0, -1}, {-2, 0, -2, 0}}));
  const Params p = P(Id::maxout, {{"w1", w1}, {"b1", b1}, {"w2", w2}, {"b2", b2}});
  for (int i = -40; i <= 40; ++i) {
    const double x = i * 0.1 + 0.01;
    const double a = w1 * x + b1, b = w2 * x + b2;
    CAPTURE(w1, b1, w2, b2, x);
    CHECK(act::value(Id::maxout, x, p) == std::max(a, b));
    if (a != b) CHECK(act::derivative(Id::maxout, x, p) == (a > b ? w1 : w2));
  }
  // a tie goes to the first piece (like torch.max's index)
  const Params cross = P(Id::maxout, {{"w1", 1}, {"b1", 0}, {"w2", -1}, {"b2", 0}});
  CHECK(act::derivative(Id::maxout, 0.0, cross) == 1);
  CHECK(act::derivative(Id::maxout, 0.0, P(Id::maxout, {{"w1", -1}, {"w2", 1}})) == -1);
}

TEST_CASE("maxout with default parameters is ReLU (f everywhere, f' away from the tie at 0)") {
  const Params p = act::defaults(Id::maxout);
  for (double x : {-kInf, -1e300, -3.0, -1e-300, 0.0, 1e-300, 2.0, 1e300, kInf}) {
    CAPTURE(x);
    CHECK(act::value(Id::maxout, x, p) == act::value(Id::relu, x, {}));
    if (x != 0) CHECK(act::derivative(Id::maxout, x, p) == act::derivative(Id::relu, x, {}));
  }
}
