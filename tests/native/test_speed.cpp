// speed::measure: not a timing assertion (machines differ) but that every id runs, the timings
// are finite and positive, and the timed kernels computed the right values (the checksum equals
// a reference sum of act::value + act::derivative, accumulated independently in long double).
#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "speed.hpp"

using Catch::Matchers::Contains;
using Catch::Matchers::WithinRel;

namespace {

constexpr std::size_t kN = 20'000;

double reference_checksum(act::Id id, const act::Params& p, std::size_t n, std::uint64_t seed) {
  std::vector<double> x(n);
  speed::fill_inputs(x.data(), n, seed);
  long double s = 0;
  for (double v : x) s += static_cast<long double>(act::value(id, v, p)) + act::derivative(id, v, p);
  return static_cast<double>(s);
}

void check_result(const speed::Result& r, act::Id id, const act::Params& p, std::uint64_t seed) {
  CHECK(std::isfinite(r.ns_per_element_f));
  CHECK(std::isfinite(r.ns_per_element_df));
  CHECK(r.ns_per_element_f > 0);
  CHECK(r.ns_per_element_df > 0);
  CHECK(r.best_ns_per_element_f > 0);
  CHECK(r.best_ns_per_element_f <= r.ns_per_element_f);
  CHECK(r.best_ns_per_element_df <= r.ns_per_element_df);
  // Double summation in index order vs long double: agree to far better than 1e-12 relative.
  CHECK_THAT(r.checksum, WithinRel(reference_checksum(id, p, kN, seed), 1e-12));
}

}  // namespace

TEST_CASE("fill_inputs: splitmix64 reference value, range, random signs", "[speed]") {
  // First splitmix64 output for seed 0 is 0xE220A8397B1DCDAF (published reference value of
  // the generator); its top 53 bits scaled to [0, 1) and mapped to 8u - 4.
  double x0 = 0;
  speed::fill_inputs(&x0, 1, 0);
  const double u = static_cast<double>(0xE220A8397B1DCDAFull >> 11) * 0x1.0p-53;
  CHECK(x0 == 8.0 * u - 4.0);

  std::vector<double> x(100'000);
  speed::fill_inputs(x.data(), x.size(), 7);
  std::size_t negative = 0;
  for (double v : x) {
    REQUIRE(v >= -4.0);
    REQUIRE(v < 4.0);
    negative += v < 0;
  }
  // A fair coin per element: 50 % +- 5 sigma (sigma = 0.158 %).
  CHECK(negative > 49'200);
  CHECK(negative < 50'800);

  std::vector<double> y(8), z(8);
  speed::fill_inputs(y.data(), y.size(), 7);
  speed::fill_inputs(z.data(), z.size(), 8);
  CHECK(std::vector<double>(x.begin(), x.begin() + 8) == y);
  CHECK(y != z);
}

TEST_CASE("measure runs every activation and computes the right values", "[speed]") {
  const act::Id id = GENERATE(from_range(act::all_ids()));
  CAPTURE(act::name(id));
  const act::Params p = act::defaults(id);
  check_result(speed::measure(id, p, kN, 3, speed::Variant::standard, 11), id, p, 11);
}

TEST_CASE("branchy and branchless ReLU-family kernels equal the library's", "[speed]") {
  const act::Id id = GENERATE(act::Id::relu, act::Id::leaky_relu, act::Id::rrelu, act::Id::prelu);
  const speed::Variant v = GENERATE(speed::Variant::branchy, speed::Variant::branchless);
  CAPTURE(act::name(id), speed::variant_name(v));
  act::Params p = act::defaults(id);
  if (id == act::Id::leaky_relu) p.alpha = 0.2;  // a non-default slope must be honoured too
  check_result(speed::measure(id, p, kN, 2, v, 3), id, p, 3);
}

TEST_CASE("fast SIMD kernels of sigmoid, tanh, elu, selu and the six after the post give the library's values", "[speed]") {
  const act::Id id = GENERATE(act::Id::sigmoid, act::Id::tanh, act::Id::elu, act::Id::selu, act::Id::softplus,
                              act::Id::silu, act::Id::gelu, act::Id::gelu_tanh, act::Id::mish, act::Id::hardswish);
  CAPTURE(act::name(id));
  act::Params p = act::defaults(id);
  if (id == act::Id::elu) p.alpha = 0.7;
  if (id == act::Id::softplus) p.beta = 2.5;  // a non-default beta must be honoured too
  // each element within a few ulp of act:: (test_speed_kernels.cpp), so the sums agree to ~1e-15
  check_result(speed::measure(id, p, kN, 2, speed::Variant::fast, 4), id, p, 4);
}

TEST_CASE("measure validates its arguments with clear messages", "[speed]") {
  const act::Params p = act::defaults(act::Id::tanh);
  const auto tanh = act::Id::tanh;
  CHECK_THROWS_WITH(speed::measure(tanh, p, 0, 3, speed::Variant::standard), Contains("n must be") && Contains("got 0"));
  CHECK_THROWS_WITH(speed::measure(tanh, p, 10'000'001, 3, speed::Variant::standard), Contains("n must be"));
  CHECK_THROWS_WITH(speed::measure(tanh, p, 10, 0, speed::Variant::standard), Contains("reps must be"));
  CHECK_THROWS_WITH(speed::measure(tanh, p, 10, 101, speed::Variant::standard), Contains("reps must be"));
  CHECK_THROWS_WITH(speed::measure(tanh, p, 10, 1, speed::Variant::branchy),
                    Contains("only for relu") && Contains("tanh"));
  act::Params bad = act::defaults(act::Id::elu);
  bad.alpha = -1;
  CHECK_THROWS_WITH(speed::measure(act::Id::elu, bad, 10, 1, speed::Variant::standard), Contains("alpha"));
  CHECK_THROWS_WITH(speed::measure(act::Id::relu, act::defaults(act::Id::relu), 10, 1, speed::Variant::fast),
                    Contains("only for sigmoid, tanh, elu, selu, softplus, silu, gelu, gelu_tanh, mish and hardswish") &&
                        Contains("not for relu"));
  for (act::Id id : {act::Id::linear, act::Id::maxout, act::Id::prelu})
    CHECK_FALSE(speed::has_variant(id, speed::Variant::fast));
  CHECK_FALSE(speed::has_variant(act::Id::silu, speed::Variant::branchy));
  act::Params bad_beta = act::defaults(act::Id::softplus);
  bad_beta.beta = 0;
  CHECK_THROWS_WITH(speed::measure(act::Id::softplus, bad_beta, 10, 1, speed::Variant::fast),
                    Contains("softplus: beta must be a finite number in [0.01, 100], got 0"));
  CHECK_THROWS_WITH(speed::parse_variant("quick"),
                    Contains("'default', 'branchy', 'branchless' or 'fast'") && Contains("quick"));
  CHECK(speed::parse_variant("fast") == speed::Variant::fast);
  CHECK(speed::parse_variant("branchy") == speed::Variant::branchy);
  CHECK(speed::parse_variant("default") == speed::Variant::standard);
  // Smallest and largest accepted sizes run.
  CHECK_NOTHROW(speed::measure(act::Id::relu, act::defaults(act::Id::relu), 1, 1, speed::Variant::standard));
  CHECK_NOTHROW(speed::measure(tanh, p, 10, 100, speed::Variant::standard));
}
