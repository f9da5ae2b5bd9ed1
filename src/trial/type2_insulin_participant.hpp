// A person with type 2 diabetes on basal insulin, followed through a trial: the Dalla Man 2007 meal model with
// secretion and the tissue knobs (insulin_resistance.hpp), exogenous subcutaneous insulin
// (meal_model_with_subcutaneous_insulin.hpp), basal titration (basal_insulin_titration.hpp), optionally MSC therapy
// (therapy/msc_therapy.hpp), and endpoints at randomisation (day 0) and at the end of follow-up.
//
// Standard care: basal insulin titrated by 3-0-3 or Treat-to-Target, optionally with a titrated rapid-acting dose
// before each meal (multiple daily injections; prandial_insulin_titration.hpp).
// Timeline: a run-in of `run_in_days` from the untreated resting state, starting basal insulin at
// `start_basal_dose_u_per_day` and titrating it (both arms alike), then randomisation at day 0 and follow-up to
// day `follow_up_days`; MSC infusion days count from day 0. Every day is the standard day of this project's therapy
// tests (50 g at 07:00, 70 g at 12:00, 80 g at 18:00 at 5 g/min; graft_recipient.hpp), with basal insulin as a
// constant subcutaneous rate.
//
// Cheaper method (the default): one representative day per titration interval. Within an interval (3 days for
// 3-0-3, 7 for Treat-to-Target) the dose is fixed and every day has the same meals, so the days differ only by the
// slow drift of the MSC effect and the carry-over of the previous evening; one day is simulated per interval, with
// the MSC effect at the interval's midpoint and the state carried on, and its mean glucose stands for every day of
// the interval in the HbA1c glycation. The titration reads that day's fasting glucose as the mean FPG of the
// preceding days and its lowest glucose as the week's lowest. An infusion steps the MSC effect and the next days
// are a transient (fasting glucose undershoots), so an interval holding an infusion is simulated day by day; without
// that, 3-0-3 lowered the dose on the transient (measured: 12-month HbA1c off by 0.13 %-points).
// `representative_day_per_interval = false` simulates every day at minute resolution instead (the reference);
// tests/trial/type2_insulin_participant_test.cpp measures the difference of the two.
//
// Endpoints at a visit: HbA1c (red-cell glycation, hba1c_glycation.hpp, started at the steady state of the untreated
// standard day), basal and prandial doses in force after the visit's titration, fasting (07:00) plasma glucose and
// C-peptide (Van Cauter 1992 kinetics driven by the model's pre-hepatic secretion, c_peptide_kinetics.hpp) of the
// last simulated day, and that day's mean glucose.
#pragma once

#include "physiology/dalla_man_2007_parameters.hpp"
#include "physiology/insulin_resistance.hpp"
#include "therapy/msc_therapy.hpp"
#include "trial/basal_insulin_titration.hpp"

namespace isletsim {

struct Type2CarePlan {
  BasalTitrationRule rule = BasalTitrationRule::kThreeZeroThree;
  double start_basal_dose_u_per_day = 10;  // Riddle 2003: 10 IU/day at start
  // Assumption: 24 weeks of titration before randomisation (a multiple of 3 and 7 days), so that both arms enter
  // with a titrated dose and an HbA1c that has mostly followed it (red cells live 120 days).
  int run_in_days = 168;
  bool representative_day_per_interval = true;
  // Multiple daily injections: a rapid-acting dose before each meal, starting at this many units and titrated by
  // prandial_insulin_titration.hpp (ADA Standards of Care 2024: start at 4 U). 0 = basal insulin only.
  double prandial_start_dose_u_per_meal = 0;
};

// Throws InputError (key = field name) for a negative or non-finite start dose (basal or prandial), a run-in that is
// not a whole number (>= 1) of titration intervals.
void validate_type2_care_plan(const Type2CarePlan& plan);

struct Type2Visit {
  int day = 0;  // relative to randomisation
  double hba1c_percent = 0;
  double basal_insulin_u_per_day = 0;
  double prandial_insulin_u_per_day = 0;  // sum of the three meal doses (0 on basal insulin only)
  double fasting_glucose_mg_dl = 0;
  double fasting_c_peptide_nmol_l = 0;
  double mean_glucose_mg_dl = 0;
};

struct Type2ParticipantOutcome {
  Type2Visit baseline;  // day 0
  Type2Visit end;       // day follow_up_days
  int simulated_days = 0;
  // True when MSC would have raised a knob above 10 x the published subject (the model's range) and the knob was
  // held at 10 (assumption; counted in the meta-analysis output).
  bool msc_effect_capped = false;
};

// `published` is the type 2 subject before the knobs (dalla_man_2007_average_type2()); `msc` is null for the
// placebo arm. Throws InputError for a bad plan, knobs or MSC design, or follow_up_days < 1.
Type2ParticipantOutcome simulate_type2_participant(const MealModelParameters& published,
                                                   const TissueInsulinResistance& knobs, const MscTherapyDesign* msc,
                                                   const Type2CarePlan& plan, int follow_up_days);

}  // namespace isletsim
