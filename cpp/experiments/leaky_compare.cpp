#include "experiments/leaky_compare.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>

#include "experiments/common.hpp"

namespace experiments {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

bool leaky_family(act::Id id) {
  return id == act::Id::relu || id == act::Id::leaky_relu || id == act::Id::prelu || id == act::Id::rrelu;
}

nn::Config net_config(const LeakyCompare::Config& o, const LeakyCompare::Run& r, int input_dim) {
  nn::Config c;
  c.layers.clear();
  c.layers.push_back(input_dim);
  c.layers.insert(c.layers.end(), o.hidden.begin(), o.hidden.end());
  c.layers.push_back(1);
  c.activation = r.id;
  c.params = r.params;
  c.init = nn::Init::he_normal;  // the same weights for every run (the ReLU family's usual init)
  c.loss = nn::Loss::bce;
  c.optimizer = o.optimizer;
  c.learning_rate = o.learning_rate;
  c.batch_size = o.batch_size;
  c.seed = o.seed;
  return c;
}
}  // namespace

void LeakyCompare::validate(const Config& o) {
  if (o.runs.empty())
    throw std::invalid_argument("runs is required: 1 to 8 activations, e.g. [{activation: 'relu'}]");
  if (o.runs.size() > kMaxRuns)
    throw std::invalid_argument("runs: need 1 to 8 activations, got " + std::to_string(o.runs.size()));
  for (const Run& r : o.runs) {
    if (!leaky_family(r.id))
      throw std::invalid_argument("runs: '" + std::string(act::name(r.id)) +
                                  "' is not allowed here; allowed: relu, leaky_relu, prelu, rrelu");
    act::validate(r.id, r.params);
  }
  if (o.hidden.empty() || o.hidden.size() > kMaxHiddenLayers)
    throw std::invalid_argument("hidden: need 1 to 4 hidden layer widths, got " + std::to_string(o.hidden.size()));
  for (int w : o.hidden)
    if (w < 1 || w > kMaxWidth) throw std::invalid_argument("hidden: every width must be in [1, 64], got " + std::to_string(w));
  check_int("points", o.points, kMinPoints, kMaxPoints);
  check_number("testFraction", o.test_fraction, 0.1, 0.9);
  if (o.dataset == "sin" || o.dataset == "abs" || o.dataset == "step")
    throw std::invalid_argument("dataset: '" + o.dataset + "' is a regression set; allowed: circle, xor, gaussian, spiral");
  if (o.dataset == "spiral3")  // one logit per network here (bce)
    throw std::invalid_argument("dataset: '" + o.dataset + "' has three classes; allowed: circle, xor, gaussian, spiral");
}

LeakyCompare::LeakyCompare(const Config& o) : cfg_(o) {
  validate(o);
  data_ = nn::make_dataset(o.dataset, {o.points, o.noise, o.seed, o.test_fraction});
  nets_.reserve(o.runs.size());
  for (const Run& r : o.runs) nets_.emplace_back(net_config(o, r, data_.input_dim));  // validates lr, batch
}

std::vector<double> prelu_alphas(const nn::Network& net) {
  std::vector<double> out;
  const auto p = net.parameters();
  for (const auto& l : net.layers())
    if (l.hidden && l.alpha != SIZE_MAX) out.insert(out.end(), p.begin() + l.alpha, p.begin() + l.alpha + l.out);
  return out;
}

LeakyCompare::Record LeakyCompare::record(std::size_t i, double train_loss) {
  nn::Network& net = nets_[i];
  Record r;
  r.train_loss = train_loss;
  r.diverged = net.diverged();
  std::vector<double> g(net.parameter_count());
  r.eval_train_loss = net.loss_and_gradient(data_.x_train, data_.y_train, g);
  if (data_.y_test.empty()) {
    r.test_loss = r.test_accuracy = kNaN;
  } else {
    r.test_loss = net.loss_and_gradient(data_.x_test, data_.y_test, g);
    const std::vector<double> z = net.predict(data_.x_test);
    std::size_t ok = 0;
    for (std::size_t k = 0; k < z.size(); ++k) ok += (z[k] > 0) == (data_.y_test[k] > 0.5);
    r.test_accuracy = static_cast<double>(ok) / static_cast<double>(z.size());
  }
  r.alphas = prelu_alphas(net);
  return r;
}

std::vector<LeakyCompare::Record> LeakyCompare::evaluate() {
  std::vector<Record> out;
  for (std::size_t i = 0; i < nets_.size(); ++i) out.push_back(record(i, kNaN));
  return out;
}

std::vector<LeakyCompare::Record> LeakyCompare::step() {
  std::vector<Record> out;
  ++epoch_;
  for (std::size_t i = 0; i < nets_.size(); ++i) {
    const double tl = nets_[i].train_epoch(data_.x_train, data_.y_train);
    out.push_back(record(i, tl));
  }
  return out;
}

}  // namespace experiments
