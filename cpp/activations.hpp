// The ten activation functions of the post, then the six that came after it (softplus, silu, gelu,
// gelu_tanh, mish, hardswish: their kernels are in activations_after_post.hpp): value f(x) and
// derivative f'(x) side by side. Pure C++20, double precision, accurate in the tails (the page plots
// |f'| on a log axis). Conventions at a kink follow PyTorch's autograd (relu'(0)=0, leaky'(0)=alpha,
// elu'(0)=alpha, hardswish'(-3) = -1/2 and hardswish'(3) = 3/2).
#pragma once

#include <array>
#include <cmath>
#include <cstddef>
#include <limits>
#include <span>
#include <string>
#include <string_view>

namespace act {

// The post's ten in its order, then the six after it; the enum value is the index in all_ids().
enum class Id : int {
  linear, sigmoid, tanh, relu, leaky_relu, rrelu, prelu, elu, selu, maxout,  // the post
  softplus, silu, gelu, gelu_tanh, mish, hardswish                           // after it
};
inline constexpr std::size_t kCount = 16;
inline constexpr std::size_t kPostCount = 10;  // the first kPostCount ids are the post's
constexpr bool after_post(Id id) noexcept { return static_cast<std::size_t>(id) >= kPostCount; }

inline constexpr double kSeluAlpha = 1.6732632423543772848;
inline constexpr double kSeluScale = 1.0507009873554804934;

// Every parameter any activation takes; each id reads only its own fields.
// Use defaults(id) to get an id's defaults (alpha differs per id).
struct Params {
  double alpha = 0.01;                          // leaky_relu 0.01, prelu 0.25, elu 1.0
  double lower = 1.0 / 8.0, upper = 1.0 / 3.0;  // rrelu: train slopes ~ U(lower, upper)
  double w1 = 1.0, b1 = 0.0, w2 = 0.0, b2 = 0.0; // maxout (1-D): max(w1 x + b1, w2 x + b2)
  double beta = 1.0;                            // softplus: log(1 + e^{beta x}) / beta
};

// One named parameter: default, the range validate() accepts, a narrower slider range.
struct ParamInfo {
  std::string_view name;
  double def, min, max;          // accepted range (inclusive)
  double slider_min, slider_max; // what a UI slider should offer
};

struct Info {
  Id id;
  std::string_view name;         // the public id, e.g. "leaky_relu"
  std::string_view title;        // e.g. "Leaky ReLU"
  std::string_view range;        // output range, e.g. "(0, 1)"
  std::string_view description;  // one or two sentences, English
  std::span<const ParamInfo> params;
};

const std::array<Id, kCount>& all_ids() noexcept;
const Info& info(Id id) noexcept;
std::string_view name(Id id) noexcept;
// Throws std::invalid_argument naming the bad id and listing the allowed ones.
Id parse_id(std::string_view s);
// User text as shown inside an error message: at most 64 bytes (then "..."), control characters as
// \xNN (a NUL copied raw would end what(), and with it the list of what is allowed).
std::string quote_input(std::string_view s);
// A number as the shortest text that reads back to exactly v ("0.1", not "0.10000000000000001");
// every error message of the core uses it.
std::string format_number(double v);
Params defaults(Id id) noexcept;
// Reads/writes a parameter by name; unknown name throws std::invalid_argument listing the id's parameters.
double get_param(Id id, const Params& p, std::string_view param);
void set_param(Id id, Params& p, std::string_view param, double v);
// Throws std::invalid_argument ("elu: alpha must be a finite number in [1e-06, 10], got nan");
// for rrelu also when lower > upper.
void validate(Id id, const Params& p);

// ---- scalar kernels (inline: the network's hot loops use them) ----
namespace detail {
inline double sigmoid(double x) noexcept {
  if (x >= 0) return 1.0 / (1.0 + std::exp(-x));
  const double e = std::exp(x);  // accurate down to the subnormals: sigmoid(-710) = 4.47e-309
  return e / (1.0 + e);
}
// sigmoid'(x) = e^{-|x|} / (1 + e^{-|x|})^2 : no cancellation, sigmoid'(40) = 4.25e-18.
inline double dsigmoid(double x) noexcept {
  const double t = std::exp(-std::fabs(x));
  const double d = 1.0 + t;
  return t / (d * d);
}
// tanh'(x) = 4 e^{-2|x|} / (1 + e^{-2|x|})^2 : never 1 - tanh^2 (0 for |x| > 19).
inline double dtanh(double x) noexcept {
  const double t = std::exp(-2.0 * std::fabs(x));
  const double d = 1.0 + t;
  return 4.0 * t / (d * d);
}
// a == 0 is tested apart so that x = -inf gives the limit 0, not 0 * inf = NaN.
inline double leaky(double x, double a) noexcept { return x < 0 ? (a == 0 ? 0.0 : a * x) : x; }
inline double dleaky(double x, double a) noexcept { return x > 0 ? 1.0 : a; }
inline double maxout_piece(double w, double b, double x) noexcept {
  return w == 0 ? b : w * x + b;  // w == 0 keeps x = +-inf finite
}
// Slope of the active piece; a tie goes to the first piece, like torch.max. When both pieces are
// the same infinity (x = +-inf, or w x overflowing) the one growing faster towards x wins: the
// limit of the derivative, not whichever piece happens to come first.
inline double dmaxout(double x, double w1, double b1, double w2, double b2) noexcept {
  const double a = maxout_piece(w1, b1, x), b = maxout_piece(w2, b2, x);
  if (a == b && std::isinf(a)) return (x > 0 ? w2 > w1 : w2 < w1) ? w2 : w1;
  return a >= b ? w1 : w2;
}
}  // namespace detail
}  // namespace act

#include "activations_after_post.hpp"  // the six ids after the post (uses detail::sigmoid above)

namespace act {

// f(x). NaN in gives NaN out; +-inf give the limits.
inline double value(Id id, double x, const Params& p) noexcept {
  switch (id) {
    case Id::linear: return x;
    case Id::sigmoid: return detail::sigmoid(x);
    case Id::tanh: return std::tanh(x);
    case Id::relu: return x < 0 ? 0.0 : x;
    case Id::leaky_relu:
    case Id::prelu: return detail::leaky(x, p.alpha);
    case Id::rrelu: return detail::leaky(x, 0.5 * (p.lower + p.upper));  // eval mode
    case Id::elu: return x > 0 ? x : p.alpha * std::expm1(x);
    case Id::selu: return kSeluScale * (x > 0 ? x : kSeluAlpha * std::expm1(x));
    case Id::maxout: {
      if (std::isnan(x)) return x;
      const double a = detail::maxout_piece(p.w1, p.b1, x), b = detail::maxout_piece(p.w2, p.b2, x);
      return a >= b ? a : b;
    }
    case Id::softplus: return detail::softplus(x, p.beta);
    case Id::silu: return detail::silu(x);
    case Id::gelu: return detail::gelu(x);
    case Id::gelu_tanh: return detail::gelu_tanh(x);
    case Id::mish: return detail::mish(x);
    case Id::hardswish: return detail::hardswish(x);
  }
  return std::numeric_limits<double>::quiet_NaN();
}

// f'(x) (d/dx). NaN in gives NaN out.
inline double derivative(Id id, double x, const Params& p) noexcept {
  if (std::isnan(x)) return x;
  switch (id) {
    case Id::linear: return 1.0;
    case Id::sigmoid: return detail::dsigmoid(x);
    case Id::tanh: return detail::dtanh(x);
    case Id::relu: return x > 0 ? 1.0 : 0.0;
    case Id::leaky_relu:
    case Id::prelu: return detail::dleaky(x, p.alpha);
    case Id::rrelu: return detail::dleaky(x, 0.5 * (p.lower + p.upper));
    case Id::elu: return x > 0 ? 1.0 : p.alpha * std::exp(x);
    case Id::selu: return kSeluScale * (x > 0 ? 1.0 : kSeluAlpha * std::exp(x));
    case Id::maxout: return detail::dmaxout(x, p.w1, p.b1, p.w2, p.b2);
    case Id::softplus: return detail::dsoftplus(x, p.beta);
    case Id::silu: return detail::dsilu(x);
    case Id::gelu: return detail::dgelu(x);
    case Id::gelu_tanh: return detail::dgelu_tanh(x);
    case Id::mish: return detail::dmish(x);
    case Id::hardswish: return detail::dhardswish(x);
  }
  return std::numeric_limits<double>::quiet_NaN();
}

// Batched curve sampler: one call per redraw. f and df must have x.size() elements
// (throws std::invalid_argument otherwise); validates p first.
void sample(Id id, const Params& p, std::span<const double> x, std::span<double> f, std::span<double> df);

}  // namespace act
