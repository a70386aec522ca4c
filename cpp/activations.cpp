#include "activations.hpp"

#include <cstdio>
#include <cstdlib>
#include <stdexcept>

namespace act {
namespace {

constexpr ParamInfo kLeaky[] = {{"alpha", 0.01, 0.0, 1.0, 0.0, 0.5}};
constexpr ParamInfo kPrelu[] = {{"alpha", 0.25, -1.0, 1.0, -0.5, 1.0}};
constexpr ParamInfo kElu[] = {{"alpha", 1.0, 1e-6, 10.0, 0.05, 3.0}};
constexpr ParamInfo kRrelu[] = {{"lower", 1.0 / 8.0, 0.0, 1.0, 0.0, 1.0},
                                {"upper", 1.0 / 3.0, 0.0, 1.0, 0.0, 1.0}};
constexpr ParamInfo kMaxout[] = {{"w1", 1.0, -100.0, 100.0, -3.0, 3.0},
                                 {"b1", 0.0, -100.0, 100.0, -3.0, 3.0},
                                 {"w2", 0.0, -100.0, 100.0, -3.0, 3.0},
                                 {"b2", 0.0, -100.0, 100.0, -3.0, 3.0}};
// beta: nn.Softplus's default 1. Below 0.01 the curve is a nearly straight line log(2)/beta + x/2 over any
// range a plot shows; above 100 it is ReLU to within log(2)/beta < 0.007.
constexpr ParamInfo kSoftplus[] = {{"beta", 1.0, 0.01, 100.0, 0.1, 10.0}};

const Info kInfo[kCount] = {
    {Id::linear, "linear", "Linear (identity)", "(-inf, inf)",
     "f(x) = x. Any stack of linear layers collapses into one linear map, so a network needs a non-linearity.",
     {}},
    {Id::sigmoid, "sigmoid", "Sigmoid (logistic)", "(0, 1)",
     "Squashes any input into (0, 1). Its derivative peaks at 1/4 at x = 0 and vanishes in the tails; its outputs are never zero-centred.",
     {}},
    {Id::tanh, "tanh", "Hyperbolic tangent", "(-1, 1)",
     "tanh(x) = 2 sigmoid(2x) - 1: zero-centred, S-shaped, derivative 1 at x = 0 but still vanishing for large |x|.",
     {}},
    {Id::relu, "relu", "ReLU", "[0, inf)",
     "max(0, x): cheap, no upper bound, derivative 1 for x > 0 and 0 for x < 0, so a unit whose input is always negative stops learning (a dead ReLU).",
     {}},
    {Id::leaky_relu, "leaky_relu", "Leaky ReLU", "(-inf, inf)",
     "max(alpha x, x): a small slope alpha for x < 0 keeps the gradient alive.",
     kLeaky},
    {Id::rrelu, "rrelu", "Randomized leaky ReLU", "(-inf, inf)",
     "Leaky ReLU whose negative slope is drawn from U(lower, upper) while training and fixed at the mean (lower + upper) / 2 at test time.",
     kRrelu},
    {Id::prelu, "prelu", "Parametric ReLU", "(-inf, inf)",
     "Leaky ReLU whose slope alpha is a parameter learned by backpropagation (one per unit, starting at 0.25).",
     kPrelu},
    {Id::elu, "elu", "ELU", "(-alpha, inf)",
     "x for x > 0, alpha (e^x - 1) for x <= 0: negative outputs push the mean towards 0, the gradient never dies, and with alpha = 1 it is smooth at 0.",
     kElu},
    {Id::selu, "selu", "SELU (scaled ELU)", "(-scale*alpha, inf) = (-1.7581, inf)",
     "scale * ELU with alpha = 1.6733, scale = 1.0507: with standardised inputs, LeCun-normal weights and plain stacked layers, activations keep mean 0 and variance 1.",
     {}},
    {Id::maxout, "maxout", "Maxout", "depends on the pieces",
     "The maximum of k linear pieces; in 1-D max(w1 x + b1, w2 x + b2). With w1 = 1, b1 = w2 = b2 = 0 it is ReLU; it learns its own shape but costs k times the weights.",
     kMaxout},
    // ---- after the post ----
    {Id::softplus, "softplus", "Softplus", "(0, inf)",
     "log(1 + e^(beta x)) / beta: a smooth ReLU whose derivative is the sigmoid of beta x, so the gradient never dies; a larger beta bends it closer to ReLU.",
     kSoftplus},
    {Id::silu, "silu", "SiLU (swish)", "[-0.27846, inf)",
     "x sigmoid(x): smooth, unbounded above, with a small dip below zero (minimum -0.278 at x = -1.278); the self-gated activation found by automated search (Ramachandran et al. 2017).",
     {}},
    {Id::gelu, "gelu", "GELU", "[-0.16997, inf)",
     "x Phi(x): the input weighted by the probability that a standard normal variable is below it; smooth, with a dip to -0.170 at x = -0.752, and the default of Transformers such as BERT and GPT.",
     {}},
    {Id::gelu_tanh, "gelu_tanh", "GELU (tanh approximation)", "[-0.17004, inf)",
     "x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))) / 2: the tanh approximation of GELU used by BERT and GPT-2, within 4.8e-4 of the exact GELU everywhere.",
     {}},
    {Id::mish, "mish", "Mish", "[-0.30884, inf)",
     "x tanh(softplus(x)): smooth, unbounded above and bounded below like SiLU, with a slightly deeper dip (minimum -0.309 at x = -1.192) (Misra 2019).",
     {}},
    {Id::hardswish, "hardswish", "Hard swish", "[-0.375, inf)",
     "x relu6(x + 3) / 6: SiLU's shape from a piecewise quadratic with no exp, made for phones (MobileNetV3); exactly 0 below -3 and x above 3, its derivative jumps at both ends.",
     {}},
};

constexpr std::array<Id, kCount> kIds = {Id::linear,   Id::sigmoid, Id::tanh,  Id::relu,      Id::leaky_relu, Id::rrelu,
                                         Id::prelu,    Id::elu,     Id::selu,  Id::maxout,    Id::softplus,   Id::silu,
                                         Id::gelu,     Id::gelu_tanh, Id::mish, Id::hardswish};
static_assert([] {  // the enum value of an id is its index here (and in kInfo)
  for (std::size_t i = 0; i < kCount; ++i)
    if (static_cast<std::size_t>(kIds[i]) != i) return false;
  return true;
}());


std::string names_of(Id id) {
  std::string s;
  for (const auto& pi : info(id).params) s += (s.empty() ? "" : ", ") + std::string(pi.name);
  return s.empty() ? "none" : s;
}

double& field(Params& p, std::string_view param) {
  if (param == "alpha") return p.alpha;
  if (param == "lower") return p.lower;
  if (param == "upper") return p.upper;
  if (param == "w1") return p.w1;
  if (param == "b1") return p.b1;
  if (param == "w2") return p.w2;
  if (param == "beta") return p.beta;
  return p.b2;  // caller checked the name
}

const ParamInfo& find_param(Id id, std::string_view param) {
  for (const auto& pi : info(id).params)
    if (pi.name == param) return pi;
  throw std::invalid_argument(std::string(name(id)) + ": unknown parameter '" + quote_input(param) +
                              "'; allowed: " + names_of(id));
}

}  // namespace

const std::array<Id, kCount>& all_ids() noexcept { return kIds; }
const Info& info(Id id) noexcept { return kInfo[static_cast<int>(id)]; }
std::string_view name(Id id) noexcept { return info(id).name; }

Id parse_id(std::string_view s) {
  for (const auto& in : kInfo)
    if (in.name == s) return in.id;
  std::string allowed;
  for (const auto& in : kInfo) allowed += (allowed.empty() ? "" : ", ") + std::string(in.name);
  const std::string shown = quote_input(s);
  throw std::invalid_argument("unknown activation '" + shown + "'; allowed: " + allowed);
}

std::string format_number(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.15g", v);  // shortest form that reads back the same
  if (std::strtod(buf, nullptr) != v) std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

std::string quote_input(std::string_view s) {
  std::string out;
  for (const char ch : s.substr(0, 64)) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 || c == 0x7f) {
      static const char kHex[] = "0123456789abcdef";
      out += {'\\', 'x', kHex[c >> 4], kHex[c & 15]};
    } else {
      out += ch;
    }
  }
  if (s.size() > 64) out += "...";
  return out;
}

Params defaults(Id id) noexcept {
  Params p;
  for (const auto& pi : info(id).params) field(p, pi.name) = pi.def;
  return p;
}

double get_param(Id id, const Params& p, std::string_view param) {
  find_param(id, param);
  return field(const_cast<Params&>(p), param);
}

void set_param(Id id, Params& p, std::string_view param, double v) {
  find_param(id, param);
  field(p, param) = v;
}

void validate(Id id, const Params& p) {
  for (const auto& pi : info(id).params) {
    const double v = field(const_cast<Params&>(p), pi.name);
    if (!(std::isfinite(v) && v >= pi.min && v <= pi.max))
      throw std::invalid_argument(std::string(name(id)) + ": " + std::string(pi.name) +
                                  " must be a finite number in [" + format_number(pi.min) + ", " + format_number(pi.max) +
                                  "], got " + format_number(v));
  }
  if (id == Id::rrelu && p.lower > p.upper)
    throw std::invalid_argument("rrelu: lower must be <= upper, got lower=" + format_number(p.lower) +
                                " > upper=" + format_number(p.upper));
}

void sample(Id id, const Params& p, std::span<const double> x, std::span<double> f, std::span<double> df) {
  validate(id, p);
  if (f.size() != x.size() || df.size() != x.size())
    throw std::invalid_argument("sample: output arrays must have the length of x (" + std::to_string(x.size()) + ")");
  for (std::size_t i = 0; i < x.size(); ++i) {
    f[i] = value(id, x[i], p);
    df[i] = derivative(id, x[i], p);
  }
}

}  // namespace act
