// Dying ReLU: the dead-unit test is exact, and relu units die at the widget's default setting
// while leaky_relu / elu / selu units do not.
#include <catch2/catch.hpp>

#include <vector>

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
