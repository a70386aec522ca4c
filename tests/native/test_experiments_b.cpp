// Experiments (B): zig-zag descent, the leaky family on one data set, the section-10 rules.
// Expected values are recomputed here from first principles (the SGD rule, the loss definition,
// the post's bullet list), never read back from the code under test.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "experiments_b.hpp"

using namespace expb;
using act::Id;
using Catch::Matchers::Contains;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

// ---------------------------------------------------------------- zig-zag
TEST_CASE("zigzag: all-positive (sigmoid) inputs make every update's two components share a sign", "[zigzag]") {
  const auto seed = GENERATE(1, 2, 3, 4, 5);
  const double lr = GENERATE(0.2, 0.5, 1.0);
  ZigzagOptions o;
  o.seed = seed, o.learning_rate = lr;
  const ZigzagResult r = run_zigzag(o);
  REQUIRE(r.steps > 10);
  for (double x : r.inputs) REQUIRE(x > 0);
  REQUIRE(r.updates.size() == 2 * static_cast<std::size_t>(r.steps));
  for (int k = 0; k < r.steps; ++k) {
    const double d1 = r.updates[2 * k], d2 = r.updates[2 * k + 1];
    INFO("step " << k << ": " << d1 << ", " << d2);
    REQUIRE(d1 * d2 >= 0);
  }
  REQUIRE(r.same_sign_count == r.steps);
}

TEST_CASE("zigzag: zero-centred (tanh) inputs reach w* = (1,-1) in fewer steps, with mixed-sign updates", "[zigzag]") {
  int mixed_total = 0;
  for (std::uint64_t seed = 1; seed <= 8; ++seed) {
    ZigzagOptions o;
    o.seed = seed;
    const ZigzagResult sig = run_zigzag(o);
    o.inputs = ZigzagInputs::tanh;
    const ZigzagResult tnh = run_zigzag(o);
    INFO("seed " << seed << ": sigmoid " << sig.converged_at << " steps, tanh " << tnh.converged_at);
    REQUIRE(sig.converged_at > 0);
    REQUIRE(tnh.converged_at > 0);
    REQUIRE(sig.converged_at > 3 * tnh.converged_at);
    mixed_total += tnh.steps - tnh.same_sign_count;
    if (seed == 1) WARN("default setting: sigmoid inputs " << sig.converged_at << " steps (" << sig.same_sign_count << " same-sign), tanh "
                        << tnh.converged_at << " steps (" << tnh.same_sign_count << " same-sign)");
  }
  REQUIRE(mixed_total > 0);
}

TEST_CASE("zigzag: each step is one SGD step on one of the points; the loss grid is the mean squared error / 2", "[zigzag]") {
  const auto inputs = GENERATE(ZigzagInputs::sigmoid, ZigzagInputs::tanh);
  ZigzagOptions o;
  o.inputs = inputs, o.points = 16, o.max_steps = 40, o.grid = 5;
  const ZigzagResult r = run_zigzag(o);
  const std::size_t n = 16;
  REQUIRE(r.inputs.size() == 2 * n);
  REQUIRE(r.path.size() == 2 * (static_cast<std::size_t>(r.steps) + 1));
  REQUIRE(r.path[0] == o.start[0]);
  REQUIRE(r.path[1] == o.start[1]);
  for (int k = 0; k < r.steps; ++k) {
    const double w1 = r.path[2 * k], w2 = r.path[2 * k + 1];
    // Some point i must give exactly this update: -lr (w.x_i - w*.x_i) x_i.
    double best = INFINITY;
    for (std::size_t i = 0; i < n; ++i) {
      const double x1 = r.inputs[2 * i], x2 = r.inputs[2 * i + 1];
      const double e = (w1 - o.target[0]) * x1 + (w2 - o.target[1]) * x2;
      best = std::min(best, std::hypot(r.updates[2 * k] + o.learning_rate * e * x1, r.updates[2 * k + 1] + o.learning_rate * e * x2));
    }
    REQUIRE(best < 1e-12);
    REQUIRE_THAT(r.path[2 * k + 2], WithinAbs(w1 + r.updates[2 * k], 1e-15));
  }
  // Loss grid corners and centre: mean over the points of (w.x - w*.x)^2 / 2, directly.
  REQUIRE(r.loss.size() == 25);
  for (int gy : {0, 2, 4})
    for (int gx : {0, 2, 4}) {
      const double w1 = r.bounds[0] + (r.bounds[1] - r.bounds[0]) * gx / 4.0;
      const double w2 = r.bounds[2] + (r.bounds[3] - r.bounds[2]) * gy / 4.0;
      double sum = 0;
      for (std::size_t i = 0; i < n; ++i) {
        const double e = w1 * r.inputs[2 * i] + w2 * r.inputs[2 * i + 1] - (o.target[0] * r.inputs[2 * i] + o.target[1] * r.inputs[2 * i + 1]);
        sum += e * e / 2;
      }
      REQUIRE_THAT(r.loss[gy * 5 + gx], WithinRel(sum / n, 1e-12) || WithinAbs(sum / n, 1e-15));
    }
  // Every path point lies inside the grid's extent.
  for (std::size_t k = 0; k < r.path.size(); k += 2) {
    REQUIRE(r.path[k] >= r.bounds[0]);
    REQUIRE(r.path[k] <= r.bounds[1]);
    REQUIRE(r.path[k + 1] >= r.bounds[2]);
    REQUIRE(r.path[k + 1] <= r.bounds[3]);
  }
}

TEST_CASE("zigzag: bad options name the field and the allowed range", "[zigzag]") {
  ZigzagOptions o;
  o.learning_rate = 0;
  REQUIRE_THROWS_WITH(run_zigzag(o), Contains("learningRate") && Contains("(0, 10]"));
  o = {};
  o.points = 1;
  REQUIRE_THROWS_WITH(run_zigzag(o), Contains("points") && Contains("[2, 10000]"));
  o = {};
  o.target[1] = NAN;
  REQUIRE_THROWS_WITH(run_zigzag(o), Contains("target[1]"));
  REQUIRE_THROWS_WITH(parse_zigzag_inputs("relu"), Contains("sigmoid, tanh"));
  o = {};
  o.learning_rate = 9, o.spread = 20;  // too large a step: weights blow up
  REQUIRE_THROWS_WITH(run_zigzag(o), Contains("diverge"));
}

// ---------------------------------------------------------------- leaky family
namespace {
RunSpec spec(Id id, double alpha = NAN) {
  RunSpec r;
  r.id = id;
  r.params = act::defaults(id);
  if (!std::isnan(alpha)) r.params.alpha = alpha;
  return r;
}
CompareOptions alpha_options(std::uint64_t seed) {
  CompareOptions o;
  o.seed = seed;
  o.runs = {spec(Id::relu), spec(Id::leaky_relu, 0.01), spec(Id::leaky_relu, 0.2), spec(Id::prelu), spec(Id::rrelu)};
  return o;
}
}  // namespace

TEST_CASE("leaky: every run starts from the same weights and biases", "[leaky]") {
  Compare c(alpha_options(3));
  const auto& ref = c.network(0);
  for (std::size_t i = 1; i < c.run_count(); ++i) {
    const auto& net = c.network(i);
    REQUIRE(net.layers().size() == ref.layers().size());
    for (std::size_t l = 0; l < ref.layers().size(); ++l) {
      const auto& a = ref.layers()[l];
      const auto& b = net.layers()[l];
      for (std::size_t k = 0; k < static_cast<std::size_t>(a.rows) * a.in; ++k)
        REQUIRE(net.parameters()[b.w + k] == ref.parameters()[a.w + k]);
      for (std::size_t k = 0; k < static_cast<std::size_t>(a.rows); ++k) REQUIRE(net.parameters()[b.b + k] == ref.parameters()[a.b + k]);
      REQUIRE(a.rows * a.in > 0);
    }
  }
}

TEST_CASE("leaky: PReLU's alpha starts at 0.25 for every hidden unit and moves during training", "[leaky]") {
  const auto seed = GENERATE(1, 2, 3);
  Compare c(alpha_options(seed));
  const auto start = c.evaluate();
  REQUIRE(start[3].alphas.size() == 16);  // hidden 8 + 8
  for (double a : start[3].alphas) REQUIRE(a == 0.25);
  REQUIRE(start[0].alphas.empty());
  std::vector<RunRecord> rec;
  for (int e = 0; e < 40; ++e) rec = c.step();
  double moved = 0;
  for (double a : rec[3].alphas) moved = std::max(moved, std::fabs(a - 0.25));
  INFO("largest |alpha - 0.25| after 40 epochs: " << moved);
  REQUIRE(moved > 0.05);
  // and it is the network's own parameter (recomputed from the layer offsets)
  const auto& net = c.network(3);
  std::size_t k = 0;
  for (const auto& l : net.layers())
    if (l.hidden)
      for (int j = 0; j < l.out; ++j) REQUIRE(rec[3].alphas[k++] == net.parameters()[l.alpha + j]);
}

TEST_CASE("leaky: RReLU eval output is deterministic, training output is not", "[leaky]") {
  CompareOptions o = alpha_options(1);
  o.runs = {spec(Id::rrelu)};
  Compare c(o);
  for (int e = 0; e < 5; ++e) c.step();
  nn::Network& net = c.network(0);
  const auto& x = c.data().x_test;
  const auto e1 = net.predict(x), e2 = net.predict(x);
  REQUIRE(e1 == e2);
  const auto t1 = net.predict_train(x), t2 = net.predict_train(x);
  REQUIRE(t1.size() == e1.size());
  std::size_t differ = 0, differ_eval = 0;
  for (std::size_t i = 0; i < t1.size(); ++i) differ += t1[i] != t2[i], differ_eval += t1[i] != e1[i];
  REQUIRE(differ > t1.size() / 2);
  REQUIRE(differ_eval > t1.size() / 2);
}

TEST_CASE("leaky: records match the networks (losses, accuracy recomputed)", "[leaky]") {
  Compare c(alpha_options(2));
  std::vector<RunRecord> rec;
  for (int e = 0; e < 3; ++e) rec = c.step();
  REQUIRE(c.epoch() == 3);
  for (std::size_t i = 0; i < c.run_count(); ++i) {
    auto& net = c.network(i);
    const auto z = net.predict(c.data().x_test);
    double loss = 0;
    std::size_t ok = 0;
    for (std::size_t k = 0; k < z.size(); ++k) {
      const double y = c.data().y_test[k];
      loss += std::max(z[k], 0.0) - z[k] * y + std::log1p(std::exp(-std::fabs(z[k])));
      ok += (z[k] > 0) == (y == 1);
    }
    REQUIRE_THAT(rec[i].test_loss, WithinRel(loss / z.size(), 1e-12));
    REQUIRE(rec[i].test_accuracy == static_cast<double>(ok) / z.size());
    REQUIRE(std::isfinite(rec[i].train_loss));
  }
}

// The setting <leaky-compare view="alpha"> uses by default: a narrow deep net (3-3-3) on "circle"
// with SGD + momentum (lr 0.1), where the slope on the negative side matters.
TEST_CASE("leaky: report alpha = 0.2 vs 0.01 vs relu on the widget's default setting over seeds", "[leaky][report]") {
  int wins = 0;
  const int seeds = 8, epochs = 150;
  std::string lines;
  for (int seed = 1; seed <= seeds; ++seed) {
    CompareOptions o = alpha_options(seed);
    o.runs.resize(3);
    o.dataset = "circle", o.hidden = {3, 3, 3}, o.optimizer = nn::Optimizer::momentum, o.learning_rate = 0.1, o.noise = 0.2;
    Compare c(o);
    const auto start = c.evaluate();
    std::vector<RunRecord> r;
    for (int e = 0; e < epochs; ++e) r = c.step();
    for (const auto& x : r) REQUIRE(std::isfinite(x.test_loss));
    wins += r[2].test_loss < r[1].test_loss;
    char buf[200];
    std::snprintf(buf, sizeof buf, "seed %d test loss relu %.3f, 0.01 %.3f, 0.2 %.3f; acc %.3f %.3f %.3f\n", seed, r[0].test_loss,
                  r[1].test_loss, r[2].test_loss, r[0].test_accuracy, r[1].test_accuracy, r[2].test_accuracy);
    lines += buf;
  }
  WARN(lines << "alpha 0.2 has the lower test loss than 0.01 in " << wins << "/" << seeds << " seeds (" << epochs << " epochs)");
}

// <leaky-compare view="rrelu">'s default: 100 points (50 to train), two layers of 32, noise 0.5 —
// a set-up that overfits. Reports RReLU's test - train gap next to LeakyReLU fixed at (l+u)/2.
TEST_CASE("leaky: report RReLU vs fixed-slope LeakyReLU overfitting gap on the widget's default", "[leaky][report]") {
  int better = 0;
  const int seeds = 6;
  std::string lines;
  for (int seed = 1; seed <= seeds; ++seed) {
    CompareOptions o;
    o.seed = seed, o.dataset = "circle", o.points = 100, o.hidden = {32, 32}, o.noise = 0.5;
    o.runs = {spec(Id::rrelu), spec(Id::leaky_relu, (1.0 / 8 + 1.0 / 3) / 2)};
    Compare c(o);
    std::vector<RunRecord> r;
    for (int e = 0; e < 200; ++e) r = c.step();
    const double g0 = r[0].test_loss - r[0].eval_train_loss, g1 = r[1].test_loss - r[1].eval_train_loss;
    REQUIRE(std::isfinite(g0));
    REQUIRE(std::isfinite(g1));
    better += g0 < g1;
    char buf[160];
    std::snprintf(buf, sizeof buf, "seed %d rrelu test %.3f gap %.3f | leaky(11/48) test %.3f gap %.3f\n", seed, r[0].test_loss, g0,
                  r[1].test_loss, g1);
    lines += buf;
  }
  WARN(lines << "RReLU has the smaller test - train gap in " << better << "/" << seeds << " seeds (200 epochs)");
}

TEST_CASE("leaky: bad options name the field", "[leaky]") {
  CompareOptions o = alpha_options(1);
  o.runs.push_back(spec(Id::sigmoid));
  REQUIRE_THROWS_WITH(Compare(o), Contains("runs") && Contains("relu, leaky_relu, prelu, rrelu"));
  o = alpha_options(1);
  o.hidden = {8, 0};
  REQUIRE_THROWS_WITH(Compare(o), Contains("hidden"));
  o = alpha_options(1);
  o.dataset = "sin";
  REQUIRE_THROWS_WITH(Compare(o), Contains("regression"));
  o = alpha_options(1);
  o.runs[1].params.alpha = -1;
  REQUIRE_THROWS_WITH(Compare(o), Contains("alpha"));
  o = alpha_options(1);
  o.runs.clear();
  REQUIRE_THROWS_WITH(Compare(o), Contains("1 to 8"));
}

// ---------------------------------------------------------------- section 10
TEST_CASE("guide: the general order is the post's SELU > ELU > LeakyReLU > ReLU > tanh > sigmoid", "[guide]") {
  const auto r = general_ranking();
  std::vector<std::string> names;
  for (Id id : r) names.emplace_back(act::name(id));
  REQUIRE(names == std::vector<std::string>{"selu", "elu", "leaky_relu", "relu", "tanh", "sigmoid"});
}

TEST_CASE("guide: every combination of answers gets the post's advice", "[guide]") {
  const int mask = GENERATE(range(0, 32));
  GuideAnswers a;
  a.self_normalizing = mask & 1, a.speed_critical = mask & 2, a.overfitting = mask & 4, a.huge_training_set = mask & 8,
  a.time_to_cross_validate = mask & 16;
  INFO("selfnorm " << a.self_normalizing << " speed " << a.speed_critical << " overfit " << a.overfitting << " huge "
                   << a.huge_training_set << " cv " << a.time_to_cross_validate);
  const Guide g = recommend(a);
  auto has = [&](Id id, std::string_view reason) {
    return std::any_of(g.advice.begin(), g.advice.end(), [&](const Advice& x) { return x.id == id && x.reason == reason; });
  };
  REQUIRE(!g.advice.empty());
  REQUIRE(g.pick == g.advice.front().id);
  // The pick, by the documented precedence.
  const Id expected = a.speed_critical ? Id::relu
                      : a.overfitting  ? Id::rrelu
                      : a.huge_training_set ? Id::prelu
                      : a.self_normalizing  ? Id::selu
                                            : Id::elu;
  REQUIRE(g.pick == expected);
  // Each bullet of the post that applies shows up, with its reason.
  if (a.speed_critical) REQUIRE((has(Id::relu, "speed-relu") && has(Id::leaky_relu, "speed-leaky")));
  if (a.overfitting) REQUIRE(has(Id::rrelu, "overfitting"));
  if (a.huge_training_set) REQUIRE(has(Id::prelu, "huge-data"));
  REQUIRE((a.self_normalizing ? has(Id::selu, "self-normalizing") : has(Id::elu, "no-self-normalizing")));
  // SELU is never advised for a net that cannot self-normalise.
  for (const auto& x : g.advice) REQUIRE((a.self_normalizing || x.id != Id::selu));
  // No activation is advised twice for the same reason; every advice links to the page.
  for (std::size_t i = 0; i < g.advice.size(); ++i) {
    REQUIRE(g.advice[i].anchor.size() > 1);
    REQUIRE(g.advice[i].anchor[0] == '#');
    for (std::size_t j = 0; j < i; ++j) REQUIRE(!(g.advice[i].id == g.advice[j].id && g.advice[i].reason == g.advice[j].reason));
  }
  // Cross-validation: only with time and compute; candidates in the post's order.
  REQUIRE(g.cross_validate.empty() == !a.time_to_cross_validate);
  REQUIRE(has(g.pick, "cross-validate") == a.time_to_cross_validate);
  if (a.time_to_cross_validate) {
    std::vector<Id> want;
    if (a.self_normalizing) want.push_back(Id::selu);
    for (Id id : {Id::elu, Id::leaky_relu, Id::relu, Id::tanh, Id::sigmoid}) want.push_back(id);
    if (a.overfitting) want.push_back(Id::rrelu);
    if (a.huge_training_set) want.push_back(Id::prelu);
    REQUIRE(g.cross_validate == want);
  }
}
