// Speed of the reference engine: simulated patient-days per second for one subject-day with three meals
// (50 g at 07:00, 70 g at 12:00, 80 g at 18:00), single-threaded.
//
// Baseline in the same process: the same engine forced to restart its adaptive solver every minute, which is the
// integration scheme of the reference implementation (simglucose). The external figure for simglucose
// itself on this machine is about 2.8 s per patient-day.
//
//   ./build/release/bench/engine_bench --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>

#include <filesystem>

#include "engine/reference_engine.hpp"
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
  for (auto _ : state) {
    auto controller = make_controller(scenario.controller, scenario.subjects[0]);
    auto series = simulate_subject(scenario, scenario.subjects[0], 0, *controller, tolerances);
    benchmark::DoNotOptimize(series.glucose_plasma_mg_dl.data());
  }
  state.counters["patient_days_per_s"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

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

BENCHMARK(BM_PatientDay_OpenLoop)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_PatientDay_BasalBolus)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_PatientDay_OpenLoop_RestartEveryMinuteBaseline)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_PatientDay_BasalBolus_RestartEveryMinuteBaseline)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace isletsim

BENCHMARK_MAIN();
