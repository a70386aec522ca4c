// Fuzz target (b): a network config decoded from the bytes (layers, activation, params,
// maxoutPieces, init, loss, optimizer, learningRate, batchSize, seed; enum values outside their
// range too) and X/Y data with NaN/+-inf/1e308 values. nn::validate() refuses or passes, and the
// constructor agrees with it (refusing BEFORE it allocates: tools/fuzz.sh runs this target with
// -malloc_limit_mb, so an allocation sized from an absurd config is a crash). A valid net then
// trains a few epochs, predicts, computes lossAndGradient and round-trips its parameters:
// bad data is refused with std::invalid_argument, and whatever the numbers do (overflow, divergence)
// the invariants hold: a diverged net keeps finite parameters and returns NaN; output sizes match.
#include <cstring>

#include "fuzz_common.hpp"
#include "network.hpp"

namespace {

// Construction is skipped above this size so the fuzzer stays fast (validation still runs).
constexpr std::size_t kMaxBuiltParameters = 20000;

nn::Config decode_config(FuzzedDataProvider& in) {
  nn::Config c;
  if (in.ConsumeBool()) {
    c.layers.assign(in.ConsumeIntegralInRange<std::size_t>(0, 70), 1);
    for (int& w : c.layers) w = fuzz::hostile_int(in, 12);
    if (!c.layers.empty() && in.ConsumeIntegralInRange<int>(0, 15) == 0) c.layers[0] = nn::kMaxWidth;
  }
  c.activation = static_cast<act::Id>(in.ConsumeIntegralInRange<int>(0, act::kCount - 1));
  c.params = act::defaults(c.activation);
  if (in.ConsumeBool()) {
    c.params.alpha = fuzz::hostile_double(in);
    c.params.lower = in.ConsumeBool() ? fuzz::hostile_double(in) : c.params.lower;
    c.params.upper = in.ConsumeBool() ? fuzz::hostile_double(in) : c.params.upper;
  }
  if (in.ConsumeBool()) c.maxout_pieces = fuzz::hostile_int(in, 9);
  // Enums through their underlying int: out-of-range values must be refused, not indexed.
  c.init = static_cast<nn::Init>(in.ConsumeIntegralInRange<int>(-1, 4));
  c.loss = static_cast<nn::Loss>(in.ConsumeIntegralInRange<int>(-1, 3));
  c.optimizer = static_cast<nn::Optimizer>(in.ConsumeIntegralInRange<int>(-1, 3));
  c.learning_rate = in.ConsumeBool() ? fuzz::hostile_double(in) : in.ConsumeFloatingPointInRange<double>(1e-4, 10.0);
  if (in.ConsumeBool()) c.batch_size = fuzz::hostile_int(in, 64);
  c.seed = in.ConsumeIntegral<std::uint64_t>();
  return c;
}

bool all_finite(std::span<const double> v) {
  for (double d : v)
    if (!std::isfinite(d)) return false;
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider in(data, size);
  const nn::Config c = decode_config(in);
  const bool bad = fuzz::refused([&] { nn::validate(c); });
  if (bad) {  // the constructor refuses too (and, under -malloc_limit_mb, before allocating)
    FUZZ_CHECK(fuzz::refused([&] { nn::Network n(c); }), "validate refused but the constructor accepted");
    return 0;
  }
  if (nn::count_parameters(c) > kMaxBuiltParameters) return 0;
  nn::Network net(c);
  FUZZ_CHECK(net.parameter_count() == nn::count_parameters(c), "parameter count");
  FUZZ_CHECK(all_finite(net.parameters()), "initial weights not finite");
  const std::size_t in_dim = net.input_dim(), out_dim = net.output_dim();

  const std::size_t rows = in.ConsumeIntegralInRange<std::size_t>(0, 40);
  // Mostly well-shaped data; sometimes one value short or long.
  const int skew = in.ConsumeIntegralInRange<int>(0, 7) == 0 ? in.ConsumeIntegralInRange<int>(-1, 1) : 0;
  const bool ce = c.loss == nn::Loss::cross_entropy;  // Y: one class index per row
  std::vector<double> x(rows * in_dim + (rows ? skew : 0)), y(rows * (ce ? 1 : out_dim));
  const bool hostile_values = in.ConsumeIntegralInRange<int>(0, 3) == 0;
  for (double& v : x) v = hostile_values ? fuzz::hostile_double(in) : in.ConsumeFloatingPointInRange<double>(-2, 2);
  for (double& v : y)
    v = hostile_values ? fuzz::hostile_double(in)
        : ce           ? static_cast<double>(in.ConsumeIntegralInRange<std::size_t>(0, out_dim - 1))
        : c.loss == nn::Loss::bce ? (in.ConsumeBool() ? 1.0 : 0.0)
                                  : in.ConsumeFloatingPointInRange<double>(-3, 3);
  bool y_ok = all_finite(y);
  if (ce)
    for (double v : y) y_ok = y_ok && v >= 0 && v < static_cast<double>(out_dim) && v == std::floor(v);
  const bool data_ok = rows > 0 && skew == 0 && all_finite(x) && y_ok;
  bool y_in_unit = c.loss != nn::Loss::bce;  // (mse and cross_entropy are never negative)
  if (!y_in_unit) {
    y_in_unit = true;
    for (double v : y) y_in_unit = y_in_unit && v >= 0 && v <= 1;
  }

  for (int e = in.ConsumeIntegralInRange<int>(1, 3); e > 0; --e) {
    double loss = 0;
    const bool refused = fuzz::refused([&] { loss = net.train_epoch(x, y); });
    FUZZ_CHECK(refused == !data_ok, "train_epoch: refused=%d but data_ok=%d", refused, data_ok);
    if (refused) break;
    FUZZ_CHECK(std::isnan(loss) == net.diverged(), "train_epoch returned %g, diverged=%d", loss, net.diverged());
    // (bce with targets outside [0, 1] is negative, as in torch: those are allowed, not a loss)
    FUZZ_CHECK(std::isnan(loss) || loss >= 0 || !y_in_unit, "negative loss %g (loss %d)", loss, static_cast<int>(c.loss));
    FUZZ_CHECK(all_finite(net.parameters()), "parameters became non-finite (diverged=%d)", net.diverged());
  }
  std::vector<double> z;
  const bool pred_refused = fuzz::refused([&] { z = net.predict(x); });
  // (with a one-wide input a skewed X is just one row more or less: still well-formed for predict)
  const bool x_ok = !x.empty() && x.size() % in_dim == 0 && all_finite(x);
  FUZZ_CHECK(pred_refused == !x_ok, "predict refusal");
  if (!pred_refused) FUZZ_CHECK(z.size() == x.size() / in_dim * out_dim, "predict size");
  if (!pred_refused && in.ConsumeBool()) {
    const std::vector<double> zt = net.predict_train(x);
    FUZZ_CHECK(zt.size() == z.size(), "predict_train size");
  }
  std::vector<double> g(net.parameter_count() + (in.ConsumeIntegralInRange<int>(0, 15) == 0 ? 1 : 0));
  const bool lg_refused = fuzz::refused([&] { net.loss_and_gradient(x, y, g); });
  FUZZ_CHECK(lg_refused == !(data_ok && g.size() == net.parameter_count()), "lossAndGradient refusal");

  // Parameter round trip; a wrong length or a non-finite value is refused and changes nothing.
  std::vector<double> p(net.parameters().begin(), net.parameters().end());
  if (!p.empty() && in.ConsumeBool()) p[in.ConsumeIntegralInRange<std::size_t>(0, p.size() - 1)] = fuzz::hostile_double(in);
  if (in.ConsumeIntegralInRange<int>(0, 7) == 0) p.resize(in.ConsumeIntegralInRange<std::size_t>(0, p.size() + 2));
  const std::vector<double> before(net.parameters().begin(), net.parameters().end());
  const bool set_refused = fuzz::refused([&] { net.set_parameters(p); });
  FUZZ_CHECK(set_refused == !(p.size() == before.size() && all_finite(p)), "setParameters refusal");
  if (set_refused) {
    FUZZ_CHECK(std::memcmp(before.data(), net.parameters().data(), before.size() * sizeof(double)) == 0,
               "refused setParameters changed the parameters");
  } else {
    FUZZ_CHECK(!net.diverged(), "setParameters clears diverged");
    if (data_ok) net.train_epoch(x, y);  // trains again after a reset
  }
  if (in.ConsumeIntegralInRange<int>(0, 31) == 0) FUZZ_CHECK(!net.to_json().empty(), "to_json");
  return 0;
}
