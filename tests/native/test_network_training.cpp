// Network tests: initialisation (shared weights across activations, init scales), reproducibility,
// RReLU train/eval, optimiser steps against hand-applied formulas, known results on the datasets,
// divergence, validation messages, and the vectorised exp kernel against libm.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "datasets.hpp"
#include "net_test_util.hpp"
#include "network_kernels.hpp"

using act::Id;
using Catch::Matchers::Contains;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

namespace {
std::vector<double> params_of(const nn::Network& n) { return {n.parameters().begin(), n.parameters().end()}; }
constexpr Id kAll[] = {Id::linear, Id::sigmoid, Id::tanh,     Id::relu,      Id::leaky_relu, Id::rrelu,
                       Id::prelu,  Id::elu,     Id::selu,     Id::maxout,    Id::softplus,   Id::silu,
                       Id::gelu,   Id::gelu_tanh, Id::mish,   Id::hardswish};
static_assert(std::size(kAll) == act::kCount);
}  // namespace

TEST_CASE("one seed gives every activation the same shared initial weights", "[network][init]") {
  const nn::Init init = GENERATE(nn::Init::he_normal, nn::Init::glorot_uniform, nn::Init::lecun_normal);
  auto make = [&](Id a) {
    nn::Config c = nt::config(a, {2, 6, 5, 1});
    c.init = init;
    c.seed = 42;
    c.maxout_pieces = 3;
    return nn::Network(c);
  };
  const nn::Network ref = make(Id::relu);
  for (Id a : kAll) {
    CAPTURE(act::name(a), nn::name(init));
    const nn::Network n = make(a);
    const int k = a == Id::maxout ? 3 : 1;
    for (std::size_t l = 0; l < ref.layers().size(); ++l) {
      const auto &R = ref.layers()[l], &L = n.layers()[l];
      const int kl = L.hidden ? k : 1;
      for (int j = 0; j < R.out; ++j)
        for (int i = 0; i < R.in; ++i)  // unit j of ref == piece 0 (row j*k) of unit j
          REQUIRE(n.parameters()[L.w + (static_cast<std::size_t>(j) * kl) * L.in + i] ==
                  ref.parameters()[R.w + static_cast<std::size_t>(j) * R.in + i]);
      for (int r = 0; r < L.rows; ++r) REQUIRE(n.parameters()[L.b + r] == 0.0);
      if (L.alpha != SIZE_MAX)
        for (int j = 0; j < L.out; ++j) REQUIRE(n.parameters()[L.alpha + j] == 0.25);
    }
    if (a == Id::maxout) {  // the extra pieces are drawn too, and differ from piece 0
      const auto& L = n.layers()[0];
      CHECK(n.parameters()[L.w + 1 * L.in] != n.parameters()[L.w]);
    }
  }
}

// The inverse CDF behind the normal inits (Wichura's AS 241) against two independent references:
// published quantiles of N(0, 1), and a Newton iteration on erfc over a fine grid of draws.
TEST_CASE("truncated normal of a uniform draw: N(0,1) quantiles to ~1e-15", "[network][init]") {
  const double lo = 0.5 * std::erfc(std::sqrt(2.0)), hi = 0.5 * std::erfc(-std::sqrt(2.0));  // Phi(-2), Phi(2)
  const auto at_p = [&](double p) { return nn::truncated_normal_from_uniform((p - lo) / (hi - lo)); };
  struct Known { double p, x; };
  for (const Known k : {Known{0.5, 0.0}, Known{0.975, 1.959963984540054}, Known{0.9, 1.2815515655446004},
                        Known{0.75, 0.6744897501960817}, Known{0.95, 1.6448536269514722}}) {
    CAPTURE(k.p);
    CHECK_THAT(at_p(k.p), WithinAbs(k.x, 2e-15));
    CHECK_THAT(at_p(1 - k.p), WithinAbs(-k.x, 2e-15));
  }
  CHECK(nn::truncated_normal_from_uniform(0.0) == -2.0);
  CHECK(nn::truncated_normal_from_uniform(1.0) == 2.0);
  // Newton on Phi(x) = p from a rough start: each step is exact to rounding once close (quadratic).
  const auto newton = [](double p) {
    double x = 0;
    for (int it = 0; it < 60; ++it) x -= (0.5 * std::erfc(-x / std::sqrt(2.0)) - p) / (std::exp(-0.5 * x * x) / std::sqrt(2 * M_PI));
    return x;
  };
  double worst = 0, at = 0;
  const int n = 20000;
  for (int i = 0; i <= n; ++i) {
    const double u = (i + 0.5 * (i < n)) / n, p = lo + u * (hi - lo);
    const double err = std::fabs(nn::truncated_normal_from_uniform(u) - std::clamp(newton(p), -2.0, 2.0));
    if (err > worst) worst = err, at = u;
  }
  CAPTURE(at);
  CHECK(worst < 2e-15);  // both branches: |p - 1/2| <= 0.425 and the tails out to Phi(+-2)
}

TEST_CASE("initialisers: scales, truncation at 2 sigma, defaults per activation", "[network][init]") {
  CHECK(nn::resolve_init(nn::Init::default_init, Id::selu) == nn::Init::lecun_normal);
  CHECK(nn::resolve_init(nn::Init::default_init, Id::relu) == nn::Init::he_normal);
  CHECK(nn::resolve_init(nn::Init::default_init, Id::elu) == nn::Init::he_normal);
  CHECK(nn::resolve_init(nn::Init::default_init, Id::tanh) == nn::Init::glorot_uniform);
  CHECK(nn::resolve_init(nn::Init::glorot_uniform, Id::selu) == nn::Init::glorot_uniform);
  for (Id a : {Id::softplus, Id::silu, Id::gelu, Id::gelu_tanh, Id::mish, Id::hardswish}) {
    CAPTURE(act::name(a));
    CHECK(nn::resolve_init(nn::Init::default_init, a) == nn::Init::he_normal);  // ReLU-like: He
    CHECK(nn::resolve_init(nn::Init::lecun_normal, a) == nn::Init::lecun_normal);
  }
  // Layer 0 of 200 -> 300: 60000 weights. Sample std within 2% of the target, |w| <= 2 std / 0.8796.
  const nn::Init init = GENERATE(nn::Init::lecun_normal, nn::Init::he_normal, nn::Init::glorot_uniform);
  nn::Config c = nt::config(Id::relu, {200, 300, 1});
  c.init = init;
  const nn::Network n(c);
  const double want = init == nn::Init::lecun_normal ? std::sqrt(1.0 / 200)
                      : init == nn::Init::he_normal  ? std::sqrt(2.0 / 200)
                                                     : std::sqrt(2.0 / 500);  // glorot: limit^2/3 = 2/(in+out)
  const double bound = init == nn::Init::glorot_uniform ? std::sqrt(6.0 / 500) : 2 * want / 0.87962566103423978;
  double s2 = 0, mx = 0;
  for (std::size_t i = 0; i < 60000; ++i) {
    s2 += n.parameters()[i] * n.parameters()[i];
    mx = std::max(mx, std::fabs(n.parameters()[i]));
  }
  CAPTURE(nn::name(init));
  CHECK_THAT(std::sqrt(s2 / 60000), WithinRel(want, 0.02));
  CHECK(mx <= bound);
  CHECK(mx > 0.95 * bound);  // the tails are really there
  // Different inits from one seed share the draw: same signs everywhere.
  nn::Config g = c;
  g.init = nn::Init::glorot_uniform;
  const nn::Network m(g);
  for (std::size_t i = 0; i < 1000; ++i) REQUIRE(std::signbit(m.parameters()[i]) == std::signbit(n.parameters()[i]));
}

TEST_CASE("training is reproducible by seed and differs across seeds", "[network][seed]") {
  const Id a = GENERATE(Id::rrelu, Id::tanh, Id::maxout);
  const nn::Dataset d = nn::make_dataset("spiral", {200, 0.1, 3, 0.0});
  nn::Config c = nt::config(a, {2, 8, 8, 1}, nn::Loss::bce);
  c.optimizer = nn::Optimizer::adam;
  c.seed = 5;
  nn::Network x(c), y(c);
  c.seed = 6;
  nn::Network z(c);
  double lx = 0, ly = 0;
  for (int e = 0; e < 5; ++e) {
    lx = x.train_epoch(d.x_train, d.y_train);
    ly = y.train_epoch(d.x_train, d.y_train);
    z.train_epoch(d.x_train, d.y_train);
  }
  CHECK(lx == ly);
  CHECK(params_of(x) == params_of(y));
  CHECK(params_of(x) != params_of(z));
}

TEST_CASE("RReLU: random slopes in training mode, the mean slope in eval mode", "[network][rrelu]") {
  nn::Network r(nt::config(Id::rrelu, {2, 16, 1}));
  nn::Config lc = nt::config(Id::leaky_relu, {2, 16, 1});
  lc.params.alpha = (1.0 / 8 + 1.0 / 3) / 2;
  nn::Network leaky(lc);  // same default init (he_normal), same seed -> same weights
  REQUIRE(params_of(r) == params_of(leaky));
  const auto x = nt::randoms(40, -2, 2, 8);
  CHECK(r.predict(x) == r.predict(x));  // eval: deterministic
  const auto e = r.predict(x), l = leaky.predict(x);
  for (std::size_t i = 0; i < e.size(); ++i) CHECK_THAT(e[i], WithinRel(l[i], 1e-12) || WithinAbs(l[i], 1e-15));
  const auto t1 = r.predict_train(x), t2 = r.predict_train(x);
  CHECK(t1 != t2);  // fresh slopes each call
  CHECK(t1 != e);
  // Training-mode outputs lie between those of the slope-lower and slope-upper leaky nets: with a
  // single hidden layer and positive output weights this is exact; use |W2| to make it so.
  std::vector<double> p = params_of(r);
  for (std::size_t i = r.layers()[1].w; i < r.layers()[1].w + 16; ++i) p[i] = std::fabs(p[i]);
  r.set_parameters(p);
  lc.params.alpha = 1.0 / 8;
  nn::Network lo(lc);
  lo.set_parameters(p);
  lc.params.alpha = 1.0 / 3;
  nn::Network hi(lc);
  hi.set_parameters(p);
  const auto t = r.predict_train(x), a = lo.predict(x), b = hi.predict(x);
  for (std::size_t i = 0; i < t.size(); ++i) CHECK((t[i] >= b[i] - 1e-12 && t[i] <= a[i] + 1e-12));
}

TEST_CASE("one epoch of full-batch SGD / momentum / Adam equals the hand-applied update", "[network][optim]") {
  const nn::Optimizer opt = GENERATE(nn::Optimizer::sgd, nn::Optimizer::momentum, nn::Optimizer::adam);
  CAPTURE(nn::name(opt));
  nn::Config c = nt::config(Id::tanh, {2, 4, 1});
  c.optimizer = opt;
  c.batch_size = 20;  // the whole set: shuffling only reorders the sum
  c.learning_rate = 0.1;
  const auto x = nt::randoms(40, -1, 1, 1), y = nt::randoms(20, -1, 1, 2);
  nn::Network net(c), ref(c);
  std::vector<double> p = params_of(ref), g(p.size()), m(p.size(), 0.0), v(p.size(), 0.0);
  for (int t = 1; t <= 3; ++t) {
    ref.loss_and_gradient(x, y, g);
    for (std::size_t i = 0; i < p.size(); ++i) {
      if (opt == nn::Optimizer::sgd) p[i] -= 0.1 * g[i];
      if (opt == nn::Optimizer::momentum) {
        m[i] = 0.9 * m[i] + g[i];
        p[i] -= 0.1 * m[i];
      }
      if (opt == nn::Optimizer::adam) {
        m[i] = 0.9 * m[i] + 0.1 * g[i];
        v[i] = 0.999 * v[i] + 0.001 * g[i] * g[i];
        p[i] -= 0.1 * (m[i] / (1 - std::pow(0.9, t))) / (std::sqrt(v[i] / (1 - std::pow(0.999, t))) + 1e-8);
      }
    }
    ref.set_parameters(p);  // (resets ref's own optimiser state; ref only serves gradients)
    net.train_epoch(x, y);
    for (std::size_t i = 0; i < p.size(); ++i) REQUIRE_THAT(net.parameters()[i], WithinAbs(p[i], 1e-12));
  }
}

TEST_CASE("known results: tanh solves xor, a linear network cannot learn circle", "[network][known]") {
  const nn::Dataset xo = nn::make_dataset("xor", {200, 0.0, 1, 0.0});
  nn::Config c = nt::config(Id::tanh, {2, 8, 8, 1}, nn::Loss::bce);
  c.optimizer = nn::Optimizer::adam;
  c.learning_rate = 0.01;
  nn::Network t(c);
  for (int e = 0; e < 100; ++e) t.train_epoch(xo.x_train, xo.y_train);
  CHECK(nt::accuracy(t, xo.x_train, xo.y_train) == 1.0);

  const nn::Dataset ci = nn::make_dataset("circle", {400, 0.05, 1, 0.0});
  c.activation = Id::linear;
  nn::Network lin(c);
  for (int e = 0; e < 100; ++e) lin.train_epoch(ci.x_train, ci.y_train);
  CHECK(nt::accuracy(lin, ci.x_train, ci.y_train) <= 0.6);
  // ... while the same budget lets a relu network do it, and each of the six after the post
  for (Id a : {Id::relu, Id::softplus, Id::silu, Id::gelu, Id::gelu_tanh, Id::mish, Id::hardswish}) {
    CAPTURE(act::name(a));
    c.activation = a;
    c.params = act::defaults(a);
    nn::Network net(c);
    for (int e = 0; e < 100; ++e) net.train_epoch(ci.x_train, ci.y_train);
    CHECK(nt::accuracy(net, ci.x_train, ci.y_train) >= 0.95);
  }
}

TEST_CASE("divergence: a huge learning rate stops training and keeps the last finite parameters", "[network][diverge]") {
  nn::Config c = nt::config(Id::relu, {1, 8, 1}, nn::Loss::mse);
  c.learning_rate = 10;
  nn::Network net(c);
  const auto x = nt::randoms(50, -1, 1, 3);
  const std::vector<double> y(50, 1e3);
  int epochs = 0;
  while (!net.diverged() && epochs < 50) {
    net.train_epoch(x, y);
    ++epochs;
  }
  REQUIRE(net.diverged());
  const auto frozen = params_of(net);
  for (double v : frozen) REQUIRE(std::isfinite(v));
  CHECK(std::isnan(net.train_epoch(x, y)));
  CHECK(params_of(net) == frozen);
  net.set_parameters(frozen);  // an explicit reset clears the flag
  CHECK_FALSE(net.diverged());
}

TEST_CASE("validation: every bad field is refused with its name and the allowed range", "[network][validate]") {
  auto bad = [](auto edit) {
    nn::Config c;
    edit(c);
    return c;
  };
  using C = nn::Config;
  CHECK_THROWS_WITH(nn::Network(bad([](C& c) { c.layers = {2}; })), Contains("layers") && Contains("got 1"));
  CHECK_THROWS_WITH(nn::Network(bad([](C& c) { c.layers = {2, 0, 1}; })), Contains("layers[1]") && Contains("[1, 1024]"));
  CHECK_THROWS_WITH(nn::Network(bad([](C& c) { c.layers = {2, 1025, 1}; })), Contains("got 1025"));
  CHECK_THROWS_WITH(nn::Network(bad([](C& c) { c.layers = std::vector<int>(65, 4); })), Contains("2 to 64"));
  CHECK_THROWS_WITH(nn::Network(bad([](C& c) { c.layers = {1024, 1024, 1024, 1024, 1024, 1024}; })),
                    Contains("parameters exceed the limit of 5000000"));
  CHECK_THROWS_WITH(nn::Network(bad([](C& c) { c.learning_rate = 0; })), Contains("learningRate") && Contains("(0, 10]"));
  CHECK_THROWS_WITH(nn::Network(bad([](C& c) { c.learning_rate = std::nan(""); })), Contains("got nan"));
  CHECK_THROWS_WITH(nn::Network(bad([](C& c) { c.learning_rate = 11; })), Contains("learningRate"));
  CHECK_THROWS_WITH(nn::Network(bad([](C& c) { c.batch_size = 0; })), Contains("batchSize") && Contains("got 0"));
  CHECK_THROWS_WITH(nn::Network(bad([](C& c) { c.maxout_pieces = 9; })), Contains("maxoutPieces") && Contains("[2, 8]"));
  CHECK_THROWS_WITH(nn::Network(bad([](C& c) {
                      c.activation = Id::elu;
                      c.params.alpha = -1;
                    })),
                    Contains("elu: alpha"));
  CHECK_THROWS_WITH(nn::parse_init("xavier"), Contains("init: unknown 'xavier'") && Contains("glorot_uniform"));
  CHECK_THROWS_WITH(nn::parse_loss("nll"), Contains("loss") && Contains("bce, mse"));
  CHECK_THROWS_WITH(nn::parse_optimizer("rmsprop"), Contains("optimizer") && Contains("sgd, momentum, adam"));
  nn::Network net{nn::Config{}};
  std::vector<double> g(net.parameter_count());
  const std::vector<double> x{1, 2, 3, 4}, y{1, 0};
  CHECK_THROWS_WITH(net.predict(std::vector<double>{1, 2, 3}), Contains("not a multiple of the input width 2"));
  CHECK_THROWS_WITH(net.predict(std::vector<double>{}), Contains("X: no rows"));
  CHECK_THROWS_WITH(net.train_epoch(x, std::vector<double>{1}), Contains("Y: expected 2 values"));
  CHECK_THROWS_WITH(net.loss_and_gradient(std::vector<double>{1, INFINITY}, std::vector<double>{1}, g),
                    Contains("X[1] is not a finite number"));
  CHECK_THROWS_WITH(net.train_epoch(x, std::vector<double>{1, NAN}), Contains("Y[1]"));
  CHECK(std::isfinite(net.train_epoch(x, y)));  // still works afterwards
}

TEST_CASE("the vectorised exp/expm1 kernel agrees with libm over its whole range", "[network][kernels]") {
  using namespace nn::kernels;
  double worst_e = 0, worst_m = 0;
  for (double x = -707.9; x <= 0; x += 0.0137) {
    for (double xx : {x, x * 1e-6, x * 1e-12}) {
      v2 e, m;
      exp_expm1(splat(xx), e, m);
      worst_e = std::max(worst_e, std::fabs(e[0] - std::exp(xx)) / std::exp(xx));
      worst_m = std::max(worst_m, std::fabs(m[0] - std::expm1(xx)) / std::fabs(std::expm1(xx) == 0 ? 1 : std::expm1(xx)));
    }
  }
  CHECK(worst_e < 4e-16);  // under 2 ulp
  CHECK(worst_m < 4e-16);
  v2 e, m;
  exp_expm1(v2{-800.0, std::nan("")}, e, m);
  CHECK((e[0] == 0.0 && m[0] == -1.0));
  CHECK((std::isnan(e[1]) && std::isnan(m[1])));
}
