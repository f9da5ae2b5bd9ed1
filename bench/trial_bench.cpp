// trial_bench: speed of a virtual trial on each backend, in one process -- patient-days per second (screening run-ins
// and model-domain checks included) and, for the single-thread run, CPU microseconds per patient-day; ratios against
// the reference backend measured in the same process. The design is trials/one_year_1000_adults.toml (1,000 sampled
// adults for a year, 14-day run-in, Dexcom, Insulet, basal-bolus in two arms), which reads ../shared/reference;
// --participants and --days shrink it for a quick run (the rate per patient-day barely depends on the size).
//
//   ./build/release/bench/trial_bench                                  # the full design, 2 threads, every backend
//   ./build/release/bench/trial_bench --participants 100 --days 60 --backends fast,batched --threads 1
//
// Not a Google Benchmark program: one trial takes seconds to minutes, so each backend runs it `--repeat` times and the
// fastest run counts (contention on a shared machine only ever adds time).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>
#include <vector>

#include "isletsim/trial.hpp"
#include "engine/backend.hpp"

namespace {

struct Arguments {
  std::string trial = std::string(ISLETSIM_SOURCE_DIR) + "/trials/one_year_1000_adults.toml";
  int participants = 0;  // 0: the file's
  int days = 0;          // 0: the file's
  unsigned threads = 2;
  int repeat = 1;
  std::vector<std::string> backends = isletsim::backend_names();
};

std::vector<std::string> split(const std::string& text) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t comma = text.find(',', start);
    parts.push_back(text.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return parts;
}

Arguments parse(int argc, char** argv) {
  Arguments a;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string key = argv[i];
    const std::string value = argv[i + 1];
    if (key == "--trial") a.trial = value;
    else if (key == "--participants") a.participants = std::atoi(value.c_str());
    else if (key == "--days") a.days = std::atoi(value.c_str());
    else if (key == "--threads") a.threads = static_cast<unsigned>(std::atoi(value.c_str()));
    else if (key == "--repeat") a.repeat = std::max(1, std::atoi(value.c_str()));
    else if (key == "--backends") a.backends = split(value);
    else {
      std::fprintf(stderr, "unknown option %s\n", key.c_str());
      std::exit(2);
    }
  }
  return a;
}

double process_cpu_s() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
}

}  // namespace

int main(int argc, char** argv) {
  using namespace isletsim;
  const Arguments args = parse(argc, argv);
  TrialDefinition trial = load_trial(args.trial);
  if (args.participants > 0) trial.participants = args.participants;
  if (args.days > 0) {
    trial.duration_days = args.days;
    trial.visit_days = {0, args.days};
    for (auto& request : trial.endpoints) {
      request.visit_days.clear();
      for (const int day : trial.visit_days) {
        if (day > 0 || request.name != "cgm_level2_hypo_events") request.visit_days.push_back(day);
      }
    }
  }
  std::printf("trial %s: %d participants x %d days, %u threads\n", trial.name.c_str(), trial.participants,
              trial.duration_days, args.threads);
  double reference_rate = 0;
  for (const std::string& backend : args.backends) {
    double best_wall = 1e300, best_cpu = 0, days = 0;
    for (int r = 0; r < args.repeat; ++r) {
      TrialOptions options;
      options.backend = backend;
      options.threads = args.threads;
      TrialSummary summary;
      const double cpu_before = process_cpu_s();
      run_trial(trial, options, [](const ParticipantResult&) {}, &summary);
      const double cpu = process_cpu_s() - cpu_before;
      if (summary.wall_time_s < best_wall) {
        best_wall = summary.wall_time_s;
        best_cpu = cpu;
        days = summary.patient_days();
      }
    }
    const double rate = days / best_wall;
    if (backend == "reference") reference_rate = rate;
    std::printf("%-10s %10.0f patient-days in %8.2f s wall: %9.0f patient-days/s, %7.1f us CPU per patient-day",
                backend.c_str(), days, best_wall, rate, 1e6 * best_cpu / days);
    if (reference_rate > 0 && backend != "reference") std::printf(", %6.2fx the reference", rate / reference_rate);
    std::printf("\n");
  }
  return 0;
}
