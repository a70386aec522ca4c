// Seeded toy data sets for the race and the experiments. Inputs live in about [-1, 1].
//
// Classification (2-D inputs, labels 0/1, exactly balanced: sample i has label i % 2 before the
// shuffle):
//   circle   : label 1 uniform in the disc r < 0.5, label 0 uniform on the ring 0.7 < r < 1
//   xor      : |x1|, |x2| ~ U(0.05, 1); label 1 where x1 and x2 have the same sign (quadrants I, III)
//   gaussian : two round clusters, std 0.2, centred at (0.5, 0.5) (label 1) and (-0.5, -0.5) (label 0)
//   spiral   : two interleaved spirals, t ~ U(0, 1), r = 0.05 + 0.95 t, angle 3.5 pi t + pi * label
// Three classes (2-D inputs, labels 0/1/2, balanced: sample i has label i % 3 before the shuffle; for
// loss 'cross_entropy' with 3 outputs):
//   spiral3  : three interleaved arms, t ~ U(0, 1), r = 0.05 + 0.95 t, angle 2.5 pi t + 2 pi label / 3
//              (fewer turns than spiral, so neighbouring arms stay about as far apart: 0.25 vs 0.27)
// Regression (1-D input x ~ U(-1, 1), one target):
//   sin : sin(pi x) in [-1, 1]      abs : |x| in [0, 1]      step : 1 if x > 0 else 0
// noise in [0, 1]: Gaussian noise of standard deviation noise / 2 is added to every input coordinate
// (classification) or to the target (regression). The whole set is shuffled (seeded), then split:
// the first n - floor(n * testFraction) rows are the training set, the rest the test set.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace nn {

struct DatasetOptions {
  int n = 500;                 // total points, train + test, 1..100000
  double noise = 0.05;         // 0..1
  std::uint64_t seed = 1;
  double test_fraction = 0.2;  // 0..0.9
};

struct Dataset {
  std::string name;
  int input_dim = 2;
  bool regression = false;
  int classes = 2;  // labels 0 .. classes-1 (2, or 3 for spiral3); 0 for regression
  std::vector<double> x_train, y_train, x_test, y_test;  // row-major N x input_dim, N x 1
};

inline constexpr int kMaxDatasetPoints = 100000;

// The ids in the order the page lists them.
std::span<const std::string_view> dataset_ids() noexcept;
// Throws std::invalid_argument for an unknown name (listing the ids) or an option out of range.
Dataset make_dataset(std::string_view name, const DatasetOptions& opt);

// The reader's own points (the race's "custom" data): xy row-major N x 2, each coordinate finite
// and in [-1, 1]; labels N class indices, each 0 or 1. Shuffled (seeded by opt.seed) and split
// like make_dataset (opt.test_fraction; opt.n and opt.noise are not used). Named "custom".
// Throws std::invalid_argument naming the first bad row, or for N outside [1, 100000].
Dataset dataset_from_points(std::span<const double> xy, std::span<const double> labels, const DatasetOptions& opt);

}  // namespace nn
