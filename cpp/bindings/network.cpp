// new Module.Network(config?), new Module.Data(X, Y), Module.datasetIds(), makeDataset(name, options?),
// datasetFromPoints(XY, labels, options?) (the reader's own points: options seed, testFraction).
// Config keys (all optional): layers, activation, params, maxoutPieces, init, loss (bce | mse | cross_entropy), optimizer,
// learningRate, batchSize, seed; the limits are nn::validate's.
#include "convert.hpp"
#include "datasets.hpp"
#include "network.hpp"

namespace bindings {
namespace {

nn::Config network_config(const val& obj) {
  return read_options(obj, "config", [](const Options& o) {
    nn::Config c;
    if (o.has("layers")) {
      if (!is_array(o.get("layers")))
        throw std::invalid_argument("layers must be an Array of widths like [2, 8, 8, 1], got " + type_name(o.get("layers")));
      c.layers = to_ints(o.get("layers"), "layers");
    }
    o.read("activation", c.activation);
    c.params = to_params(c.activation, o.get("params"));
    o.read("maxoutPieces", c.maxout_pieces);
    o.read("init", c.init, nn::parse_init);
    o.read("loss", c.loss, nn::parse_loss);
    o.read("optimizer", c.optimizer, nn::parse_optimizer);
    o.read("learningRate", c.learning_rate);
    o.read("batchSize", c.batch_size);
    o.read("seed", c.seed);
    return c;
  });
}

// A data set copied into wasm memory once: Network.trainOn(data) and lossOn(data) use it where it
// is, while trainEpoch(X, Y) and loss(X, Y) copy both arrays in on every call (the race trains ten
// networks on one set every epoch). Shapes are checked against each network when it uses the set.
struct Data {
  Doubles x, y;
};

struct LossAndGradient {
  double loss;
  std::vector<double> gradient;
};

nn::Network* make_network(const val& config) { return guard([&] { return new nn::Network(network_config(config)); }); }
Data* make_data(const val& x, const val& y) { return guard([&] { return new Data{to_doubles(x, "X"), to_doubles(y, "Y")}; }); }

double parameter_count(const nn::Network& n) { return static_cast<double>(n.parameter_count()); }
val get_parameters(const nn::Network& n) { return to_js(n.parameters()); }
void set_parameters(nn::Network& n, const val& p) { guard([&] { n.set_parameters(to_doubles(p, "parameters")); }); }
LossAndGradient loss_and_gradient(nn::Network& n, const val& x, const val& y) {
  return guard([&] {
    LossAndGradient r{0, std::vector<double>(n.parameter_count())};
    r.loss = n.loss_and_gradient(to_doubles(x, "X"), to_doubles(y, "Y"), r.gradient);
    return r;
  });
}
val predict(nn::Network& n, const val& x) { return guard([&] { return to_js(n.predict(to_doubles(x, "X"))); }); }
val probabilities(nn::Network& n, const val& x) { return guard([&] { return to_js(n.probabilities(to_doubles(x, "X"))); }); }
val classify(nn::Network& n, const val& x) { return guard([&] { return to_js(n.classify(to_doubles(x, "X"))); }); }
double accuracy(nn::Network& n, const val& x, const val& y) {
  return guard([&] { return n.accuracy(to_doubles(x, "X"), to_doubles(y, "Y")); });
}
double accuracy_on(nn::Network& n, const Data& d) { return guard([&] { return n.accuracy(d.x, d.y); }); }
double train_epoch(nn::Network& n, const val& x, const val& y) {
  return guard([&] { return n.train_epoch(to_doubles(x, "X"), to_doubles(y, "Y")); });
}
double loss(nn::Network& n, const val& x, const val& y) { return guard([&] { return n.loss(to_doubles(x, "X"), to_doubles(y, "Y")); }); }
double train_on(nn::Network& n, const Data& d) { return guard([&] { return n.train_epoch(d.x, d.y); }); }
double loss_on(nn::Network& n, const Data& d) { return guard([&] { return n.loss(d.x, d.y); }); }
bool diverged(const nn::Network& n) { return n.diverged(); }
std::string to_json(const nn::Network& n) { return n.to_json(); }
nn::Config config(const nn::Network& n) { return n.config(); }

// The activation's own parameters only ({alpha} for elu, {} for relu).
val config_params(const nn::Config& c) {
  val ps = val::object();
  for (const auto& pi : act::info(c.activation).params)
    ps.set(std::string(pi.name), act::get_param(c.activation, c.params, pi.name));
  return ps;
}

nn::Dataset make_dataset(const val& name, const val& options) {
  return guard([&] {
    const std::string id = to_string(name, "dataset name");
    return nn::make_dataset(id, read_options(options, "dataset options", [](const Options& o) {
      nn::DatasetOptions d;
      o.read("n", d.n);
      o.read("noise", d.noise);
      o.read("seed", d.seed);
      o.read("testFraction", d.test_fraction);
      return d;
    }));
  });
}

nn::Dataset dataset_from_points(const val& xy, const val& labels, const val& options) {
  return guard([&] {
    const Doubles x = to_doubles(xy, "XY"), y = to_doubles(labels, "labels");
    return nn::dataset_from_points(x, y, read_options(options, "dataset options", [](const Options& o) {
      nn::DatasetOptions d;
      o.read("seed", d.seed);
      o.read("testFraction", d.test_fraction);
      return d;
    }));
  });
}

}  // namespace

EMSCRIPTEN_BINDINGS(network) {
  using emscripten::allow_raw_pointers;
  using emscripten::function;
  Result<LossAndGradient>("LossAndGradient").member<&LossAndGradient::loss>("loss").member<&LossAndGradient::gradient>("gradient");
  Result<nn::Config>("NetworkConfig")
      .member<&nn::Config::layers>("layers")
      .member<&nn::Config::activation>("activation")
      .computed<&config_params>("params")
      .member<&nn::Config::maxout_pieces>("maxoutPieces")
      .computed<+[](const nn::Config& c) { return std::string(nn::name(c.init)); }>("init")
      .computed<+[](const nn::Config& c) { return std::string(nn::name(c.loss)); }>("loss")
      .computed<+[](const nn::Config& c) { return std::string(nn::name(c.optimizer)); }>("optimizer")
      .member<&nn::Config::learning_rate>("learningRate")
      .member<&nn::Config::batch_size>("batchSize")
      .computed<+[](const nn::Config& c) { return static_cast<double>(c.seed); }>("seed");
  Result<nn::Dataset>("Dataset")
      .member<&nn::Dataset::name>("name")
      .member<&nn::Dataset::input_dim>("inputDim")
      .computed<+[](const nn::Dataset& d) { return std::string(d.regression ? "regression" : "classification"); }>("task")
      .member<&nn::Dataset::classes>("classes")
      .member<&nn::Dataset::x_train>("xTrain")
      .member<&nn::Dataset::y_train>("yTrain")
      .member<&nn::Dataset::x_test>("xTest")
      .member<&nn::Dataset::y_test>("yTest");

  emscripten::class_<nn::Network>("Network")
      .constructor(&make_network, allow_raw_pointers())
      .constructor(+[] { return make_network(val::undefined()); }, allow_raw_pointers())
      .function("parameterCount", &parameter_count)
      .function("getParameters", &get_parameters)
      .function("setParameters", &set_parameters)
      .function("lossAndGradient", &loss_and_gradient)
      .function("predict", &predict)
      .function("probabilities", &probabilities)
      .function("classify", &classify)
      .function("accuracy", &accuracy)
      .function("accuracyOn", &accuracy_on)
      .function("trainEpoch", &train_epoch)
      .function("loss", &loss)
      .function("trainOn", &train_on)
      .function("lossOn", &loss_on)
      .function("diverged", &diverged)
      .function("toJSON", &to_json)
      .function("config", &config);
  emscripten::class_<Data>("Data").constructor(&make_data, allow_raw_pointers());
  function("datasetIds", +[] { return to_js(nn::dataset_ids()); });
  function("makeDataset", &make_dataset);
  function("makeDataset", +[](const val& name) { return make_dataset(name, val::undefined()); });
  bind_wrong_counts<"makeDataset(name, options?)", 1, 2>("makeDataset");
  function("datasetFromPoints", &dataset_from_points);
  function("datasetFromPoints", +[](const val& xy, const val& labels) { return dataset_from_points(xy, labels, val::undefined()); });
  bind_wrong_counts<"datasetFromPoints(XY, labels, options?)", 2, 3>("datasetFromPoints");
}

}  // namespace bindings
