// Dying ReLU: the dead-unit and silent-unit tests are exact, and relu units die at the widget's
// default setting while leaky_relu / elu / selu units do not die (f' > 0) but do fall silent (z <= 0).
#include <catch2/catch.hpp>

#include <vector>

#include "experiments/common.hpp"
#include "experiments/dead_neurons.hpp"
#include "util.hpp"

using namespace experiments;

TEST_CASE("a unit is dead iff f'(z) == 0 for every sample", "[dead]") {
  const act::Id id = GENERATE(act::Id::relu, act::Id::leaky_relu, act::Id::elu, act::Id::selu);
  nn::Network net(test::small(id, {1, 3, 1}));
  // unit 0: z = x - 5 < 0 on [-1, 1]; unit 1: z = x (positive for half); unit 2: z = -x + 0 (x = 0 gives z = 0).
  std::vector<double> p(net.parameters().begin(), net.parameters().end());
  const auto& L = net.layers()[0];
  p[L.w + 0] = 1, p[L.b + 0] = -5;
  p[L.w + 1] = 1, p[L.b + 1] = 0;
  p[L.w + 2] = -1, p[L.b + 2] = -1;  // z = -x - 1 <= 0 on [-1, 1], = 0 at x = -1
  net.set_parameters(p);
  const std::vector<double> x{-1, -0.5, 0.25, 1};
  const auto dead = dead_units(net, x);
  REQUIRE(dead.size() == 1);
  const bool relu = id == act::Id::relu;
  CHECK(dead[0][0] == relu);
  CHECK(dead[0][1] == false);
  CHECK(dead[0][2] == relu);  // relu'(0) = 0 (PyTorch): z = 0 counts as no gradient
  // Silent (z <= 0 on every sample) does not depend on the activation: units 0 and 2.
  const auto silent = silent_units(net, x);
  REQUIRE(silent.size() == 1);
  CHECK(silent[0] == std::vector<bool>{true, false, true});
}

// Two hidden layers of 2, weights set by hand, so each unit's z on the four inputs is known:
//   layer 1: u0 = x - 4 (< 0 everywhere: silent), u1 = x + 2 (> 0 everywhere)
//   layer 2: v0 = -10 f(u1) (f(u1) > 0, so v0 < 0 everywhere: silent), v1 = f(u1) > 0
// For each activation the dead mask is worked out here from f' of the known z values.
TEST_CASE("silent and dead units of a hand-built two-layer net, every activation", "[dead]") {
  const act::Id id = GENERATE(act::Id::relu, act::Id::leaky_relu, act::Id::elu, act::Id::selu, act::Id::prelu, act::Id::rrelu,
                              act::Id::sigmoid, act::Id::tanh, act::Id::softplus, act::Id::gelu, act::Id::silu, act::Id::hardswish);
  CAPTURE(act::name(id));
  nn::Network net(test::small(id, {1, 2, 2, 1}));
  std::vector<double> p(net.parameters().begin(), net.parameters().end());
  const auto& L0 = net.layers()[0];
  const auto& L1 = net.layers()[1];
  p[L0.w + 0] = 1, p[L0.b + 0] = -4;  // u0 = x - 4 in [-5, -3]: silent; dead for relu and hard-swish (z < -3 on all four x)
  p[L0.w + 1] = 1, p[L0.b + 1] = 2;   // u1 = x + 2 in [1, 2.75]: never silent, never dead
  // layer 2 sees a = (f(u0), f(u1)); f(u1) > 0 for every activation here since u1 >= 1.
  p[L1.w + 0] = 0, p[L1.w + 1] = -10, p[L1.b + 0] = 0;  // v0 = -10 f(u1) <= -10 f(1): silent, dead for relu/hard-swish
  p[L1.w + 2] = 0, p[L1.w + 3] = 1, p[L1.b + 1] = 0;    // v1 = f(u1) > 0: never silent
  net.set_parameters(p);
  const std::vector<double> x{-1, -0.5, 0.25, 0.75};
  const auto silent = silent_units(net, x);
  const auto dead = dead_units(net, x);
  REQUIRE(silent.size() == 2);
  REQUIRE(dead.size() == 2);
  CHECK(silent[0] == std::vector<bool>{true, false});
  CHECK(silent[1] == std::vector<bool>{true, false});
  // Dead needs f'(z) == 0 on every sample. relu: z < 0. hard-swish: z < -3 (u0 = x - 4 <= -3.25 here;
  // v0 = -10 hardswish(u1) with hardswish(1) = 2/3, so v0 <= -6.67). Every other activation keeps f' != 0.
  const double v0_max = -10 * act::value(id, 1.0, net.config().params);
  CHECK(v0_max < 0);
  const bool zero_slope = id == act::Id::relu || id == act::Id::hardswish;
  CHECK(dead[0] == std::vector<bool>{zero_slope, false});
  CHECK(dead[1] == std::vector<bool>{zero_slope, false});
  // Dead is a subset of silent for every activation here.
  for (std::size_t l = 0; l < 2; ++l)
    for (std::size_t j = 0; j < 2; ++j) CHECK((!dead[l][j] || silent[l][j]));
}

// The claim: with a high learning rate ReLU units die; leaky ReLU / ELU / SELU units cannot
// (their f' is never exactly 0 while the net stays finite). The widget's default: 3 hidden
// layers of 32, 'circle' (200 points), Adam lr 0.1, batches of 10, 20 epochs.
TEST_CASE("high learning rate kills > 30 % of relu units and no leaky_relu/elu/selu unit (a low rate kills fewer)", "[dead]") {
  const int seed = GENERATE(1, 2, 3, 4);
  CAPTURE(seed);
  auto dead_after = [&](act::Id a, double lr) {
    DeadNeurons::Config c;
    c.activation = a;
    c.learning_rate = lr;
    c.seed = static_cast<std::uint64_t>(seed);
    DeadNeurons d(c);
    d.train(20);
    REQUIRE_FALSE(d.diverged());
    return d.dead_fractions().back();
  };
  const double relu_hi = dead_after(act::Id::relu, 0.1);
  {  // ReLU: silent and dead are the same set (relu'(z) = 0 exactly when z <= 0)
    DeadNeurons::Config c;
    c.seed = static_cast<std::uint64_t>(seed);
    DeadNeurons d(c);
    d.train(20);
    CHECK(d.silent_fractions() == d.dead_fractions());
  }
  CHECK(relu_hi > 0.3);
  CHECK(dead_after(act::Id::leaky_relu, 0.1) == 0.0);
  CHECK(dead_after(act::Id::elu, 0.1) == 0.0);
  CHECK(dead_after(act::Id::selu, 0.1) == 0.0);
  CHECK(dead_after(act::Id::relu, 0.001) < relu_hi / 2);
}

TEST_CASE("bias init shifts every hidden bias and a very negative one kills relu at once", "[dead]") {
  DeadNeurons::Config c;
  c.bias_init = -3;
  DeadNeurons d(c);
  for (const auto& L : d.network().layers())
    for (int j = 0; j < L.out; ++j) CHECK(d.network().parameters()[L.b + j] == (L.hidden ? -3.0 : 0.0));
  CHECK(d.dead_fractions().back() > 0.9);
  c.bias_init = 6;
  REQUIRE_THROWS_WITH(DeadNeurons(c), Catch::Contains("biasInit must be a finite number in [-5, 5], got 6"));
}

// The widget's point: LeakyReLU / ELU / SELU are "0 % dead" by definition, yet some of their units
// fall silent (z <= 0 on every sample) at the same setting; ReLU's silent share equals its dead share.
TEST_CASE("silent units: leaky_relu / elu / selu have silent units where none is dead", "[dead]") {
  double silent_sum = 0;
  for (act::Id a : {act::Id::leaky_relu, act::Id::elu, act::Id::selu})
    for (std::uint64_t seed = 1; seed <= 4; ++seed) {
      DeadNeurons::Config c;
      c.activation = a;
      c.seed = seed;
      DeadNeurons d(c);
      d.train(20);
      const auto dead = d.dead_fractions(), silent = d.silent_fractions();
      REQUIRE(silent.size() == 4);
      CHECK(dead.back() == 0.0);
      for (std::size_t l = 0; l < silent.size(); ++l) CHECK((silent[l] >= 0 && silent[l] <= 1));
      WARN(act::name(a) << " seed " << seed << ": silent " << silent.back() << " (layers " << silent[0] << ", " << silent[1]
                        << ", " << silent[2] << "), dead " << dead.back());
      silent_sum += silent.back();
    }
  CHECK(silent_sum > 0);
}

// "Dead for good" holds only for a first-layer unit trained by plain SGD on fixed data: its weights
// get an exactly zero gradient from every batch, so they never change. Deeper units see inputs that
// keep changing, and Adam keeps moving a weight on its momentum after the gradient is 0: both revive.
TEST_CASE("dead units: a first-layer unit under SGD stays dead with its weights frozen, under Adam units revive", "[dead]") {
  auto revivals = [](nn::Optimizer opt, double lr, std::uint64_t seed, bool check_frozen) {
    DeadNeurons::Config c;
    c.optimizer = opt, c.learning_rate = lr, c.seed = seed;
    DeadNeurons d(c);
    std::vector<double> x, y;
    circle_data(c.samples, c.seed, x, y);
    auto prev = dead_units(d.network(), x);
    std::vector<int> back(4, 0);  // revivals per layer, then first-layer unit-epochs spent dead
    for (int e = 0; e < 20; ++e) {
      const std::vector<double> before(d.network().parameters().begin(), d.network().parameters().end());
      d.train(1);
      const auto cur = dead_units(d.network(), x);
      const auto& L0 = d.network().layers()[0];
      for (std::size_t l = 0; l < 3; ++l)
        for (std::size_t j = 0; j < cur[l].size(); ++j) {
          if (prev[l][j] && !cur[l][j]) ++back[l];
          if (l == 0 && prev[0][j]) ++back[3];
          if (check_frozen && l == 0 && prev[0][j]) {  // incoming weights and bias exactly unchanged
            for (int i = 0; i < L0.in; ++i) CHECK(d.network().parameters()[L0.w + j * L0.in + i] == before[L0.w + j * L0.in + i]);
            CHECK(d.network().parameters()[L0.b + j] == before[L0.b + j]);
          }
        }
      prev = cur;
    }
    return back;
  };
  int sgd_dead_first = 0, adam_deep = 0;
  for (std::uint64_t seed = 1; seed <= 4; ++seed) {
    const auto s = revivals(nn::Optimizer::sgd, 1.0, seed, true);
    CHECK(s[0] == 0);
    sgd_dead_first += s[3];
    const auto a = revivals(nn::Optimizer::adam, 0.1, seed, false);
    adam_deep += a[1] + a[2];
    WARN("seed " << seed << ": revivals per layer, sgd " << s[0] << " " << s[1] << " " << s[2] << "; adam " << a[0] << " " << a[1] << " " << a[2]);
  }
  CHECK(sgd_dead_first > 0);  // the frozen-weights check above did look at dead first-layer units
  CHECK(adam_deep > 0);
}
