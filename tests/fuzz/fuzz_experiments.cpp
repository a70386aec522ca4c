// Fuzz target (d): the experiments' entry points with fuzzed options. Each validate() refuses with
// std::invalid_argument or passes; a constructor/run refuses exactly when its validate() does; small
// valid setups then run a little (sizes are capped here so the fuzzer stays fast) and their results
// have the documented shapes.
#include "experiments/dead_neurons.hpp"
#include "experiments/gradient_flow.hpp"
#include "experiments/leaky_compare.hpp"
#include "experiments/self_normalization.hpp"
#include "experiments/universal_approximation.hpp"
#include "experiments/zigzag_descent.hpp"
#include "fuzz_common.hpp"

namespace {

using namespace experiments;

void zigzag(FuzzedDataProvider& in) {
  ZigzagOptions o;
  o.inputs = in.ConsumeBool() ? ZigzagInputs::sigmoid : ZigzagInputs::tanh;
  if (in.ConsumeBool()) o.learning_rate = fuzz::hostile_double(in);
  o.max_steps = in.ConsumeBool() ? fuzz::hostile_int(in, 200) : o.max_steps;
  if (in.ConsumeBool()) o.tolerance = fuzz::hostile_double(in);
  o.points = in.ConsumeBool() ? fuzz::hostile_int(in, 64) : o.points;
  if (in.ConsumeBool()) o.spread = fuzz::hostile_double(in);
  if (in.ConsumeBool()) o.start = {fuzz::hostile_double(in), fuzz::hostile_double(in)};
  if (in.ConsumeBool()) o.target = {fuzz::hostile_double(in), fuzz::hostile_double(in)};
  o.grid = in.ConsumeBool() ? fuzz::hostile_int(in, 40) : 8;
  o.seed = in.ConsumeIntegral<std::uint64_t>();
  const bool bad = fuzz::refused([&] { validate(o); });
  if (!bad && (o.max_steps > 400 || o.points > 200 || o.grid > 64)) return;  // (valid but slow)
  ZigzagResult r;
  FUZZ_CHECK(fuzz::refused([&] { r = zigzag_descent(o); }) == bad, "zigzag_descent vs validate");
  if (bad) return;
  FUZZ_CHECK(r.steps >= 0 && r.steps <= o.max_steps, "steps %d", r.steps);
  FUZZ_CHECK(r.path.size() == 2 * static_cast<std::size_t>(r.steps + 1), "path size");
  FUZZ_CHECK(r.updates.size() == 2 * static_cast<std::size_t>(r.steps), "updates size");
  FUZZ_CHECK(r.loss.size() == static_cast<std::size_t>(r.grid) * r.grid, "loss grid size");
}

void compare(FuzzedDataProvider& in) {
  LeakyCompare::Config o;
  static const char* kSets[] = {"xor", "circle", "gaussian", "spiral", "sin", "moons", ""};
  o.dataset = kSets[in.ConsumeIntegralInRange<std::size_t>(0, std::size(kSets) - 1)];
  o.points = in.ConsumeBool() ? fuzz::hostile_int(in, 120) : 40;
  if (in.ConsumeBool()) o.noise = fuzz::hostile_double(in);
  if (in.ConsumeBool()) o.test_fraction = fuzz::hostile_double(in);
  o.hidden.assign(in.ConsumeIntegralInRange<std::size_t>(0, 5), 4);
  for (int& w : o.hidden) w = fuzz::hostile_int(in, 8);
  o.optimizer = static_cast<nn::Optimizer>(in.ConsumeIntegralInRange<int>(-1, 3));
  if (in.ConsumeBool()) o.learning_rate = fuzz::hostile_double(in);
  if (in.ConsumeBool()) o.batch_size = fuzz::hostile_int(in, 32);
  o.seed = in.ConsumeIntegral<std::uint64_t>();
  for (int k = in.ConsumeIntegralInRange<int>(0, 9); k > 0; --k) {
    LeakyCompare::Run s;
    s.id = static_cast<act::Id>(in.ConsumeIntegralInRange<int>(0, act::kCount - 1));
    s.params = act::defaults(s.id);
    if (in.ConsumeBool()) s.params.alpha = fuzz::hostile_double(in);
    o.runs.push_back(s);
  }
  const bool bad = fuzz::refused([&] { LeakyCompare::validate(o); });
  if (!bad && o.points > 200) return;
  bool refused = true;
  std::vector<LeakyCompare::Record> recs;
  refused = fuzz::refused([&] {
    LeakyCompare cmp(o);
    recs = cmp.step();
  });
  // LeakyCompare::validate() checks the runs, widths, points and testFraction only; the data set (name,
  // noise) and the nets (learningRate, batchSize, optimizer) are checked while constructing. So a
  // refusal by validate() implies one by the constructor, not the converse.
  FUZZ_CHECK(!bad || refused, "validate refused but LeakyCompare accepted");
  if (!refused) FUZZ_CHECK(recs.size() == o.runs.size(), "one record per run");
}

void approx(FuzzedDataProvider& in) {
  UniversalApproximation::Config c;
  c.target = static_cast<Target>(in.ConsumeIntegralInRange<int>(0, 2));
  c.units = fuzz::hostile_int(in, 16);
  c.activation = static_cast<act::Id>(in.ConsumeIntegralInRange<int>(0, act::kCount - 1));
  c.hidden_layers = fuzz::hostile_int(in, 3);
  c.points = fuzz::hostile_int(in, 64);
  if (in.ConsumeBool()) c.learning_rate = fuzz::hostile_double(in);
  c.seed = in.ConsumeIntegral<std::uint64_t>();
  const bool bad = fuzz::refused([&] { UniversalApproximation::validate(c); });
  std::vector<double> xs = fuzz::hostile_doubles(in, 8);
  bool refused = fuzz::refused([&] {
    UniversalApproximation a(c);
    const double mse = a.train(in.ConsumeIntegralInRange<int>(1, 3));
    FUZZ_CHECK(!(mse < 0), "mse %g", mse);
    std::vector<double> y;
    try {
      y = a.predict(xs);
    } catch (const std::invalid_argument&) {
      return;  // non-finite xs may be refused
    }
    FUZZ_CHECK(y.size() == xs.size(), "predict size");
  });
  FUZZ_CHECK(refused == bad, "UniversalApproximation vs validate");
}

void flows(FuzzedDataProvider& in) {
  // validate() only for the deeper experiments (their runs are seconds long at the limits).
  GradientFlow::Config f;
  f.activation = static_cast<act::Id>(in.ConsumeIntegralInRange<int>(0, act::kCount - 1));
  f.depth = fuzz::hostile_int(in, 40);
  f.width = fuzz::hostile_int(in, 200);
  f.samples = fuzz::hostile_int(in, 6000);
  f.learning_rate = fuzz::hostile_double(in);
  f.batch_size = fuzz::hostile_int(in, 100);
  fuzz::refused([&] { GradientFlow::validate(f); });
  DeadNeurons::Config d;
  d.depth = fuzz::hostile_int(in, 10);
  d.width = fuzz::hostile_int(in, 200);
  d.samples = fuzz::hostile_int(in, 6000);
  d.learning_rate = fuzz::hostile_double(in);
  d.bias_init = fuzz::hostile_double(in);
  d.batch_size = fuzz::hostile_int(in, 100);
  fuzz::refused([&] { DeadNeurons::validate(d); });
  SelfNormalization::Config n;
  n.depth = fuzz::hostile_int(in, 70);
  n.width = fuzz::hostile_int(in, 300);
  n.samples = fuzz::hostile_int(in, 6000);
  const bool bad = fuzz::refused([&] { SelfNormalization::validate(n); });
  if (!bad && n.width <= 16 && n.samples <= 64 && n.depth <= 8) {
    SelfNormalization s(n);
    while (s.step(in.ConsumeIntegralInRange<int>(1, 100))) {}
    FUZZ_CHECK(s.done() && s.mean().size() == static_cast<std::size_t>(n.depth) + 1, "self-norm layers");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider in(data, size);
  switch (in.ConsumeIntegralInRange<int>(0, 3)) {
    case 0: zigzag(in); break;
    case 1: compare(in); break;
    case 2: approx(in); break;
    default: flows(in); break;
  }
  return 0;
}
