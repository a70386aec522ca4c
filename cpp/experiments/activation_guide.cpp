#include "experiments/activation_guide.hpp"

#include <algorithm>
#include <array>

namespace experiments {
namespace {
using act::Id;
constexpr std::array<Id, 6> kRanking{Id::selu, Id::elu, Id::leaky_relu, Id::relu, Id::tanh, Id::sigmoid};

bool contains(const std::vector<Advice>& v, Id id) {
  return std::any_of(v.begin(), v.end(), [&](const Advice& a) { return a.id == id; });
}
}  // namespace

std::span<const act::Id> activation_ranking() noexcept { return kRanking; }

Guide activation_guide(const GuideAnswers& a) {
  const Advice base = a.self_normalizing ? Advice{Id::selu, "self-normalizing"} : Advice{Id::elu, "no-self-normalizing"};
  const Advice relu{Id::relu, "speed-relu"}, leaky{Id::leaky_relu, "speed-leaky"};
  const Advice rrelu{Id::rrelu, "overfitting"}, prelu{Id::prelu, "huge-data"};
  const Advice gelu{Id::gelu, "transformer"}, silu{Id::silu, "transformer-gated"};
  const bool can_self_normalize = a.self_normalizing && !a.transformer;
  Guide g;
  auto add = [&](const Advice& x) { if (!contains(g.advice, x.id)) g.advice.push_back(x); };
  if (a.transformer) add(gelu), add(silu);
  if (a.speed_critical) add(relu), add(leaky);
  if (a.overfitting) add(rrelu);
  if (a.huge_training_set) add(prelu);
  if (!a.transformer) add(base);
  g.pick = g.advice.front().id;
  if (a.time_to_cross_validate) {
    for (Id id : kRanking)
      if (id != Id::selu || can_self_normalize) g.cross_validate.push_back(id);
    if (a.overfitting) g.cross_validate.push_back(Id::rrelu);
    if (a.huge_training_set) g.cross_validate.push_back(Id::prelu);
    if (a.transformer) g.cross_validate.push_back(Id::gelu), g.cross_validate.push_back(Id::silu);
    g.advice.push_back({g.pick, "cross-validate"});
  }
  return g;
}

}  // namespace experiments
