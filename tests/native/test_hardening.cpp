// Regression tests for what the fuzz targets (tests/fuzz/, tools/fuzz.sh) found, one TEST_CASE per
// finding, named after it; the crashing inputs themselves are in tests/fuzz/regressions/<target>/.
#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>

#include "activations.hpp"
#include "datasets.hpp"
#include "experiments.hpp"
#include "experiments_b.hpp"
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
  check(message_of([&] { xp::parse_target(bad); }), "allowed: sin, abs, step");
  check(message_of([&] { expb::parse_zigzag_inputs(bad); }), "allowed: sigmoid, tanh");
  // Long text is cut (a pasted megabyte does not become a megabyte message), and says so.
  const std::string msg = message_of([&] { act::parse_id(std::string(100000, 'x')); });
  CHECK(msg.size() < 400);
  CHECK_THAT(msg, Contains("allowed: linear"));
}
