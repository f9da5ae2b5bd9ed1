// Mesenchymal stem (stromal) cell therapy in type 2 diabetes as a slow modifier of the physiology.
//
// Each infusion (day t_k, dose d_k cells/kg) adds three effects that decay first order, each at its own rate:
//   E_x(t) = sum_{k: t >= t_k} g_x (d_k / d_ref) exp(-ln 2 (t - t_k) / h_x),   x = sensitivity, function, apoptosis,
// with gains g_x per reference dose d_ref and half-lives h_x. Assumption: effects are linear in dose and add over
// repeated infusions (no trial has mapped the dose-response; Kashbour et al. 2025 could not pool by dose).
// What they act on (docs/therapies.md):
//   * tissue insulin sensitivity (anti-inflammatory action of MSC on insulin-resistant tissue): multiplier
//     1 + E_sensitivity on both insulin-sensitivity knobs of TissueInsulinResistance (insulin_resistance.hpp) and on
//     SI of the Topp 2000 model;
//   * beta-cell function: multiplier 1 + E_function on the beta_cell_function knob (Dalla Man 2007 beta and K);
//   * beta-cell apoptosis: multiplier max(0, 1 - E_apoptosis) on a slow model's death rate (Topp 2000 d0).
// Clinical anchors (TRIAL_TARGETS.md): the meta-analysis of 13 randomized trials of Kashbour et al. 2025 (Diabetol
// Metab Syndr 17:189) found at 12 months HbA1c -0.72 %-points, insulin dose -14.5 U/day and fasting C-peptide
// +0.24 (I2 93 %). The randomized trial of Zang et al. 2022 (Stem Cell Res Ther 13, doi 10.1186/s13287-022-02848-6;
// umbilical-cord MSC, three intravenous infusions 4 weeks apart, 48 weeks) found the clamp glucose infusion rate up
// from 3.12 to 4.76 mg/kg/min (placebo 3.26 to 3.60) and no improvement of beta-cell function. Calibration (ours):
// taking the clamp M value proportional to insulin sensitivity, MSC raised sensitivity by (4.76/3.12)/(3.60/3.26) =
// 1.3816 at week 48 (day 336) after infusions on days 0, 28, 56; with the half-life assumed at 180 days (the effect
// persists at week 48) the gain per reference dose is 0.3816 / sum_k 2^-((336 - t_k)/180) = 0.3816 / 0.9198 = 0.4148.
// Assumption: the reference dose is 1e6 cells/kg, the usual dose of intravenous MSC trials in T2D (e.g.
// NCT01413035); Zang 2022's dose per kg is not verified here. The beta-cell gains and all half-lives other than
// this one are assumptions (docs/therapies.md says what a calibration needs).
#pragma once

#include <vector>

#include "physiology/insulin_resistance.hpp"
#include "physiology/topp_2000_model.hpp"

namespace isletsim {

struct MscInfusion {
  double day = 0;                   // day of the trial (>= 0)
  double dose_cells_per_kg = 0;     // > 0
};

struct MscEffectParameters {
  // Reference dose d_ref (assumption, see above).
  double reference_dose_cells_per_kg = 1e6;
  // Calibrated to Zang 2022 week-48 clamp (see above), given the assumed half-life.
  double insulin_sensitivity_gain = 0.4148;
  double insulin_sensitivity_half_life_day = 180;  // assumption
  // Assumption: small (Zang 2022 saw no change in beta-cell function; Kashbour 2025's C-peptide rise is
  // heterogeneous, I2 93 %).
  double beta_cell_function_gain = 0.1;
  double beta_cell_function_half_life_day = 180;  // assumption
  // Assumption: MSC reduce beta-cell apoptosis in animal models; no human measure exists.
  double apoptosis_reduction_gain = 0.3;
  double apoptosis_reduction_half_life_day = 180;  // assumption
};

struct MscTherapyDesign {
  std::vector<MscInfusion> infusions;  // in order of day; one for a single infusion, several for a schedule
  MscEffectParameters parameters;
};

// The multipliers in force on one day.
struct MscDailyEffect {
  double day = 0;
  double insulin_sensitivity_multiplier = 1;  // on muscle/fat and liver insulin sensitivity, and Topp SI
  double beta_cell_function_multiplier = 1;   // on beta-cell function (Dalla Man beta and K)
  double apoptosis_rate_multiplier = 1;       // on a slow model's beta-cell death rate (Topp d0)
};

// Throws InputError naming the key ("infusions[1].dose_cells_per_kg", "parameters.insulin_sensitivity_gain", ...)
// for a negative, zero (doses, half-lives) or non-finite value, or infusions out of order.
void validate_msc_therapy(const MscTherapyDesign& design);

// The effect at time t_day (closed form above). Validates the design.
MscDailyEffect msc_effect_on_day(const MscTherapyDesign& design, double t_day);
// One effect per day at t = 1, 2, ..., days (the end of each day), for slow models stepped day by day.
std::vector<MscDailyEffect> msc_daily_effects(const MscTherapyDesign& design, int days);

// The knobs with the effect applied (sensitivities x insulin_sensitivity_multiplier, function x
// beta_cell_function_multiplier; beta_cell_mass unchanged -- mass changes come from a slow model).
TissueInsulinResistance with_msc_effect(const TissueInsulinResistance& knobs, const MscDailyEffect& effect);
// Topp 2000 with SI x insulin_sensitivity_multiplier and d0 x apoptosis_rate_multiplier.
Topp2000Parameters with_msc_effect(const Topp2000Parameters& parameters, const MscDailyEffect& effect);

}  // namespace isletsim
