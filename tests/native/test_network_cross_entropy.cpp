// Cross-entropy (softmax over C >= 2 logits, one class index per sample): known values from 40-digit
// mpmath, gradients against central differences for every activation, huge logits, the per-sample
// mean, validation of the class indices, loss() == loss_and_gradient() bit for bit, training.
//
// Known values: mpmath at mp.dps = 40 of log(sum exp z) - z_y and softmax(z) - onehot(y):
//   z = (1, 2, 3),        y = 0: 2.40760596444438030448292   grad (-0.9099694268296195420019779,
//                                                                 0.2447284710547976524729596, 0.6652409557748218895290183)
//   z = (1, 2, 3),        y = 2: 0.4076059644443803044829199
//   z = (30, 0, 0),       y = 0: 1.871524593767859790767913e-13  grad (-1.871524593767684660552659e-13,
//                                                                 9.357622968838423302763293e-14 twice)
//   z = (-0.5, 0.25, 2.5), y = 1: 2.394261623547358552273474
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

#include "net_test_util.hpp"

using act::Id;
using Catch::Matchers::Contains;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

namespace {

// A single Linear layer 1 -> C with zero weights: the logits are the biases, whatever x is.
nn::Network logits_net(const std::vector<double>& z) {
  nn::Network net(nt::config(Id::relu, {1, static_cast<int>(z.size())}, nn::Loss::cross_entropy));
  std::vector<double> p(2 * z.size(), 0.0);
  std::copy(z.begin(), z.end(), p.begin() + static_cast<std::ptrdiff_t>(z.size()));
  net.set_parameters(p);
  return net;
}

// loss and d loss / d logits (the bias part of the gradient) for one sample.
double ce(const std::vector<double>& z, double y, std::vector<double>* dz = nullptr) {
  nn::Network net = logits_net(z);
  std::vector<double> g(net.parameter_count());
  const double loss = net.loss_and_gradient(std::vector<double>{0.7}, std::vector<double>{y}, g);
  if (dz) dz->assign(g.begin() + static_cast<std::ptrdiff_t>(z.size()), g.end());
  return loss;
}

}  // namespace

TEST_CASE("cross_entropy: known values and gradients (40-digit mpmath)", "[network][cross_entropy]") {
  std::vector<double> g;
  CHECK_THAT(ce({1, 2, 3}, 0, &g), WithinRel(2.40760596444438030448292, 1e-15));
  CHECK_THAT(g[0], WithinRel(-0.9099694268296195420019779, 1e-15));
  CHECK_THAT(g[1], WithinRel(0.2447284710547976524729596, 1e-15));
  CHECK_THAT(g[2], WithinRel(0.6652409557748218895290183, 1e-15));
  CHECK_THAT(ce({1, 2, 3}, 2), WithinRel(0.4076059644443803044829199, 1e-15));
  CHECK_THAT(ce({-0.5, 0.25, 2.5}, 1), WithinRel(2.394261623547358552273474, 1e-15));
  // Sure and right: log(1 + 2e-30-ish) would round to a few ulp of 1; the log1p form keeps every digit.
  CHECK_THAT(ce({30, 0, 0}, 0, &g), WithinRel(1.871524593767859790767913e-13, 1e-14));
  CHECK_THAT(g[0], WithinRel(-1.871524593767684660552659e-13, 1e-14));
  CHECK_THAT(g[1], WithinRel(9.357622968838423302763293e-14, 1e-14));
  CHECK_THAT(g[2], WithinRel(9.357622968838423302763293e-14, 1e-14));
  // Two classes: the same as bce-with-logits on the difference z1 - z0.
  CHECK_THAT(ce({0.0, 1.5}, 1), WithinRel(std::log1p(std::exp(-1.5)), 1e-15));
  // Equal logits: log C, whatever the class.
  for (int c = 0; c < 5; ++c) CHECK_THAT(ce({4, 4, 4, 4, 4}, c), WithinRel(std::log(5.0), 1e-15));
}

TEST_CASE("cross_entropy: logits of 1e4 stay finite and exact", "[network][cross_entropy]") {
  std::vector<double> g;
  CHECK(ce({1e4, 0, -1e4}, 0, &g) == 0.0);  // exp(-1e4) underflows: the true loss is below the smallest double
  CHECK((g[0] == 0.0 && g[1] == 0.0 && g[2] == 0.0));
  CHECK(ce({1e4, 0, -1e4}, 1, &g) == 1e4);
  CHECK((g[0] == 1.0 && g[1] == -1.0 && g[2] == 0.0));
  CHECK(ce({1e4, 0, -1e4}, 2, &g) == 2e4);
  CHECK((g[0] == 1.0 && g[1] == 0.0 && g[2] == -1.0));
  CHECK(ce({-1e4, -1e4, -1e4}, 1, &g) == Approx(std::log(3.0)).epsilon(1e-15));
  CHECK(ce({1e300, -1e300}, 1, &g) == 2e300);
  for (double v : g) CHECK(std::isfinite(v));
}

TEST_CASE("cross_entropy: whole-network gradient matches central differences", "[network][cross_entropy][grad]") {
  const Id a = GENERATE(Id::linear, Id::sigmoid, Id::tanh, Id::relu, Id::leaky_relu, Id::rrelu, Id::prelu, Id::elu,
                        Id::selu, Id::maxout, Id::softplus, Id::silu, Id::gelu, Id::gelu_tanh, Id::mish, Id::hardswish);
  const int classes = GENERATE(2, 3, 5);
  CAPTURE(act::name(a), classes);
  nn::Config c = nt::config(a, {3, 5, 4, classes}, nn::Loss::cross_entropy);
  c.maxout_pieces = 3;
  c.seed = 11;
  nn::Network net(c);
  std::vector<double> p(net.parameters().begin(), net.parameters().end());
  const auto r = nt::randoms(p.size(), -0.5, 0.5, 3);
  for (const auto& ly : net.layers()) {
    for (int i = 0; i < ly.rows; ++i) p[ly.b + i] = r[ly.b + i];
    if (ly.alpha != SIZE_MAX)
      for (int j = 0; j < ly.out; ++j) p[ly.alpha + j] = 0.1 + 0.5 * r[ly.alpha + j];
  }
  for (std::size_t i = 0; i < p.size(); ++i) p[i] *= 2.0;  // livelier logits, not all near 1/C
  net.set_parameters(p);
  const std::size_t N = 9;
  const auto x = nt::randoms(N * 3, -2, 2, 5);
  std::vector<double> y(N);
  for (std::size_t i = 0; i < N; ++i) y[i] = static_cast<double>((i * 7 + 1) % static_cast<std::size_t>(classes));
  std::vector<double> g(net.parameter_count());
  net.loss_and_gradient(x, y, g);
  const auto fd = nt::numeric_gradient(net, x, y, 1e-6);
  double gmax = 0;
  for (std::size_t i = 0; i < g.size(); ++i) {
    CAPTURE(i);
    CHECK_THAT(g[i], WithinAbs(fd[i], 1e-7 + 1e-6 * std::fabs(fd[i])));
    gmax = std::max(gmax, std::fabs(g[i]));
  }
  CHECK(gmax > 1e-3);
}

TEST_CASE("cross_entropy: the mean over samples across chunks - loss() bit for bit", "[network][cross_entropy]") {
  nn::Config c = nt::config(Id::tanh, {2, 6, 3}, nn::Loss::cross_entropy);
  nn::Network net(c);
  const std::size_t N = 601;  // more than two 256-row chunks, odd (a padding row)
  const auto x = nt::randoms(2 * N, -1, 1, 8);
  std::vector<double> y(N);
  for (std::size_t i = 0; i < N; ++i) y[i] = static_cast<double>(i % 3);
  std::vector<double> g(net.parameter_count()), gi(net.parameter_count()), sum(net.parameter_count(), 0.0);
  const double loss = net.loss_and_gradient(x, y, g);
  CHECK(net.loss(x, y) == loss);
  double total = 0;
  for (std::size_t i = 0; i < N; ++i) {
    total += net.loss_and_gradient(std::vector<double>{x[2 * i], x[2 * i + 1]}, std::vector<double>{y[i]}, gi);
    for (std::size_t k = 0; k < gi.size(); ++k) sum[k] += gi[k];
  }
  CHECK_THAT(loss, WithinRel(total / N, 1e-13));
  for (std::size_t k = 0; k < g.size(); ++k) CHECK_THAT(g[k], WithinAbs(sum[k] / N, 1e-14 + 1e-12 * std::fabs(g[k])));
  // the logits themselves: predict() gives N x 3, and the loss is mean(logsumexp - z_y) of them
  const auto z = net.predict(x);
  REQUIRE(z.size() == 3 * N);
  double direct = 0;
  for (std::size_t i = 0; i < N; ++i) {
    const double* zi = &z[3 * i];
    const double m = std::max({zi[0], zi[1], zi[2]});
    direct += m + std::log(std::exp(zi[0] - m) + std::exp(zi[1] - m) + std::exp(zi[2] - m)) - zi[static_cast<int>(y[i])];
  }
  CHECK_THAT(loss, WithinRel(direct / N, 1e-13));
}

TEST_CASE("cross_entropy: class indices and widths are validated with clear messages", "[network][cross_entropy][validate]") {
  CHECK_THROWS_WITH(nn::Network(nt::config(Id::relu, {2, 4, 1}, nn::Loss::cross_entropy)),
                    Contains("cross_entropy needs at least 2 outputs") && Contains("bce"));
  CHECK(nn::parse_loss("cross_entropy") == nn::Loss::cross_entropy);
  CHECK(nn::name(nn::Loss::cross_entropy) == "cross_entropy");
  CHECK_THROWS_WITH(nn::parse_loss("nll"), Contains("bce, mse, cross_entropy"));
  nn::Network net(nt::config(Id::relu, {2, 4, 3}, nn::Loss::cross_entropy));
  std::vector<double> g(net.parameter_count());
  const std::vector<double> x{1, 2, 3, 4};
  CHECK_THROWS_WITH(net.loss_and_gradient(x, std::vector<double>{0, 1, 2, 0, 1, 2}, g),
                    Contains("one class index per row") && Contains("2 values, got 6"));
  CHECK_THROWS_WITH(net.train_epoch(x, std::vector<double>{0, 3}), Contains("Y[1] = 3 is not a class index") && Contains("[0, 2]"));
  CHECK_THROWS_WITH(net.train_epoch(x, std::vector<double>{-1, 0}), Contains("Y[0] = -1"));
  CHECK_THROWS_WITH(net.loss(x, std::vector<double>{0.5, 0}), Contains("Y[0] = 0.5 is not a class index"));
  CHECK_THROWS_WITH(net.loss(x, std::vector<double>{1, NAN}), Contains("Y[1]") && Contains("integer in [0, 2]"));
  CHECK_THROWS_WITH(net.loss(x, std::vector<double>{1, INFINITY}), Contains("Y[1]"));
  CHECK(std::isfinite(net.train_epoch(x, std::vector<double>{2, 0})));  // still works afterwards
  CHECK(net.to_json().find("\"loss\":\"cross_entropy\"") != std::string::npos);
}

TEST_CASE("cross_entropy: training separates three Gaussian blobs - the epoch loss is a per-sample mean", "[network][cross_entropy][known]") {
  nn::Config c = nt::config(Id::tanh, {2, 8, 3}, nn::Loss::cross_entropy);
  c.optimizer = nn::Optimizer::adam;
  c.learning_rate = 0.05;
  c.batch_size = 16;
  nn::Network net(c);
  const std::size_t N = 300;
  const auto noise = nt::randoms(2 * N, -0.3, 0.3, 4);
  const double cx[] = {0.8, -0.4, -0.4}, cy[] = {0.0, 0.7, -0.7};
  std::vector<double> x(2 * N), y(N);
  for (std::size_t i = 0; i < N; ++i) {
    y[i] = static_cast<double>(i % 3);
    x[2 * i] = cx[i % 3] + noise[2 * i];
    x[2 * i + 1] = cy[i % 3] + noise[2 * i + 1];
  }
  CHECK_THAT(net.loss(x, y), WithinAbs(std::log(3.0), 0.6));  // starts near chance (log C), not at C times it
  const double first = net.train_epoch(x, y), second = net.train_epoch(x, y);
  CHECK(second < first);
  for (int e = 0; e < 60; ++e) net.train_epoch(x, y);
  CHECK(net.loss(x, y) < 0.05);
  const auto z = net.predict(x);
  std::size_t ok = 0;
  for (std::size_t i = 0; i < N; ++i)
    ok += static_cast<std::size_t>(std::max_element(&z[3 * i], &z[3 * i] + 3) - &z[3 * i]) == static_cast<std::size_t>(y[i]);
  CHECK(ok == N);
}

TEST_CASE("probabilities classify and accuracy follow the loss", "[network][cross_entropy][classify]") {
  // cross_entropy, logits = biases (1, 2, 3): softmax (0.0900305731703804579980221, 0.2447284710547976524729596,
  // 0.6652409557748218895290183) (mpmath), class 2 for every row.
  nn::Network net = logits_net({1, 2, 3});
  const std::vector<double> x{0.1, -4, 7};
  const auto p = net.probabilities(x);
  REQUIRE(p.size() == 9);
  for (int r = 0; r < 3; ++r) {
    CHECK_THAT(p[3 * r], WithinRel(0.0900305731703804579980221, 1e-15));
    CHECK_THAT(p[3 * r + 1], WithinRel(0.2447284710547976524729596, 1e-15));
    CHECK_THAT(p[3 * r + 2], WithinRel(0.6652409557748218895290183, 1e-15));
  }
  CHECK(net.classify(x) == std::vector<double>{2, 2, 2});
  CHECK_THAT(net.accuracy(x, std::vector<double>{2, 0, 2}), WithinRel(2.0 / 3, 1e-15));
  CHECK_THROWS_WITH(net.accuracy(x, std::vector<double>{2, 0, 3}), Contains("Y[2] = 3 is not a class index"));
  // huge logits: probabilities stay finite and sum to 1; ties go to the first class
  nn::Network big = logits_net({1e4, 1e4, -1e4});
  const auto pb = big.probabilities(std::vector<double>{0});
  CHECK((pb[0] == 0.5 && pb[1] == 0.5 && pb[2] == 0.0));
  CHECK(big.classify(std::vector<double>{0}) == std::vector<double>{0});
  // one logit with bce: sigmoid and z > 0 (a weight 1, bias 0 net: z = x)
  nn::Network b(nt::config(Id::relu, {1, 1}, nn::Loss::bce));
  b.set_parameters(std::vector<double>{1, 0});
  const auto ps = b.probabilities(std::vector<double>{-700, 0, 2});
  CHECK_THAT(ps[0], WithinRel(std::exp(-700.0), 1e-15));  // the tail keeps its digits (not 1 - 1)
  CHECK(ps[1] == 0.5);
  CHECK_THAT(ps[2], WithinRel(1 / (1 + std::exp(-2.0)), 1e-15));
  CHECK(b.classify(std::vector<double>{-1, 0, 3}) == std::vector<double>{0, 0, 1});
  CHECK_THAT(b.accuracy(std::vector<double>{-1, 0, 3}, std::vector<double>{0, 1, 0.9}), WithinRel(2.0 / 3, 1e-15));
  // mse has no probabilities or classes; bce with two outputs is multi-label (no single class)
  nn::Network m(nt::config(Id::relu, {1, 1}, nn::Loss::mse));
  CHECK_THROWS_WITH(m.probabilities(std::vector<double>{1}), Contains("loss mse") && Contains("not probabilities"));
  CHECK_THROWS_WITH(m.classify(std::vector<double>{1}), Contains("classify: needs loss cross_entropy"));
  nn::Network ml(nt::config(Id::relu, {1, 2}, nn::Loss::bce));
  CHECK(ml.probabilities(std::vector<double>{1}).size() == 2);
  CHECK_THROWS_WITH(ml.classify(std::vector<double>{1}), Contains("bce and 2 outputs"));
}
