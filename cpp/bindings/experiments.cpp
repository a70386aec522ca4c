// One binding per claim of the page, named like its element (cpp/experiments/<claim>.hpp):
//   new Module.UniversalApproximation(config?) {train, mse, epochs, grid, predict, collapse}
//   new Module.GradientFlow(config?) {layerNorms, loss, train, epochs}
//   new Module.DeadNeurons(config?) {train, deadFractions, silentFractions, epochs, diverged}
//   new Module.SelfNormalization(config?) {advance, step, layersDone, done, mean, std}
//   new Module.LeakyCompare(config) {evaluate, step, epoch, runCount}
//   Module.zigzagDescent(options?), Module.activationGuide(answers?), Module.activationRanking()
// The limits are the core's (each class's validate()); here only JS values become C++ ones.
#include "convert.hpp"
#include "experiments/activation_guide.hpp"
#include "experiments/dead_neurons.hpp"
#include "experiments/gradient_flow.hpp"
#include "experiments/leaky_compare.hpp"
#include "experiments/self_normalization.hpp"
#include "experiments/universal_approximation.hpp"
#include "experiments/zigzag_descent.hpp"

namespace bindings {
namespace {

using namespace experiments;

// Builds a T from its Config read by `read`; a C++ exception becomes a JS Error.
template <class T, auto Read>
T* make(const val& options) {
  return guard([&] { return new T(Read(options)); });
}
// A method taking a whole number `what` (epochs, layers, rows), through the integer rule.
template <auto Method, class T>
auto by_count(T& self, const val& n, const char* what) {
  return guard([&] { return (self.*Method)(to_integer<int>(n, what)); });
}

UniversalApproximation::Config approximation_config(const val& obj) {
  return read_options(obj, "universal approximation config", [](const Options& o) {
    UniversalApproximation::Config c;
    o.read("target", c.target, parse_target);
    o.read("units", c.units);
    o.read("activation", c.activation);
    o.read("hiddenLayers", c.hidden_layers);
    o.read("points", c.points);
    o.read("learningRate", c.learning_rate);
    o.read("seed", c.seed);
    return c;
  });
}

GradientFlow::Config gradient_flow_config(const val& obj) {
  return read_options(obj, "gradient flow config", [](const Options& o) {
    GradientFlow::Config c;
    o.read("activation", c.activation);
    o.read("depth", c.depth);
    o.read("width", c.width);
    o.read("samples", c.samples);
    o.read("init", c.init, nn::parse_init);
    o.read("learningRate", c.learning_rate);
    o.read("batchSize", c.batch_size);
    o.read("seed", c.seed);
    return c;
  });
}

DeadNeurons::Config dead_neurons_config(const val& obj) {
  return read_options(obj, "dead neurons config", [](const Options& o) {
    DeadNeurons::Config c;
    o.read("activation", c.activation);
    o.read("depth", c.depth);
    o.read("width", c.width);
    o.read("samples", c.samples);
    o.read("learningRate", c.learning_rate);
    o.read("biasInit", c.bias_init);
    o.read("batchSize", c.batch_size);
    o.read("optimizer", c.optimizer, nn::parse_optimizer);
    o.read("seed", c.seed);
    return c;
  });
}

SelfNormalization::Config self_normalization_config(const val& obj) {
  return read_options(obj, "self-normalization config", [](const Options& o) {
    SelfNormalization::Config c;
    o.read("activation", c.activation);
    o.read("depth", c.depth);
    o.read("width", c.width);
    o.read("samples", c.samples);
    o.read("rawInputs", c.raw_inputs);
    o.read("init", c.init, nn::parse_init);
    o.read("skip", c.skip);
    o.read("seed", c.seed);
    return c;
  });
}

// runs: [{activation, params?}, ...]
std::vector<LeakyCompare::Run> to_runs(const val& runs, const std::string& what) {
  if (!is_array(runs))
    throw std::invalid_argument(what + " must be an Array like [{activation:'leaky_relu', params:{alpha:0.2}}], got " +
                                type_name(runs));
  std::vector<LeakyCompare::Run> out;
  for (unsigned i = 0, n = runs["length"].as<unsigned>(); i < n; ++i) {
    const std::string run = what + "[" + std::to_string(i) + "]";
    out.push_back(read_options(runs[i], run, [&](const Options& r) {
      LeakyCompare::Run x;
      x.id = to_id(r.get("activation"), run + ".activation");
      x.params = to_params(x.id, r.get("params"));
      return x;
    }));
  }
  return out;
}

LeakyCompare::Config leaky_compare_config(const val& obj) {
  return read_options(obj, "leaky compare config", [](const Options& o) {
    LeakyCompare::Config c;
    o.read("dataset", c.dataset);
    o.read("points", c.points);
    o.read("noise", c.noise);
    o.read("testFraction", c.test_fraction);
    o.read("hidden", c.hidden, to_ints);
    o.read("optimizer", c.optimizer, nn::parse_optimizer);
    o.read("learningRate", c.learning_rate);
    o.read("batchSize", c.batch_size);
    o.read("seed", c.seed);
    o.read("runs", c.runs, to_runs);
    return c;
  });
}

std::array<double, 2> to_pair(const val& v, const std::string& what) {
  const Doubles d = to_doubles(v, what);
  if (d.size() != 2) throw std::invalid_argument(what + " must have 2 numbers [w1, w2], got " + std::to_string(d.size()));
  return {d.data()[0], d.data()[1]};
}

ZigzagResult zigzag(const val& obj) {
  return guard([&] {
    return zigzag_descent(read_options(obj, "zigzag options", [](const Options& o) {
      ZigzagOptions z;
      o.read("inputs", z.inputs, parse_zigzag_inputs);
      o.read("learningRate", z.learning_rate);
      o.read("maxSteps", z.max_steps);
      o.read("tolerance", z.tolerance);
      o.read("points", z.points);
      o.read("spread", z.spread);
      o.read("start", z.start, to_pair);
      o.read("target", z.target, to_pair);
      o.read("seed", z.seed);
      o.read("grid", z.grid);
      o.read("batch", z.batch);
      return z;
    }));
  });
}

Guide guide(const val& obj) {
  return guard([&] {
    return activation_guide(read_options(obj, "answers", [](const Options& o) {
      GuideAnswers a;
      o.read("selfNormalizing", a.self_normalizing);
      o.read("speedCritical", a.speed_critical);
      o.read("overfitting", a.overfitting);
      o.read("hugeTrainingSet", a.huge_training_set);
      o.read("timeToCrossValidate", a.time_to_cross_validate);
      o.read("transformer", a.transformer);
      return a;
    }));
  });
}

// Embind binds no noexcept member function: a plain function calling one.
template <class T, auto Method>
auto get(T& self) {
  return (self.*Method)();
}

struct Grid {
  std::span<const double> x, y;
};

}  // namespace

EMSCRIPTEN_BINDINGS(experiments) {
  using emscripten::allow_raw_pointers;
  using emscripten::class_;
  using emscripten::function;
  using UA = UniversalApproximation;
  Result<Collapse>("Collapse")
      .member<&Collapse::rows>("rows")
      .member<&Collapse::cols>("cols")
      .member<&Collapse::matrix>("matrix")
      .member<&Collapse::bias>("bias")
      .member<&Collapse::max_abs_diff>("maxAbsDiff")
      .member<&Collapse::layers>("layers");
  Result<Grid>("ApproximationGrid").member<&Grid::x>("x").member<&Grid::y>("y");
  class_<UA>("UniversalApproximation")
      .constructor(&make<UA, approximation_config>, allow_raw_pointers())
      .function("train", +[](UA& a, const val& n) { return by_count<&UA::train>(a, n, "epochs"); })
      .function("mse", &get<UA, &UA::mse>)
      .function("epochs", &get<UA, &UA::epochs>)
      .function("grid", +[](UA& a) { return Grid{a.x(), a.y()}; })
      .function("predict", +[](UA& a, const val& xs) { return guard([&] { return to_js(a.predict(to_doubles(xs, "xs"))); }); })
      .function("collapse", +[](UA& a) { return guard([&] { return collapse_linear(a.network(), a.x()); }); });

  class_<GradientFlow>("GradientFlow")
      .constructor(&make<GradientFlow, gradient_flow_config>, allow_raw_pointers())
      .function("layerNorms", +[](GradientFlow& g) { return guard([&] { return to_js(g.layer_norms()); }); })
      .function("loss", &get<GradientFlow, &GradientFlow::loss>)
      .function("train", +[](GradientFlow& g, const val& n) { return by_count<&GradientFlow::train>(g, n, "epochs"); })
      .function("epochs", &get<GradientFlow, &GradientFlow::epochs>);

  class_<DeadNeurons>("DeadNeurons")
      .constructor(&make<DeadNeurons, dead_neurons_config>, allow_raw_pointers())
      .function("train", +[](DeadNeurons& d, const val& n) { return by_count<&DeadNeurons::train>(d, n, "epochs"); })
      .function("deadFractions", +[](DeadNeurons& d) { return guard([&] { return to_js(d.dead_fractions()); }); })
      .function("silentFractions", +[](DeadNeurons& d) { return guard([&] { return to_js(d.silent_fractions()); }); })
      .function("epochs", &get<DeadNeurons, &DeadNeurons::epochs>)
      .function("diverged", &get<DeadNeurons, &DeadNeurons::diverged>);

  using SN = SelfNormalization;
  class_<SN>("SelfNormalization")
      .constructor(&make<SN, self_normalization_config>, allow_raw_pointers())
      .function("advance", +[](SN& s, const val& n) { return by_count<&SN::advance>(s, n, "layers"); })
      .function("step", +[](SN& s, const val& n) { return by_count<&SN::step>(s, n, "rows"); })
      .function("layersDone", &get<SN, &SN::layers_done>)
      .function("done", &get<SN, &SN::done>)
      .function("mean", +[](const SN& s) { return to_js(s.mean()); })
      .function("std", +[](const SN& s) { return to_js(s.stdev()); });

  using LC = LeakyCompare;
  Result<LC::Record>("LeakyCompareRecord")
      .member<&LC::Record::train_loss>("trainLoss")
      .member<&LC::Record::eval_train_loss>("evalTrainLoss")
      .member<&LC::Record::test_loss>("testLoss")
      .member<&LC::Record::test_accuracy>("testAccuracy")
      .member<&LC::Record::alphas>("alphas")
      .member<&LC::Record::diverged>("diverged");
  class_<LC>("LeakyCompare")
      .constructor(&make<LC, leaky_compare_config>, allow_raw_pointers())
      .function("evaluate", +[](LC& c) { return guard([&] { return to_js(c.evaluate()); }); })
      .function("step", +[](LC& c) { return guard([&] { return to_js(c.step()); }); })
      .function("epoch", &get<LC, &LC::epoch>)
      .function("runCount", +[](const LC& c) { return static_cast<int>(c.run_count()); });

  Result<ZigzagResult>("ZigzagDescent")
      .computed<+[](const ZigzagResult& r) { return std::string(name(r.options.inputs)); }>("inputs")
      .computed<+[](const ZigzagResult& r) { return r.options.learning_rate; }>("learningRate")
      .computed<+[](const ZigzagResult& r) { return r.options.tolerance; }>("tolerance")
      .computed<+[](const ZigzagResult& r) { return r.options.batch; }>("batch")
      .computed<+[](const ZigzagResult& r) { return to_js(r.options.start); }>("start")
      .computed<+[](const ZigzagResult& r) { return to_js(r.options.target); }>("target")
      .member<&ZigzagResult::path>("path")
      .member<&ZigzagResult::updates>("updates")
      .member<&ZigzagResult::same_sign>("sameSign")
      .member<&ZigzagResult::steps>("steps")
      .member<&ZigzagResult::same_sign_count>("sameSignCount")
      .member<&ZigzagResult::converged_at>("convergedAt")
      .member<&ZigzagResult::points>("points")
      .member<&ZigzagResult::moment>("moment")
      .member<&ZigzagResult::eigenvalues>("eigenvalues")
      .member<&ZigzagResult::eigenvectors>("eigenvectors")
      .member<&ZigzagResult::mean_sq_norm>("meanSqNorm")
      .member<&ZigzagResult::max_sq_norm>("maxSqNorm")
      .member<&ZigzagResult::overshoot_points>("overshootPoints")
      .member<&ZigzagResult::bounds>("bounds")
      .member<&ZigzagResult::grid>("grid")
      .member<&ZigzagResult::loss>("loss");
  function("zigzagDescent", &zigzag);
  function("zigzagDescent", +[] { return zigzag(val::undefined()); });
  bind_wrong_counts<"zigzagDescent(options?)", 0, 1>("zigzagDescent");

  Result<Advice>("GuideAdvice").member<&Advice::id>("id").member<&Advice::rule>("rule");
  Result<Guide>("ActivationGuide")
      .member<&Guide::pick>("pick")
      .member<&Guide::advice>("advice")
      .member<&Guide::cross_validate>("crossValidate");
  function("activationGuide", &guide);
  function("activationGuide", +[] { return guide(val::undefined()); });
  bind_wrong_counts<"activationGuide(answers?)", 0, 1>("activationGuide");
  function("activationRanking", +[] { return to_js(activation_ranking()); });
}

}  // namespace bindings
