#include "speed.hpp"

#include "network_kernels.hpp"

#include <algorithm>
#include <chrono>
#include <stdexcept>
#include <string>
#include <vector>

namespace speed {
namespace {

// An empty asm statement emits no instruction, but a compiler may not speculate it, so the
// if/else around it stays a real conditional branch instead of becoming a select/max.
inline void keep_branch() noexcept { __asm__ __volatile__(""); }

bool relu_family(act::Id id) noexcept {
  return id == act::Id::relu || id == act::Id::leaky_relu || id == act::Id::rrelu || id == act::Id::prelu;
}

// The ids with a fused SIMD training kernel (nn::kernels::activate), which the "fast" variant times:
// the post's exp family and the six after it.
bool fused_kernel(act::Id id) noexcept {
  return id == act::Id::sigmoid || id == act::Id::tanh || id == act::Id::elu || id == act::Id::selu ||
         act::after_post(id);
}

// The slope for x <= 0 of a ReLU-family member, the same one act::value uses.
double negative_slope(act::Id id, const act::Params& p) noexcept {
  switch (id) {
    case act::Id::relu: return 0.0;
    case act::Id::rrelu: return 0.5 * (p.lower + p.upper);  // eval mode
    default: return p.alpha;                              // leaky_relu, prelu
  }
}

// Branch-free select: a where mask is all ones, b where it is zero. Exact (bits are copied).
// (__builtin_bit_cast: Emscripten 3.1.6's libc++ has no std::bit_cast.)
inline double select_bits(std::uint64_t mask, double a, double b) noexcept {
  return __builtin_bit_cast(double, (__builtin_bit_cast(std::uint64_t, a) & mask) |
                               (__builtin_bit_cast(std::uint64_t, b) & ~mask));
}
inline std::uint64_t positive_mask(double x) noexcept { return std::uint64_t{0} - std::uint64_t{x > 0.0}; }

// An array kernel y[i] = g(x[i]), i < n, behind a function pointer: run() and timed_pass() below exist
// once, not once per id and variant (as templates they were ~2.5 KB of wasm per instance, 40 KB over
// the sixteen ids' variants); only each kernel's own loop is instantiated per id. One indirect call per
// pass of n elements costs nothing measurable.
struct Kernel {
  void (*fn)(const void* ctx, const double* x, double* y, std::size_t n);
  const void* ctx;  // the callable fn runs (it must outlive the Kernel)
};

// An element-wise callable f as a Kernel (f must outlive it; each pass runs on a copy of f).
template <class F>
Kernel each(const F& f) {
  return {[](const void* ctx, const double* x, double* y, std::size_t n) {
            const F g = *static_cast<const F*>(ctx);  // a local copy: y cannot alias what g captured, so the
            for (std::size_t i = 0; i < n; ++i) y[i] = g(x[i]);  // loop compiles as when g was inlined
          },
          &f};
}

// One timed pass of a kernel; returns elapsed nanoseconds. noinline keeps the clock reads around
// exactly this work.
[[gnu::noinline]] double timed_pass(const double* x, double* y, std::size_t n, Kernel k) {
  const auto t0 = std::chrono::steady_clock::now();
  k.fn(k.ctx, x, y, n);
  const auto t1 = std::chrono::steady_clock::now();
  return std::chrono::duration<double, std::nano>(t1 - t0).count();
}

double sum_in_order(const std::vector<double>& y) noexcept {
  double s = 0;
  for (double v : y) s += v;
  return s;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t m = v.size() / 2;
  return v.size() % 2 ? v[m] : 0.5 * (v[m - 1] + v[m]);
}

Result run(std::size_t n, int reps, std::uint64_t seed, Kernel f, Kernel df) {
  std::vector<double> x(n), y(n);
  fill_inputs(x.data(), n, seed);
  std::vector<double> tf, tdf;
  double sum_f = 0, sum_df = 0;
  for (int r = -1; r < reps; ++r) {  // r = -1: warm-up (page faults, caches, wasm tier-up)
    const double a = timed_pass(x.data(), y.data(), n, f);
    sum_f = sum_in_order(y);
    const double b = timed_pass(x.data(), y.data(), n, df);
    sum_df = sum_in_order(y);
    if (r >= 0) {
      tf.push_back(a / static_cast<double>(n));
      tdf.push_back(b / static_cast<double>(n));
    }
  }
  return {median(tf), median(tdf), *std::min_element(tf.begin(), tf.end()),
          *std::min_element(tdf.begin(), tdf.end()), sum_f + sum_df};
}

// The library kernels with the id fixed at compile time, so the switch in act::value folds away.
template <act::Id I>
Result run_standard(const act::Params& p, std::size_t n, int reps, std::uint64_t seed) {
  const auto f = [p](double v) { return act::value(I, v, p); };
  const auto df = [p](double v) { return act::derivative(I, v, p); };
  return run(n, reps, seed, each(f), each(df));
}

Result run_relu_family(Variant variant, double a, std::size_t n, int reps, std::uint64_t seed) {
  if (variant == Variant::branchless) {
    const auto f = [a](double v) { return select_bits(positive_mask(v), v, a * v); };
    const auto df = [a](double v) { return select_bits(positive_mask(v), 1.0, a); };
    return run(n, reps, seed, each(f), each(df));
  }
  const auto f = [a](double v) {
    if (v > 0.0) return v;
    keep_branch();
    return a * v;
  };
  const auto df = [a](double v) {
    if (v > 0.0) return 1.0;
    keep_branch();
    return a;
  };
  return run(n, reps, seed, each(f), each(df));
}

// The network's fused training kernels (nn::kernels::activate: f and f' together, two lanes at a
// time, from one polynomial exp; hardswish by selects, gelu by libm erfc per element). The f pass
// keeps f (f' goes to scratch), the f' pass keeps f', so both timings are the cost of the fused pass.
// The kernel wants an even length: an odd last element goes through a two-element buffer.
struct Fused {
  const act::Params* p;
  double* scratch;
  bool keep_f;
};

template <act::Id I>
void fused_pass(const void* ctx, const double* x, double* out, std::size_t m) {
  const Fused& c = *static_cast<const Fused*>(ctx);
  double* y = c.keep_f ? out : c.scratch;
  double* d = c.keep_f ? c.scratch : out;
  const std::size_t even = m & ~std::size_t{1};
  nn::kernels::activate<I>(x, y, d, even, *c.p);
  if (even != m) {
    const double xx[2] = {x[even], 0.0};
    double yy[2], dd[2];
    nn::kernels::activate<I>(xx, yy, dd, 2, *c.p);
    y[even] = yy[0];
    d[even] = dd[0];
  }
}

template <act::Id I>
Result run_fast(const act::Params& p, std::size_t n, int reps, std::uint64_t seed) {
  std::vector<double> scratch(n + 1);
  const Fused keep_f{&p, scratch.data(), true}, keep_df{&p, scratch.data(), false};
  return run(n, reps, seed, {&fused_pass<I>, &keep_f}, {&fused_pass<I>, &keep_df});
}

}  // namespace

Variant parse_variant(std::string_view s) {
  if (s == "default") return Variant::standard;
  if (s == "branchy") return Variant::branchy;
  if (s == "branchless") return Variant::branchless;
  if (s == "fast") return Variant::fast;
  throw std::invalid_argument("variant must be 'default', 'branchy', 'branchless' or 'fast', got '" +
                              act::quote_input(s) + "'");
}

std::string_view variant_name(Variant v) noexcept {
  switch (v) {
    case Variant::branchy: return "branchy";
    case Variant::branchless: return "branchless";
    case Variant::fast: return "fast";
    default: return "default";
  }
}

bool has_variant(act::Id id, Variant v) noexcept {
  if (v == Variant::fast) return fused_kernel(id);
  return v == Variant::standard || relu_family(id);
}

void fill_inputs(double* x, std::size_t n, std::uint64_t seed) noexcept {
  std::uint64_t s = seed;
  for (std::size_t i = 0; i < n; ++i) {
    // splitmix64 (Steele, Lea, Flood 2014), then the top 53 bits as a double in [0, 1)
    std::uint64_t z = (s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    z ^= z >> 31;
    const double u = static_cast<double>(z >> 11) * 0x1.0p-53;
    x[i] = 8.0 * u - 4.0;
  }
}

namespace {
Result timed(act::Id id, const act::Params& p, std::size_t n, int reps, Variant variant, std::uint64_t seed) {
  if (reps < kMinReps || reps > kMaxReps)
    throw std::invalid_argument("reps must be an integer in [1, 100], got " + std::to_string(reps));
  if (!has_variant(id, variant))
    throw std::invalid_argument("variant '" + std::string(variant_name(variant)) + "' is defined only for " +
                                (variant == Variant::fast ? "sigmoid, tanh, elu, selu, softplus, silu, gelu, gelu_tanh, mish and hardswish"
                                                          : "relu, leaky_relu, rrelu and prelu") +
                                ", not for " + std::string(act::name(id)) + "; use 'default'");
  if (variant == Variant::fast) {
    switch (id) {
      case act::Id::sigmoid: return run_fast<act::Id::sigmoid>(p, n, reps, seed);
      case act::Id::tanh: return run_fast<act::Id::tanh>(p, n, reps, seed);
      case act::Id::elu: return run_fast<act::Id::elu>(p, n, reps, seed);
      case act::Id::softplus: return run_fast<act::Id::softplus>(p, n, reps, seed);
      case act::Id::silu: return run_fast<act::Id::silu>(p, n, reps, seed);
      case act::Id::gelu: return run_fast<act::Id::gelu>(p, n, reps, seed);
      case act::Id::gelu_tanh: return run_fast<act::Id::gelu_tanh>(p, n, reps, seed);
      case act::Id::mish: return run_fast<act::Id::mish>(p, n, reps, seed);
      case act::Id::hardswish: return run_fast<act::Id::hardswish>(p, n, reps, seed);
      default: return run_fast<act::Id::selu>(p, n, reps, seed);
    }
  }
  if (variant != Variant::standard) return run_relu_family(variant, negative_slope(id, p), n, reps, seed);
  using act::Id;
  switch (id) {
    case Id::linear: return run_standard<Id::linear>(p, n, reps, seed);
    case Id::sigmoid: return run_standard<Id::sigmoid>(p, n, reps, seed);
    case Id::tanh: return run_standard<Id::tanh>(p, n, reps, seed);
    case Id::relu: return run_standard<Id::relu>(p, n, reps, seed);
    case Id::leaky_relu: return run_standard<Id::leaky_relu>(p, n, reps, seed);
    case Id::rrelu: return run_standard<Id::rrelu>(p, n, reps, seed);
    case Id::prelu: return run_standard<Id::prelu>(p, n, reps, seed);
    case Id::elu: return run_standard<Id::elu>(p, n, reps, seed);
    case Id::selu: return run_standard<Id::selu>(p, n, reps, seed);
    case Id::maxout: return run_standard<Id::maxout>(p, n, reps, seed);
    case Id::softplus: return run_standard<Id::softplus>(p, n, reps, seed);
    case Id::silu: return run_standard<Id::silu>(p, n, reps, seed);
    case Id::gelu: return run_standard<Id::gelu>(p, n, reps, seed);
    case Id::gelu_tanh: return run_standard<Id::gelu_tanh>(p, n, reps, seed);
    case Id::mish: return run_standard<Id::mish>(p, n, reps, seed);
    case Id::hardswish: return run_standard<Id::hardswish>(p, n, reps, seed);
  }
  throw std::invalid_argument("measure: unknown activation");
}
}  // namespace

Result measure(act::Id id, const act::Params& p, std::uint64_t n, int reps, Variant variant, std::uint64_t seed) {
  act::validate(id, p);
  if (n < kMinN || n > kMaxN)  // before anything is sized by n (a 32-bit size_t in wasm would wrap)
    throw std::invalid_argument("n must be an integer in [1, 10000000], got " + std::to_string(n));
  Result r = timed(id, p, static_cast<std::size_t>(n), reps, variant, seed);
  r.id = id;
  r.variant = variant;
  r.n = n;
  r.reps = reps;
  return r;
}

}  // namespace speed
