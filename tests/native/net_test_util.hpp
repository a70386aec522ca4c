// Shared helpers for the network tests (test_network*.cpp).
#pragma once

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "network.hpp"

namespace nt {

inline nn::Config config(act::Id a, std::vector<int> layers = {2, 8, 8, 1}, nn::Loss loss = nn::Loss::mse) {
  nn::Config c;
  c.layers = std::move(layers);
  c.activation = a;
  c.params = act::defaults(a);
  c.loss = loss;
  return c;
}

// Deterministic pseudo-random values in [lo, hi) independent of the code under test's Rng.
inline std::vector<double> randoms(std::size_t n, double lo, double hi, std::uint32_t seed) {
  std::vector<double> v(n);
  std::uint32_t s = seed * 2654435761u + 12345u;
  for (auto& x : v) {
    s = s * 1664525u + 1013904223u;  // LCG (Numerical Recipes constants)
    x = lo + (hi - lo) * (static_cast<double>(s >> 8) / 16777216.0);
  }
  return v;
}

// Central-difference gradient of the eval-mode loss w.r.t. every parameter.
inline std::vector<double> numeric_gradient(nn::Network& net, const std::vector<double>& x,
                                            const std::vector<double>& y, double h) {
  std::vector<double> p(net.parameters().begin(), net.parameters().end()), g(p.size()), scratch(p.size());
  for (std::size_t i = 0; i < p.size(); ++i) {
    const double keep = p[i];
    p[i] = keep + h;
    net.set_parameters(p);
    const double up = net.loss_and_gradient(x, y, scratch);
    p[i] = keep - h;
    net.set_parameters(p);
    const double down = net.loss_and_gradient(x, y, scratch);
    p[i] = keep;
    g[i] = (up - down) / (2 * h);
  }
  net.set_parameters(p);
  return g;
}

inline double accuracy(nn::Network& net, const std::vector<double>& x, const std::vector<double>& y) {
  const std::vector<double> z = net.predict(x);
  std::size_t ok = 0;
  for (std::size_t i = 0; i < z.size(); ++i) ok += (z[i] > 0) == (y[i] > 0.5);
  return static_cast<double>(ok) / static_cast<double>(z.size());
}

}  // namespace nt
