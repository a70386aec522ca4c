// Regression tests for what the fuzz targets (tests/fuzz/, tools/fuzz.sh) found, one TEST_CASE per
// finding, named after it; the crashing inputs themselves are in tests/fuzz/regressions/<target>/.
#include <catch2/catch.hpp>

#include <cfloat>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

#include "activations.hpp"
#include "datasets.hpp"
#include "experiments/universal_approximation.hpp"
#include "experiments/zigzag_descent.hpp"
#include "network.hpp"
#include "speed.hpp"

using Catch::Matchers::Contains;

namespace {
// The message of the std::invalid_argument that f throws (what() as a JS Error would see it).
template <class F>
std::string message_of(F&& f) {
  try {
    f();
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  FAIL("no std::invalid_argument thrown");
  return {};
}
}  // namespace

// fuzz_activations crash-28c4b24b: the id "*\0$" (a NUL inside the string). The message was built
// with the raw text, so what() ended at the NUL: "unknown activation '*" — no closing quote and no
// list of allowed ids. Every parser that echoes user text must escape control characters.
TEST_CASE("fuzz: an unknown name with a NUL or control characters still gives the whole message", "[fuzz][regression]") {
  using namespace std::string_literals;
  const std::string bad = "*\0$\n\x1b"s;
  auto check = [&](const std::string& msg, const char* allowed) {
    INFO(msg);
    CHECK_THAT(msg, Contains(allowed));
    CHECK_THAT(msg, Contains("'*\\x00$\\x0a\\x1b'"));
  };
  check(message_of([&] { act::parse_id(bad); }), "allowed: linear, sigmoid");
  check(message_of([&] { act::Params p; act::set_param(act::Id::elu, p, bad, 1.0); }), "allowed: alpha");
  check(message_of([&] { nn::parse_init(bad); }), "allowed: default, lecun_normal");
  check(message_of([&] { nn::parse_loss(bad); }), "allowed: bce, mse");
  check(message_of([&] { nn::parse_optimizer(bad); }), "allowed: sgd, momentum, adam");
  check(message_of([&] { nn::make_dataset(bad, {}); }), "allowed: circle, xor");
  check(message_of([&] { speed::parse_variant(bad); }), "'default', 'branchy'");
  check(message_of([&] { experiments::parse_target(bad); }), "allowed: sin, abs, step");
  check(message_of([&] { experiments::parse_zigzag_inputs(bad); }), "allowed: sigmoid, tanh");
  // Long text is cut (a pasted megabyte does not become a megabyte message), and says so.
  const std::string msg = message_of([&] { act::parse_id(std::string(100000, 'x')); });
  CHECK(msg.size() < 400);
  CHECK_THAT(msg, Contains("allowed: linear"));
}

// Divergence has two doors (network_train.cpp): a non-finite batch loss, and a finite loss whose step
// makes a parameter non-finite (that step is undone). Each is opened on purpose with a one-layer
// linear net, z = w x + b, mse, sgd, lr 10, batch 1, starting from (w, b) set by hand.
TEST_CASE("divergence: both doors (non-finite loss, finite loss but an overflowing step) stop training and keep the parameters", "[diverge][regression]") {
  nn::Config c;
  c.layers = {1, 1};
  c.activation = act::Id::linear;
  c.params = act::defaults(act::Id::linear);
  c.loss = nn::Loss::mse;
  c.learning_rate = 10;
  c.batch_size = 1;
  struct Door { const char* what; std::vector<double> start, x, y; };
  const Door doors[] = {
      // z = 1e300 * 1e10 overflows to inf: the loss itself is inf.
      {"non-finite loss", {1e300, 0.0}, {1e10}, {1.0}},
      // z = 0, loss = (0 - 1)^2 = 1 is finite, but dL/dw = 2 (z - y) x = -2e308 overflows to -inf,
      // so w - lr * g = +inf: the step is undone.
      {"finite loss, overflowing step", {0.0, 0.0}, {1e308}, {1.0}},
  };
  for (const Door& d : doors) {
    INFO(d.what);
    nn::Network net(c);
    net.set_parameters(d.start);
    std::vector<double> g(2);
    const double loss = net.loss_and_gradient(d.x, d.y, g);
    if (d.start[0] == 0.0) CHECK(loss == 1.0);
    else CHECK(std::isinf(loss));
    CHECK(std::isnan(net.train_epoch(d.x, d.y)));
    CHECK(net.diverged());
    const std::vector<double> p(net.parameters().begin(), net.parameters().end());
    CHECK(p == d.start);  // untouched (the overflowing step was undone)
    CHECK(std::isnan(net.train_epoch(std::vector<double>{0.5}, std::vector<double>{1.0})));  // stays stopped
    CHECK(net.epochs() == 0);
    net.set_parameters(std::vector<double>{0.0, 0.0});  // reset recovers
    CHECK_FALSE(net.diverged());
    const double l = net.train_epoch(std::vector<double>{0.5}, std::vector<double>{1.0});
    CHECK(l == 1.0);  // (0 - 1)^2, measured before the step
    CHECK(net.epochs() == 1);
  }
}

TEST_CASE("error messages print numbers in their shortest exact form", "[hardening]") {
  CHECK(act::format_number(0.1) == "0.1");
  CHECK(act::format_number(-0.1) == "-0.1");
  CHECK(act::format_number(1.0 / 3.0) == "0.33333333333333331");  // needs all 17 digits to read back
  CHECK(std::strtod(act::format_number(1.0 / 3.0).c_str(), nullptr) == 1.0 / 3.0);
  nn::Config c;
  c.learning_rate = -0.1;
  try {
    nn::validate(c);
    FAIL("a negative learning rate was accepted");
  } catch (const std::invalid_argument& e) {
    const std::string m = e.what();
    CHECK(m.find("learningRate") != std::string::npos);
    CHECK(m.find("got -0.1") != std::string::npos);
    CHECK(m.find("0.10000000000000001") == std::string::npos);
  }
}

// The six activations after the post, as a hostile caller would use them: every special double as x
// (NaN of either sign, +-inf, +-DBL_MAX, the subnormals, the edges of exp's range), and every bad beta
// (NaN, +-inf, 0, -0, negative, just outside [0.01, 100], huge, subnormal) at every door it can enter:
// act::validate, act::sample, nn::Network, speed::measure. The same rows through wasm are in
// tests/wasm/hostile.test.mjs.
TEST_CASE("after the post: hostile x never gives NaN (except NaN in) and never leaves the limits", "[hardening]") {
  const double inf = std::numeric_limits<double>::infinity(), nan = std::numeric_limits<double>::quiet_NaN();
  const double xs[] = {nan, -nan, inf, -inf, DBL_MAX, -DBL_MAX, 1e308, -1e308, 4.9e-324, -4.9e-324, DBL_MIN, -DBL_MIN,
                       709.8, -709.8, 745.2, -745.2, 1e154, -1e154, 1e103, -1e103, -3.0, 3.0, 0.0, -0.0};
  for (act::Id id : {act::Id::softplus, act::Id::silu, act::Id::gelu, act::Id::gelu_tanh, act::Id::mish, act::Id::hardswish})
    for (double beta : {0.01, 1.0, 100.0}) {
      if (id != act::Id::softplus && beta != 1.0) continue;
      act::Params p = act::defaults(id);
      p.beta = beta;
      for (double x : xs) {
        const double f = act::value(id, x, p), d = act::derivative(id, x, p);
        CAPTURE(act::name(id), beta, x, f, d);
        if (std::isnan(x)) {
          CHECK((std::isnan(f) && std::isnan(d)));
          continue;
        }
        CHECK(!std::isnan(f));
        CHECK(!std::isnan(d));
        if (std::isfinite(x)) CHECK((std::isfinite(f) && std::isfinite(d)));
        if (x >= 1e103) CHECK((f == x && d == 1.0));  // ~x on the right, f' exactly 1
        if (x <= -1e103) CHECK((f == 0.0 && d == 0.0));  // ~0 on the left
      }
    }
}

TEST_CASE("after the post: a bad softplus beta is refused at every door, naming beta and its range", "[hardening]") {
  const double inf = std::numeric_limits<double>::infinity(), nan = std::numeric_limits<double>::quiet_NaN();
  for (double beta : {nan, inf, -inf, 0.0, -0.0, -1.0, 0.0099999999999999985, 100.00000000000001, 1e308, 4.9e-324}) {
    CAPTURE(beta);
    const std::string want = "softplus: beta must be a finite number in [0.01, 100], got " + act::format_number(beta);
    act::Params p = act::defaults(act::Id::softplus);
    act::set_param(act::Id::softplus, p, "beta", beta);  // storing is allowed; using is not
    CHECK((act::get_param(act::Id::softplus, p, "beta") == beta || std::isnan(beta)));
    CHECK_THAT(message_of([&] { act::validate(act::Id::softplus, p); }), Contains(want));
    std::vector<double> x{1.0}, f(1), df(1);
    CHECK_THAT(message_of([&] { act::sample(act::Id::softplus, p, x, f, df); }), Contains(want));
    nn::Config c;
    c.activation = act::Id::softplus;
    c.params = p;
    CHECK_THAT(message_of([&] { nn::Network net(c); }), Contains(want));
    for (auto v : {speed::Variant::standard, speed::Variant::fast})
      CHECK_THAT(message_of([&] { speed::measure(act::Id::softplus, p, 10, 1, v); }), Contains(want));
  }
  // beta belongs to softplus only: elsewhere it is an unknown parameter, listing what is allowed
  act::Params q;
  CHECK_THAT(message_of([&] { act::set_param(act::Id::gelu, q, "beta", 1.0); }),
             Contains("gelu: unknown parameter 'beta'; allowed: none"));
  CHECK_THAT(message_of([&] { act::set_param(act::Id::elu, q, "beta", 1.0); }), Contains("allowed: alpha"));
  CHECK_THAT(message_of([&] { act::set_param(act::Id::softplus, q, "threshold", 20.0); }),
             Contains("softplus: unknown parameter 'threshold'; allowed: beta"));
}
