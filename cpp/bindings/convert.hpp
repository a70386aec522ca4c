// What every bindings file shares: JS values in (one number rule, one integer rule, one options
// object rule), C++ exceptions out as JS Errors, results out as plain objects (Embind value_objects)
// with arrays copied out of wasm memory (a view into it dies when the memory grows).
#pragma once

#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <exception>
#include <initializer_list>
#include <limits>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "activations.hpp"

namespace bindings {

using emscripten::val;

[[noreturn]] void throw_js(const std::string& msg);

// Runs f; a C++ exception becomes a JS Error with the same message (the module keeps working).
template <class F>
auto guard(F&& f) -> decltype(f()) {
  try {
    return f();
  } catch (const std::exception& e) {
    throw_js(e.what());
  }
}

// ---------------------------------------------------------------- JS values in
std::string type_name(const val& v);  // "null", "array" or typeof
bool is_array(const val& v);
double to_number(const val& v, const std::string& what);        // "<what> must be a number, got <type>"
std::string to_string(const val& v, const std::string& what);   // "<what> must be a string, got <type>"
bool to_bool(const val& v, const std::string& what);            // "<what> must be true or false, got <type>"
act::Id to_id(const val& v, const std::string& what = "activation id");
// undefined/null or a plain object; missing fields take the id's defaults; validated.
act::Params to_params(act::Id id, const val& obj);

// The one integer rule: a whole number the C++ type holds, and never past 2^53 - 1 (the largest
// integer a JS number holds exactly; the one ceiling for seeds). The limits of each field are the
// core's to check; they use the same message: "<what> must be an integer in [lo, hi], got <v>".
inline constexpr double kMaxSafeInteger = 9007199254740991.0;
[[noreturn]] void throw_not_integer(const std::string& what, double lo, double hi, double got);
template <class Int>
Int to_integer(const val& v, const std::string& what) {
  constexpr double lo = std::max<double>(static_cast<double>(std::numeric_limits<Int>::min()), -kMaxSafeInteger);
  constexpr double hi = std::min<double>(static_cast<double>(std::numeric_limits<Int>::max()), kMaxSafeInteger);
  const double d = to_number(v, what);
  if (!(d >= lo && d <= hi && d == std::floor(d))) throw_not_integer(what, lo, hi, d);
  return static_cast<Int>(d);
}

// A JS Array or Float64Array/Float32Array of numbers, copied into wasm memory without a zero fill
// (trainEpoch copies the whole training set in on every call; the fill alone was ~5 % of an epoch).
// At most kMaxArrayLength numbers (80 MB of doubles): a larger array is refused by name before it
// is copied, instead of failing inside the copy with a bare std::bad_alloc.
inline constexpr unsigned kMaxArrayLength = 10'000'000;
class Doubles {
 public:
  explicit Doubles(std::size_t n) : p_(new double[n]), n_(n) {}  // default-initialised: no fill
  double* data() { return p_.get(); }
  const double* data() const { return p_.get(); }
  std::size_t size() const { return n_; }
  const double* begin() const { return p_.get(); }
  const double* end() const { return p_.get() + n_; }
  operator std::span<const double>() const { return {p_.get(), n_}; }

 private:
  std::unique_ptr<double[]> p_;
  std::size_t n_;
};
Doubles to_doubles(const val& v, const std::string& what);
// A JS Array of integers, each by the integer rule ("<what>[i] ...").
std::vector<int> to_ints(const val& v, const std::string& what);

// A plain options object (undefined/null: none given); a key whose value is undefined counts as
// missing. The keys a reader asks for (has, get, read) are the allowed ones: refuse_unknown() then
// names the first other key ("<what>: unknown key 'k'; allowed: a, b"). Use it through read_options.
class Options {
 public:
  Options(const val& obj, std::string what);
  bool has(std::string_view key) const;
  val get(std::string_view key) const { return has(key) ? obj_[std::string(key)] : val::undefined(); }
  // Sets `field` from `key` when given, converted by the rule of the field's type.
  template <class T>
  void read(std::string_view key, T& field) const {
    if (!has(key)) return;
    const val v = get(key);
    const std::string k(key);
    if constexpr (std::is_same_v<T, bool>) field = to_bool(v, k);
    else if constexpr (std::is_integral_v<T>) field = to_integer<T>(v, k);
    else if constexpr (std::is_floating_point_v<T>) field = to_number(v, k);
    else if constexpr (std::is_same_v<T, std::string>) field = to_string(v, k);
    else if constexpr (std::is_same_v<T, act::Id>) field = to_id(v, k);
    else static_assert(sizeof(T) == 0, "no conversion for this field type");
  }
  // A name parsed by the core (an enum such as an optimizer or an init), or a value converted by
  // convert(value, key) (a list).
  template <class T, class Convert>
  void read(std::string_view key, T& field, Convert convert) const {
    if (!has(key)) return;
    if constexpr (std::is_invocable_v<Convert, std::string_view>) field = convert(to_string(get(key), std::string(key)));
    else field = convert(get(key), std::string(key));
  }
  void refuse_unknown() const;

 private:
  val obj_;
  std::string what_;
  std::vector<std::string> given_;
  mutable std::vector<std::string> allowed_;
};

// Reads obj with read(options) -> a config, then refuses any key read() did not ask for.
template <class Read>
auto read_options(const val& obj, const std::string& what, Read&& read) {
  const Options o(obj, what);
  if constexpr (std::is_void_v<decltype(read(o))>) {
    read(o);
    o.refuse_unknown();
  } else {
    auto config = read(o);
    o.refuse_unknown();
    return config;
  }
}

// ---------------------------------------------------------------- results out
val to_js(std::span<const double> v);         // a fresh Float64Array (a copy, never a view)
val to_js(std::span<const std::uint8_t> v);   // a fresh Uint8Array
inline val to_js(const std::vector<double>& v) { return to_js(std::span<const double>(v)); }
inline val to_js(const std::vector<std::uint8_t>& v) { return to_js(std::span<const std::uint8_t>(v)); }
inline std::string to_js(std::string_view s) { return std::string(s); }
inline std::string to_js(act::Id id) { return std::string(act::name(id)); }
// Anything else iterable (std::array, std::span, std::vector of ints, ids or value_objects): a JS Array.
template <class List>
val to_js(const List& list) {
  val out = val::array();
  for (const auto& x : list) {
    if constexpr (std::is_arithmetic_v<std::decay_t<decltype(x)>>) out.call<void>("push", x);
    else if constexpr (std::is_same_v<std::decay_t<decltype(x)>, act::Id>) out.call<void>("push", to_js(x));
    else if constexpr (std::is_same_v<std::decay_t<decltype(x)>, std::string_view>) out.call<void>("push", std::string(x));
    else out.call<void>("push", val(x));
  }
  return out;
}

// A C++ result struct registered as an Embind value_object: JS receives a plain object.
// member<&T::m>("name"): a data member (numbers, bools and strings as Embind converts them; arrays,
// ids and names through to_js); computed<f>("name"): a value derived from the struct.
template <class T>
class Result {
  template <class M>
  static constexpr bool kPlain = std::is_same_v<M, std::string> || std::is_same_v<M, bool> ||
                                 (std::is_arithmetic_v<M> && sizeof(M) <= 4) || std::is_same_v<M, double>;

 public:
  explicit Result(const char* name) : vo_(name) {}
  template <auto Member>
  Result& member(const char* js) {
    using M = std::remove_cvref_t<decltype(std::declval<const T&>().*Member)>;
    if constexpr (kPlain<M>) vo_.field(js, Member);
    else computed<+[](const T& t) { return to_js(t.*Member); }>(js);
    return *this;
  }
  template <auto Get>
  Result& computed(const char* js) {
    using R = decltype(Get(std::declval<const T&>()));
    vo_.field(js, Get, +[](T&, R) {});  // results only travel out: nothing is ever set from JS
    return *this;
  }

 private:
  emscripten::value_object<T> vo_;
};

// ---------------------------------------------------------------- argument counts
// Embind's own message for a wrong argument count of an overloaded function lists its overload table
// (pages of minified JS). bind_wrong_counts registers every count from 0 to 5 outside [Min, Max], each
// throwing a plain Error with the signature: "activate(id, x, params?) needs at least 2 arguments, got 1".
template <std::size_t N>
struct Signature {
  char text[N];
  constexpr Signature(const char (&s)[N]) { std::copy_n(s, N, text); }
};
[[noreturn]] void throw_wrong_count(const char* signature, int min, int max, int got);

namespace detail {
template <std::size_t>
using Arg = const val&;
template <Signature S, int Min, int Max, class Seq>
struct WrongCount;
template <Signature S, int Min, int Max, std::size_t... I>
struct WrongCount<S, Min, Max, std::index_sequence<I...>> {
  static val call(Arg<I>...) { throw_wrong_count(S.text, Min, Max, static_cast<int>(sizeof...(I))); }
};

template <Signature S, int Min, int Max, std::size_t N>
void bind_wrong_count(const char* js) {
  if constexpr (static_cast<int>(N) < Min || static_cast<int>(N) > Max) emscripten::function(js, &WrongCount<S, Min, Max, std::make_index_sequence<N>>::call);
}
}  // namespace detail

template <Signature S, int Min, int Max>
void bind_wrong_counts(const char* js) {
  [js]<std::size_t... N>(std::index_sequence<N...>) {
    (detail::bind_wrong_count<S, Min, Max, N>(js), ...);
  }(std::make_index_sequence<6>{});
}

}  // namespace bindings
