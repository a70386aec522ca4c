// What the experiments' native tests share: small nets and inputs independent of nn::Rng.
#pragma once

#include <utility>
#include <vector>

#include "network.hpp"

namespace test {
inline nn::Config small(act::Id a, std::vector<int> layers) {
  nn::Config c;
  c.layers = std::move(layers);
  c.activation = a;
  c.params = act::defaults(a);
  c.loss = nn::Loss::mse;
  return c;
}
inline std::vector<double> lcg(std::size_t n, double lo, double hi, unsigned seed) {  // independent of nn::Rng
  std::vector<double> v(n);
  unsigned s = seed * 2654435761u + 1u;
  for (auto& x : v) {
    s = s * 1664525u + 1013904223u;
    x = lo + (hi - lo) * (s >> 8) / 16777216.0;
  }
  return v;
}
}  // namespace test
