// Dataset tests: sizes and split, reproducibility by seed, balanced labels, the geometry of each set
// (checked from its definition in datasets.hpp), the effect of noise, validation messages.
#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

#include "datasets.hpp"

using Catch::Matchers::Contains;

namespace {
double count_ones(const std::vector<double>& y) {
  double s = 0;
  for (double v : y) s += v;
  return s;
}
}  // namespace

TEST_CASE("dataset ids in page order", "[datasets]") {
  const auto ids = nn::dataset_ids();
  REQUIRE(ids.size() == 8);
  const char* want[] = {"circle", "xor", "gaussian", "spiral", "spiral3", "sin", "abs", "step"};
  for (std::size_t i = 0; i < 8; ++i) CHECK(ids[i] == want[i]);
}

TEST_CASE("sizes, split and finiteness", "[datasets]") {
  const std::string name = GENERATE("circle", "xor", "gaussian", "spiral", "spiral3", "sin", "abs", "step");
  const int n = GENERATE(1, 7, 500);
  const double tf = GENERATE(0.0, 0.25, 0.9);
  CAPTURE(name, n, tf);
  const nn::Dataset d = nn::make_dataset(name, {n, 0.1, 3, tf});
  const std::size_t dim = d.input_dim, n_test = static_cast<std::size_t>(std::floor(n * tf));
  CHECK(dim == (name == "sin" || name == "abs" || name == "step" ? 1u : 2u));
  CHECK(d.regression == (dim == 1));
  CHECK(d.classes == (d.regression ? 0 : name == "spiral3" ? 3 : 2));
  CHECK(d.y_test.size() == n_test);
  CHECK(d.y_train.size() == n - n_test);
  CHECK(d.y_train.size() >= 1);
  CHECK(d.x_train.size() == d.y_train.size() * dim);
  CHECK(d.x_test.size() == d.y_test.size() * dim);
  for (double v : d.x_train) REQUIRE(std::isfinite(v));
  for (double v : d.y_train) REQUIRE(std::isfinite(v));
}

TEST_CASE("same seed, same data, another seed, other data", "[datasets]") {
  const std::string name = GENERATE("circle", "xor", "gaussian", "spiral", "spiral3", "sin", "abs", "step");
  const nn::Dataset a = nn::make_dataset(name, {300, 0.2, 9, 0.3}), b = nn::make_dataset(name, {300, 0.2, 9, 0.3}),
                    c = nn::make_dataset(name, {300, 0.2, 10, 0.3});
  CHECK(a.x_train == b.x_train);
  CHECK(a.y_test == b.y_test);
  CHECK(a.x_train != c.x_train);
}

TEST_CASE("classification labels are 0/1 and balanced, both splits hold both classes", "[datasets]") {
  const std::string name = GENERATE("circle", "xor", "gaussian", "spiral");
  const nn::Dataset d = nn::make_dataset(name, {1000, 0.1, 4, 0.2});
  for (double v : d.y_train) REQUIRE((v == 0.0 || v == 1.0));
  CHECK(count_ones(d.y_train) + count_ones(d.y_test) == 500);
  CHECK(std::fabs(count_ones(d.y_train) / d.y_train.size() - 0.5) < 0.05);
  CHECK(std::fabs(count_ones(d.y_test) / d.y_test.size() - 0.5) < 0.1);
}

TEST_CASE("noise 0 gives the exact geometry, noise blurs it", "[datasets]") {
  auto violations = [](const std::string& name, double noise) {
    const nn::Dataset d = nn::make_dataset(name, {2000, noise, 1, 0.0});
    int bad = 0;
    for (std::size_t i = 0; i < d.y_train.size(); ++i) {
      const double x = d.x_train[2 * i], y = d.x_train[2 * i + 1], r = std::hypot(x, y);
      const bool one = d.y_train[i] == 1.0;
      if (name == "circle") bad += one ? r >= 0.5 : (r <= 0.7 || r >= 1.0);
      if (name == "xor") bad += one != (x * y > 0) || std::fabs(x) < 0.05 || std::fabs(y) < 0.05;
      if (name == "gaussian") bad += one != (x + y > 0);  // clusters 0.71 apart along the diagonal, std 0.2
    }
    return bad;
  };
  CHECK(violations("circle", 0) == 0);
  CHECK(violations("xor", 0) == 0);
  CHECK(violations("gaussian", 0) < 20);  // 2000 * P(N(0, 0.2) > 0.71) = 2000 * 0.00019 ~ 0.4
  for (const char* name : {"circle", "xor", "gaussian"}) {
    CAPTURE(name);
    CHECK(violations(name, 1.0) > violations(name, 0.0) + 100);
  }
  // Spiral at noise 0: radius = 0.05 + 0.95 t and angle = 3.5 pi t + pi * label.
  const nn::Dataset s = nn::make_dataset("spiral", {200, 0.0, 2, 0.0});
  for (std::size_t i = 0; i < s.y_train.size(); ++i) {
    const double x = s.x_train[2 * i], y = s.x_train[2 * i + 1], t = (std::hypot(x, y) - 0.05) / 0.95;
    const double a = 3.5 * M_PI * t + M_PI * s.y_train[i];
    REQUIRE(std::fabs(x - (0.05 + 0.95 * t) * std::cos(a)) < 1e-9);
  }
}

TEST_CASE("regression targets follow their function and range", "[datasets]") {
  for (const char* name : {"sin", "abs", "step"}) {
    CAPTURE(name);
    const nn::Dataset d = nn::make_dataset(name, {500, 0.0, 1, 0.0});
    for (std::size_t i = 0; i < d.y_train.size(); ++i) {
      const double x = d.x_train[i], y = d.y_train[i];
      REQUIRE((x >= -1 && x <= 1));
      const double want = std::string(name) == "sin" ? std::sin(M_PI * x) : std::string(name) == "abs" ? std::fabs(x) : (x > 0 ? 1.0 : 0.0);
      REQUIRE(std::fabs(y - want) < 1e-15);
    }
    const nn::Dataset n = nn::make_dataset(name, {2000, 0.4, 1, 0.0});  // noise std 0.2 on the target
    double s2 = 0;
    for (std::size_t i = 0; i < n.y_train.size(); ++i) {
      const double x = n.x_train[i];
      const double want = std::string(name) == "sin" ? std::sin(M_PI * x) : std::string(name) == "abs" ? std::fabs(x) : (x > 0 ? 1.0 : 0.0);
      s2 += (n.y_train[i] - want) * (n.y_train[i] - want);
    }
    CHECK(std::fabs(std::sqrt(s2 / 2000) - 0.2) < 0.02);
  }
}

TEST_CASE("dataset options are validated with the field name and the range", "[datasets][validate]") {
  CHECK_THROWS_WITH(nn::make_dataset("moons", {}), Contains("dataset: unknown 'moons'") && Contains("spiral"));
  CHECK_THROWS_WITH(nn::make_dataset("xor", {0, 0.1, 1, 0.2}), Contains("n must be an integer in [1, 100000], got 0"));
  CHECK_THROWS_WITH(nn::make_dataset("xor", {100001, 0.1, 1, 0.2}), Contains("got 100001"));
  CHECK_THROWS_WITH(nn::make_dataset("xor", {10, -0.1, 1, 0.2}), Contains("noise must be a finite number in [0, 1]"));
  CHECK_THROWS_WITH(nn::make_dataset("xor", {10, NAN, 1, 0.2}), Contains("noise") && Contains("nan"));
  CHECK_THROWS_WITH(nn::make_dataset("xor", {10, 0.1, 1, 0.95}), Contains("testFraction must be a finite number in [0, 0.9]"));
}

TEST_CASE("the reader's own points: split, shuffle by seed, every row kept", "[datasets]") {
  const std::vector<double> xy = {-1, -1, -0.5, 0.25, 0, 0, 0.5, -0.75, 1, 1, 0.1, 0.9, -0.3, 0.3, 0.7, 0.2, -0.9, 0.4, 0.6, 0.6};
  const std::vector<double> labels = {0, 1, 0, 1, 0, 1, 0, 1, 1, 0};
  const nn::Dataset d = nn::dataset_from_points(xy, labels, {0, 0, 7, 0.2});
  CHECK(d.name == "custom");
  CHECK(d.input_dim == 2);
  CHECK_FALSE(d.regression);
  REQUIRE(d.y_train.size() == 8);
  REQUIRE(d.y_test.size() == 2);
  // every (x, y, label) row comes out exactly once
  std::vector<std::array<double, 3>> in, out;
  for (std::size_t i = 0; i < labels.size(); ++i) in.push_back({xy[2 * i], xy[2 * i + 1], labels[i]});
  for (std::size_t i = 0; i < 8; ++i) out.push_back({d.x_train[2 * i], d.x_train[2 * i + 1], d.y_train[i]});
  for (std::size_t i = 0; i < 2; ++i) out.push_back({d.x_test[2 * i], d.x_test[2 * i + 1], d.y_test[i]});
  std::sort(in.begin(), in.end());
  std::sort(out.begin(), out.end());
  CHECK(in == out);
  const nn::Dataset same = nn::dataset_from_points(xy, labels, {0, 0, 7, 0.2});
  CHECK(same.x_train == d.x_train);
  const nn::Dataset other = nn::dataset_from_points(xy, labels, {0, 0, 8, 0.2});
  CHECK(other.x_train != d.x_train);
}

TEST_CASE("the reader's own points: bad rows are named", "[datasets]") {
  const std::vector<double> one = {0, 0};
  CHECK_THROWS_WITH(nn::dataset_from_points(std::vector<double>{0, 1.25}, std::vector<double>{0}, {}), Contains("row 1: y must be a finite number in [-1, 1], got 1.25"));
  CHECK_THROWS_WITH(nn::dataset_from_points(std::vector<double>{0, 0, NAN, 0}, std::vector<double>{0, 1}, {}), Contains("row 2: x must be a finite number in [-1, 1]"));
  CHECK_THROWS_WITH(nn::dataset_from_points(one, std::vector<double>{0.5}, {}), Contains("row 1: label must be 0 or 1, got 0.5"));
  CHECK_THROWS_WITH(nn::dataset_from_points(one, std::vector<double>{0, 1}, {}), Contains("2 labels need 4 coordinates"));
  CHECK_THROWS_WITH(nn::dataset_from_points(std::vector<double>{}, std::vector<double>{}, {}), Contains("between 1 and 100000 labels, got 0"));
  nn::DatasetOptions bad;
  bad.test_fraction = 1;
  CHECK_THROWS_WITH(nn::dataset_from_points(one, std::vector<double>{1}, bad), Contains("testFraction must be a finite number in [0, 0.9]"));
}

TEST_CASE("spiral3: labels 0/1/2 balanced three arms 120 degrees apart - deterministic by seed", "[datasets][spiral3]") {
  const nn::Dataset d = nn::make_dataset("spiral3", {999, 0.1, 4, 0.2});
  CHECK(d.classes == 3);
  CHECK(d.input_dim == 2);
  int count[3] = {0, 0, 0}, train[3] = {0, 0, 0};
  for (double v : d.y_train) {
    REQUIRE((v == 0.0 || v == 1.0 || v == 2.0));
    ++count[static_cast<int>(v)];
    ++train[static_cast<int>(v)];
  }
  for (double v : d.y_test) {
    REQUIRE((v == 0.0 || v == 1.0 || v == 2.0));
    ++count[static_cast<int>(v)];
  }
  CHECK((count[0] == 333 && count[1] == 333 && count[2] == 333));  // i % 3 before the shuffle
  for (int c = 0; c < 3; ++c) CHECK(std::fabs(train[c] / static_cast<double>(d.y_train.size()) - 1.0 / 3) < 0.05);
  // The same seed gives the same points and labels, bit for bit; another seed other points.
  const nn::Dataset again = nn::make_dataset("spiral3", {999, 0.1, 4, 0.2}), other = nn::make_dataset("spiral3", {999, 0.1, 5, 0.2});
  CHECK(again.x_train == d.x_train);
  CHECK(again.y_train == d.y_train);
  CHECK(again.y_test == d.y_test);
  CHECK(other.x_train != d.x_train);
  // Adding spiral3 left the older sets' random streams alone: spiral is still its own stream, not spiral3's.
  CHECK(nn::make_dataset("spiral", {999, 0.1, 4, 0.2}).x_train != d.x_train);
  // Noise 0: radius = 0.05 + 0.95 t and angle = 2.5 pi t + 2 pi label / 3 exactly.
  const nn::Dataset s = nn::make_dataset("spiral3", {300, 0.0, 2, 0.0});
  for (std::size_t i = 0; i < s.y_train.size(); ++i) {
    const double x = s.x_train[2 * i], y = s.x_train[2 * i + 1], r = std::hypot(x, y), t = (r - 0.05) / 0.95;
    const double a = 2.5 * M_PI * t + 2 * M_PI * s.y_train[i] / 3;
    REQUIRE(std::fabs(x - r * std::cos(a)) < 1e-9);
    REQUIRE(std::fabs(y - r * std::sin(a)) < 1e-9);
  }
  // Noise moves the points (its draws interleave with the geometry's, so only "moved" is checked here).
  CHECK(nn::make_dataset("spiral3", {300, 0.4, 2, 0.0}).x_train != s.x_train);
}
