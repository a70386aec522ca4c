// Native tests of the activation core's API around the math (cpp/activations.*): ids and their
// order, parameter validation and its messages, get/set by name, the batched sampler and the
// info table. The math itself is tested in test_activations.cpp.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <initializer_list>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "activations.hpp"

using act::Id;
using act::Params;
using Catch::Matchers::Contains;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// The public contract (DESIGN.md): the post's order, then the six after the post.
const std::vector<std::string> kOrder = {"linear", "sigmoid", "tanh",      "relu", "leaky_relu", "rrelu",
                                         "prelu",  "elu",     "selu",      "maxout", "softplus", "silu",
                                         "gelu",   "gelu_tanh", "mish",    "hardswish"};
const char* const kAllowed =
    "allowed: linear, sigmoid, tanh, relu, leaky_relu, rrelu, prelu, elu, selu, maxout, softplus, silu, gelu, "
    "gelu_tanh, mish, hardswish";

// The message of the std::invalid_argument that f throws; fails the test if f does not throw one.
template <class F>
std::string invalid_argument_message(F&& f) {
  try {
    f();
  } catch (const std::invalid_argument& e) {
    return e.what();
  } catch (const std::exception& e) {
    FAIL("expected std::invalid_argument, got another exception: " << e.what());
  }
  FAIL("expected std::invalid_argument, nothing was thrown");
  return {};
}

bool same_bits_or_both_nan(double a, double b) {
  return (std::isnan(a) && std::isnan(b)) || std::memcmp(&a, &b, sizeof a) == 0;
}

}  // namespace

TEST_CASE("all_ids, name and parse_id round-trip the sixteen ids: the post's order, then the six after it") {
  const auto& ids = act::all_ids();
  REQUIRE(ids.size() == kOrder.size());
  for (std::size_t i = 0; i < ids.size(); ++i) {
    CAPTURE(i);
    CHECK(std::string(act::name(ids[i])) == kOrder[i]);
    CHECK(act::parse_id(kOrder[i]) == ids[i]);
    CHECK(static_cast<std::size_t>(ids[i]) == i);  // the enum follows the same order
    CHECK(act::after_post(ids[i]) == (i >= act::kPostCount));
  }
  CHECK(act::kPostCount == 10);
  CHECK(std::string(act::name(ids[act::kPostCount - 1])) == "maxout");
}

TEST_CASE("an unknown activation id throws, naming it and listing the allowed ids in order") {
  auto bad = GENERATE(as<std::string>{}, "swish", "", "ReLU", "relu ", " sigmoid", "leaky-relu", "softmax", "GELU",
                      "gelu-tanh", "gelu_erf", "hard_swish", "SiLU");
  CAPTURE(bad);
  const std::string msg = invalid_argument_message([&] { act::parse_id(bad); });
  CHECK_THAT(msg, Contains("unknown activation '" + bad + "'"));
  CHECK_THAT(msg, Contains(kAllowed));
}

TEST_CASE("an absurdly long unknown id is cut in the message") {
  const std::string bad(100000, 'x');
  const std::string msg = invalid_argument_message([&] { act::parse_id(bad); });
  CHECK(msg.size() < 400);
  CHECK_THAT(msg, Contains("unknown activation 'xxxx"));
}

TEST_CASE("validate rejects each parameter out of range, NaN or infinite, naming field and range") {
  struct Row {
    Id id;
    const char* param;
    double min, max;
    const char* range;  // how the message must show the allowed range
  };
  auto r = GENERATE(values<Row>({
      {Id::leaky_relu, "alpha", 0, 1, "[0, 1]"},
      {Id::prelu, "alpha", -1, 1, "[-1, 1]"},
      {Id::elu, "alpha", 1e-6, 10, "[1e-06, 10]"},
      {Id::rrelu, "lower", 0, 1, "[0, 1]"},
      {Id::rrelu, "upper", 0, 1, "[0, 1]"},
      {Id::maxout, "w1", -100, 100, "[-100, 100]"},
      {Id::maxout, "b1", -100, 100, "[-100, 100]"},
      {Id::maxout, "w2", -100, 100, "[-100, 100]"},
      {Id::maxout, "b2", -100, 100, "[-100, 100]"},
      {Id::softplus, "beta", 0.01, 100, "[0.01, 100]"},
  }));
  const std::string field = std::string(act::name(r.id)) + ": " + r.param;
  CAPTURE(field);
  // the ends of the range are accepted (rrelu: keep lower <= upper while probing)
  for (double ok : {r.min, r.max}) {
    Params p = act::defaults(r.id);
    act::set_param(r.id, p, r.param, ok);
    if (r.id == Id::rrelu) (std::string(r.param) == "lower" ? p.upper : p.lower) = ok;
    CHECK_NOTHROW(act::validate(r.id, p));
  }
  const double bad_values[] = {std::nextafter(r.min, -kInf), std::nextafter(r.max, kInf), r.min - 1, r.max + 1,
                               -1e308, 1e308, kNaN, kInf, -kInf};
  for (double bad : bad_values) {
    CAPTURE(bad);
    Params p = act::defaults(r.id);
    act::set_param(r.id, p, r.param, bad);
    const std::string msg = invalid_argument_message([&] { act::validate(r.id, p); });
    CHECK_THAT(msg, Contains(field + " must be a finite number in " + r.range));
    // the offending value is shown and reads back exactly
    const auto at = msg.rfind("got ");
    REQUIRE(at != std::string::npos);
    const double shown = std::strtod(msg.c_str() + at + 4, nullptr);
    CHECK((std::isnan(bad) ? std::isnan(shown) : shown == bad));
  }
}

TEST_CASE("validate rejects rrelu lower > upper and accepts lower == upper") {
  Params p = act::defaults(Id::rrelu);
  p.lower = 0.5;
  p.upper = 0.2;
  const std::string msg = invalid_argument_message([&] { act::validate(Id::rrelu, p); });
  CHECK_THAT(msg, Contains("rrelu: lower must be <= upper"));
  CHECK_THAT(msg, Contains("lower=0.5") && Contains("upper=0.2"));
  p.upper = 0.5;
  CHECK_NOTHROW(act::validate(Id::rrelu, p));
  p.upper = std::nextafter(0.5, 0.0);
  CHECK_THROWS_AS(act::validate(Id::rrelu, p), std::invalid_argument);
}

TEST_CASE("ids without parameters ignore the Params fields in validate") {
  Params junk;
  junk.alpha = kNaN;
  junk.lower = 5;
  junk.upper = -5;
  junk.w1 = kInf;
  junk.beta = -kInf;
  for (Id id : {Id::linear, Id::sigmoid, Id::tanh, Id::relu, Id::selu, Id::silu, Id::gelu, Id::gelu_tanh, Id::mish,
                Id::hardswish})
    CHECK_NOTHROW(act::validate(id, junk));
  // and an id with parameters reads only its own
  Params sp = act::defaults(Id::softplus);
  sp.alpha = kNaN;
  CHECK_NOTHROW(act::validate(Id::softplus, sp));
  Params el = act::defaults(Id::elu);
  el.beta = kNaN;
  CHECK_NOTHROW(act::validate(Id::elu, el));
}

TEST_CASE("get_param/set_param reject unknown parameter names, listing the id's parameters") {
  struct Row {
    Id id;
    const char* param;
    const char* allowed;
  };
  auto r = GENERATE(values<Row>({
      {Id::elu, "beta", "alpha"},
      {Id::leaky_relu, "lower", "alpha"},  // a field of another id is unknown here
      {Id::rrelu, "alpha", "lower, upper"},
      {Id::maxout, "w3", "w1, b1, w2, b2"},
      {Id::maxout, "", "w1, b1, w2, b2"},
      {Id::relu, "alpha", "none"},
      {Id::selu, "scale", "none"},  // SELU's constants are fixed
      {Id::softplus, "alpha", "beta"},
      {Id::softplus, "threshold", "beta"},  // torch's shortcut is not a parameter: the value is exact
      {Id::gelu, "approximate", "none"},    // the tanh form is its own id, gelu_tanh
      {Id::silu, "beta", "none"},
  }));
  CAPTURE(act::name(r.id), r.param);
  Params p = act::defaults(r.id);
  const Params before = p;
  for (const std::string& msg : {invalid_argument_message([&] { act::set_param(r.id, p, r.param, 0.5); }),
                                 invalid_argument_message([&] { act::get_param(r.id, p, r.param); })}) {
    CHECK_THAT(msg, Contains(std::string(act::name(r.id)) + ": unknown parameter '" + r.param + "'"));
    CHECK_THAT(msg, Contains(std::string("allowed: ") + r.allowed));
  }
  CHECK(std::memcmp(&p, &before, sizeof p) == 0);  // a failed set leaves p untouched
}

TEST_CASE("set_param then get_param round-trips every parameter of every id") {
  for (Id id : act::all_ids())
    for (const auto& pi : act::info(id).params) {
      Params p = act::defaults(id);
      const double v = 0.5 * (pi.min + pi.max) + 0.125;
      act::set_param(id, p, pi.name, v);
      CAPTURE(act::name(id), pi.name);
      CHECK(act::get_param(id, p, pi.name) == v);
    }
}

TEST_CASE("sample() fills f and f' equal to the scalar functions, bit for bit") {
  const Id id = GENERATE(from_range(act::all_ids()));
  CAPTURE(act::name(id));
  const Params p = act::defaults(id);
  std::vector<double> x{-kInf, -1e300, -745, -40, -1, -1e-10, -0.0, 0.0, 1e-10, 0.5, 20, 710, kInf, kNaN};
  for (int i = 0; i < 200; ++i) x.push_back(-10 + 0.1 * i);
  std::vector<double> f(x.size(), 123.0), df(x.size(), 123.0);
  act::sample(id, p, x, f, df);
  for (std::size_t i = 0; i < x.size(); ++i) {
    CAPTURE(x[i]);
    CHECK(same_bits_or_both_nan(f[i], act::value(id, x[i], p)));
    CHECK(same_bits_or_both_nan(df[i], act::derivative(id, x[i], p)));
  }
  std::vector<double> none;
  CHECK_NOTHROW(act::sample(id, p, none, none, none));
}

TEST_CASE("sample() refuses output arrays of the wrong length and invalid parameters") {
  const std::vector<double> x(10, 1.0);
  std::vector<double> ok(10), short_(9), long_(11);
  const Params p = act::defaults(Id::elu);
  using Out = std::pair<std::vector<double>*, std::vector<double>*>;
  for (auto [f, df] : std::initializer_list<Out>{{&short_, &ok}, {&ok, &long_}, {&long_, &short_}}) {
    const std::string msg = invalid_argument_message([&] { act::sample(Id::elu, p, x, *f, *df); });
    CHECK_THAT(msg, Contains("sample:") && Contains("length of x (10)"));
  }
  Params bad = p;
  bad.alpha = -1;
  CHECK_THAT(invalid_argument_message([&] { act::sample(Id::elu, bad, x, ok, ok); }), Contains("elu: alpha"));
}

TEST_CASE("info(): every id's parameters have PyTorch's defaults, which validate and sit inside the ranges") {
  struct Def {
    Id id;
    const char* param;
    double def;
  };
  // PyTorch: LeakyReLU(0.01), RReLU(1/8, 1/3), PReLU(init=0.25), ELU(alpha=1.0), Softplus(beta=1);
  // maxout's 1-D picture defaults to ReLU = max(1 x + 0, 0 x + 0).
  auto d = GENERATE(values<Def>({{Id::leaky_relu, "alpha", 0.01}, {Id::rrelu, "lower", 1.0 / 8},
                                 {Id::rrelu, "upper", 1.0 / 3}, {Id::prelu, "alpha", 0.25}, {Id::elu, "alpha", 1.0},
                                 {Id::maxout, "w1", 1}, {Id::maxout, "b1", 0}, {Id::maxout, "w2", 0},
                                 {Id::maxout, "b2", 0}, {Id::softplus, "beta", 1.0}}));
  CAPTURE(act::name(d.id), d.param);
  CHECK(act::get_param(d.id, act::defaults(d.id), d.param) == d.def);
}

TEST_CASE("info(): the table is consistent with defaults(), validate() and the id order") {
  std::size_t with_params = 0;
  for (Id id : act::all_ids()) {
    const act::Info& in = act::info(id);
    CAPTURE(in.name);
    CHECK(in.id == id);
    CHECK(in.name == act::name(id));
    CHECK(!in.title.empty());
    CHECK(!in.range.empty());
    CHECK(in.description.size() > 20);
    CHECK_NOTHROW(act::validate(id, act::defaults(id)));
    with_params += !in.params.empty();
    for (const auto& pi : in.params) {
      CAPTURE(pi.name);
      CHECK(pi.def == act::get_param(id, act::defaults(id), pi.name));
      CHECK(pi.min <= pi.def);
      CHECK(pi.def <= pi.max);
      CHECK(pi.min <= pi.slider_min);
      CHECK(pi.slider_min < pi.slider_max);
      CHECK(pi.slider_max <= pi.max);
      CHECK(pi.slider_min <= pi.def);  // a slider can show the default
      CHECK(pi.def <= pi.slider_max);
    }
  }
  CHECK(with_params == 6);  // leaky_relu, rrelu, prelu, elu, maxout, softplus
}
