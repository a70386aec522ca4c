// Module.outputLayerCurves(options?) for <output-layer>: {zMin, zMax, points, target} ->
// {z, p, mseLoss, mseGrad, bceLoss, bceGrad} (Float64Arrays); limits are the core's validate().
#include "convert.hpp"
#include "experiments/output_layer.hpp"

namespace bindings {
namespace {

using experiments::OutputLayerCurves;

OutputLayerCurves curves(const val& obj) {
  return guard([&] {
    return experiments::output_layer_curves(read_options(obj, "output layer options", [](const Options& o) {
      experiments::OutputLayerOptions c;
      o.read("zMin", c.z_min);
      o.read("zMax", c.z_max);
      o.read("points", c.points);
      o.read("target", c.target);
      return c;
    }));
  });
}

}  // namespace

EMSCRIPTEN_BINDINGS(output_layer) {
  using emscripten::function;
  Result<OutputLayerCurves>("OutputLayerCurves")
      .computed<+[](const OutputLayerCurves& c) { return c.options.target; }>("target")
      .member<&OutputLayerCurves::z>("z")
      .member<&OutputLayerCurves::p>("p")
      .member<&OutputLayerCurves::mse_loss>("mseLoss")
      .member<&OutputLayerCurves::mse_grad>("mseGrad")
      .member<&OutputLayerCurves::bce_loss>("bceLoss")
      .member<&OutputLayerCurves::bce_grad>("bceGrad");
  function("outputLayerCurves", &curves);
  function("outputLayerCurves", +[] { return curves(val::undefined()); });
  bind_wrong_counts<"outputLayerCurves(options?)", 0, 1>("outputLayerCurves");
}

}  // namespace bindings
