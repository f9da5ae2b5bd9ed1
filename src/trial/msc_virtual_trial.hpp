// Virtual randomized trials of mesenchymal stem (stromal) cell therapy in type 2 diabetes on basal insulin, and the
// random-effects meta-analysis of several such trials with different designs (issue 5).
//
// Each trial: 2 x participants_per_arm people of the type 2 virtual cohort (type2_cohort.hpp), each on titrated basal
// insulin through a run-in and the follow-up (type2_insulin_participant.hpp); the MSC arm gets the trial's
// infusions (day 0 = randomisation) on top of the same titration, the placebo arm nothing (a placebo infusion has
// no effect in the model). Participants are drawn independently, so allocating even indices to placebo and odd ones
// to MSC is a random allocation. Participant i of trial t is cohort index t * 2^20 + i of the set's seed.
//
// Cell source, dose, schedule and follow-up vary between trials. A cell source is a set of MSC effect parameters
// (msc_therapy.hpp): by default the calibrated ones (Zang 2022, umbilical cord); other sources are given other
// gains and half-lives in the trial file -- assumptions, since no trial has compared sources head to head.
// Between people, the MSC response (all effect gains) is multiplied by a mean-one lognormal factor with coefficient
// of variation response_cv (assumption; drawn from StreamPurpose::kMscResponse, also in the placebo arm so streams
// stay aligned).
//
// Endpoint per participant: the change from randomisation to the end of follow-up; per trial, the difference of
// mean changes MSC minus placebo with its Welch 95 % interval (trial_statistics.hpp) and standard error
// sqrt(s_msc^2/n_msc + s_placebo^2/n_placebo), which the meta-analysis pools (random_effects_meta_analysis.hpp).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "therapy/msc_therapy.hpp"
#include "trial/random_effects_meta_analysis.hpp"
#include "trial/trial_statistics.hpp"
#include "trial/type2_cohort.hpp"
#include "trial/type2_insulin_participant.hpp"

namespace isletsim {

struct MscTrialDesign {
  std::string name;
  std::string cell_source = "umbilical_cord";  // label for the report
  int participants_per_arm = 30;
  int follow_up_days = 365;
  std::vector<MscInfusion> infusions;  // days from randomisation
  MscEffectParameters effect;          // default: the Zang 2022 calibration (msc_therapy.hpp)
  double response_cv = 0.5;            // assumption (see above)
};

struct MscTrialSet {
  std::uint64_t seed = 1;
  Type2CohortSpread cohort_spread;
  Type2CarePlan care;
  std::vector<MscTrialDesign> trials;
};

enum class MscEndpoint : int { kHbA1c = 0, kTotalInsulin, kFastingCPeptide, kFastingGlucose };
inline constexpr int kMscEndpointCount = 4;
// "hba1c_percent", "insulin_u_per_day" (total daily dose, basal + prandial), "fasting_c_peptide_nmol_l",
// "fasting_glucose_mg_dl"
const char* msc_endpoint_name(MscEndpoint endpoint);
double msc_endpoint_value(const Type2Visit& visit, MscEndpoint endpoint);

struct MscTrialParticipant {
  int trial = 0;
  int index = 0;  // within the trial
  bool msc_arm = false;
  TissueInsulinResistance knobs;
  double response_multiplier = 1;
  Type2ParticipantOutcome outcome;
};

struct MscTrialEndpointResult {
  ArmSummary placebo_change;
  ArmSummary msc_change;
  Interval difference;  // MSC minus placebo, Welch 95 %
  double standard_error = 0;
};

struct MscTrialResult {
  MscTrialDesign design;
  std::array<MscTrialEndpointResult, kMscEndpointCount> endpoints;
};

struct MscMetaAnalysis {
  std::vector<MscTrialResult> trials;
  std::array<RandomEffectsPooled, kMscEndpointCount> pooled;
  std::vector<MscTrialParticipant> participants;
};

// Throws InputError (key "trials[i].<field>", "care.<field>", "cohort.<field>") for a bad design: fewer than 2
// participants per arm, follow-up < 1 day, no infusions, a bad infusion or effect parameter, a negative response_cv.
void validate_msc_trial_set(const MscTrialSet& set);

// Runs every trial (participants spread over `threads` threads; results do not depend on the count) and pools them.
MscMetaAnalysis run_msc_trials(const MscTrialSet& set, unsigned threads);

// The published pooled 12-month results of Kashbour et al. 2025 (Diabetol Metab Syndr 17:189; TRIAL_TARGETS.md):
// HbA1c -0.72 (-1.11 to -0.33) %, I2 56 %; insulin -14.5 (-19.45 to -9.55) U/day, I2 0 %; fasting C-peptide +0.24
// (0.05 to 0.43), I2 93 % (unit as pooled there, not verified here); fasting glucose -6.22 (-24.23 to 11.79), I2 81 %
// (unit as pooled there; mg/dl assumed).
struct PublishedPooledResult {
  double estimate;
  double lower;
  double upper;
  double i_squared;
};
PublishedPooledResult kashbour_2025_pooled(MscEndpoint endpoint);

}  // namespace isletsim
