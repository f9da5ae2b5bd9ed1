// How an islet graft secretes in the minute-scale model: the graft recipient as a Dalla Man 2007 meal-model subject
// whose functional beta-cell mass is the graft's.
//
// Approach (this project's choice, docs/therapies.md): a person with type 1 diabetes and no C-peptide is the average
// normal subject of Dalla Man, Rizza & Cobelli 2007 (IEEE TBME 54:1740, Table 1; dalla_man_2007_subjects.cpp) with
// beta_cell_mass = 0; a graft with functional mass F (fraction of a normal adult pancreas, islet_graft.hpp) sets
// beta_cell_mass = F, which multiplies the whole pre-hepatic secretion of eqs. 17-22 (basal, static and dynamic).
// The UVA/Padova T1D model (Dalla Man 2007 without the secretion submodel, Kovatchev 2009) shares the glucose and
// insulin kinetics of this model, so this is "eqs. 17-22 added to a T1D person". A portal-vein graft secretes into
// the portal vein exactly as eqs. 17-18 assume. Assumption: grafts at other sites (subcutaneous device, muscle) are
// treated the same way, although their insulin bypasses first-pass hepatic extraction; the hepatic glucose
// threshold h = Gb, Sb and the responsivities beta and K are those of native normal islets.
//
// Exogenous insulin for a partly engrafted person is not part of this file: the meal model takes intravenous
// insulin into Ip (MealModelInputs::insulin_iv_pmol_per_kg_per_min) for callers that need it.
#pragma once

#include "physiology/dalla_man_2007_parameters.hpp"

namespace isletsim {

// The Dalla Man 2007 average normal subject with beta_cell_mass = graft_mass_fraction, at its own fasting steady
// state (settle_to_steady_state). Throws InputError (key "graft_mass_fraction") when the fraction is negative,
// above 10 or not finite.
MealModelParameters graft_recipient_subject(double graft_mass_fraction);

// The standard day of this project's therapy tests: three meals, 50 g at 07:00, 70 g at 12:00 and 80 g at 18:00,
// each eaten at 5 g/min (the meal plan of the UVA/Padova reference day in shared/reference/simglucose, README.md),
// no exogenous insulin. The day is simulated twice from the fasting state at midnight and the second day is
// scored, so the evening meal's tail carries into the morning as it does day after day.
struct StandardDayGlucose {
  double mean_glucose_mg_dl = 0;
  double min_glucose_mg_dl = 0;
  double max_glucose_mg_dl = 0;
  double fasting_glucose_mg_dl = 0;        // at 07:00, before breakfast
  double time_in_range_70_180 = 0;         // fraction of the minutes with 70 <= G <= 180 (Battelino 2019)
  double adag_hba1c_percent = 0;           // ADAG (Nathan 2008) HbA1c equivalent of the mean glucose
};
StandardDayGlucose simulate_standard_day_without_insulin(const MealModelParameters& subject);

// Insulin independence in the minute model: the standard day without exogenous insulin keeps the ADAG HbA1c
// equivalent below 7 % (the criterion of Reichman 2025, NEJM 393:858: insulin independence with HbA1c < 7 %) and
// time in range 70-180 mg/dl at or above 70 % (the consensus target of Battelino et al. 2019, Diabetes Care 42:1593).
bool meets_insulin_independence_criterion(const StandardDayGlucose& day);
// The whole day within 70-180 mg/dl.
bool stays_in_range(const StandardDayGlucose& day);

// Smallest graft fraction in [0, 1] at which `criterion` holds on the standard day, by bisection to `tolerance`
// (the criteria above hold from some fraction on: more mass, lower glucose). Throws
// std::runtime_error when the criterion fails even at fraction 1 or already holds at 0.
double smallest_graft_fraction_meeting(bool (*criterion)(const StandardDayGlucose&), double tolerance = 1e-4);

}  // namespace isletsim
