// SELU self-normalisation: statistics per layer, stepping equals advancing, shared inputs change
// nothing, and each broken condition leaves the (0, 1) band.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <memory>
#include <utility>
#include <vector>

#include "experiments/self_normalization.hpp"

using namespace experiments;
using Catch::Matchers::WithinAbs;

TEST_CASE("self-norm statistics of standardised inputs and one entry per layer", "[selfnorm]") {
  SelfNormalization::Config c;
  c.depth = 2;
  c.width = 20;
  c.samples = 400;
  SelfNormalization s(c);
  REQUIRE(s.layers_done() == 0);
  CHECK_THAT(s.mean()[0], WithinAbs(0.0, 0.02));  // 8000 N(0,1) draws: sd of the mean 0.011
  CHECK_THAT(s.stdev()[0], WithinAbs(1.0, 0.03));
  REQUIRE_FALSE(s.advance(2));
  REQUIRE(s.done());
  REQUIRE(s.mean().size() == 3);
  // Small steps (what the widget does inside its frame budget) give exactly the same numbers.
  SelfNormalization t(c);
  int steps = 0;
  while (t.step(37)) ++steps;
  CHECK(steps == 2 * 12 - 1);  // per layer: 1 step builds the weights, ceil(400 / 37) = 11 compute
  for (int l = 0; l <= 2; ++l) {
    CHECK(t.mean()[l] == s.mean()[l]);
    CHECK(t.stdev()[l] == s.stdev()[l]);
  }
  REQUIRE_THROWS_WITH(SelfNormalization([] { SelfNormalization::Config b; b.depth = 0; return b; }()),
                      Catch::Contains("depth must be an integer in [1, 60], got 0"));
}

// Nets alive at the same time with the same (seed, samples, width, raw inputs) share one copy of
// their inputs. Whatever else is alive, every net must give exactly what it gives alone.
TEST_CASE("self-norm nets alive together give exactly what each gives alone", "[selfnorm]") {
  auto config = [](std::uint64_t seed, bool raw, int width, int samples, act::Id id) {
    SelfNormalization::Config c;
    c.depth = 3;
    c.seed = seed;
    c.raw_inputs = raw;
    c.width = width;
    c.samples = samples;
    c.activation = id;
    return c;
  };
  // Built in this order, each config that differs in one of the four follows one that it would
  // wrongly share the inputs of.
  const auto base = [&](act::Id id) { return config(1, false, 20, 300, id); };
  const std::vector<SelfNormalization::Config> configs = {
      base(act::Id::selu), base(act::Id::tanh), config(1, true, 20, 300, act::Id::selu), base(act::Id::relu),
      config(1, false, 21, 300, act::Id::selu), base(act::Id::elu), config(1, false, 20, 301, act::Id::selu),
      base(act::Id::selu), config(2, false, 20, 300, act::Id::selu)};
  std::vector<std::vector<double>> alone;  // each built and run with nothing else alive
  for (const auto& c : configs) {
    SelfNormalization s(c);
    s.advance(c.depth);
    std::vector<double> v = s.mean();
    v.insert(v.end(), s.stdev().begin(), s.stdev().end());
    alone.push_back(v);
  }
  std::vector<std::unique_ptr<SelfNormalization>> nets;
  for (const auto& c : configs) nets.push_back(std::make_unique<SelfNormalization>(c));
  while (std::any_of(nets.begin(), nets.end(), [](auto& n) { return !n->done(); }))  // interleaved
    for (auto& n : nets) n->step(97);
  for (std::size_t k = 0; k < nets.size(); ++k) {
    CAPTURE(k);
    std::vector<double> v = nets[k]->mean();
    v.insert(v.end(), nets[k]->stdev().begin(), nets[k]->stdev().end());
    CHECK(v == alone[k]);
  }
  CHECK(alone[2][0] > 100);  // raw inputs: pixel-like values, not the standardised draws
  CHECK(alone[0][0] == alone[1][0]);
  CHECK(alone[0][0] != alone[8][0]);
}

// The claim (Klambauer et al.): SELU keeps mean 0 / std 1 through a deep plain net given
// standardised inputs and LeCun-normal weights. The widget's default: 16 layers of 100 units,
// 1000 samples. Each broken condition (raw pixel-like inputs in [0, 255], He init, skip
// connections) leaves the last layer outside the band.
TEST_CASE("selu self-normalises with all three conditions and each broken one leaves the band", "[selfnorm]") {
  const int seed = GENERATE(1, 2, 3, 4);
  CAPTURE(seed);
  auto last = [&](bool raw, nn::Init init, bool skip) {
    SelfNormalization::Config c;
    c.seed = static_cast<std::uint64_t>(seed);
    c.raw_inputs = raw;
    c.init = init;
    c.skip = skip;
    SelfNormalization s(c);
    s.advance(c.depth);
    return std::pair{s.mean().back(), s.stdev().back()};
  };
  auto in_band = [](std::pair<double, double> m) {
    return std::fabs(m.first) <= 0.1 && m.second >= 0.8 && m.second <= 1.2;
  };
  const auto ok = last(false, nn::Init::default_init, false);
  CAPTURE(ok.first, ok.second);
  CHECK(in_band(ok));
  const auto raw = last(true, nn::Init::default_init, false);
  CAPTURE(raw.first, raw.second);
  CHECK_FALSE(in_band(raw));
  const auto he = last(false, nn::Init::he_normal, false);
  CAPTURE(he.first, he.second);
  CHECK_FALSE(in_band(he));
  const auto skip = last(false, nn::Init::default_init, true);
  CAPTURE(skip.first, skip.second);
  CHECK_FALSE(in_band(skip));
}
