// Native side of `./build.sh bench`: the same workloads that bench/run-wasm.mjs runs as wasm,
// here on the C++ core compiled for this CPU's baseline (x86-64, no -march). Prints JSON on
// stdout (read by bench/run-wasm.mjs), progress on stderr.
//   bench_native [--quick]      --quick: fewer repetitions (for a smoke test)
//   bench_native --serve        training only, driven over stdin/stdout by run-wasm.mjs so native,
//                               wasm and JS repetitions interleave (same machine load for all):
//                               "calibrate K" -> epochs per rep; "train K EPOCHS" -> samples/s loss
// Workloads (keep in step with bench/workloads.mjs):
//   training    500 circle points, SGD lr 0.03, batch 10, mse; samples per CPU second, median of
//               reps after warm-up, each rep ~0.05 s of whole epochs (the epoch count is calibrated once)
//   activations f and f' ns/element over 1 M doubles with random signs (speed::measure)
//   frame       ten 2-8-8-1 networks (one per activation of the post) x one epoch + a 50x50 grid predict each
//               (CPU ms per frame)
#include <algorithm>
#include <ctime>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "activations.hpp"
#include "datasets.hpp"
#include "network.hpp"
#include "speed.hpp"

namespace {

// Process CPU time, not wall time: on a machine shared with other jobs, wall time mostly measures
// how long the scheduler kept us waiting. This process has one thread; run-wasm.mjs measures its
// own main thread's CPU time, where wasm and the JS engine run.
double cpu_now() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}
double seconds_since(double t0) { return cpu_now() - t0; }

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t m = v.size() / 2;
  return v.size() % 2 ? v[m] : 0.5 * (v[m - 1] + v[m]);
}

std::string json_array(const std::vector<double>& v) {
  std::string s = "[";
  char buf[32];
  for (std::size_t i = 0; i < v.size(); ++i) {
    std::snprintf(buf, sizeof buf, "%s%.6g", i ? "," : "", v[i]);
    s += buf;
  }
  return s + "]";
}

struct Training {
  const char* name;
  std::vector<int> layers;
  act::Id activation;
};

const Training kTraining[] = {
    {"2-8-8-1 tanh", {2, 8, 8, 1}, act::Id::tanh},
    {"2-8-8-1 relu", {2, 8, 8, 1}, act::Id::relu},
    {"2-8x6-1 tanh", {2, 8, 8, 8, 8, 8, 8, 1}, act::Id::tanh},
};
constexpr int kPoints = 500;
constexpr double kRepSeconds = 0.05;  // = REP_SECONDS of bench/workloads.mjs

nn::Dataset circle() {
  nn::DatasetOptions o;
  o.n = kPoints;
  o.noise = 0.05;
  o.seed = 1;
  o.test_fraction = 0;
  return nn::make_dataset("circle", o);
}

nn::Config training_config(const Training& t) {
  nn::Config c;
  c.layers = t.layers;
  c.activation = t.activation;
  c.params = act::defaults(t.activation);
  c.loss = nn::Loss::mse;
  c.optimizer = nn::Optimizer::sgd;
  c.learning_rate = 0.03;
  c.batch_size = 10;
  c.seed = 1;
  return c;
}

std::string bench_training(const nn::Dataset& d, int reps) {
  std::string out = "[";
  for (const Training& t : kTraining) {
    nn::Network net(training_config(t));
    double loss = 0;
    // warm-up and calibration: whole epochs for at least kRepSeconds
    int epochs = 0;
    const double t0 = cpu_now();
    while (seconds_since(t0) < kRepSeconds) {
      loss = net.train_epoch(d.x_train, d.y_train);
      ++epochs;
    }
    std::vector<double> rate;
    for (int r = 0; r < reps; ++r) {
      const double t1 = cpu_now();
      for (int e = 0; e < epochs; ++e) loss = net.train_epoch(d.x_train, d.y_train);
      rate.push_back(epochs * static_cast<double>(kPoints) / seconds_since(t1));
    }
    std::fprintf(stderr, "  native %-14s %10.0f samples/s (loss %.4f)\n", t.name, median(rate), loss);
    char buf[256];
    std::snprintf(buf, sizeof buf, "%s{\"name\":\"%s\",\"epochsPerRep\":%d,\"samplesPerSec\":%.6g,\"finalLoss\":%.6g,\"reps\":",
                  out.size() > 1 ? "," : "", t.name, epochs, median(rate), loss);
    out += buf + json_array(rate) + "}";
  }
  return out + "]";
}

std::string bench_activations(int reps) {
  std::string out = "[";
  auto one = [&](act::Id id, speed::Variant v) {
    const speed::Result r = speed::measure(id, act::defaults(id), 1'000'000, reps, v, 1);
    char buf[384];
    std::snprintf(buf, sizeof buf, "%s{\"id\":\"%s\",\"variant\":\"%s\",\"nsPerElementF\":%.4g,\"nsPerElementDf\":%.4g,\"bestNsPerElementF\":%.4g,\"bestNsPerElementDf\":%.4g,\"checksum\":%.17g}",
                  out.size() > 1 ? "," : "", std::string(act::name(id)).c_str(),
                  std::string(speed::variant_name(v)).c_str(), r.ns_per_element_f, r.ns_per_element_df,
                  r.best_ns_per_element_f, r.best_ns_per_element_df, r.checksum);
    out += buf;
  };
  for (act::Id id : act::all_ids()) one(id, speed::Variant::standard);
  one(act::Id::relu, speed::Variant::branchless);
  one(act::Id::relu, speed::Variant::branchy);
  for (act::Id id : act::all_ids())
    if (speed::has_variant(id, speed::Variant::fast)) one(id, speed::Variant::fast);
  std::fprintf(stderr, "  native activations done\n");
  return out + "]";
}

// The page's frame: every network of the race (the post's ten activations; the six after the post
// are not in it, and leaving them out keeps this number comparable with earlier runs) trains one epoch
// and predicts a 50 x 50 grid.
std::string bench_frame(const nn::Dataset& d, int frames) {
  std::vector<nn::Network> nets;
  for (act::Id id : act::all_ids()) {
    if (act::after_post(id)) continue;
    nn::Config c;  // the race's defaults (bce, sgd, lr 0.03, batch 10), 2-8-8-1
    c.layers = {2, 8, 8, 1};
    c.activation = id;
    c.params = act::defaults(id);
    nets.emplace_back(c);
  }
  std::vector<double> grid(2 * 50 * 50), out(50 * 50);
  for (int i = 0; i < 50; ++i)
    for (int j = 0; j < 50; ++j) {
      grid[2 * (i * 50 + j)] = -1 + 2 * (j + 0.5) / 50;
      grid[2 * (i * 50 + j) + 1] = -1 + 2 * (i + 0.5) / 50;
    }
  std::vector<double> ms;
  for (int f = -5; f < frames; ++f) {  // 5 warm-up frames
    const double t0 = cpu_now();
    for (auto& net : nets) {
      net.train_epoch(d.x_train, d.y_train);
      net.predict(grid, out);
    }
    if (f >= 0) ms.push_back(1e3 * seconds_since(t0));
  }
  std::fprintf(stderr, "  native frame %.3f ms\n", median(ms));
  char buf[128];
  std::snprintf(buf, sizeof buf, "{\"networks\":%zu,\"msPerFrame\":%.6g,\"reps\":", nets.size(), median(ms));
  return buf + json_array(ms) + "}";
}

// Line protocol for run-wasm.mjs; workload K indexes kTraining; every network persists.
int serve(const nn::Dataset& d) {
  std::vector<nn::Network> nets;
  for (const Training& t : kTraining) nets.emplace_back(training_config(t));
  char cmd[32];
  int k = 0, epochs = 0;
  double loss = 0;
  while (std::scanf("%31s", cmd) == 1) {
    if (std::strcmp(cmd, "quit") == 0) break;
    const bool cal = std::strcmp(cmd, "calibrate") == 0;
    if ((!cal && std::strcmp(cmd, "train") != 0) || std::scanf("%d", &k) != 1 || k < 0 ||
        k >= static_cast<int>(nets.size()) || (!cal && (std::scanf("%d", &epochs) != 1 || epochs < 1))) {
      std::printf("error bad command\n");
      std::fflush(stdout);
      return 1;
    }
    const double t0 = cpu_now();
    if (cal) {
      for (epochs = 0; seconds_since(t0) < kRepSeconds; ++epochs) loss = nets[k].train_epoch(d.x_train, d.y_train);
      std::printf("%d\n", epochs);
    } else {
      for (int e = 0; e < epochs; ++e) loss = nets[k].train_epoch(d.x_train, d.y_train);
      std::printf("%.9g %.9g\n", epochs * static_cast<double>(kPoints) / seconds_since(t0), loss);
    }
    std::fflush(stdout);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc > 1 && std::strcmp(argv[1], "--serve") == 0) {
    try {
      return serve(circle());
    } catch (const std::exception& e) {
      std::fprintf(stderr, "bench_native: %s\n", e.what());
      return 1;
    }
  }
  const bool quick = argc > 1 && std::strcmp(argv[1], "--quick") == 0;
  const int reps = quick ? 3 : 7;
  try {
    const nn::Dataset d = circle();
    std::string json = "{\"engine\":\"native\",\"training\":" + bench_training(d, reps);
    json += ",\"activations\":" + bench_activations(quick ? 3 : 9);
    json += ",\"frame\":" + bench_frame(d, quick ? 5 : 21) + "}";
    std::printf("%s\n", json.c_str());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_native: %s\n", e.what());
    return 1;
  }
  return 0;
}
