// engine_days: runs engine_bench's day (adult#001, 50/70/80 g meals) N times on the fast backend, a new controller
// each day as in the benchmark, for instruction counts that do not depend on the machine's load:
//
//   valgrind --tool=callgrind --callgrind-out-file=/dev/null ./build/release/bench/engine_days 21 open
//   valgrind --tool=callgrind --callgrind-out-file=/dev/null ./build/release/bench/engine_days 1 open
//
// (instructions of the first minus the second) / 20 = instructions per simulated day, without the start-up (reading the
// CSVs, loading libraries). Second argument: "open" (open loop) or "bb" (basal-bolus with Dexcom sensor and Insulet
// pump). The counts are in engine_bench.cpp's header and docs/validation.md.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "engine/fast_backend.hpp"
#include "engine/simulation.hpp"
#include "io/patient_parameters_csv.hpp"
#include "physiology/published_subjects.hpp"

int main(int argc, char** argv) {
  using namespace isletsim;
  if (argc != 3 || (std::string(argv[2]) != "open" && std::string(argv[2]) != "bb")) {
    std::fprintf(stderr, "usage: %s DAYS open|bb\n", argv[0]);
    return 2;
  }
  const int days = std::atoi(argv[1]);
  const bool basal_bolus = std::string(argv[2]) == "bb";
  Scenario scenario;
  scenario.duration_min = 1440;
  const std::filesystem::path params = std::filesystem::path(ISLETSIM_REFERENCE_DIR) / "simglucose/vpatient_params.csv";
  if (std::filesystem::exists(params)) {
    scenario.subjects = {read_patient_parameters(params, "adult#001")};
    read_therapy_settings(params.parent_path() / "Quest.csv", scenario.subjects[0]);
  } else {
    scenario.subjects = {average_adult_t1d()};
  }
  scenario.meals = {{420, 50, 5, true}, {720, 70, 5, true}, {1080, 80, 5, true}};
  scenario.controller.kind = basal_bolus ? ControllerKind::kBasalBolus : ControllerKind::kOpenLoop;
  if (basal_bolus) {
    scenario.sensor = published_cgm_sensor("Dexcom");
    scenario.pump = *published_insulin_pump("Insulet");
  }
  double last_glucose_sum_mg_dl = 0;  // used, so that no day can be optimised away
  for (int day = 0; day < days; ++day) {
    auto controller = make_controller(scenario.controller, scenario.subjects[0], scenario.seed, 0);
    const auto series = simulate_subject(scenario, scenario.subjects[0], 0, *controller, fast_backend());
    last_glucose_sum_mg_dl += series.glucose_plasma_mg_dl.back();
  }
  std::printf("%d days, sum of end-of-day plasma glucose %.6f mg/dl\n", days, last_glucose_sum_mg_dl);
  return 0;
}
