// Section 10 of the post: which activation for which answers.
// Expected values are recomputed here from first principles (the SGD rule, the loss definition,
// the post's bullet list), never read back from the code under test.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "experiments/activation_guide.hpp"

using namespace experiments;
using act::Id;

TEST_CASE("guide: the general order is the post's SELU > ELU > LeakyReLU > ReLU > tanh > sigmoid", "[guide]") {
  const auto r = activation_ranking();
  std::vector<std::string> names;
  for (Id id : r) names.emplace_back(act::name(id));
  REQUIRE(names == std::vector<std::string>{"selu", "elu", "leaky_relu", "relu", "tanh", "sigmoid"});
}

TEST_CASE("guide: every combination of answers gets the post's advice", "[guide]") {
  const int mask = GENERATE(range(0, 64));
  GuideAnswers a;
  a.self_normalizing = mask & 1, a.speed_critical = mask & 2, a.overfitting = mask & 4, a.huge_training_set = mask & 8,
  a.time_to_cross_validate = mask & 16, a.transformer = mask & 32;
  INFO("selfnorm " << a.self_normalizing << " speed " << a.speed_critical << " overfit " << a.overfitting << " huge "
                   << a.huge_training_set << " cv " << a.time_to_cross_validate << " transformer " << a.transformer);
  const Guide g = activation_guide(a);
  auto has = [&](Id id, std::string_view rule) {
    return std::any_of(g.advice.begin(), g.advice.end(), [&](const Advice& x) { return x.id == id && x.rule == rule; });
  };
  REQUIRE(!g.advice.empty());
  REQUIRE(g.pick == g.advice.front().id);
  // The pick, by the documented precedence.
  const Id expected = a.transformer ? Id::gelu
                      : a.speed_critical ? Id::relu
                      : a.overfitting  ? Id::rrelu
                      : a.huge_training_set ? Id::prelu
                      : a.self_normalizing  ? Id::selu
                                            : Id::elu;
  REQUIRE(g.pick == expected);
  // Each bullet of the post that applies shows up, with its rule.
  if (a.speed_critical) REQUIRE((has(Id::relu, "speed-relu") && has(Id::leaky_relu, "speed-leaky")));
  if (a.overfitting) REQUIRE(has(Id::rrelu, "overfitting"));
  if (a.huge_training_set) REQUIRE(has(Id::prelu, "huge-data"));
  // A transformer-style model: GELU (BERT, GPT) and SiLU (SwiGLU in LLaMA-style models); its residual
  // connections and normalisation layers rule out SELU's self-normalisation, so that rule is left out.
  if (a.transformer) {
    REQUIRE((has(Id::gelu, "transformer") && has(Id::silu, "transformer-gated")));
    REQUIRE_FALSE(has(Id::selu, "self-normalizing"));
    REQUIRE_FALSE(has(Id::elu, "no-self-normalizing"));
  } else {
    REQUIRE((a.self_normalizing ? has(Id::selu, "self-normalizing") : has(Id::elu, "no-self-normalizing")));
    REQUIRE_FALSE(has(Id::gelu, "transformer"));
    REQUIRE_FALSE(has(Id::silu, "transformer-gated"));
  }
  // SELU is never advised for a net that cannot self-normalise.
  for (const auto& x : g.advice) REQUIRE(((a.self_normalizing && !a.transformer) || x.id != Id::selu));
  // No activation is advised twice for the same rule; every rule is one of the post's seven or the two after it (an id
  // the page maps to its explanation and its experiment, never a page anchor).
  const std::vector<std::string_view> rules{"self-normalizing", "no-self-normalizing", "speed-relu", "speed-leaky",
                                            "overfitting", "huge-data", "cross-validate", "transformer", "transformer-gated"};
  for (std::size_t i = 0; i < g.advice.size(); ++i) {
    REQUIRE(std::find(rules.begin(), rules.end(), g.advice[i].rule) != rules.end());
    for (std::size_t j = 0; j < i; ++j) REQUIRE(!(g.advice[i].id == g.advice[j].id && g.advice[i].rule == g.advice[j].rule));
  }
  // Cross-validation: only with time and compute; candidates in the post's order.
  REQUIRE(g.cross_validate.empty() == !a.time_to_cross_validate);
  REQUIRE(has(g.pick, "cross-validate") == a.time_to_cross_validate);
  if (a.time_to_cross_validate) {
    std::vector<Id> want;
    if (a.self_normalizing && !a.transformer) want.push_back(Id::selu);
    for (Id id : {Id::elu, Id::leaky_relu, Id::relu, Id::tanh, Id::sigmoid}) want.push_back(id);
    if (a.overfitting) want.push_back(Id::rrelu);
    if (a.huge_training_set) want.push_back(Id::prelu);
    if (a.transformer) want.push_back(Id::gelu), want.push_back(Id::silu);
    REQUIRE(g.cross_validate == want);
  }
}
