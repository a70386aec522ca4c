// Section 10 of the post, "which activation?": its rules as a function of the reader's answers.
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "activations.hpp"

namespace experiments {

struct GuideAnswers {
  bool self_normalizing = true;   // standardised inputs, LeCun init, plain sequential layers possible?
  bool speed_critical = false;    // is runtime (inference) speed critical?
  bool overfitting = false;       // does the network overfit?
  bool huge_training_set = false; // is the training set very large?
  bool time_to_cross_validate = false;  // time and compute to compare several by cross-validation?
  bool transformer = false;       // a transformer-style model (attention blocks with gated or plain MLPs)? (after the post)
};

// One rule of the post that applies, and the activation it advises. Rule ids (the page explains
// each one and links it to the experiment that shows it): self-normalizing | no-self-normalizing |
// speed-relu | speed-leaky | overfitting | huge-data | cross-validate, and after the post:
// transformer (gelu: BERT, GPT) | transformer-gated (silu: the SwiGLU feed-forward of LLaMA-style models).
struct Advice {
  act::Id id;
  std::string_view rule;
};

struct Guide {
  act::Id pick;                        // the first advice's id
  std::vector<Advice> advice;          // pick first, then every other rule that applies
  std::vector<act::Id> cross_validate; // candidates to compare (empty unless time_to_cross_validate)
};

// The post's general order: selu > elu > leaky_relu > relu > tanh > sigmoid.
std::span<const act::Id> activation_ranking() noexcept;
// Precedence of the rules when several apply (documented on the page):
//   transformer-style model   -> gelu, then silu (what such models use; there the matrix products
//                                dominate the time, so speed does not decide; the residual
//                                connections and normalisation layers rule out SELU's
//                                self-normalisation, so the selu/elu rule is left out)
//   else speed critical       -> relu (libraries/hardware optimise it), then leaky_relu
//   else overfitting          -> rrelu
//   else very large data      -> prelu
//   else                      -> selu if the net can self-normalise, elu if not
// Every other rule that applies is appended as further advice (overfitting -> rrelu, large data ->
// prelu, the self-normalisation choice unless transformer). Cross-validation lists the general
// ranking (without selu when the net cannot self-normalise or is a transformer, plus rrelu/prelu
// where they apply, plus gelu and silu for a transformer).
Guide activation_guide(const GuideAnswers& a);

}  // namespace experiments
