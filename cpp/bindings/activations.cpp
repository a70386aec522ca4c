// Module.activationIds(), activationInfo(id), activate(id, x, params?), derivative(id, x, params?),
// sampleCurve(id, xs, params?) -> {x, f, df}, and measureActivation(id, options?): the cost of f and
// f' in wasm (cpp/speed.hpp).
#include "convert.hpp"
#include "speed.hpp"

namespace bindings {
namespace {

struct Curve {
  std::vector<double> x, f, df;
};

val activation_ids() { return to_js(act::all_ids()); }

act::Info activation_info(const val& id) { return guard([&] { return act::info(to_id(id)); }); }

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

// One call per redraw: xs (Array/Float64Array, up to 10^6 points) -> {x, f, df}.
Curve sample_curve(const val& idv, const val& xs, const val& params) {
  return guard([&] {
    const act::Id id = to_id(idv);
    const act::Params p = to_params(id, params);
    const Doubles x = to_doubles(xs, "xs");
    if (x.size() > 1'000'000) throw std::invalid_argument("xs: at most 1000000 points, got " + std::to_string(x.size()));
    Curve c{{x.begin(), x.end()}, std::vector<double>(x.size()), std::vector<double>(x.size())};
    act::sample(id, p, c.x, c.f, c.df);
    return c;
  });
}

// options: {n, reps, variant, params, seed}; the limits are speed::measure's.
speed::Result measure_activation(const val& idv, const val& options) {
  return guard([&] {
    const act::Id id = to_id(idv);
    std::uint64_t n = 1'000'000, seed = 1;
    int reps = 5;
    speed::Variant variant = speed::Variant::standard;
    act::Params p;
    read_options(options, "measureActivation options", [&](const Options& o) {
      o.read("n", n);
      o.read("reps", reps);
      o.read("variant", variant, speed::parse_variant);
      p = to_params(id, o.get("params"));
      o.read("seed", seed);
    });
    return speed::measure(id, p, n, reps, variant, seed);
  });
}

}  // namespace

EMSCRIPTEN_BINDINGS(activations) {
  using emscripten::function;
  Result<act::ParamInfo>("ParamInfo")
      .member<&act::ParamInfo::name>("name")
      .member<&act::ParamInfo::def>("default")
      .member<&act::ParamInfo::min>("min")
      .member<&act::ParamInfo::max>("max")
      .member<&act::ParamInfo::slider_min>("sliderMin")
      .member<&act::ParamInfo::slider_max>("sliderMax");
  Result<act::Info>("ActivationInfo")
      .member<&act::Info::name>("id")
      .member<&act::Info::title>("title")
      .member<&act::Info::range>("range")
      .member<&act::Info::description>("description")
      .member<&act::Info::params>("params");
  Result<Curve>("Curve").member<&Curve::x>("x").member<&Curve::f>("f").member<&Curve::df>("df");
  Result<speed::Result>("ActivationSpeed")
      .member<&speed::Result::id>("id")
      .computed<+[](const speed::Result& r) { return std::string(speed::variant_name(r.variant)); }>("variant")
      .member<&speed::Result::n>("n")
      .member<&speed::Result::reps>("reps")
      .member<&speed::Result::ns_per_element_f>("nsPerElementF")
      .member<&speed::Result::ns_per_element_df>("nsPerElementDf")
      .member<&speed::Result::best_ns_per_element_f>("bestNsPerElementF")
      .member<&speed::Result::best_ns_per_element_df>("bestNsPerElementDf")
      .member<&speed::Result::checksum>("checksum");

  function("activationIds", &activation_ids);
  function("activationInfo", &activation_info);
  // Embind checks arity: the shorter forms make params / options optional (defaults).
  function("activate", &activate);
  function("activate", +[](const val& id, const val& x) { return activate(id, x, val::undefined()); });
  bind_wrong_counts<"activate(id, x, params?)", 2, 3>("activate");
  function("derivative", &derivative);
  function("derivative", +[](const val& id, const val& x) { return derivative(id, x, val::undefined()); });
  bind_wrong_counts<"derivative(id, x, params?)", 2, 3>("derivative");
  function("sampleCurve", &sample_curve);
  function("sampleCurve", +[](const val& id, const val& xs) { return sample_curve(id, xs, val::undefined()); });
  bind_wrong_counts<"sampleCurve(id, xs, params?)", 2, 3>("sampleCurve");
  function("measureActivation", &measure_activation);
  function("measureActivation", +[](const val& id) { return measure_activation(id, val::undefined()); });
  bind_wrong_counts<"measureActivation(id, options?)", 1, 2>("measureActivation");
}

}  // namespace bindings
