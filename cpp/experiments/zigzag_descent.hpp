// Zig-zag descent: updates of a neuron whose inputs are all positive (sigmoid outputs) move every
// weight the same way, so reaching a target where one weight goes up and one down takes a zig-zag.
// Two causes, told apart by `batch`:
//  - one-sample SGD (batch = false): the per-sample gradient e x has the sign of e in both
//    components, so every step moves both weights up or both down.
//  - full-batch gradient (batch = true): steps can have mixed signs, but the loss
//    (w - w*)^T C (w - w*) / 2 with C = mean x x^T is badly conditioned: all-positive inputs give
//    C ~ [[0.31, 0.25], [0.25, 0.31]] (spread 2), eigenvalues ~0.56 along (1, 1) and ~0.06 along
//    (1, -1), and the way to w* = (1, -1) is the slow direction (LeCun, Bottou, Orr & Mueller,
//    "Efficient BackProp", 1998). Gradient descent is stable only for lr < 2 / lambda_max.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

namespace experiments {

// One linear neuron a = w1 x1 + w2 x2 (no bias) learns y = w*.x from n fixed input points with
// plain SGD, one sample per step (seeded reshuffle each pass), loss per sample e^2/2, e = w.x - y;
// or, with batch = true, plain gradient descent on the mean loss (one step = all n points).
// The inputs are the outputs of a previous layer: x = sigmoid(u) (all positive) or tanh(u)
// (zero-centred), u ~ U(-spread, spread) per coordinate. The per-sample gradient is e * x, so with
// all-positive x both components have the sign of e: every update moves both weights the same
// way, and reaching w* = (1, -1) (one up, one down) takes a zig-zag.
enum class ZigzagInputs { sigmoid, tanh };
ZigzagInputs parse_zigzag_inputs(std::string_view s);  // throws listing: sigmoid, tanh
std::string_view name(ZigzagInputs i) noexcept;

struct ZigzagOptions {
  ZigzagInputs inputs = ZigzagInputs::sigmoid;
  double learning_rate = 0.5;        // (0, 10]
  int max_steps = 3000;              // [1, 100000]
  double tolerance = 0.05;           // converged when |w - w*| < tolerance; (0, 10]
  int points = 64;                   // [2, 10000]
  double spread = 2.0;               // (0, 20]
  std::array<double, 2> start{0.0, 0.0};
  std::array<double, 2> target{1.0, -1.0};  // finite, |.| <= 100
  std::uint64_t seed = 1;
  int grid = 48;                     // loss grid is grid x grid, [2, 256]
  bool batch = false;                // false: one sample per step; true: the mean gradient over all points
};
void validate(const ZigzagOptions& o);  // std::invalid_argument naming the field and its range

struct ZigzagResult {
  ZigzagOptions options;                  // what was run
  std::vector<double> path;               // (steps + 1) x 2: w before step 1, after each step
  std::vector<double> updates;            // steps x 2: the change w_{k+1} - w_k
  std::vector<std::uint8_t> same_sign;    // steps: 1 if both components of the update share a sign
  int steps = 0;                          // steps taken (stops at convergence or max_steps)
  int same_sign_count = 0;
  int converged_at = -1;                  // first step with |w - w*| < tolerance, -1 if never
  std::vector<double> points;             // points x 2, the x's the neuron sees
  std::array<double, 3> moment{};         // C = mean x x^T: c11, c12, c22 (loss = (w-w*)^T C (w-w*)/2)
  std::array<double, 2> eigenvalues{};    // of C, largest first (the loss's curvatures along its axes)
  std::array<double, 4> eigenvectors{};   // unit vectors: (x, y) for the largest, then (x, y) for the smallest
  double mean_sq_norm = 0;                // mean |x|^2 = trace C: a one-sample step's mean curvature
  double max_sq_norm = 0;                 // max |x|^2: a one-sample step on x_i overshoots when lr |x_i|^2 > 2
  int overshoot_points = 0;               // points with lr |x_i|^2 > 2 (their step more than cancels their error)
  std::array<double, 4> bounds{};         // loss grid extent: xmin, xmax, ymin, ymax
  int grid = 0;
  std::vector<double> loss;               // grid x grid, row-major, row 0 = ymin; mean loss over the points
};
ZigzagResult zigzag_descent(const ZigzagOptions& o);

// Eigen-decomposition of the symmetric 2x2 matrix [[a, b], [b, c]]: {l1, l2} (l1 >= l2) and unit
// eigenvectors {v1x, v1y, v2x, v2y} (v2 = v1 turned by 90 degrees).
void symmetric_eigen(double a, double b, double c, std::array<double, 2>& values, std::array<double, 4>& vectors);

}  // namespace experiments
