// Same seed, same numbers: a trial's output files are byte-identical for every thread count and every batch width,
// on every backend (the participants' streams are keyed by their index; each lane of a batch depends only on itself).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "engine/backend.hpp"
#include "io/patient_parameters_csv.hpp"
#include "io/trial_output.hpp"
#include "physiology/published_subjects.hpp"
#include "test_support.hpp"
#include "trial/daily_routine.hpp"
#include "trial/standard_care_intervention.hpp"
#include "trial/trial_runner.hpp"

namespace isletsim {
namespace {

// Sampled adults when the reference data is there (a varied population), the shipped average adult otherwise;
// carbohydrate-counting errors and the 15-15 rule on, so every random stream and the rescue path are exercised.
TrialDefinition varied_trial() {
  TrialDefinition trial;
  trial.name = "reproducibility";
  trial.source_file = "reproducibility.toml";
  trial.seed = 11;
  trial.duration_days = 6;
  trial.participants = 7;
  trial.visit_days = {0, 3, 6};
  trial.cohort.run_in_days = 2;
  if (testing::reference_available()) {
    const auto dir = testing::reference_dir() / "simglucose";
    trial.cohort.population = "adult";
    trial.cohort.reference_subjects =
        read_reference_group(dir / "vpatient_params.csv", dir / "Quest.csv", "adult");
  }
  trial.cohort.carb_counting_error.bias_fraction = -0.28;
  trial.cohort.carb_counting_error.sd_fraction = 0.371;
  trial.routine = default_daily_routine();
  trial.sensor = published_cgm_sensor("Dexcom");
  trial.pump = *published_insulin_pump("Insulet");
  ControllerConfig basal_bolus;
  basal_bolus.kind = ControllerKind::kBasalBolus;
  basal_bolus.missed_bolus_probability = 0.2;
  ControllerConfig pid;
  pid.kind = ControllerKind::kPid;
  pid.pid_kp_u_per_min_per_mg_dl = 0.0005;
  pid.pid_ki_u_per_min_per_mg_dl_min = 0;
  pid.pid_kd_u_per_min_per_mg_dl_per_min = 0.005;
  trial.arms = {{"basal_bolus", 1, "bb", std::make_shared<StandardCareIntervention>(basal_bolus, 0.2)},
                {"pid", 1, "pid", std::make_shared<StandardCareIntervention>(pid)}};
  for (const std::string name : {"hba1c_percent", "tir_70_180_percent", "tbr_below_70_percent",
                                 "cgm_level2_hypo_events", "insulin_u_per_day", "min_plasma_glucose_mg_dl"}) {
    trial.endpoints.push_back({name, {0, 3, 6}});
  }
  return trial;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// subject_endpoints.csv, arm_results.json and screening_log.json of one run, concatenated.
std::string run_outputs(const TrialDefinition& trial, const std::string& backend, unsigned threads,
                        std::size_t batch_width) {
  const auto dir = testing::scratch_path("isletsim_reproducibility_" + backend + "_" + std::to_string(threads) +
                                         "_" + std::to_string(batch_width));
  std::filesystem::remove_all(dir);
  TrialOutputWriter writer(dir, trial);
  TrialRunOptions options;
  options.backend = backend;
  options.threads = threads;
  options.batch_width = batch_width;
  const auto log = run_trial(trial, options, [&](const ParticipantResult& r) { writer.add_participant(r); });
  writer.finish(log);
  std::string all;
  for (const char* file : {"subject_endpoints.csv", "arm_results.json", "screening_log.json"}) {
    all += read_file(dir / file);
  }
  std::filesystem::remove_all(dir);
  return all;
}

class TrialReproducibility : public ::testing::TestWithParam<std::string> {};

TEST_P(TrialReproducibility, ByteIdenticalOutputsForEveryThreadCountAndBatchWidth) {
  const TrialDefinition trial = varied_trial();
  const std::string first = run_outputs(trial, GetParam(), 1, 1);
  ASSERT_GT(first.size(), 1000U);
  for (const unsigned threads : {1U, 2U, 3U}) {
    for (const std::size_t width : {std::size_t{0}, std::size_t{1}, std::size_t{3}, std::size_t{8}}) {
      EXPECT_EQ(run_outputs(trial, GetParam(), threads, width), first)
          << GetParam() << ", " << threads << " threads, batch width " << width;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, TrialReproducibility, ::testing::ValuesIn(backend_names()),
                         [](const ::testing::TestParamInfo<std::string>& param) { return param.param; });

}  // namespace
}  // namespace isletsim
