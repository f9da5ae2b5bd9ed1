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

// The glucose of the standard day (trial/standard_day.hpp simulates it), and the criteria read off it.
struct StandardDayGlucose {
  double mean_glucose_mg_dl = 0;
  double min_glucose_mg_dl = 0;
  double max_glucose_mg_dl = 0;
  double fasting_glucose_mg_dl = 0;        // at 07:00, before breakfast
  double time_in_range_70_180 = 0;         // fraction of the minutes with 70 <= G <= 180 (Battelino 2019)
  double adag_hba1c_percent = 0;           // ADAG (Nathan 2008) HbA1c equivalent of the mean glucose
};

// Insulin independence in the minute model: the standard day without exogenous insulin keeps the ADAG HbA1c
// equivalent below 7 % (the criterion of Reichman 2025, NEJM 393:858: insulin independence with HbA1c < 7 %) and
// time in range 70-180 mg/dl at or above 70 % (the consensus target of Battelino et al. 2019, Diabetes Care 42:1593).
bool meets_insulin_independence_criterion(const StandardDayGlucose& day);
// The whole day within 70-180 mg/dl.
bool stays_in_range(const StandardDayGlucose& day);

}  // namespace isletsim
