// Fuzz target (a): an activation id, a parameter set and x values decoded from the bytes.
// validate() either refuses with std::invalid_argument or passes; then value/derivative/sample must
// never crash, NaN in gives NaN out, and with validated parameters any non-NaN x (finite or +-inf,
// the limits) gives non-NaN f and f' (none of the sixteen activations is undefined anywhere on the
// extended real line). sample() agrees with value()/derivative() element by element (bit for bit).
// The six after the post (softplus ... hardswish) also keep their shape for every x: finite f and f'
// for finite x, f >= -0.375 (their lowest minimum, hardswish's), f <= max(x, 0) (+ log(2)/beta for
// softplus), -0.5 <= f' <= 1.5 (hardswish's jumps are the extremes).
#include <algorithm>
#include <cmath>
#include <cstring>

#include "activations.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider in(data, size);
  // Ids outside the enum are tried through parse_id's strings; the kernels take a valid Id only.
  const int raw = in.ConsumeIntegralInRange<int>(-1, static_cast<int>(act::kCount));
  if (raw < 0 || raw >= static_cast<int>(act::kCount)) {
    const std::string s = in.ConsumeRandomLengthString(80);
    try {
      const act::Id id = act::parse_id(s);
      FUZZ_CHECK(act::name(id) == s, "parse_id accepted '%s'", s.c_str());
    } catch (const std::invalid_argument& e) {
      FUZZ_CHECK(std::strstr(e.what(), "allowed: linear") != nullptr, "message lists the ids: %s", e.what());
    }
    return 0;
  }
  const act::Id id = static_cast<act::Id>(raw);
  act::Params p = act::defaults(id);
  // Some named fields (possibly unknown ones) set to hostile values.
  static const char* kNames[] = {"alpha", "lower", "upper", "w1", "b1", "w2", "b2", "beta", ""};
  for (int k = in.ConsumeIntegralInRange<int>(0, 5); k > 0; --k) {
    const char* nm = kNames[in.ConsumeIntegralInRange<std::size_t>(0, std::size(kNames) - 1)];
    const double v = fuzz::hostile_double(in);
    try {
      act::set_param(id, p, nm, v);
    } catch (const std::invalid_argument& e) {
      FUZZ_CHECK(std::strstr(e.what(), "unknown parameter") != nullptr, "%s", e.what());
    }
  }
  const std::vector<double> xs = fuzz::hostile_doubles(in, 64);
  const bool valid = !fuzz::refused([&] { act::validate(id, p); });
  for (double x : xs) {
    const double f = act::value(id, x, p), df = act::derivative(id, x, p);
    if (std::isnan(x)) {
      FUZZ_CHECK(std::isnan(f) && std::isnan(df), "%s: NaN in gave f=%g f'=%g", act::name(id).data(), f, df);
    } else if (valid) {
      FUZZ_CHECK(!std::isnan(f), "%s(%.17g) = NaN with valid params", act::name(id).data(), x);
      FUZZ_CHECK(!std::isnan(df), "%s'(%.17g) = NaN with valid params", act::name(id).data(), x);
      if (act::after_post(id)) {
        const char* nm = act::name(id).data();
        if (std::isfinite(x)) FUZZ_CHECK(std::isfinite(f) && std::isfinite(df), "%s(%.17g) not finite", nm, x);
        const double top = std::max(x, 0.0) + (id == act::Id::softplus ? std::log(2.0) / p.beta : 0.0);
        FUZZ_CHECK(f >= -0.375 && f <= top * (1 + 1e-15), "%s(%.17g) = %.17g out of shape", nm, x, f);
        FUZZ_CHECK(df >= -0.5 && df <= 1.5, "%s'(%.17g) = %.17g out of [-0.5, 1.5]", nm, x, df);
      }
    }
  }
  std::vector<double> f(xs.size()), df(xs.size());
  const bool sample_refused = fuzz::refused([&] { act::sample(id, p, xs, f, df); });
  FUZZ_CHECK(sample_refused == !valid, "sample() and validate() disagree");
  if (valid)
    for (std::size_t i = 0; i < xs.size(); ++i) {
      const double a = act::value(id, xs[i], p), b = act::derivative(id, xs[i], p);
      FUZZ_CHECK(std::memcmp(&a, &f[i], sizeof a) == 0 || (std::isnan(a) && std::isnan(f[i])), "sample f differs");
      FUZZ_CHECK(std::memcmp(&b, &df[i], sizeof b) == 0 || (std::isnan(b) && std::isnan(df[i])), "sample df differs");
    }
  // Wrong output lengths are refused, never written past.
  if (!xs.empty()) {
    std::vector<double> short_f(xs.size() - 1);
    FUZZ_CHECK(fuzz::refused([&] { act::sample(id, act::defaults(id), xs, short_f, df); }), "short f accepted");
  }
  return 0;
}
