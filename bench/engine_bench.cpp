// Speed of the engines: simulated patient-days per second for one subject-day with three meals
// (50 g at 07:00, 70 g at 12:00, 80 g at 18:00), single-threaded.
//
// The fast backend (engine/fast_backend.hpp) runs the same days through the same care loop; after the run the program prints its speed-up over
// the reference engine measured in this same process (time per day of reference / fast).
//
// Instruction counts per simulated day (valgrind callgrind, adult#001, this scenario; deterministic, unlike times):
//   reference engine 2.69 M (open loop) / 2.76 M (basal-bolus);
//   fast engine 1.87 M / 1.93 M before the 2026-11-27 tuning, 1.77 M / 1.83 M after it (1.80 M / 1.86 M counted
//   with bench/engine_days, which runs the bench day N times: (N = 21 minus N = 1) / 20), 1.52 M / 1.60 M after
//   the second pass (same driver; docs/validation.md). Times, alternating runs of the old and new binary on the
//   2-core machine: fast engine 252 -> 196 us (open loop) and 274 -> 216 us (basal-bolus), medians of the per-run
//   minima.
//
// Baseline in the same process: the same engine forced to restart its adaptive solver every minute, which is the
// integration scheme of the reference implementation (simglucose). The external figure for simglucose
// itself on this machine is about 2.8 s per patient-day.
//
//   ./build/release/bench/engine_bench --benchmark_repetitions=10 --benchmark_min_time=0.5
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "engine/fast_backend.hpp"
#include "engine/reference_backend.hpp"
#include "engine/simulation.hpp"
#include "io/patient_parameters_csv.hpp"
#include "physiology/published_subjects.hpp"

namespace isletsim {
namespace {

UvaPadovaParameters benchmark_subject() {
  const std::filesystem::path params = std::filesystem::path(ISLETSIM_REFERENCE_DIR) / "simglucose/vpatient_params.csv";
  if (std::filesystem::exists(params)) {
    auto subject = read_patient_parameters(params, "adult#001");
    read_therapy_settings(params.parent_path() / "Quest.csv", subject);
    return subject;
  }
  return average_adult_t1d();
}

Scenario three_meal_day(ControllerKind kind) {
  Scenario scenario;
  scenario.duration_min = 1440;
  scenario.subjects = {benchmark_subject()};
  scenario.meals = {{420, 50, 5, true}, {720, 70, 5, true}, {1080, 80, 5, true}};
  scenario.controller.kind = kind;
  if (kind == ControllerKind::kBasalBolus) {
    scenario.sensor = published_cgm_sensor("Dexcom");
    scenario.pump = *published_insulin_pump("Insulet");
  }
  return scenario;
}

void run_days(benchmark::State& state, ControllerKind kind, IntegratorTolerances tolerances) {
  const Scenario scenario = three_meal_day(kind);
  const ReferenceBackend backend(tolerances);
  for (auto _ : state) {
    auto controller = make_controller(scenario.controller, scenario.subjects[0], scenario.seed, 0);
    auto series = simulate_subject(scenario, scenario.subjects[0], 0, *controller, backend);
    benchmark::DoNotOptimize(series.glucose_plasma_mg_dl.data());
  }
  state.counters["patient_days_per_s"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

void run_days_fast(benchmark::State& state, ControllerKind kind) {
  const Scenario scenario = three_meal_day(kind);
  for (auto _ : state) {
    auto controller = make_controller(scenario.controller, scenario.subjects[0], scenario.seed, 0);
    auto series = simulate_subject(scenario, scenario.subjects[0], 0, *controller, fast_backend());
    benchmark::DoNotOptimize(series.glucose_plasma_mg_dl.data());
  }
  state.counters["patient_days_per_s"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

// With --benchmark_repetitions=N, the smallest repetition: on a machine shared with other jobs the minimum CPU time is
// the most reproducible figure (contention only ever adds time), and the ratios below use it.
double smallest(const std::vector<double>& values) { return *std::min_element(values.begin(), values.end()); }

void BM_PatientDay_OpenLoop(benchmark::State& state) { run_days(state, ControllerKind::kOpenLoop, {}); }
void BM_PatientDay_BasalBolus(benchmark::State& state) { run_days(state, ControllerKind::kBasalBolus, {}); }
void BM_PatientDay_OpenLoop_RestartEveryMinuteBaseline(benchmark::State& state) {
  IntegratorTolerances baseline;
  baseline.restart_every_call = true;
  run_days(state, ControllerKind::kOpenLoop, baseline);
}
void BM_PatientDay_BasalBolus_RestartEveryMinuteBaseline(benchmark::State& state) {
  IntegratorTolerances baseline;
  baseline.restart_every_call = true;
  run_days(state, ControllerKind::kBasalBolus, baseline);
}

void BM_PatientDay_OpenLoop_Fast(benchmark::State& state) { run_days_fast(state, ControllerKind::kOpenLoop); }
void BM_PatientDay_BasalBolus_Fast(benchmark::State& state) { run_days_fast(state, ControllerKind::kBasalBolus); }

BENCHMARK(BM_PatientDay_OpenLoop)->Unit(benchmark::kMicrosecond)->ComputeStatistics("min", smallest);
BENCHMARK(BM_PatientDay_OpenLoop_Fast)->Unit(benchmark::kMicrosecond)->ComputeStatistics("min", smallest);
BENCHMARK(BM_PatientDay_BasalBolus_Fast)->Unit(benchmark::kMicrosecond)->ComputeStatistics("min", smallest);
BENCHMARK(BM_PatientDay_BasalBolus)->Unit(benchmark::kMicrosecond)->ComputeStatistics("min", smallest);
BENCHMARK(BM_PatientDay_OpenLoop_RestartEveryMinuteBaseline)->Unit(benchmark::kMicrosecond)->ComputeStatistics("min", smallest);
BENCHMARK(BM_PatientDay_BasalBolus_RestartEveryMinuteBaseline)->Unit(benchmark::kMicrosecond)->ComputeStatistics("min", smallest);

// The console reporter, also remembering each run's CPU time per iteration so that main() can print ratios.
class RatioReporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    // With --benchmark_repetitions the minimum wins over the single repetitions.
    for (const Run& run : runs) {
      const std::string name = run.run_name.str();
      if (run.run_type == Run::RT_Aggregate && run.aggregate_name == "min") {
        cpu_time_us_[name] = run.GetAdjustedCPUTime();
        has_min_[name] = true;
      } else if (run.run_type == Run::RT_Iteration && run.iterations > 0 && !has_min_[name]) {
        cpu_time_us_[name] = run.GetAdjustedCPUTime();
      }
    }
    ConsoleReporter::ReportRuns(runs);
  }
  void print_ratio(const std::string& reference, const std::string& fast) const {
    const auto r = cpu_time_us_.find(reference);
    const auto f = cpu_time_us_.find(fast);
    if (r == cpu_time_us_.end() || f == cpu_time_us_.end() || f->second <= 0) return;
    // simglucose's figure for one patient-day on the development machine: about 2.8 s (issue 2); the goal is
    // 10,000x that, i.e. under 280 us of CPU time per patient-day. CPU times move with the load of the machine (the
    // 2-core development machine with other builds running: +-30 % between runs), so the ratio to the reference
    // engine, measured in this same process, is the figure to compare between runs; the goal line below is only
    // this run's reading.
    constexpr double kGoalUsPerDay = 2.8e6 / 10000.0;
    std::printf("%-28s reference %8.1f us/day, fast %7.1f us/day: %5.2fx faster; %8.0fx simglucose's 2.8 s; "
                "goal < %.0f us/day %s in this run\n",
                fast.c_str(), r->second, f->second, r->second / f->second, 2.8e6 / f->second, kGoalUsPerDay,
                f->second < kGoalUsPerDay ? "met" : "NOT met");
  }

 private:
  std::map<std::string, double> cpu_time_us_;
  std::map<std::string, bool> has_min_;
};

}  // namespace
}  // namespace isletsim

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  isletsim::RatioReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  reporter.print_ratio("BM_PatientDay_OpenLoop", "BM_PatientDay_OpenLoop_Fast");
  reporter.print_ratio("BM_PatientDay_BasalBolus", "BM_PatientDay_BasalBolus_Fast");
  benchmark::Shutdown();
  return 0;
}
