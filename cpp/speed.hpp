// How much does one activation cost? Times f and f' over n doubles with random signs and
// reports the median nanoseconds per element. Pure C++ (std::chrono::steady_clock, which is
// performance.now() under Emscripten), so the same code runs natively and in the browser.
//
// Variants:
//   default     the library's own kernels act::value / act::derivative (libm exp/expm1/tanh)
//   fast        (sigmoid, tanh, elu, selu and the six after the post: softplus, silu, gelu,
//               gelu_tanh, mish, hardswish) the network's training kernels (network_kernels*.hpp):
//               f and f' together, two lanes at a time, from one SIMD polynomial exp (hardswish:
//               selects; gelu: one libm erfc and exp per element); both timings are that fused pass
//   (the ReLU family only: relu, leaky_relu, rrelu, prelu)
//   branchless  explicitly branch-free: y = x * select-free mask (compiles to max/and/blend)
//   branchy     a real if/else per element. With random signs the CPU's branch predictor is
//               wrong about half of the time, and a mispredicted branch costs ~15-20 cycles,
//               so a "cheap" ReLU can cost as much as sigmoid's exp.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "activations.hpp"

namespace speed {

enum class Variant { standard, branchy, branchless, fast };

inline constexpr std::size_t kMinN = 1, kMaxN = 10'000'000;
inline constexpr int kMinReps = 1, kMaxReps = 100;

struct Result {
  double ns_per_element_f = 0;   // median over reps
  double ns_per_element_df = 0;  // median over reps
  // Fastest rep: on a busy machine most reps are interrupted; the best one is closest to the cost.
  double best_ns_per_element_f = 0, best_ns_per_element_df = 0;
  // Sum of f(x_i) plus sum of f'(x_i) over the n inputs, in index order: it depends on every
  // computed element, so the compiler cannot drop the timed work, and a test can recompute it.
  double checksum = 0;
  // What was measured (filled by measure()).
  act::Id id = act::Id::linear;
  Variant variant = Variant::standard;
  std::size_t n = 0;
  int reps = 0;
};

// "default" | "branchy" | "branchless" | "fast"; anything else throws std::invalid_argument listing them.
Variant parse_variant(std::string_view s);
std::string_view variant_name(Variant v) noexcept;
// Whether `v` is defined for `id` (standard: every id; fast: sigmoid, tanh, elu, selu and the six
// after the post; branchy/branchless: the ReLU family).
bool has_variant(act::Id id, Variant v) noexcept;

// The n inputs measure() uses: uniform in (-4, 4), so the sign is a fair coin per element.
// Own generator (splitmix64), so native and wasm see the same numbers for the same seed.
void fill_inputs(double* x, std::size_t n, std::uint64_t seed) noexcept;

// Validates (id's params, n in [1, 1e7], reps in [1, 100], variant defined for id); one
// untimed warm-up pass, then reps timed passes of f and of f'. Throws std::invalid_argument.
Result measure(act::Id id, const act::Params& params, std::uint64_t n, int reps, Variant variant,
               std::uint64_t seed = 1);

}  // namespace speed
