// Fuzz target (c): nn::make_dataset with a fuzzed name and options (n, noise, seed, testFraction
// including NaN/+-inf/negative/huge). It refuses with std::invalid_argument or returns a set whose
// shapes add up: n rows split into train/test, inputDim columns, every value finite.
#include "datasets.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider in(data, size);
  const auto ids = nn::dataset_ids();
  std::string name;
  if (in.ConsumeIntegralInRange<int>(0, 4) == 0) name = in.ConsumeRandomLengthString(80);
  else name = std::string(ids[in.ConsumeIntegralInRange<std::size_t>(0, ids.size() - 1)]);
  nn::DatasetOptions o;
  // n up to a bit past the limit; keep most runs small so the fuzzer stays fast.
  switch (in.ConsumeIntegralInRange<int>(0, 31)) {
    case 0: o.n = in.ConsumeIntegral<int>(); break;
    case 1: o.n = nn::kMaxDatasetPoints + in.ConsumeIntegralInRange<int>(-1, 1); break;
    default: o.n = in.ConsumeIntegralInRange<int>(-1, 300);
  }
  if (o.n > 1000 && o.n <= nn::kMaxDatasetPoints && in.ConsumeIntegralInRange<int>(0, 7)) o.n %= 1000;  // (speed)
  if (in.ConsumeBool()) o.noise = fuzz::hostile_double(in);
  if (in.ConsumeBool()) o.test_fraction = fuzz::hostile_double(in);
  o.seed = in.ConsumeIntegral<std::uint64_t>();
  nn::Dataset d;
  if (fuzz::refused([&] { d = nn::make_dataset(name, o); })) return 0;
  const std::size_t dim = static_cast<std::size_t>(d.input_dim);
  FUZZ_CHECK(dim == 1 || dim == 2, "input_dim %d", d.input_dim);
  const std::size_t ntr = d.y_train.size(), nte = d.y_test.size();
  FUZZ_CHECK(ntr + nte == static_cast<std::size_t>(o.n), "rows %zu + %zu != n %d", ntr, nte, o.n);
  FUZZ_CHECK(d.x_train.size() == ntr * dim && d.x_test.size() == nte * dim, "x shapes");
  FUZZ_CHECK(ntr >= 1, "no training rows (n=%d, testFraction=%g)", o.n, o.test_fraction);
  for (const auto* v : {&d.x_train, &d.y_train, &d.x_test, &d.y_test})
    for (double x : *v) FUZZ_CHECK(std::isfinite(x), "non-finite value in %s", name.c_str());
  return 0;
}
