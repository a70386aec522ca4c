// Network tests: gradients against central differences, the PyTorch state_dict layout checked on
// hand-built nets, loss values, the fused activation kernels against act::value/derivative, maxout
// routing, PReLU alpha gradients, JSON export, get/set parameters.
//
// Hand-computed values (independent of the code under test) come from `bc -l` at scale=20:
//   tanh(1) = .76159415595576488812, tanh(0.6) = .53704956699803528585
//   tanh(1) - tanh(0.6) + 0.25 = .47454458895772960227
//   l(1+e(-1)) = .31326168751822283404, 3+l(1+e(-3)) = 3.04858735157374205875,
//   l(1+e(-5)) = .00671534848911806860, their mean = 1.12285479586036098713
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "net_test_util.hpp"

using act::Id;
using Catch::Matchers::Contains;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

TEST_CASE("whole-network gradient matches central differences for every activation and both losses", "[network][grad]") {
  const Id a = GENERATE(Id::linear, Id::sigmoid, Id::tanh, Id::relu, Id::leaky_relu, Id::rrelu, Id::prelu, Id::elu,
                        Id::selu, Id::maxout, Id::softplus, Id::silu, Id::gelu, Id::gelu_tanh, Id::mish, Id::hardswish);
  const nn::Loss loss = GENERATE(nn::Loss::mse, nn::Loss::bce);
  CAPTURE(act::name(a), nn::name(loss));
  nn::Config c = nt::config(a, {3, 5, 4, 2}, loss);
  c.maxout_pieces = 3;
  c.seed = 11;
  nn::Network net(c);
  // Random non-zero biases and (PReLU) alphas so every parameter matters.
  std::vector<double> p(net.parameters().begin(), net.parameters().end());
  const auto r = nt::randoms(p.size(), -0.5, 0.5, 3);
  for (const auto& ly : net.layers()) {
    for (int i = 0; i < ly.rows; ++i) p[ly.b + i] = r[ly.b + i];
    if (ly.alpha != SIZE_MAX)
      for (int j = 0; j < ly.out; ++j) p[ly.alpha + j] = 0.1 + 0.5 * r[ly.alpha + j];
  }
  net.set_parameters(p);
  const std::size_t N = 7;
  const auto x = nt::randoms(N * 3, -2, 2, 5);
  const auto y = loss == nn::Loss::bce ? nt::randoms(N * 2, 0, 1, 6) : nt::randoms(N * 2, -1, 1, 6);
  std::vector<double> g(net.parameter_count());
  net.loss_and_gradient(x, y, g);
  const auto fd = nt::numeric_gradient(net, x, y, 1e-6);
  double gmax = 0;
  for (std::size_t i = 0; i < g.size(); ++i) {
    CAPTURE(i);
    CHECK_THAT(g[i], WithinAbs(fd[i], 1e-7 + 1e-6 * std::fabs(fd[i])));
    gmax = std::max(gmax, std::fabs(g[i]));
  }
  CHECK(gmax > 1e-3);  // the check compared something
}

TEST_CASE("PReLU alphas get their own gradient, laid out after each hidden bias", "[network][prelu]") {
  nn::Config c = nt::config(Id::prelu, {1, 2, 1});
  nn::Network net(c);
  REQUIRE(net.parameter_count() == 2 + 2 + 2 + 2 + 1);  // 0.weight, 0.bias, 1.weight (alpha), 2.weight, 2.bias
  // W1 = [[1], [-1]], b1 = 0, alpha = [0.25, 0.5], W2 = [[2, 3]], b2 = 0.
  net.set_parameters(std::vector<double>{1, -1, 0, 0, 0.25, 0.5, 2, 3, 0});
  // x = -2: z1 = [-2, 2] -> h = [0.25 * -2, 2] = [-0.5, 2] -> out = -1 + 6 = 5
  // x = 3 : z1 = [3, -3] -> h = [3, 0.5 * -3] = [3, -1.5] -> out = 6 - 4.5 = 1.5
  const std::vector<double> x{-2, 3};
  const auto z = net.predict(x);
  CHECK_THAT(z[0], WithinRel(5.0, 1e-15));
  CHECK_THAT(z[1], WithinRel(1.5, 1e-15));
  // mse against y = 0: L = (25 + 2.25) / 2; dL/dz = [5, 1.5];
  // dL/dalpha0 = dL/dz0 * W2[0] * z1 = 5 * 2 * -2 (only x=-2 has unit 0 negative) = -20
  // dL/dalpha1 = 1.5 * 3 * -3 = -13.5
  std::vector<double> g(9);
  const double L = net.loss_and_gradient(x, std::vector<double>{0, 0}, g);
  CHECK_THAT(L, WithinRel(13.625, 1e-15));
  CHECK_THAT(g[4], WithinRel(-20.0, 1e-14));
  CHECK_THAT(g[5], WithinRel(-13.5, 1e-14));
}

TEST_CASE("maxout unit j is the max of rows j*k .. j*k+k-1 and only the winner gets gradient", "[network][maxout]") {
  nn::Config c = nt::config(Id::maxout, {1, 1, 1});
  c.maxout_pieces = 3;
  nn::Network net(c);
  REQUIRE(net.parameter_count() == 3 + 3 + 1 + 1);
  // pieces: x, -x, 0.5x + 0.2 ; output = 1 * h + 0
  net.set_parameters(std::vector<double>{1, -1, 0.5, 0, 0, 0.2, 1, 0});
  const std::vector<double> x{2, -3, 0.1};
  const auto z = net.predict(x);
  CHECK(z[0] == 2.0);                   // piece 0 wins
  CHECK(z[1] == 3.0);                   // piece 1 wins
  CHECK_THAT(z[2], WithinRel(0.25, 1e-15));  // piece 2 wins: 0.05 + 0.2
  for (std::size_t n = 0; n < 3; ++n) {
    std::vector<double> g(8);
    net.loss_and_gradient(std::vector<double>{x[n]}, std::vector<double>{0}, g);
    for (std::size_t piece = 0; piece < 3; ++piece) {
      CAPTURE(n, piece);
      CHECK((g[piece] != 0) == (piece == n));      // weight of the piece
      CHECK((g[3 + piece] != 0) == (piece == n));  // its bias
    }
  }
}

TEST_CASE("state_dict layout: a hand-built 2-2-1 tanh net gives the hand-computed output", "[network][layout]") {
  nn::Network net(nt::config(Id::tanh, {2, 2, 1}));
  REQUIRE(net.parameter_count() == 9);
  // 0.weight [[1,2],[3,4]], 0.bias [0.5,-0.5], 2.weight [[1,-1]], 2.bias [0.25]
  net.set_parameters(std::vector<double>{1, 2, 3, 4, 0.5, -0.5, 1, -1, 0.25});
  const auto z = net.predict(std::vector<double>{0.1, 0.2});  // z1 = [1.0, 0.6]
  CHECK_THAT(z[0], WithinRel(0.47454458895772960227, 1e-14));
  const auto& L = net.layers();
  REQUIRE(L.size() == 2);
  CHECK((L[0].w == 0 && L[0].b == 4 && L[1].w == 6 && L[1].b == 8));
}

TEST_CASE("losses equal hand-computed mse and bce-with-logits, logit 1000 stays finite", "[network][loss]") {
  // layers {1, 1}: a single Linear, z = w x + b; with w = 2, b = 1 and x = 0, 1, 2: z = 1, 3, 5.
  nn::Config c = nt::config(Id::relu, {1, 1}, nn::Loss::mse);
  const std::vector<double> x{0, 1, 2}, p{2, 1};
  std::vector<double> g(2);
  {
    nn::Network net(c);
    net.set_parameters(p);
    // y = 1, 2, 3: errors 0, 1, 2 -> mse = 5/3; dL/dw = mean(2 e x) = (0 + 2 + 8)/3, dL/db = (0+2+4)/3
    CHECK_THAT(net.loss_and_gradient(x, std::vector<double>{1, 2, 3}, g), WithinRel(5.0 / 3.0, 1e-15));
    CHECK_THAT(g[0], WithinRel(10.0 / 3.0, 1e-15));
    CHECK_THAT(g[1], WithinRel(2.0, 1e-15));
  }
  c.loss = nn::Loss::bce;
  nn::Network net(c);
  net.set_parameters(p);
  CHECK_THAT(net.loss_and_gradient(x, std::vector<double>{1, 0, 1}, g), WithinRel(1.12285479586036098713, 1e-14));
  // Logit 1000 (w = 1000, b = 0, x = 1): y = 0 costs exactly 1000; y = 1 costs log1p(e^-1000) = 0.
  net.set_parameters(std::vector<double>{1000, 0});
  CHECK(net.loss_and_gradient(std::vector<double>{1}, std::vector<double>{0}, g) == 1000.0);
  CHECK((g[0] == 1.0 && g[1] == 1.0));  // sigmoid(1000) - 0 = 1
  CHECK(net.loss_and_gradient(std::vector<double>{1}, std::vector<double>{1}, g) == 0.0);
  CHECK((g[0] == 0.0 && g[1] == 0.0));
  CHECK(net.loss_and_gradient(std::vector<double>{-1}, std::vector<double>{1}, g) == 1000.0);
}

TEST_CASE("the network's fused kernels agree with act::value and act::derivative", "[network][kernels]") {
  const Id a = GENERATE(Id::sigmoid, Id::tanh, Id::relu, Id::leaky_relu, Id::rrelu, Id::elu, Id::selu, Id::linear,
                        Id::softplus, Id::silu, Id::gelu, Id::gelu_tanh, Id::mish, Id::hardswish);
  CAPTURE(act::name(a));
  // 1-1-1 net with W1 = 1, b1 = 0, W2 = 1, b2 = 0: predict(x) = f(x); with mse and y = 0 the
  // gradient w.r.t. b1 is 2 f(x) f'(x).
  nn::Network net(nt::config(a, {1, 1, 1}));
  net.set_parameters(std::vector<double>{1, 0, 1, 0});
  const act::Params p = act::defaults(a);
  std::vector<double> xs{-40, -19.5, -3, -1, -0.3, -1e-9, 1e-9, 0.3, 1, 3, 19.5, 40};
  const auto z = net.predict(xs);
  std::vector<double> g(4);
  for (std::size_t i = 0; i < xs.size(); ++i) {
    CAPTURE(xs[i]);
    const double f = act::value(a, xs[i], p), d = act::derivative(a, xs[i], p);
    CHECK_THAT(z[i], WithinRel(f, 1e-15) || WithinAbs(f, 1e-300));  // a few ulp
    net.loss_and_gradient(std::vector<double>{xs[i]}, std::vector<double>{0}, g);
    CHECK_THAT(g[1], WithinRel(2 * f * d, 2e-15) || WithinAbs(2 * f * d, 1e-300));
  }
}

TEST_CASE("get/setParameters round trip, wrong length and non-finite values are refused", "[network][params]") {
  nn::Network a(nt::config(Id::elu)), b(nt::config(Id::elu, {2, 8, 8, 1}));
  b.set_parameters(nt::randoms(b.parameter_count(), -1, 1, 9));
  const std::vector<double> pb(b.parameters().begin(), b.parameters().end());
  a.set_parameters(pb);
  CHECK(std::vector<double>(a.parameters().begin(), a.parameters().end()) == pb);
  const auto x = nt::randoms(20, -1, 1, 4);
  CHECK(a.predict(x) == b.predict(x));
  CHECK_THROWS_WITH(a.set_parameters(std::vector<double>(3, 0.0)), Contains("expected 105 values, got 3"));
  std::vector<double> bad = pb;
  bad[7] = std::nan("");
  CHECK_THROWS_WITH(a.set_parameters(bad), Contains("parameters[7]") && Contains("finite"));
  CHECK(std::vector<double>(a.parameters().begin(), a.parameters().end()) == pb);  // unchanged
}

TEST_CASE("toJSON uses torch Sequential keys and round-trips every number", "[network][json]") {
  nn::Network net(nt::config(Id::prelu, {2, 3, 3, 1}));
  net.set_parameters(nt::randoms(net.parameter_count(), -1, 1, 2));
  const std::string j = net.to_json();
  for (const char* k : {"\"0.weight\":[[", "\"0.bias\":[", "\"1.weight\":[", "\"2.weight\":[[", "\"3.weight\":[",
                        "\"4.weight\":[[", "\"4.bias\":[", "\"PReLU(3, 0.25)\"", "\"Linear(3, 1)\""}) {
    CAPTURE(k);
    CHECK(j.find(k) != std::string::npos);
  }
  CHECK(j.find("\"5.") == std::string::npos);
  // The numbers of the state_dict, read back in order, are exactly the flat parameters.
  std::vector<double> read;
  const char* c = j.c_str() + j.find("\"state_dict\"");
  for (; *c; ++c)
    if ((*c == '[' || *c == ',') && (c[1] == '-' || (c[1] >= '0' && c[1] <= '9'))) read.push_back(std::strtod(c + 1, nullptr));
  CHECK(read == std::vector<double>(net.parameters().begin(), net.parameters().end()));
  nn::Config mc = nt::config(Id::maxout, {2, 3, 1});
  mc.maxout_pieces = 4;
  const std::string m = nn::Network(mc).to_json();
  CHECK(m.find("\"Linear(2, 12)\",\"Maxout(4)\",\"Linear(3, 1)\"") != std::string::npos);
}

TEST_CASE("gradient check across layer widths 1..9 (every specialised matrix kernel and the general one)", "[network][grad]") {
  const Id a = GENERATE(Id::tanh, Id::relu, Id::maxout, Id::softplus, Id::silu, Id::gelu, Id::gelu_tanh, Id::mish,
                        Id::hardswish);
  CAPTURE(act::name(a));
  nn::Config c = nt::config(a, {1, 2, 3, 4, 5, 6, 7, 8, 9, 2}, nn::Loss::mse);
  nn::Network net(c);
  std::vector<double> p(net.parameters().begin(), net.parameters().end());
  const auto r = nt::randoms(p.size(), -0.3, 0.3, 8);
  for (const auto& ly : net.layers())
    for (int i = 0; i < ly.rows; ++i) p[ly.b + i] = r[ly.b + i];
  net.set_parameters(p);
  const std::size_t N = 5;  // odd: exercises the padding row of the even stride
  const auto x = nt::randoms(N, -1, 1, 2), y = nt::randoms(N * 2, -1, 1, 3);
  std::vector<double> g(net.parameter_count());
  net.loss_and_gradient(x, y, g);
  const auto fd = nt::numeric_gradient(net, x, y, 1e-6);
  for (std::size_t i = 0; i < g.size(); ++i) {
    CAPTURE(i);
    REQUIRE_THAT(g[i], WithinAbs(fd[i], 1e-7 + 1e-6 * std::fabs(fd[i])));
  }
}

TEST_CASE("data larger than one chunk (256 rows): results equal row-by-row and full-batch SGD", "[network][chunks]") {
  nn::Config c = nt::config(Id::elu, {2, 8, 8, 1}, nn::Loss::mse);
  c.batch_size = 601;  // the whole set in one batch, spread over three chunks
  c.learning_rate = 0.05;
  nn::Network net(c);
  const auto x = nt::randoms(1202, -1, 1, 4), y = nt::randoms(601, -1, 1, 5);
  const auto z = net.predict(x);
  std::vector<double> g(net.parameter_count()), gi(g.size()), gsum(g.size(), 0.0);
  double lsum = 0;
  for (std::size_t r = 0; r < 601; ++r) {
    const std::vector<double> xr{x[2 * r], x[2 * r + 1]}, yr{y[r]};
    REQUIRE(net.predict(xr)[0] == z[r]);
    lsum += net.loss_and_gradient(xr, yr, gi);
    for (std::size_t i = 0; i < g.size(); ++i) gsum[i] += gi[i];
  }
  const double loss = net.loss_and_gradient(x, y, g);
  CHECK_THAT(loss, WithinRel(lsum / 601, 1e-13));
  for (std::size_t i = 0; i < g.size(); ++i) REQUIRE_THAT(g[i], WithinAbs(gsum[i] / 601, 1e-14 + 1e-12 * std::fabs(g[i])));
  std::vector<double> p(net.parameters().begin(), net.parameters().end());
  CHECK_THAT(net.train_epoch(x, y), WithinRel(loss, 1e-13));
  for (std::size_t i = 0; i < p.size(); ++i)
    REQUIRE_THAT(net.parameters()[i], WithinAbs(p[i] - 0.05 * g[i], 1e-14));
}

TEST_CASE("loss() is loss_and_gradient()'s value bit for bit, with no backward pass and no state change", "[network][loss]") {
  // Every activation, both losses, an odd row count (the padding row of a pair) over three chunks.
  for (const Id id : act::all_ids())
    for (const nn::Loss loss : {nn::Loss::mse, nn::Loss::bce}) {
      CAPTURE(act::name(id), loss == nn::Loss::mse ? "mse" : "bce");
      nn::Network net(nt::config(id, {2, 5, 3, 1}, loss));
      const auto x = nt::randoms(2 * 601, -2, 2, 7);
      auto y = nt::randoms(601, -1, 1, 8);
      if (loss == nn::Loss::bce) for (double& v : y) v = v > 0 ? 1 : 0;
      const std::vector<double> before(net.parameters().begin(), net.parameters().end());
      std::vector<double> g(net.parameter_count());
      const double l = net.loss(x, y);
      CHECK(l == net.loss_and_gradient(x, y, g));
      CHECK(std::equal(before.begin(), before.end(), net.parameters().begin()));
      CHECK(net.loss(x, y) == l);  // eval mode: RReLU's slopes are fixed, the result repeats
    }
  // Hand-computed: the 1-1 net z = 2x + 1 of the loss test above, and logit 1000.
  nn::Config c = nt::config(Id::relu, {1, 1}, nn::Loss::bce);
  nn::Network net(c);
  net.set_parameters(std::vector<double>{2, 1});
  CHECK_THAT(net.loss(std::vector<double>{0, 1, 2}, std::vector<double>{1, 0, 1}), WithinRel(1.12285479586036098713, 1e-14));
  net.set_parameters(std::vector<double>{1000, 0});
  CHECK(net.loss(std::vector<double>{1}, std::vector<double>{0}) == 1000.0);
  CHECK(net.loss(std::vector<double>{1}, std::vector<double>{1}) == 0.0);
  // The same shape checks as every other entry point.
  CHECK_THROWS_WITH(net.loss(std::vector<double>{1, 2}, std::vector<double>{1}), Contains("Y: expected 2 values"));
  CHECK_THROWS_WITH(net.loss(std::vector<double>{NAN}, std::vector<double>{1}), Contains("X[0] is not a finite number"));
}
