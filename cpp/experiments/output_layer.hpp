// The output layer's claim: computing the loss on the logit keeps the gradient at p - y, while a
// sigmoid followed by a squared error lets it vanish exactly where the network is most wrong.
// For one logit z and a target y, over a grid of z (the curves of <output-layer>):
//   p = sigmoid(z)
//   sigmoid + MSE : L = (p - y)^2                                  dL/dz = 2 (p - y) p (1 - p)
//   sigmoid + BCE on the logit (torch's binary_cross_entropy_with_logits, the network's 'bce'):
//                   L = max(z, 0) - z y + log1p(exp(-|z|))          dL/dz = p - y
// Tail-accurate: 1 - p is formed as sigmoid(-z) (never 1 - p), so for y = 1 at z = -30 the MSE
// gradient is -2 sigmoid(-z)^2 sigmoid(z) ~ -1.9e-13 rather than a rounded 0, and p - y = -sigmoid(-z).
#pragma once

#include <vector>

namespace experiments {

struct OutputLayerOptions {
  double z_min = -8, z_max = 8;  // finite, |z| <= 100, z_min < z_max
  int points = 161;              // 2 .. 4001, evenly spaced, both ends included
  double target = 1;             // y in [0, 1]
};

struct OutputLayerCurves {
  OutputLayerOptions options;
  std::vector<double> z, p;                 // the logits and sigmoid(z)
  std::vector<double> mse_loss, mse_grad;   // sigmoid + squared error, and d/dz
  std::vector<double> bce_loss, bce_grad;   // binary cross-entropy on the logit, and d/dz
};

// Throws std::invalid_argument naming the field (JS spelling) and the allowed range.
void validate(const OutputLayerOptions& o);
OutputLayerCurves output_layer_curves(const OutputLayerOptions& o);

}  // namespace experiments
