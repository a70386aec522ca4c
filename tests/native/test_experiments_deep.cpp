// Native tests for the experiments of issue 4, section A: the phenomena really happen with the
// settings the widgets use by default, and the measuring code is right (checked against
// independent computations: central differences, unit-vector probes, closed-form least squares).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <memory>
#include <numeric>
#include <vector>

#include "datasets.hpp"
#include "experiments.hpp"

using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

namespace {
nn::Config small(act::Id a, std::vector<int> layers) {
  nn::Config c;
  c.layers = std::move(layers);
  c.activation = a;
  c.params = act::defaults(a);
  c.loss = nn::Loss::mse;
  return c;
}
std::vector<double> lcg(std::size_t n, double lo, double hi, unsigned seed) {  // independent of nn::Rng
  std::vector<double> v(n);
  unsigned s = seed * 2654435761u + 1u;
  for (auto& x : v) {
    s = s * 1664525u + 1013904223u;
    x = lo + (hi - lo) * (s >> 8) / 16777216.0;
  }
  return v;
}
}  // namespace

// ---------------------------------------------------------------- the per-layer trace
TEST_CASE("traced forward equals Network::predict for every supported activation", "[trace]") {
  const act::Id id = GENERATE(act::Id::linear, act::Id::sigmoid, act::Id::tanh, act::Id::relu, act::Id::leaky_relu,
                              act::Id::rrelu, act::Id::prelu, act::Id::elu, act::Id::selu);
  nn::Network net(small(id, {3, 5, 4, 2}));
  std::vector<double> p(net.parameters().begin(), net.parameters().end());
  const auto noise = lcg(p.size(), -0.3, 0.3, 3);  // non-zero biases and PReLU alphas != 0.25
  for (std::size_t i = 0; i < p.size(); ++i) p[i] += noise[i];
  net.set_parameters(p);
  const auto x = lcg(3 * 20, -2, 2, 7);
  const auto a = net.predict(x), b = xp::traced_predict(net, x);
  REQUIRE(a.size() == b.size());
  for (std::size_t i = 0; i < a.size(); ++i) REQUIRE_THAT(b[i], WithinAbs(a[i], 1e-12));
}

TEST_CASE("hidden_forward rejects maxout and bad layers and a skip across widths", "[trace]") {
  nn::Network m(small(act::Id::maxout, {2, 3, 1}));
  std::vector<double> x(2), z(3), a(3);
  REQUIRE_THROWS_WITH(xp::hidden_forward(m, 0, x, 1, z, a), Catch::Contains("maxout"));
  nn::Network r(small(act::Id::relu, {2, 3, 1}));
  REQUIRE_THROWS_WITH(xp::hidden_forward(r, 1, x, 1, z, a), Catch::Contains("not a hidden layer"));
  REQUIRE_THROWS_WITH(xp::hidden_forward(r, 0, x, 1, z, a, true), Catch::Contains("in == out"));
}

// ---------------------------------------------------------------- 2. gradient flow
TEST_CASE("layer_norms are the per-weight RMS of central-difference gradients", "[flow]") {
  xp::FlowConfig c;
  c.activation = act::Id::tanh;
  c.depth = 2;
  c.width = 3;
  c.samples = 10;
  xp::GradientFlow g(c);
  const auto norms = g.layer_norms();
  REQUIRE(norms.size() == 3);
  // Rebuild the same network and data and differentiate the loss numerically.
  nn::Config nc;
  nc.layers = {2, 3, 3, 1};
  nc.activation = act::Id::tanh;
  nc.params = act::defaults(act::Id::tanh);
  nc.loss = nn::Loss::bce;
  nc.seed = c.seed;
  nn::Network net(nc);
  nn::DatasetOptions o;
  o.n = 10;
  o.noise = 0.05;
  o.seed = c.seed;
  o.test_fraction = 0;
  const nn::Dataset d = nn::make_dataset("circle", o);
  std::vector<double> p(net.parameters().begin(), net.parameters().end()), scratch(p.size());
  const double h = 1e-6;
  for (std::size_t l = 0; l < net.layers().size(); ++l) {
    const auto& L = net.layers()[l];
    double s = 0;
    const std::size_t n = static_cast<std::size_t>(L.rows) * L.in;
    for (std::size_t i = L.w; i < L.w + n; ++i) {
      const double keep = p[i];
      p[i] = keep + h;
      net.set_parameters(p);
      const double up = net.loss_and_gradient(d.x_train, d.y_train, scratch);
      p[i] = keep - h;
      net.set_parameters(p);
      const double down = net.loss_and_gradient(d.x_train, d.y_train, scratch);
      p[i] = keep;
      const double gi = (up - down) / (2 * h);
      s += gi * gi;
    }
    net.set_parameters(p);
    REQUIRE_THAT(norms[l], WithinRel(std::sqrt(s / n), 1e-6));
  }
}

// The claim: sigmoid' <= 1/4, so the gradient shrinks layer by layer; relu/selu with their own
// init (He / LeCun normal) pass it through. Setup (the widget's default): 'circle' data, 200
// points, bce, 10 hidden layers of 32, at initialisation, seeds 1-4.
TEST_CASE("depth-10 sigmoid first/last hidden-layer gradient < 1e-3 while relu and selu stay > 0.1", "[flow]") {
  const int seed = GENERATE(1, 2, 3, 4);
  auto ratio = [&](act::Id a) {
    xp::FlowConfig c;
    c.activation = a;
    c.depth = 10;
    c.seed = static_cast<std::uint64_t>(seed);
    xp::GradientFlow g(c);
    const auto n = g.layer_norms();
    REQUIRE(n.size() == 11);
    return n[0] / n[9];
  };
  CAPTURE(seed);
  CHECK(ratio(act::Id::sigmoid) < 1e-3);
  CHECK(ratio(act::Id::relu) > 0.1);
  CHECK(ratio(act::Id::selu) > 0.1);
}

TEST_CASE("gradient flow validates its config", "[flow]") {
  xp::FlowConfig c;
  c.depth = 0;
  REQUIRE_THROWS_WITH(xp::GradientFlow(c), Catch::Contains("depth must be an integer in [1, 30], got 0"));
  c.depth = 1000;
  REQUIRE_THROWS_WITH(xp::GradientFlow(c), Catch::Contains("got 1000"));
  c.depth = 3;
  c.width = 0;
  REQUIRE_THROWS_WITH(xp::GradientFlow(c), Catch::Contains("width"));
}

// ---------------------------------------------------------------- 3. dead neurons
TEST_CASE("a unit is dead iff f'(z) == 0 for every sample", "[dead]") {
  const act::Id id = GENERATE(act::Id::relu, act::Id::leaky_relu, act::Id::elu, act::Id::selu);
  nn::Network net(small(id, {1, 3, 1}));
  // unit 0: z = x - 5 < 0 on [-1, 1]; unit 1: z = x (positive for half); unit 2: z = -x + 0 (x = 0 gives z = 0).
  std::vector<double> p(net.parameters().begin(), net.parameters().end());
  const auto& L = net.layers()[0];
  p[L.w + 0] = 1, p[L.b + 0] = -5;
  p[L.w + 1] = 1, p[L.b + 1] = 0;
  p[L.w + 2] = -1, p[L.b + 2] = -1;  // z = -x - 1 <= 0 on [-1, 1], = 0 at x = -1
  net.set_parameters(p);
  const std::vector<double> x{-1, -0.5, 0.25, 1};
  const auto dead = xp::dead_units(net, x);
  REQUIRE(dead.size() == 1);
  const bool relu = id == act::Id::relu;
  CHECK(dead[0][0] == relu);
  CHECK(dead[0][1] == false);
  CHECK(dead[0][2] == relu);  // relu'(0) = 0 (PyTorch): z = 0 counts as no gradient
}

// The claim: with a high learning rate ReLU units die; leaky ReLU / ELU / SELU units cannot
// (their f' is never exactly 0 while the net stays finite). The widget's default: 3 hidden
// layers of 32, 'circle' (200 points), Adam lr 0.1, batches of 10, 20 epochs.
TEST_CASE("high learning rate kills > 30 % of relu units and no leaky_relu/elu/selu unit (a low rate kills fewer)", "[dead]") {
  const int seed = GENERATE(1, 2, 3, 4);
  CAPTURE(seed);
  auto dead_after = [&](act::Id a, double lr) {
    xp::DeadConfig c;
    c.activation = a;
    c.learning_rate = lr;
    c.seed = static_cast<std::uint64_t>(seed);
    xp::DeadNeurons d(c);
    d.train(20);
    REQUIRE_FALSE(d.diverged());
    return d.dead_fractions().back();
  };
  const double relu_hi = dead_after(act::Id::relu, 0.1);
  CHECK(relu_hi > 0.3);
  CHECK(dead_after(act::Id::leaky_relu, 0.1) == 0.0);
  CHECK(dead_after(act::Id::elu, 0.1) == 0.0);
  CHECK(dead_after(act::Id::selu, 0.1) == 0.0);
  CHECK(dead_after(act::Id::relu, 0.001) < relu_hi / 2);
}

TEST_CASE("bias init shifts every hidden bias and a very negative one kills relu at once", "[dead]") {
  xp::DeadConfig c;
  c.bias_init = -3;
  xp::DeadNeurons d(c);
  for (const auto& L : d.network().layers())
    for (int j = 0; j < L.out; ++j) CHECK(d.network().parameters()[L.b + j] == (L.hidden ? -3.0 : 0.0));
  CHECK(d.dead_fractions().back() > 0.9);
  c.bias_init = 6;
  REQUIRE_THROWS_WITH(xp::DeadNeurons(c), Catch::Contains("biasInit must be a finite number in [-5, 5], got 6"));
}

// ---------------------------------------------------------------- 4. self-normalisation
TEST_CASE("self-norm statistics of standardised inputs and one entry per layer", "[selfnorm]") {
  xp::NormConfig c;
  c.depth = 2;
  c.width = 20;
  c.samples = 400;
  xp::SelfNorm s(c);
  REQUIRE(s.layers_done() == 0);
  CHECK_THAT(s.mean()[0], WithinAbs(0.0, 0.02));  // 8000 N(0,1) draws: sd of the mean 0.011
  CHECK_THAT(s.stdev()[0], WithinAbs(1.0, 0.03));
  REQUIRE_FALSE(s.advance(2));
  REQUIRE(s.done());
  REQUIRE(s.mean().size() == 3);
  // Small steps (what the widget does inside its frame budget) give exactly the same numbers.
  xp::SelfNorm t(c);
  int steps = 0;
  while (t.step(37)) ++steps;
  CHECK(steps == 2 * 12 - 1);  // per layer: 1 step builds the weights, ceil(400 / 37) = 11 compute
  for (int l = 0; l <= 2; ++l) {
    CHECK(t.mean()[l] == s.mean()[l]);
    CHECK(t.stdev()[l] == s.stdev()[l]);
  }
  REQUIRE_THROWS_WITH(xp::SelfNorm([] { xp::NormConfig b; b.depth = 0; return b; }()),
                      Catch::Contains("depth must be an integer in [1, 60], got 0"));
}

// Nets alive at the same time with the same (seed, samples, width, raw inputs) share one copy of
// their inputs. Whatever else is alive, every net must give exactly what it gives alone.
TEST_CASE("self-norm nets alive together give exactly what each gives alone", "[selfnorm]") {
  auto config = [](std::uint64_t seed, bool raw, int width, int samples, act::Id id) {
    xp::NormConfig c;
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
  const std::vector<xp::NormConfig> configs = {
      base(act::Id::selu), base(act::Id::tanh), config(1, true, 20, 300, act::Id::selu), base(act::Id::relu),
      config(1, false, 21, 300, act::Id::selu), base(act::Id::elu), config(1, false, 20, 301, act::Id::selu),
      base(act::Id::selu), config(2, false, 20, 300, act::Id::selu)};
  std::vector<std::vector<double>> alone;  // each built and run with nothing else alive
  for (const auto& c : configs) {
    xp::SelfNorm s(c);
    s.advance(c.depth);
    std::vector<double> v = s.mean();
    v.insert(v.end(), s.stdev().begin(), s.stdev().end());
    alone.push_back(v);
  }
  std::vector<std::unique_ptr<xp::SelfNorm>> nets;
  for (const auto& c : configs) nets.push_back(std::make_unique<xp::SelfNorm>(c));
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
    xp::NormConfig c;
    c.seed = static_cast<std::uint64_t>(seed);
    c.raw_inputs = raw;
    c.init = init;
    c.skip = skip;
    xp::SelfNorm s(c);
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
