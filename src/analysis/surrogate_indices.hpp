// Surrogate indices of insulin sensitivity and beta-cell function from fasting samples, an oral glucose tolerance
// test (OGTT), an intravenous glucose tolerance test (IVGTT) and a hyperinsulinaemic-euglycaemic clamp.
//
// Sources, each repeated next to its formula in surrogate_indices.cpp:
//   HOMA1-IR and HOMA1-%B  Matthews et al. 1985, Diabetologia 28:412-419 (the original closed-form approximations).
//   QUICKI                 Katz et al. 2000, J Clin Endocrinol Metab 85:2402-2410.
//   Matsuda ISI            Matsuda & DeFronzo 1999, Diabetes Care 22:1462-1470.
//   Insulinogenic index    Seltzer et al. 1967, J Clin Invest 46:323-335; Phillips et al. 1994, Diabet Med 11:286-292.
//   Oral disposition index Utzschneider et al. 2009, Diabetes Care 32:335-341.
//   AIRg and IV DI         Bergman et al. 1981, J Clin Invest 68:1456-1467; Kahn et al. 1993, Diabetes 42:1663-1672.
//   Clamp M value          DeFronzo, Tobin & Andres 1979, Am J Physiol 237:E214-E223.
//
// Every function checks its inputs and throws InputError (key = the offending argument) for NaN, infinite,
// negative or otherwise impossible values, and for too few samples; it never returns NaN.
#pragma once

#include <span>

#include "analysis/glucose_test_samples.hpp"

namespace isletsim {

// HOMA1-IR = G0 [mmol/l] * I0 [uU/ml] / 22.5 (dimensionless; 1.0 for a normal-weight young adult).
// Requires G0 > 0 and I0 > 0.
double homa1_insulin_resistance(double fasting_glucose_mmol_l, double fasting_insulin_uU_ml);

// HOMA1-%B = 20 * I0 [uU/ml] / (G0 [mmol/l] - 3.5) (percent; 100 % for the normal reference).
// Defined only for G0 > 3.5 mmol/l (63.1 mg/dl); requires I0 >= 0.
double homa1_beta_cell_function_percent(double fasting_glucose_mmol_l, double fasting_insulin_uU_ml);

// QUICKI = 1 / (log10 I0 [uU/ml] + log10 G0 [mg/dl]) (dimensionless; ~0.38 in lean normal subjects, Katz 2000).
// Requires I0 > 0, G0 > 0 and I0 * G0 > 1 (otherwise the denominator is <= 0).
double quantitative_insulin_sensitivity_check_index(double fasting_glucose_mg_dl, double fasting_insulin_uU_ml);

// Matsuda ISI = 10000 / sqrt(G0 * I0 * Gmean * Imean), G in mg/dl, I in uU/ml (dimensionless).
// G0, I0: the t = 0 sample. Gmean, Imean: arithmetic means of the samples taken from 0 to 120 min inclusive (the
// paper's 0, 30, 60, 90, 120 min); samples after 120 min are ignored. Requires a t = 0 sample and at least two
// post-load samples in (0, 120] min; G > 0, I >= 0 and I0 > 0.
double matsuda_insulin_sensitivity_index(std::span<const GlucoseInsulinSample> ogtt);

// Insulinogenic index = (I30 - I0) / (G30 - G0), in uU/ml per mg/dl (Seltzer 1967 units; Phillips 1994 reports
// pmol/l per mmol/l, which is this value times 6 * 18.0156 = 108.1). Requires samples at exactly 0 and 30 min and
// G30 > G0.
double insulinogenic_index(std::span<const GlucoseInsulinSample> ogtt);

// Oral disposition index, the product of secretion and sensitivity from one OGTT:
//  * with Matsuda ISI: insulinogenic index [uU/ml per mg/dl] * Matsuda ISI, the common variant of the literature;
//  * as defined by Utzschneider 2009: insulinogenic index [uU/ml per mg/dl] * (1 / I0 [uU/ml]), in 1/(mg/dl).
double oral_disposition_index_matsuda(std::span<const GlucoseInsulinSample> ogtt);
double oral_disposition_index_fasting_insulin(std::span<const GlucoseInsulinSample> ogtt);

// Acute insulin response to glucose (AIRg), uU/ml: the mean of I(t) - I_b over the samples taken from 2 to 10 min
// (inclusive) after the glucose injection (Bergman 1981; Kahn 1993). I_b is the mean of the samples at t <= 0.
// Requires at least one basal sample and at least two samples in [2, 10] min.
double acute_insulin_response_to_glucose(std::span<const GlucoseInsulinSample> ivgtt);

// Intravenous disposition index = AIRg [uU/ml] * S_I [/min per uU/ml], in /min (Kahn 1993: the hyperbolic
// relation of secretion and sensitivity). Requires AIRg finite and S_I >= 0.
double intravenous_disposition_index(double acute_insulin_response_uU_ml, double insulin_sensitivity_per_min_per_uU_ml);

// Clamp M value, mg/kg/min: the mean glucose infusion rate over the samples in the last 30 min of the clamp
// ([t_end - 30, t_end], t_end = last sample), DeFronzo 1979. With apply_space_correction the change of glucose
// in its distribution space over that window is subtracted: SC = (G_last - G_first) [mg/dl] * 1.9 dl/kg / dt [min]
// (glucose space 0.19 l/kg, DeFronzo 1979), M = mean GIR - SC. Requires at least two samples in the window and
// GIR >= 0, G > 0.
double clamp_m_value(std::span<const ClampSample> clamp, bool apply_space_correction);

}  // namespace isletsim
