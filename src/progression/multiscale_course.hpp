// MultiscaleCourse: years of one subject with its own insulin secretion, at minute resolution, with beta-cell mass,
// beta-cell function and tissue insulin sensitivity evolving on a slow time scale (docs/multiscale_coupling.md).
//
// Two layers, coupled by operator splitting (Lie splitting) at a fixed coupling interval h:
//   fast  -- the Dalla Man 2007 meal model with secretion (physiology/dalla_man_2007_model.hpp), driven minute by
//            minute by a daily routine (meals), exercise bouts and an optional basal insulin; its parameters are
//            the published subject with the TissueInsulinResistance knobs (physiology/insulin_resistance.hpp),
//            held constant over each interval;
//   slow  -- beta-cell mass and function (physiology/beta_cell_adaptation.hpp: Topp 2000 eq. 3 and our
//            dedifferentiation law), stepped once per interval with the beta-cell glucose of the fast layer held;
//            insulin sensitivity follows a prescribed course (the forced S_i of Ha, Satin & Sherman 2016) times the
//            everyday-care multipliers (progression/everyday_care.hpp).
// At the end of each interval the fast layer hands over its trailing 24-h mean glucose (a statistic that does not
// depend on h), the slow layer steps, and the fast layer continues from its current state with the new knobs.
// HbA1c (physiology/hba1c_glycation.hpp) advances once per calendar day with that day's mean glucose and
// C-peptide (physiology/c_peptide_kinetics.hpp) minute by minute from the secretion.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "physiology/beta_cell_adaptation.hpp"
#include "physiology/c_peptide_kinetics.hpp"
#include "physiology/dalla_man_2007_parameters.hpp"
#include "physiology/hba1c_glycation.hpp"

namespace isletsim {

struct RoutineMeal {
  double start_min_of_day = 0;
  double carbs_g = 0;
  double duration_min = 15;
};

// Assumption of ours: three meals, 200 g carbohydrate a day (about 40 % of a 2000 kcal diet), breakfast 07:00,
// lunch 12:00, dinner 19:00, each eaten over 15 minutes. Fasting samples are read at 06:59.
struct DailyRoutine {
  std::vector<RoutineMeal> meals{{420, 50, 15}, {720, 70, 15}, {1140, 80, 15}};
  double fasting_sample_min_of_day = 419;
};

// Relative tissue insulin sensitivity over the years, in the form of the forced insulin sensitivity of
// Ha, Satin & Sherman 2016 (Endocrinology 157:624): S' = -rate (S - target). Defaults: their decline of S_i from
// 0.8 toward 0.18 ml/uU/d at 0.00756 /d (fig7_human_prevention.set), as a fraction of the start: target
// 0.18/0.8 = 0.225. Muscle and liver can differ (hepatic vs peripheral resistance, Ha & Sherman 2020).
struct InsulinSensitivityCourse {
  double muscle_target = 1.0;
  double liver_target = 1.0;
  double rate_per_day = 0.00756;  // Ha, Satin & Sherman 2016
  double start_day = 0;
};

struct ExerciseBout {
  double day = 0;
  double start_min_of_day = 0;
  double duration_min = 60;
  double net_uptake_mg_per_kg_per_min = 1.0;  // assumption (everyday_care.hpp)
};

struct SleepNight {
  double day = 0;  // the night before this day's 00:00..24:00
  double hours = 8;
};

struct WeightChange {
  double day = 0;  // from this day on
  double percent_of_start = 0;
};

// A daily basal insulin stand-in: a constant intravenous insulin rate for the days the dose is taken (assumption:
// a flat basal analogue approximated by a constant infusion into plasma). Each day's dose is taken with
// probability `adherence` drawn from the subject's RandomStream (StreamPurpose::kAdherence).
struct BasalInsulinTherapy {
  double start_day = 0;
  double rate_pmol_per_kg_per_min = 0;
  double adherence = 1.0;
  std::uint64_t seed = 1;
  std::uint64_t subject_index = 0;
};

struct MultiscaleOptions {
  double duration_day = 365;
  int coupling_interval_min = 1440;  // must divide 1440 or be a multiple of it
  DailyRoutine routine;
  InsulinSensitivityCourse sensitivity;
  BetaCellAdaptationParameters beta_cells;
  BetaCellState initial_beta_cells;
  std::vector<ExerciseBout> exercise;
  std::vector<SleepNight> sleep;
  std::vector<WeightChange> weight;
  std::optional<BasalInsulinTherapy> basal_insulin;
  CPeptidePerson person;  // body weight is taken from the subject
  HbA1cGlycationParameters hba1c;
  std::optional<double> reference_mean_glucose_mg_dl;  // default: computed (reference_mean_glucose_mg_dl below)
  bool record_minute_glucose = false;                  // fill DailyRecord::glucose_by_minute_mg_dl (1440 values a day)
};

struct DailyRecord {
  int day = 0;
  double mean_glucose_mg_dl = 0;
  double max_glucose_mg_dl = 0;
  double fasting_glucose_mg_dl = 0;
  double fasting_insulin_pmol_l = 0;
  double fasting_secretion_pmol_kg_min = 0;  // S = gamma Ipo (Dalla Man 2007 eq. 17) at the fasting sample
  double fasting_c_peptide_pmol_l = 0;
  double peak_c_peptide_pmol_l = 0;
  double hba1c_percent = 0;
  double relative_beta_cell_mass = 0;      // at the end of the day
  double relative_beta_cell_function = 0;  // at the end of the day
  double muscle_sensitivity = 0;           // knob in force at the end of the day
  double liver_sensitivity = 0;
  double beta_cell_glucose_mg_dl = 0;  // Gb last handed to the slow layer
  bool basal_dose_taken = false;
  std::vector<double> glucose_by_minute_mg_dl;  // end of each minute, when options.record_minute_glucose
};

// The subject's 24-h mean glucose on the routine with all knobs at 1, after two days of settling (day 3): the
// glucose that maps onto Topp's 100 mg/dl set point.
double reference_mean_glucose_mg_dl(const MealModelParameters& published, const DailyRoutine& routine);

// Runs the coupled course from the published subject's resting state with the knobs of day 0. One record per day.
// Throws InputError (key names the option) for a coupling interval that neither divides a day nor is a multiple of
// one, a duration that is not a positive whole number of days, meals outside the day or with negative carbohydrate,
// exercise or sleep or weight entries out of range, adherence outside [0, 1] or a negative insulin rate.
std::vector<DailyRecord> run_multiscale_course(const MealModelParameters& published, const MultiscaleOptions& options);

}  // namespace isletsim
