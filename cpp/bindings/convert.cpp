#include "convert.hpp"

#include <stdexcept>

namespace bindings {

void throw_js(const std::string& msg) { val::global("Error").new_(msg).throw_(); }

bool is_array(const val& v) { return val::global("Array").call<bool>("isArray", v); }

std::string type_name(const val& v) {
  if (v.isNull()) return "null";
  if (is_array(v)) return "array";
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

bool to_bool(const val& v, const std::string& what) {
  if (!v.isTrue() && !v.isFalse()) throw std::invalid_argument(what + " must be true or false, got " + type_name(v));
  return v.isTrue();
}

act::Id to_id(const val& v, const std::string& what) { return act::parse_id(to_string(v, what)); }

act::Params to_params(act::Id id, const val& obj) {
  act::Params p = act::defaults(id);
  if (obj.isUndefined() || obj.isNull()) return p;
  const std::string name(act::name(id));
  if (type_name(obj) != "object") throw std::invalid_argument(name + ": params must be a plain object, got " + type_name(obj));
  const val keys = val::global("Object").call<val>("keys", obj);
  for (unsigned i = 0, n = keys["length"].as<unsigned>(); i < n; ++i) {
    const std::string k = keys[i].as<std::string>();
    act::get_param(id, p, k);                // an unknown name is an error even when undefined
    if (obj[k].isUndefined()) continue;      // {alpha: undefined} = missing, as in every options object
    act::set_param(id, p, k, to_number(obj[k], name + ": " + k));
  }
  act::validate(id, p);
  return p;
}

void throw_not_integer(const std::string& what, double lo, double hi, double got) {
  throw std::invalid_argument(what + " must be an integer in [" + act::format_number(lo) + ", " +
                              act::format_number(hi) + "], got " + act::format_number(got));
}

namespace {
// The length of an array-like argument, refused past kMaxArrayLength before anything is allocated.
std::size_t array_length(const val& v, const std::string& what) {
  const double length = v["length"].as<double>();
  if (length > kMaxArrayLength)
    throw std::invalid_argument(what + ": at most " + std::to_string(kMaxArrayLength) + " numbers, got " +
                                act::format_number(length));
  return static_cast<std::size_t>(length);
}
}  // namespace

// Every call into JS costs ~0.1 us, and trainEpoch runs this twice per epoch (ten networks per frame
// on the page): the constructors are looked up once, and the length is read once.
Doubles to_doubles(const val& v, const std::string& what) {
  static const val f64 = val::global("Float64Array"), f32 = val::global("Float32Array");
  const bool typed = v.instanceof(f64) || v.instanceof(f32);
  if (!typed && !is_array(v))
    throw std::invalid_argument(what + " must be an Array or Float64Array of numbers, got " + type_name(v));
  const std::size_t n = array_length(v, what);
  if (!typed)
    for (std::size_t i = 0; i < n; ++i)
      if (!v[i].isNumber()) throw std::invalid_argument(what + "[" + std::to_string(i) + "] is not a number");
  Doubles out(n);
  if (n) val(emscripten::typed_memory_view(n, out.data())).call<void>("set", v);
  return out;
}

std::vector<int> to_ints(const val& v, const std::string& what) {
  if (!is_array(v)) throw std::invalid_argument(what + " must be an Array of integers, got " + type_name(v));
  std::vector<int> out(array_length(v, what));
  for (std::size_t i = 0; i < out.size(); ++i) out[i] = to_integer<int>(v[i], what + "[" + std::to_string(i) + "]");
  return out;
}

Options::Options(const val& obj, std::string what) : obj_(obj), what_(std::move(what)) {
  if (obj.isUndefined() || obj.isNull()) return;
  if (type_name(obj) != "object") throw std::invalid_argument(what_ + " must be a plain object, got " + type_name(obj));
  const val keys = val::global("Object").call<val>("keys", obj);
  for (unsigned i = 0, n = keys["length"].as<unsigned>(); i < n; ++i) given_.push_back(keys[i].as<std::string>());
}

bool Options::has(std::string_view key) const {
  if (std::find(allowed_.begin(), allowed_.end(), key) == allowed_.end()) allowed_.emplace_back(key);
  return std::find(given_.begin(), given_.end(), key) != given_.end() && !obj_[std::string(key)].isUndefined();
}

void Options::refuse_unknown() const {
  for (const std::string& k : given_) {
    if (std::find(allowed_.begin(), allowed_.end(), k) != allowed_.end()) continue;
    std::string list;
    for (const auto& a : allowed_) list += (list.empty() ? "" : ", ") + a;
    throw std::invalid_argument(what_ + ": unknown key '" + k.substr(0, 64) + "'; allowed: " + list);
  }
}

val to_js(std::span<const double> v) { return val(emscripten::typed_memory_view(v.size(), v.data())).call<val>("slice"); }
val to_js(std::span<const std::uint8_t> v) {
  return val(emscripten::typed_memory_view(v.size(), v.data())).call<val>("slice");
}

void throw_wrong_count(const char* signature, int min, int max, int got) {
  if (got < min)
    throw_js(std::string(signature) + " needs at least " + std::to_string(min) + (min == 1 ? " argument" : " arguments") +
             ", got " + std::to_string(got));
  throw_js(std::string(signature) + " takes at most " + std::to_string(max) + (max == 1 ? " argument" : " arguments") +
           ", got " + std::to_string(got));
}

}  // namespace bindings
