// The only file that knows about Embind: converts JS values to the core's types, turns every
// C++ exception into a JS Error (the module keeps working afterwards), copies arrays out.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <exception>
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
std::vector<double> to_doubles(const val& v, const std::string& what) {
  const bool typed = v.instanceof(val::global("Float64Array")) || v.instanceof(val::global("Float32Array"));
  if (!typed && !val::global("Array").call<bool>("isArray", v))
    throw std::invalid_argument(what + " must be an Array or Float64Array of numbers, got " + type_name(v));
  if (!typed) {
    const unsigned n = v["length"].as<unsigned>();
    for (unsigned i = 0; i < n; ++i)
      if (!v[i].isNumber()) throw std::invalid_argument(what + "[" + std::to_string(i) + "] is not a number");
  }
  return emscripten::convertJSArrayToNumberVector<double>(v);
}

// Copies (never a view: a view into wasm memory dies when memory grows).
val to_float64array(const std::vector<double>& v) {
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
    const std::vector<double> x = to_doubles(xs, "xs");
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
// nsPerElementF, nsPerElementDf, checksum}. Times the C++ kernels inside wasm (cpp/speed.*).
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
    o.set("checksum", r.checksum);
    return o;
  });
}

}  // namespace

EMSCRIPTEN_BINDINGS(speed) {
  emscripten::function("measureActivation", &measure_activation);
  emscripten::function("measureActivation", +[](const val& id) { return measure_activation(id, val::undefined()); });
}
