// TrialDefinition: everything one virtual trial needs, independent of how it was written down (io/trial_toml.hpp).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "devices/cgm_sensor.hpp"
#include "devices/insulin_pump.hpp"
#include "physiology/uva_padova_parameters.hpp"
#include "trial/arm_intervention.hpp"
#include "trial/carb_counting_error.hpp"
#include "trial/daily_routine.hpp"
#include "engine/hypo_treatment.hpp"
#include "trial/participant_simulation.hpp"

namespace isletsim {

struct TrialArm {
  std::string name;
  int allocation_ratio = 1;
  std::string description;
  std::shared_ptr<const ArmIntervention> intervention;
};

// Screening criteria, each optional (unset = not applied). Evaluated on the run-in (see CohortDefinition).
struct EligibilityCriteria {
  std::optional<double> hba1c_min_percent;
  std::optional<double> hba1c_max_percent;
  std::optional<double> c_peptide_max_pmol_l;       // "undetectable C-peptide": e.g. 10 pmol/l
  int min_cgm_level2_events_run_in = 0;              // history of hypoglycaemia: level 2 CGM episodes in the run-in
  // Proxy for "severe hypoglycaemia in the past year" (level 3 events are not observable in the model): level 2
  // episodes of plasma glucose (< 54 mg/dl >= 15 min; the plasma_level2_hypo_events endpoint) in the run-in.
  int min_plasma_level2_events_run_in = 0;
  // Model-domain check for graft trials (trial/t1d_graft_standard_day.hpp): a whole normal islet mass keeps the
  // candidate's standard day within 70-200 mg/dl. Checked before the run-in.
  bool plausible_with_normal_islets = false;
};

struct CohortDefinition {
  // "adult", "adolescent" or "child" (fitted from reference_subjects, trial/virtual_population.hpp), or
  // "average_adult" (every participant is the shipped average adult; only behaviour and sensor noise vary).
  std::string population = "average_adult";
  std::vector<UvaPadovaParameters> reference_subjects;
  int run_in_days = 14;                 // screening run-in on usual care (basal-bolus, own settings)
  EligibilityCriteria eligibility;
  int max_screened = 0;                 // 0: 10 x participants
  int max_redraws = 100;                // invalid parameter draws allowed per candidate
  CarbCountingError carb_counting_error;  // announced vs eaten carbohydrate, run-in and trial (default: none)
};

struct EndpointRequest {
  std::string name;
  std::vector<int> visit_days;          // subset of the trial's visits
};

struct TrialDefinition {
  std::string name;
  std::string source_file;
  std::string backend = "reference";    // engine/backend.hpp; TrialRunOptions::backend overrides it
  std::vector<std::string> warnings;     // what the reader noticed (deprecated keys), "FILE:LINE: warning: ..."
  std::uint64_t seed = 1;
  int duration_days = 14;
  int participants = 2;
  std::vector<int> visit_days;          // sorted, unique, 0..duration_days (0 = baseline, from the run-in)
  int block_multiplier = 1;             // permuted blocks hold sum(ratios) x this many participants
  std::vector<TrialArm> arms;           // arms[0] is the reference arm of every comparison
  CohortDefinition cohort;
  std::vector<EndpointRequest> endpoints;
  DailyRoutine routine;
  std::optional<HypoTreatment> hypo_treatment = HypoTreatment{};  // default: the 15-15 rule
  std::optional<CgmSensorParameters> sensor;
  InsulinPumpParameters pump;
};

// Endpoints available at the baseline visit (day 0, from the screening run-in).
const std::vector<std::string>& baseline_endpoint_names();

}  // namespace isletsim
