// Shared helpers for the libFuzzer targets in this folder (built by tools/fuzz.sh with
// -fsanitize=fuzzer,address,undefined). A target decodes its input with FuzzedDataProvider (the
// header that ships with clang's libFuzzer) and checks invariants with FUZZ_CHECK, which aborts
// with a message: libFuzzer then saves the input as a crash.
#pragma once

#include <fuzzer/FuzzedDataProvider.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <stdexcept>
#include <vector>

#define FUZZ_CHECK(cond, ...)                                                   \
  do {                                                                          \
    if (!(cond)) {                                                              \
      std::fprintf(stderr, "FUZZ_CHECK failed at %s:%d: %s\n  ", __FILE__, __LINE__, #cond); \
      std::fprintf(stderr, __VA_ARGS__);                                        \
      std::fprintf(stderr, "\n");                                               \
      std::abort();                                                             \
    }                                                                           \
  } while (0)

namespace fuzz {

// A double that is often one of the values people type into boxes (edges, NaN, infinities,
// 1e308, negative zero, subnormals) and otherwise any bit pattern or a small "sensible" number.
inline double hostile_double(FuzzedDataProvider& in) {
  static const double kSpecial[] = {
      0.0, -0.0, 1.0, -1.0, 0.5, 1e-6, 10.0, 100.0, -100.0, 1e308, -1e308, 1.7976931348623157e308,
      4.9e-324, -4.9e-324, 2.2250738585072014e-308, std::numeric_limits<double>::quiet_NaN(),
      std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity(), 709.8, -745.2, 40.0, 1e-300};
  switch (in.ConsumeIntegralInRange<int>(0, 3)) {
    case 0: return kSpecial[in.ConsumeIntegralInRange<std::size_t>(0, std::size(kSpecial) - 1)];
    case 1: {
      const std::uint64_t bits = in.ConsumeIntegral<std::uint64_t>();
      double d;
      static_assert(sizeof d == sizeof bits);
      __builtin_memcpy(&d, &bits, sizeof d);
      return d;
    }
    case 2: return in.ConsumeFloatingPointInRange<double>(-3.0, 3.0);
    default: return in.ConsumeFloatingPoint<double>();
  }
}

// A width-like integer: mostly small, sometimes at or past the limits, sometimes negative/absurd.
inline int hostile_int(FuzzedDataProvider& in, int small_max) {
  switch (in.ConsumeIntegralInRange<int>(0, 5)) {
    case 0: return in.ConsumeIntegral<int>();
    case 1: return in.ConsumeIntegralInRange<int>(-2, 2);
    default: return in.ConsumeIntegralInRange<int>(1, small_max);
  }
}

// Up to max_n hostile doubles.
inline std::vector<double> hostile_doubles(FuzzedDataProvider& in, std::size_t max_n) {
  std::vector<double> v(in.ConsumeIntegralInRange<std::size_t>(0, max_n));
  for (double& d : v) d = in.remaining_bytes() ? hostile_double(in) : in.ConsumeFloatingPointInRange<double>(-1, 1);
  return v;
}

// Runs f; std::invalid_argument is the documented refusal (its message must name something);
// any other exception type is a finding.
template <class F>
bool refused(F&& f) {
  try {
    f();
    return false;
  } catch (const std::invalid_argument& e) {
    FUZZ_CHECK(e.what()[0] != '\0', "empty error message");
    return true;
  }
}

}  // namespace fuzz
