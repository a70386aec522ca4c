// The only file that knows about Embind: converts JS values to the core's types, turns every
// C++ exception into a JS Error (the module keeps working afterwards), copies arrays out.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <exception>
#include <span>
#include <string>
#include <vector>

#include "activations.hpp"

using emscripten::val;

namespace {

[[noreturn]] void throw_js(const std::string& msg) { val::global("Error").new_(msg).throw_(); }

// Runs f; a C++ exception becomes a JS Error with the same message.
template <class F>
auto guard(F&& f) -> decltype(f()) {
  try {
    return f();
  } catch (const std::exception& e) {
    throw_js(e.what());
  }
}

std::string type_name(const val& v) {
  if (v.isNull()) return "null";
  if (val::global("Array").call<bool>("isArray", v)) return "array";
  return v.typeOf().as<std::string>();
}

double to_number(const val& v, const std::string& what) {
  if (!v.isNumber()) throw std::invalid_argument(what + " must be a number, got " + type_name(v));
  return v.as<double>();
}

std::string to_string(const val& v, const std::string& what) {
  if (!v.isString()) throw std::invalid_argument(what + " must be a string, got " + type_name(v));
  return v.as<std::string>();
}

// A JS Array or typed array of numbers -> std::vector<double>.
// At most this many numbers cross into wasm in one array (80 MB of doubles): a larger one is refused
// by name before it is copied, instead of failing inside the copy with a bare std::bad_alloc.
constexpr unsigned kMaxArrayLength = 10'000'000;

// The copy's destination is not zero-filled first (std::vector::resize would): a trainEpoch call
// copies the whole training set in, and on the 500-point benchmark the zero fill alone was ~5 % of an epoch.
class Doubles {
 public:
  explicit Doubles(std::size_t n) : p_(new double[n]), n_(n) {}  // default-initialised: no fill
  double* data() { return p_.get(); }
  const double* data() const { return p_.get(); }
  std::size_t size() const { return n_; }
  const double* begin() const { return p_.get(); }
  const double* end() const { return p_.get() + n_; }
  operator std::span<const double>() const { return {p_.get(), n_}; }
  std::vector<double> vector() const { return {begin(), end()}; }

 private:
  std::unique_ptr<double[]> p_;
  std::size_t n_;
};

// Every call into JS costs ~0.1 us, and trainEpoch runs this twice per epoch (ten networks per frame
// on the page): the constructors are looked up once, and the length is read once.
Doubles to_doubles(const val& v, const std::string& what) {
  static const val f64 = val::global("Float64Array"), f32 = val::global("Float32Array");
  const bool typed = v.instanceof(f64) || v.instanceof(f32);
  if (!typed && !val::global("Array").call<bool>("isArray", v))
    throw std::invalid_argument(what + " must be an Array or Float64Array of numbers, got " + type_name(v));
  const double length = v["length"].as<double>();
  if (length > kMaxArrayLength)
    throw std::invalid_argument(what + ": at most " + std::to_string(kMaxArrayLength) + " numbers, got " +
                                act::format_number(length));
  const auto n = static_cast<std::size_t>(length);
  if (!typed)
    for (std::size_t i = 0; i < n; ++i)
      if (!v[i].isNumber()) throw std::invalid_argument(what + "[" + std::to_string(i) + "] is not a number");
  Doubles out(n);
  if (n) val(emscripten::typed_memory_view(n, out.data())).call<void>("set", v);
  return out;
}

// Copies (never a view: a view into wasm memory dies when memory grows).
val to_float64array(std::span<const double> v) {
  return val(emscripten::typed_memory_view(v.size(), v.data())).call<val>("slice");
}

act::Id to_id(const val& id) { return act::parse_id(to_string(id, "activation id")); }

// params: undefined/null or a plain object; missing fields take the id's defaults.
act::Params to_params(act::Id id, const val& obj) {
  act::Params p = act::defaults(id);
  if (obj.isUndefined() || obj.isNull()) return p;
  if (type_name(obj) != "object")
    throw std::invalid_argument(std::string(act::name(id)) + ": params must be a plain object, got " + type_name(obj));
  const val keys = val::global("Object").call<val>("keys", obj);
  const unsigned n = keys["length"].as<unsigned>();
  for (unsigned i = 0; i < n; ++i) {
    const std::string k = keys[i].as<std::string>();
    act::get_param(id, p, k);                // an unknown name is an error even when undefined
    if (obj[k].isUndefined()) continue;      // {alpha: undefined} = missing, as in Network configs
    act::set_param(id, p, k, to_number(obj[k], std::string(act::name(id)) + ": " + k));
  }
  act::validate(id, p);
  return p;
}

// ---------------------------------------------------------------- activations
val activation_ids() {
  val out = val::array();
  for (act::Id id : act::all_ids()) out.call<void>("push", std::string(act::name(id)));
  return out;
}

val activation_info(const val& idv) {
  return guard([&] {
    const act::Info& in = act::info(to_id(idv));
    val o = val::object();
    o.set("id", std::string(in.name));
    o.set("title", std::string(in.title));
    o.set("range", std::string(in.range));
    o.set("description", std::string(in.description));
    val ps = val::array();
    for (const auto& pi : in.params) {
      val q = val::object();
      q.set("name", std::string(pi.name));
      q.set("default", pi.def);
      q.set("min", pi.min);
      q.set("max", pi.max);
      q.set("sliderMin", pi.slider_min);
      q.set("sliderMax", pi.slider_max);
      ps.call<void>("push", q);
    }
    o.set("params", ps);
    return o;
  });
}

double activate(const val& idv, const val& x, const val& params) {
  return guard([&] {
    const act::Id id = to_id(idv);
    return act::value(id, to_number(x, "x"), to_params(id, params));
  });
}

double derivative(const val& idv, const val& x, const val& params) {
  return guard([&] {
    const act::Id id = to_id(idv);
    return act::derivative(id, to_number(x, "x"), to_params(id, params));
  });
}

// One call per redraw: xs (Array/Float64Array) -> {x, f, df} as fresh Float64Arrays.
val sample_curve(const val& idv, const val& xs, const val& params) {
  return guard([&] {
    const act::Id id = to_id(idv);
    const act::Params p = to_params(id, params);
    const Doubles x = to_doubles(xs, "xs");
    if (x.size() > 1'000'000) throw std::invalid_argument("xs: at most 1000000 points, got " + std::to_string(x.size()));
    std::vector<double> f(x.size()), df(x.size());
    act::sample(id, p, x, f, df);
    val o = val::object();
    o.set("x", to_float64array(x));
    o.set("f", to_float64array(f));
    o.set("df", to_float64array(df));
    return o;
  });
}

}  // namespace

EMSCRIPTEN_BINDINGS(activations) {
  emscripten::function("activationIds", &activation_ids);
  emscripten::function("activationInfo", &activation_info);
  // Embind checks arity: the 2-argument forms make params optional (defaults).
  emscripten::function("activate", &activate);
  emscripten::function("activate", +[](const val& id, const val& x) { return activate(id, x, val::undefined()); });
  emscripten::function("derivative", &derivative);
  emscripten::function("derivative", +[](const val& id, const val& x) { return derivative(id, x, val::undefined()); });
  emscripten::function("sampleCurve", &sample_curve);
  emscripten::function("sampleCurve", +[](const val& id, const val& xs) { return sample_curve(id, xs, val::undefined()); });
}

// ---------------------------------------------------------------- speed (owner: bench)
// Module.measureActivation(id, {n, reps, variant, params, seed}) -> {id, variant, n, reps,
// nsPerElementF, nsPerElementDf, bestNsPerElementF, bestNsPerElementDf, checksum}: medians and
// fastest reps of the C++ kernels' cost inside wasm (cpp/speed.*).
#include "speed.hpp"

namespace {

// A whole number in [lo, hi] from a JS value; the message names the field and the range.
double to_whole(const val& v, const std::string& what, double lo, double hi) {
  const double d = to_number(v, what);
  if (!(d >= lo && d <= hi && d == static_cast<double>(static_cast<long long>(d))))
    throw std::invalid_argument(what + " must be an integer in [" + std::to_string(static_cast<long long>(lo)) +
                                ", " + std::to_string(static_cast<long long>(hi)) + "], got " +
                                val::global("String")(v).as<std::string>());
  return d;
}

val measure_activation(const val& idv, const val& opts) {
  return guard([&] {
    const act::Id id = to_id(idv);
    double n = 1'000'000, reps = 5, seed = 1;
    speed::Variant variant = speed::Variant::standard;
    act::Params p = act::defaults(id);
    if (!opts.isUndefined() && !opts.isNull()) {
      if (type_name(opts) != "object")
        throw std::invalid_argument("measureActivation: options must be a plain object, got " + type_name(opts));
      const val keys = val::global("Object").call<val>("keys", opts);
      for (unsigned i = 0, k = keys["length"].as<unsigned>(); i < k; ++i) {
        const std::string key = keys[i].as<std::string>();
        const val v = opts[key];
        if (key == "n") n = to_whole(v, "n", speed::kMinN, speed::kMaxN);
        else if (key == "reps") reps = to_whole(v, "reps", speed::kMinReps, speed::kMaxReps);
        else if (key == "seed") seed = to_whole(v, "seed", 0, 4294967295.0);
        else if (key == "variant") variant = speed::parse_variant(to_string(v, "variant"));
        else if (key == "params") p = to_params(id, v);
        else
          throw std::invalid_argument("measureActivation: unknown option '" + key.substr(0, 64) +
                                      "'; allowed: n, reps, variant, params, seed");
      }
    }
    const speed::Result r = speed::measure(id, p, static_cast<std::size_t>(n), static_cast<int>(reps), variant,
                                           static_cast<std::uint64_t>(seed));
    val o = val::object();
    o.set("id", std::string(act::name(id)));
    o.set("variant", std::string(speed::variant_name(variant)));
    o.set("n", n);
    o.set("reps", reps);
    o.set("nsPerElementF", r.ns_per_element_f);
    o.set("nsPerElementDf", r.ns_per_element_df);
    o.set("bestNsPerElementF", r.best_ns_per_element_f);
    o.set("bestNsPerElementDf", r.best_ns_per_element_df);
    o.set("checksum", r.checksum);
    return o;
  });
}

}  // namespace

EMSCRIPTEN_BINDINGS(speed) {
  emscripten::function("measureActivation", &measure_activation);
  emscripten::function("measureActivation", +[](const val& id) { return measure_activation(id, val::undefined()); });
}

// ================================================================ network + datasets (owner: net)
// new Module.Network(config), Module.datasetIds(), Module.makeDataset(name, options).
// Config keys (all optional): layers, activation, params, maxoutPieces, init, loss, optimizer,
// learningRate, batchSize, seed. Unknown keys throw; undefined counts as missing.
#include <cmath>
#include <cstdio>
#include <initializer_list>
#include <string_view>

#include "datasets.hpp"
#include "network.hpp"

namespace {

// A whole number in [lo, hi] (the JS spelling of the field in the message).
double net_integer(const val& v, const std::string& what, double lo, double hi) {
  const double d = to_number(v, what);
  if (!(std::isfinite(d) && d == std::floor(d) && d >= lo && d <= hi)) {
    char buf[160];
    std::snprintf(buf, sizeof buf, " must be an integer in [%.17g, %.17g], got %.17g", lo, hi, d);
    throw std::invalid_argument(what + buf);
  }
  return d;
}

// The keys of a plain object (undefined/null -> none), each checked against `allowed`.
std::vector<std::string> net_keys(const val& obj, const std::string& what,
                                  std::initializer_list<std::string_view> allowed) {
  std::vector<std::string> out;
  if (obj.isUndefined() || obj.isNull()) return out;
  if (type_name(obj) != "object") throw std::invalid_argument(what + " must be a plain object, got " + type_name(obj));
  const val keys = val::global("Object").call<val>("keys", obj);
  const unsigned n = keys["length"].as<unsigned>();
  for (unsigned i = 0; i < n; ++i) {
    std::string k = keys[i].as<std::string>();
    bool ok = false;
    for (auto a : allowed) ok = ok || a == k;
    if (!ok) {
      std::string list;
      for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
      throw std::invalid_argument(what + ": unknown key '" + k.substr(0, 64) + "'; allowed: " + list);
    }
    if (!obj[k].isUndefined()) out.push_back(std::move(k));
  }
  return out;
}

nn::Config net_config(const val& obj) {
  nn::Config c;
  const auto keys = net_keys(obj, "config", {"layers", "activation", "params", "maxoutPieces", "init", "loss",
                                             "optimizer", "learningRate", "batchSize", "seed"});
  auto has = [&](std::string_view k) {
    for (const auto& x : keys)
      if (x == k) return true;
    return false;
  };
  if (has("activation")) c.activation = act::parse_id(to_string(obj["activation"], "activation"));
  c.params = to_params(c.activation, has("params") ? obj["params"] : val::undefined());
  if (has("layers")) {
    const val v = obj["layers"];
    const bool arr = val::global("Array").call<bool>("isArray", v);
    if (!arr) throw std::invalid_argument("layers must be an Array of widths like [2, 8, 8, 1], got " + type_name(v));
    const unsigned n = v["length"].as<unsigned>();
    if (n < 2 || n > nn::kMaxLayerEntries)
      throw std::invalid_argument("layers: need 2 to " + std::to_string(nn::kMaxLayerEntries) +
                                  " widths (input, hidden..., output), got " + std::to_string(n));
    c.layers.assign(n, 0);
    for (unsigned i = 0; i < n; ++i)
      c.layers[i] = static_cast<int>(net_integer(v[i], "layers[" + std::to_string(i) + "]", 1, nn::kMaxWidth));
  }
  if (has("maxoutPieces")) c.maxout_pieces = static_cast<int>(net_integer(obj["maxoutPieces"], "maxoutPieces", 2, 8));
  if (has("init")) c.init = nn::parse_init(to_string(obj["init"], "init"));
  if (has("loss")) c.loss = nn::parse_loss(to_string(obj["loss"], "loss"));
  if (has("optimizer")) c.optimizer = nn::parse_optimizer(to_string(obj["optimizer"], "optimizer"));
  if (has("learningRate")) c.learning_rate = to_number(obj["learningRate"], "learningRate");
  if (has("batchSize")) c.batch_size = static_cast<int>(net_integer(obj["batchSize"], "batchSize", 1, nn::kMaxBatchSize));
  if (has("seed")) c.seed = static_cast<std::uint64_t>(net_integer(obj["seed"], "seed", 0, 9007199254740991.0));
  nn::validate(c);
  return c;
}


struct JsNetwork {
  explicit JsNetwork(const nn::Config& c) : net(c) {}
  nn::Network net;
};

JsNetwork* net_make(const val& config) { return guard([&] { return new JsNetwork(net_config(config)); }); }
JsNetwork* net_make_default() { return net_make(val::undefined()); }

double net_parameter_count(JsNetwork& n) { return static_cast<double>(n.net.parameter_count()); }
val net_get_parameters(JsNetwork& n) { return to_float64array(n.net.parameters()); }
void net_set_parameters(JsNetwork& n, const val& p) {
  guard([&] { n.net.set_parameters(to_doubles(p, "parameters")); });
}
val net_loss_and_gradient(JsNetwork& n, const val& x, const val& y) {
  return guard([&] {
    const Doubles xs = to_doubles(x, "X"), ys = to_doubles(y, "Y");
    std::vector<double> g(n.net.parameter_count());
    const double loss = n.net.loss_and_gradient(xs, ys, g);
    val o = val::object();
    o.set("loss", loss);
    o.set("gradient", to_float64array(g));
    return o;
  });
}
val net_predict(JsNetwork& n, const val& x) {
  return guard([&] { return to_float64array(n.net.predict(to_doubles(x, "X"))); });
}
double net_train_epoch(JsNetwork& n, const val& x, const val& y) {
  return guard([&] { return n.net.train_epoch(to_doubles(x, "X"), to_doubles(y, "Y")); });
}
double net_loss(JsNetwork& n, const val& x, const val& y) {
  return guard([&] { return n.net.loss(to_doubles(x, "X"), to_doubles(y, "Y")); });
}

// new Module.Data(X, Y): a data set copied into wasm memory once. Network.trainOn(data) and
// lossOn(data) use it where it is; trainEpoch(X, Y) and loss(X, Y) copy both arrays in on every
// call (the race trains ten networks on one set, and measures each on one test set, every epoch).
// Shapes are checked against each network when it uses the set.
struct JsData {
  Doubles x, y;
};
JsData* data_make(const val& x, const val& y) {
  return guard([&] { return new JsData{to_doubles(x, "X"), to_doubles(y, "Y")}; });
}
double net_train_on(JsNetwork& n, const JsData& d) { return guard([&] { return n.net.train_epoch(d.x, d.y); }); }
double net_loss_on(JsNetwork& n, const JsData& d) { return guard([&] { return n.net.loss(d.x, d.y); }); }
bool net_diverged(JsNetwork& n) { return n.net.diverged(); }
std::string net_to_json(JsNetwork& n) { return n.net.to_json(); }
val net_get_config(JsNetwork& n) {
  const nn::Config& c = n.net.config();
  val o = val::object();
  val layers = val::array();
  for (int w : c.layers) layers.call<void>("push", w);
  o.set("layers", layers);
  o.set("activation", std::string(act::name(c.activation)));
  val ps = val::object();
  for (const auto& pi : act::info(c.activation).params)
    ps.set(std::string(pi.name), act::get_param(c.activation, c.params, pi.name));
  o.set("params", ps);
  o.set("maxoutPieces", c.maxout_pieces);
  o.set("init", std::string(nn::name(c.init)));
  o.set("loss", std::string(nn::name(c.loss)));
  o.set("optimizer", std::string(nn::name(c.optimizer)));
  o.set("learningRate", c.learning_rate);
  o.set("batchSize", c.batch_size);
  o.set("seed", static_cast<double>(c.seed));
  return o;
}

val net_dataset_ids() {
  val out = val::array();
  for (auto id : nn::dataset_ids()) out.call<void>("push", std::string(id));
  return out;
}

val net_make_dataset(const val& name, const val& options) {
  return guard([&] {
    const std::string id = to_string(name, "dataset name");
    nn::DatasetOptions o;
    for (const auto& k : net_keys(options, "dataset options", {"n", "noise", "seed", "testFraction"})) {
      if (k == "n") o.n = static_cast<int>(net_integer(options["n"], "n", 1, nn::kMaxDatasetPoints));
      if (k == "noise") o.noise = to_number(options["noise"], "noise");
      if (k == "seed") o.seed = static_cast<std::uint64_t>(net_integer(options["seed"], "seed", 0, 9007199254740991.0));
      if (k == "testFraction") o.test_fraction = to_number(options["testFraction"], "testFraction");
    }
    const nn::Dataset d = nn::make_dataset(id, o);
    val r = val::object();
    r.set("name", d.name);
    r.set("inputDim", d.input_dim);
    r.set("task", std::string(d.regression ? "regression" : "classification"));
    r.set("xTrain", to_float64array(d.x_train));
    r.set("yTrain", to_float64array(d.y_train));
    r.set("xTest", to_float64array(d.x_test));
    r.set("yTest", to_float64array(d.y_test));
    return r;
  });
}

}  // namespace

EMSCRIPTEN_BINDINGS(network) {
  emscripten::class_<JsNetwork>("Network")
      .constructor(&net_make, emscripten::allow_raw_pointers())
      .constructor(&net_make_default, emscripten::allow_raw_pointers())
      .function("parameterCount", &net_parameter_count)
      .function("getParameters", &net_get_parameters)
      .function("setParameters", &net_set_parameters)
      .function("lossAndGradient", &net_loss_and_gradient)
      .function("predict", &net_predict)
      .function("trainEpoch", &net_train_epoch)
      .function("loss", &net_loss)
      .function("trainOn", &net_train_on)
      .function("lossOn", &net_loss_on)
      .function("diverged", &net_diverged)
      .function("toJSON", &net_to_json)
      .function("config", &net_get_config);
  emscripten::class_<JsData>("Data")
      .constructor(&data_make, emscripten::allow_raw_pointers());
  emscripten::function("datasetIds", &net_dataset_ids);
  emscripten::function("makeDataset", &net_make_dataset);
  emscripten::function("makeDataset", +[](const val& name) { return net_make_dataset(name, val::undefined()); });
}

// ================================================================ experiments B (owner: expb)
// Module.zigzagRun(options), new Module.LeakyCompare(options) {evaluate, step, epoch, runCount},
// Module.activationGuide(answers), Module.activationRanking(). See cpp/experiments_b.hpp.
#include <algorithm>

#include "experiments_b.hpp"

namespace {

// Keys of a plain object (undefined/null -> none), each one of `allowed`; undefined values skipped.
std::vector<std::string> expb_keys(const val& obj, const std::string& what, std::initializer_list<std::string_view> allowed) {
  std::vector<std::string> out;
  if (obj.isUndefined() || obj.isNull()) return out;
  if (type_name(obj) != "object") throw std::invalid_argument(what + " must be a plain object, got " + type_name(obj));
  const val keys = val::global("Object").call<val>("keys", obj);
  for (unsigned i = 0, n = keys["length"].as<unsigned>(); i < n; ++i) {
    std::string k = keys[i].as<std::string>();
    if (std::find(allowed.begin(), allowed.end(), std::string_view(k)) == allowed.end()) {
      std::string list;
      for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
      throw std::invalid_argument(what + ": unknown key '" + k.substr(0, 64) + "'; allowed: " + list);
    }
    if (!obj[k].isUndefined()) out.push_back(std::move(k));
  }
  return out;
}

double expb_int(const val& v, const std::string& what, double lo, double hi) {
  const double d = to_number(v, what);
  if (!(std::isfinite(d) && d == std::floor(d) && d >= lo && d <= hi)) {
    char buf[160];
    std::snprintf(buf, sizeof buf, " must be an integer in [%.17g, %.17g], got %.17g", lo, hi, d);
    throw std::invalid_argument(what + buf);
  }
  return d;
}

std::array<double, 2> expb_pair(const val& v, const std::string& what) {
  const Doubles d = to_doubles(v, what);
  if (d.size() != 2) throw std::invalid_argument(what + " must have 2 numbers [w1, w2], got " + std::to_string(d.size()));
  return {d.data()[0], d.data()[1]};
}

val expb_array(std::initializer_list<double> xs) {
  val a = val::array();
  for (double x : xs) a.call<void>("push", x);
  return a;
}

val zigzag_run(const val& opts) {
  return guard([&] {
    expb::ZigzagOptions o;
    for (const auto& k : expb_keys(opts, "zigzag options", {"inputs", "learningRate", "maxSteps", "tolerance", "points",
                                                            "spread", "start", "target", "seed", "grid"})) {
      const val v = opts[k];
      if (k == "inputs") o.inputs = expb::parse_zigzag_inputs(to_string(v, "inputs"));
      else if (k == "learningRate") o.learning_rate = to_number(v, k);
      else if (k == "maxSteps") o.max_steps = static_cast<int>(expb_int(v, k, 1, 100000));
      else if (k == "tolerance") o.tolerance = to_number(v, k);
      else if (k == "points") o.points = static_cast<int>(expb_int(v, k, 2, 10000));
      else if (k == "spread") o.spread = to_number(v, k);
      else if (k == "start") o.start = expb_pair(v, k);
      else if (k == "target") o.target = expb_pair(v, k);
      else if (k == "seed") o.seed = static_cast<std::uint64_t>(expb_int(v, k, 0, 9007199254740991.0));
      else if (k == "grid") o.grid = static_cast<int>(expb_int(v, k, 2, 256));
    }
    const expb::ZigzagResult r = expb::run_zigzag(o);
    val out = val::object();
    out.set("inputs", std::string(o.inputs == expb::ZigzagInputs::sigmoid ? "sigmoid" : "tanh"));
    out.set("learningRate", o.learning_rate);
    out.set("tolerance", o.tolerance);
    out.set("start", expb_array({o.start[0], o.start[1]}));
    out.set("target", expb_array({o.target[0], o.target[1]}));
    out.set("path", to_float64array(r.path));
    out.set("updates", to_float64array(r.updates));
    out.set("sameSign", val(emscripten::typed_memory_view(r.same_sign.size(), r.same_sign.data())).call<val>("slice"));
    out.set("steps", r.steps);
    out.set("sameSignCount", r.same_sign_count);
    out.set("convergedAt", r.converged_at);
    out.set("points", to_float64array(r.inputs));
    out.set("moment", expb_array({r.moment[0], r.moment[1], r.moment[2]}));
    out.set("bounds", expb_array({r.bounds[0], r.bounds[1], r.bounds[2], r.bounds[3]}));
    out.set("grid", r.grid);
    out.set("loss", to_float64array(r.loss));
    return out;
  });
}

expb::CompareOptions compare_options(const val& opts) {
  expb::CompareOptions o;
  bool runs_given = false;
  for (const auto& k : expb_keys(opts, "LeakyCompare options", {"dataset", "points", "noise", "testFraction", "hidden",
                                                                "optimizer", "learningRate", "batchSize", "seed", "runs"})) {
    const val v = opts[k];
    if (k == "dataset") o.dataset = to_string(v, k);
    else if (k == "points") o.points = static_cast<int>(expb_int(v, k, 20, 5000));
    else if (k == "noise") o.noise = to_number(v, k);
    else if (k == "testFraction") o.test_fraction = to_number(v, k);
    else if (k == "optimizer") o.optimizer = nn::parse_optimizer(to_string(v, k));
    else if (k == "learningRate") o.learning_rate = to_number(v, k);
    else if (k == "batchSize") o.batch_size = static_cast<int>(expb_int(v, k, 1, 5000));
    else if (k == "seed") o.seed = static_cast<std::uint64_t>(expb_int(v, k, 0, 9007199254740991.0));
    else if (k == "hidden") {
      o.hidden.clear();
      for (double w : to_doubles(v, k)) o.hidden.push_back(w == std::floor(w) && w >= 0 && w <= 1e6 ? static_cast<int>(w) : -1);
    } else if (k == "runs") {
      runs_given = true;
      if (!val::global("Array").call<bool>("isArray", v))
        throw std::invalid_argument("runs must be an Array like [{activation:'leaky_relu', params:{alpha:0.2}}], got " + type_name(v));
      for (unsigned i = 0, n = v["length"].as<unsigned>(); i < n && i < 9; ++i) {
        const std::string what = "runs[" + std::to_string(i) + "]";
        const val r = v[i];
        expb_keys(r, what, {"activation", "params"});
        expb::RunSpec s;
        s.id = act::parse_id(to_string(r["activation"], what + ".activation"));
        s.params = to_params(s.id, r["params"]);
        o.runs.push_back(s);
      }
    }
  }
  if (!runs_given) throw std::invalid_argument("LeakyCompare options: runs is required, e.g. [{activation:'relu'}]");
  return o;
}

val record_to_js(const expb::RunRecord& r) {
  val o = val::object();
  o.set("trainLoss", r.train_loss);
  o.set("evalTrainLoss", r.eval_train_loss);
  o.set("testLoss", r.test_loss);
  o.set("testAccuracy", r.test_accuracy);
  o.set("alphas", to_float64array(r.alphas));
  o.set("diverged", r.diverged);
  return o;
}

val records_to_js(const std::vector<expb::RunRecord>& rs) {
  val a = val::array();
  for (const auto& r : rs) a.call<void>("push", record_to_js(r));
  return a;
}

expb::Compare* compare_make(const val& opts) { return guard([&] { return new expb::Compare(compare_options(opts)); }); }
val compare_evaluate(expb::Compare& c) { return guard([&] { return records_to_js(c.evaluate()); }); }
val compare_step(expb::Compare& c) { return guard([&] { return records_to_js(c.step()); }); }
int compare_epoch(expb::Compare& c) { return c.epoch(); }
int compare_run_count(expb::Compare& c) { return static_cast<int>(c.run_count()); }

val activation_guide(const val& answers) {
  return guard([&] {
    expb::GuideAnswers a;
    for (const auto& k : expb_keys(answers, "answers", {"selfNormalizing", "speedCritical", "overfitting", "hugeTrainingSet",
                                                        "timeToCrossValidate"})) {
      const val v = answers[k];
      if (type_name(v) != "boolean") throw std::invalid_argument(k + " must be true or false, got " + type_name(v));
      const bool b = v.as<bool>();
      if (k == "selfNormalizing") a.self_normalizing = b;
      else if (k == "speedCritical") a.speed_critical = b;
      else if (k == "overfitting") a.overfitting = b;
      else if (k == "hugeTrainingSet") a.huge_training_set = b;
      else a.time_to_cross_validate = b;
    }
    const expb::Guide g = expb::recommend(a);
    val out = val::object();
    out.set("pick", std::string(act::name(g.pick)));
    val adv = val::array();
    for (const auto& x : g.advice) {
      val o = val::object();
      o.set("id", std::string(act::name(x.id)));
      o.set("reason", std::string(x.reason));
      o.set("anchor", std::string(x.anchor));
      adv.call<void>("push", o);
    }
    out.set("advice", adv);
    val cv = val::array();
    for (act::Id id : g.cross_validate) cv.call<void>("push", std::string(act::name(id)));
    out.set("crossValidate", cv);
    return out;
  });
}

val activation_ranking() {
  val a = val::array();
  for (act::Id id : expb::general_ranking()) a.call<void>("push", std::string(act::name(id)));
  return a;
}

}  // namespace

EMSCRIPTEN_BINDINGS(experiments_b) {
  emscripten::function("zigzagRun", &zigzag_run);
  emscripten::function("zigzagRun", +[]() { return zigzag_run(val::undefined()); });
  emscripten::class_<expb::Compare>("LeakyCompare")
      .constructor(&compare_make, emscripten::allow_raw_pointers())
      .function("evaluate", &compare_evaluate)
      .function("step", &compare_step)
      .function("epoch", &compare_epoch)
      .function("runCount", &compare_run_count);
  emscripten::function("activationGuide", &activation_guide);
  emscripten::function("activationGuide", +[]() { return activation_guide(val::undefined()); });
  emscripten::function("activationRanking", &activation_ranking);
}

// ================================================================ experiments A (owner: expa)
// new Module.ExpApprox(cfg) {train, mse, epochs, grid, predict, collapse},
// new Module.ExpGradientFlow(cfg) {layerNorms, loss, train, epochs},
// new Module.ExpDeadNeurons(cfg) {train, deadFractions, epochs, diverged},
// new Module.ExpSelfNorm(cfg) {advance, layersDone, done, mean, std}. See cpp/experiments.hpp.
#include "experiments.hpp"

namespace {

// Keys of a plain object (undefined/null -> none), each one of `allowed`; undefined values skipped.
std::vector<std::string> expa_keys(const val& obj, const std::string& what,
                                   std::initializer_list<std::string_view> allowed) {
  std::vector<std::string> out;
  if (obj.isUndefined() || obj.isNull()) return out;
  if (type_name(obj) != "object") throw std::invalid_argument(what + " must be a plain object, got " + type_name(obj));
  const val keys = val::global("Object").call<val>("keys", obj);
  for (unsigned i = 0, n = keys["length"].as<unsigned>(); i < n; ++i) {
    std::string k = keys[i].as<std::string>();
    bool ok = false;
    for (auto a : allowed) ok = ok || a == k;
    if (!ok) {
      std::string list;
      for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
      throw std::invalid_argument(what + ": unknown key '" + k.substr(0, 64) + "'; allowed: " + list);
    }
    if (!obj[k].isUndefined()) out.push_back(std::move(k));
  }
  return out;
}

// A whole number (range checks with the field's own limits happen in the C++ validate()).
int expa_int(const val& v, const std::string& what) {
  const double d = to_number(v, what);
  if (!(std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 2147483648.0))
    throw std::invalid_argument(what + " must be a whole number, got " + val::global("String")(v).as<std::string>());
  return static_cast<int>(d);
}
std::uint64_t expa_seed(const val& v) {
  const double d = to_number(v, "seed");
  if (!(d >= 0 && d <= 9007199254740991.0 && d == std::floor(d)))
    throw std::invalid_argument("seed must be an integer in [0, 9007199254740991], got " +
                                val::global("String")(v).as<std::string>());
  return static_cast<std::uint64_t>(d);
}
bool expa_bool(const val& v, const std::string& what) {
  if (!v.isTrue() && !v.isFalse()) throw std::invalid_argument(what + " must be true or false, got " + type_name(v));
  return v.isTrue();
}
act::Id expa_act(const val& v) { return act::parse_id(to_string(v, "activation")); }

// ---- 1. universal approximation
struct JsApprox {
  explicit JsApprox(const xp::ApproxConfig& c) : fit(c) {}
  xp::Approximation fit;
};
JsApprox* approx_make(const val& o) {
  return guard([&] {
    xp::ApproxConfig c;
    for (const auto& k : expa_keys(o, "approximation config",
                                   {"target", "units", "activation", "hiddenLayers", "points", "learningRate", "seed"})) {
      const val v = o[k];
      if (k == "target") c.target = xp::parse_target(to_string(v, "target"));
      else if (k == "units") c.units = expa_int(v, "units");
      else if (k == "activation") c.activation = expa_act(v);
      else if (k == "hiddenLayers") c.hidden_layers = expa_int(v, "hiddenLayers");
      else if (k == "points") c.points = expa_int(v, "points");
      else if (k == "learningRate") c.learning_rate = to_number(v, "learningRate");
      else if (k == "seed") c.seed = expa_seed(v);
    }
    return new JsApprox(c);
  });
}
double approx_train(JsApprox& a, const val& epochs) { return guard([&] { return a.fit.train(expa_int(epochs, "epochs")); }); }
double approx_mse(JsApprox& a) { return a.fit.mse(); }
int approx_epochs(JsApprox& a) { return a.fit.epochs(); }
val approx_grid(JsApprox& a) {
  val o = val::object();
  o.set("x", to_float64array(a.fit.x()));
  o.set("y", to_float64array(a.fit.y()));
  return o;
}
val approx_predict(JsApprox& a, const val& xs) {
  return guard([&] {
    const Doubles x = to_doubles(xs, "xs");
    if (x.size() > 100000) throw std::invalid_argument("xs: at most 100000 points, got " + std::to_string(x.size()));
    return to_float64array(a.fit.predict(x));
  });
}
// The collapsed affine map of a linear net, checked on the training grid.
val approx_collapse(JsApprox& a) {
  return guard([&] {
    nn::Network& net = a.fit.network();
    const xp::Collapse c = xp::collapse_linear(net, a.fit.x());
    val o = val::object();
    o.set("rows", c.rows);
    o.set("cols", c.cols);
    o.set("matrix", to_float64array(c.matrix));
    o.set("bias", to_float64array(c.bias));
    o.set("maxAbsDiff", c.max_abs_diff);
    o.set("layers", static_cast<int>(net.layers().size()));
    return o;
  });
}

// ---- 2. gradient flow
xp::GradientFlow* flow_make(const val& o) {
  return guard([&] {
    xp::FlowConfig c;
    for (const auto& k : expa_keys(o, "gradient flow config", {"activation", "depth", "width", "samples", "init",
                                                               "learningRate", "batchSize", "seed"})) {
      const val v = o[k];
      if (k == "activation") c.activation = expa_act(v);
      else if (k == "depth") c.depth = expa_int(v, "depth");
      else if (k == "width") c.width = expa_int(v, "width");
      else if (k == "samples") c.samples = expa_int(v, "samples");
      else if (k == "init") c.init = nn::parse_init(to_string(v, "init"));
      else if (k == "learningRate") c.learning_rate = to_number(v, "learningRate");
      else if (k == "batchSize") c.batch_size = expa_int(v, "batchSize");
      else if (k == "seed") c.seed = expa_seed(v);
    }
    return new xp::GradientFlow(c);
  });
}
val flow_norms(xp::GradientFlow& g) { return guard([&] { return to_float64array(g.layer_norms()); }); }
double flow_loss(xp::GradientFlow& g) { return g.loss(); }
double flow_train(xp::GradientFlow& g, const val& e) { return guard([&] { return g.train(expa_int(e, "epochs")); }); }
int flow_epochs(xp::GradientFlow& g) { return g.epochs(); }

// ---- 3. dead neurons
xp::DeadNeurons* dead_make(const val& o) {
  return guard([&] {
    xp::DeadConfig c;
    for (const auto& k : expa_keys(o, "dead neurons config", {"activation", "depth", "width", "samples", "learningRate",
                                                              "biasInit", "batchSize", "optimizer", "seed"})) {
      const val v = o[k];
      if (k == "activation") c.activation = expa_act(v);
      else if (k == "depth") c.depth = expa_int(v, "depth");
      else if (k == "width") c.width = expa_int(v, "width");
      else if (k == "samples") c.samples = expa_int(v, "samples");
      else if (k == "learningRate") c.learning_rate = to_number(v, "learningRate");
      else if (k == "biasInit") c.bias_init = to_number(v, "biasInit");
      else if (k == "batchSize") c.batch_size = expa_int(v, "batchSize");
      else if (k == "optimizer") c.optimizer = nn::parse_optimizer(to_string(v, "optimizer"));
      else if (k == "seed") c.seed = expa_seed(v);
    }
    return new xp::DeadNeurons(c);
  });
}
double dead_train(xp::DeadNeurons& d, const val& e) { return guard([&] { return d.train(expa_int(e, "epochs")); }); }
val dead_fractions(xp::DeadNeurons& d) { return guard([&] { return to_float64array(d.dead_fractions()); }); }
int dead_epochs(xp::DeadNeurons& d) { return d.epochs(); }
bool dead_diverged(xp::DeadNeurons& d) { return d.diverged(); }

// ---- 4. self-normalisation
xp::SelfNorm* norm_make(const val& o) {
  return guard([&] {
    xp::NormConfig c;
    for (const auto& k : expa_keys(o, "self-normalisation config",
                                   {"activation", "depth", "width", "samples", "rawInputs", "init", "skip", "seed"})) {
      const val v = o[k];
      if (k == "activation") c.activation = expa_act(v);
      else if (k == "depth") c.depth = expa_int(v, "depth");
      else if (k == "width") c.width = expa_int(v, "width");
      else if (k == "samples") c.samples = expa_int(v, "samples");
      else if (k == "rawInputs") c.raw_inputs = expa_bool(v, "rawInputs");
      else if (k == "init") c.init = nn::parse_init(to_string(v, "init"));
      else if (k == "skip") c.skip = expa_bool(v, "skip");
      else if (k == "seed") c.seed = expa_seed(v);
    }
    return new xp::SelfNorm(c);
  });
}
bool norm_advance(xp::SelfNorm& s, const val& layers) { return guard([&] { return s.advance(expa_int(layers, "layers")); }); }
bool norm_step(xp::SelfNorm& s, const val& rows) { return guard([&] { return s.step(expa_int(rows, "rows")); }); }
int norm_layers_done(xp::SelfNorm& s) { return s.layers_done(); }
bool norm_done(xp::SelfNorm& s) { return s.done(); }
val norm_mean(xp::SelfNorm& s) { return to_float64array(s.mean()); }
val norm_std(xp::SelfNorm& s) { return to_float64array(s.stdev()); }

}  // namespace

EMSCRIPTEN_BINDINGS(experiments_a) {
  emscripten::class_<JsApprox>("ExpApprox")
      .constructor(&approx_make, emscripten::allow_raw_pointers())
      .function("train", &approx_train)
      .function("mse", &approx_mse)
      .function("epochs", &approx_epochs)
      .function("grid", &approx_grid)
      .function("predict", &approx_predict)
      .function("collapse", &approx_collapse);
  emscripten::class_<xp::GradientFlow>("ExpGradientFlow")
      .constructor(&flow_make, emscripten::allow_raw_pointers())
      .function("layerNorms", &flow_norms)
      .function("loss", &flow_loss)
      .function("train", &flow_train)
      .function("epochs", &flow_epochs);
  emscripten::class_<xp::DeadNeurons>("ExpDeadNeurons")
      .constructor(&dead_make, emscripten::allow_raw_pointers())
      .function("train", &dead_train)
      .function("deadFractions", &dead_fractions)
      .function("epochs", &dead_epochs)
      .function("diverged", &dead_diverged);
  emscripten::class_<xp::SelfNorm>("ExpSelfNorm")
      .constructor(&norm_make, emscripten::allow_raw_pointers())
      .function("advance", &norm_advance)
      .function("step", &norm_step)
      .function("layersDone", &norm_layers_done)
      .function("done", &norm_done)
      .function("mean", &norm_mean)
      .function("std", &norm_std);
}

// ================================================================ hardening (owner: hard)
// The overloaded free functions also accept the missing and the extra argument counts, so a wrong
// count gives a plain Error with the signature ("activate(id, x, params?) needs at least 2 arguments,
// got 1"): Embind's own message for an overloaded function lists its overload table, i.e. pages of
// minified JS source. Counts up to 5 are covered. Tested in tests/wasm/hostile.test.mjs.
namespace {

[[noreturn]] val hard_too_many(const char* signature, int max, int got) {
  throw_js(std::string(signature) + " takes at most " + std::to_string(max) + (max == 1 ? " argument" : " arguments") +
           ", got " + std::to_string(got));
}
[[noreturn]] val hard_too_few(const char* signature, int min, int got) {
  throw_js(std::string(signature) + " needs at least " + std::to_string(min) + (min == 1 ? " argument" : " arguments") +
           ", got " + std::to_string(got));
}

}  // namespace

#define HARD_EXTRA(js, sig, max)                                                                                     \
  emscripten::function(js, +[](const val&, const val&, const val&, const val&, const val&) -> val {                \
    hard_too_many(sig, max, 5);                                                                                     \
  });                                                                                                               \
  if (max < 4)                                                                                                      \
    emscripten::function(js, +[](const val&, const val&, const val&, const val&) -> val { hard_too_many(sig, max, 4); });
#define HARD_EXTRA3(js, sig, max) \
  emscripten::function(js, +[](const val&, const val&, const val&) -> val { hard_too_many(sig, max, 3); });
#define HARD_EXTRA2(js, sig, max) \
  emscripten::function(js, +[](const val&, const val&) -> val { hard_too_many(sig, max, 2); });

EMSCRIPTEN_BINDINGS(hardening) {
  emscripten::function("activate", +[]() -> val { hard_too_few("activate(id, x, params?)", 2, 0); });
  emscripten::function("activate", +[](const val&) -> val { hard_too_few("activate(id, x, params?)", 2, 1); });
  HARD_EXTRA("activate", "activate(id, x, params?)", 3)
  emscripten::function("derivative", +[]() -> val { hard_too_few("derivative(id, x, params?)", 2, 0); });
  emscripten::function("derivative", +[](const val&) -> val { hard_too_few("derivative(id, x, params?)", 2, 1); });
  HARD_EXTRA("derivative", "derivative(id, x, params?)", 3)
  emscripten::function("sampleCurve", +[]() -> val { hard_too_few("sampleCurve(id, xs, params?)", 2, 0); });
  emscripten::function("sampleCurve", +[](const val&) -> val { hard_too_few("sampleCurve(id, xs, params?)", 2, 1); });
  HARD_EXTRA("sampleCurve", "sampleCurve(id, xs, params?)", 3)
  emscripten::function("measureActivation", +[]() -> val { hard_too_few("measureActivation(id, options?)", 1, 0); });
  HARD_EXTRA3("measureActivation", "measureActivation(id, options?)", 2)
  HARD_EXTRA("measureActivation", "measureActivation(id, options?)", 2)
  emscripten::function("makeDataset", +[]() -> val { hard_too_few("makeDataset(name, options?)", 1, 0); });
  HARD_EXTRA3("makeDataset", "makeDataset(name, options?)", 2)
  HARD_EXTRA("makeDataset", "makeDataset(name, options?)", 2)
  HARD_EXTRA2("zigzagRun", "zigzagRun(options?)", 1)
  HARD_EXTRA3("zigzagRun", "zigzagRun(options?)", 1)
  HARD_EXTRA("zigzagRun", "zigzagRun(options?)", 1)
  HARD_EXTRA2("activationGuide", "activationGuide(answers?)", 1)
  HARD_EXTRA3("activationGuide", "activationGuide(answers?)", 1)
  HARD_EXTRA("activationGuide", "activationGuide(answers?)", 1)
}
#undef HARD_EXTRA
#undef HARD_EXTRA2
#undef HARD_EXTRA3
