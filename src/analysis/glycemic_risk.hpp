// Low and high blood glucose indices (LBGI, HBGI) -- Kovatchev et al. 1997, "Symmetrization of the blood glucose
// measurement scale and its applications", Diabetes Care 20:1655-1658; Kovatchev et al. 2006, Diabetes Care
// 29:2433-2438: f(BG) = 1.509 * (ln(BG)^1.084 - 5.381), BG in mg/dl; risk r = 10 f^2;
// LBGI = mean of r over readings with f < 0 (0 otherwise), HBGI likewise for f > 0.
// Clarke & Kovatchev 2009, "Statistical tools to analyze continuous glucose monitor data", Diabetes Technol Ther
// 11(Suppl 1):S45-S54, publish the same function with the constant folded: f = ln(BG)^1.084 - 5.381,
// r = 22.77 f^2 (10 x 1.509^2 = 22.7708 rounded); CGM metrics use this form (as does the peer package iglu), the
// results differ by 3.5e-5 relative.
#pragma once

#include <span>

#include "analysis/glucose_series.hpp"

namespace isletsim {

enum class RiskFunctionForm {
  kKovatchev1997,       // r = 10 (1.509 (ln BG^1.084 - 5.381))^2
  kClarkeKovatchev2009  // r = 22.77 (ln BG^1.084 - 5.381)^2
};

// The symmetrising transform f(BG), BG in mg/dl (zero at 112.5 mg/dl).
double glucose_risk_transform(double glucose_mg_dl);
// The risk r(BG) = 10 f^2 (or 22.77 f'^2), signed: negative on the low side, positive on the high side.
double signed_glucose_risk(double glucose_mg_dl, RiskFunctionForm form = RiskFunctionForm::kKovatchev1997);
double low_blood_glucose_index(std::span<const double> glucose_mg_dl,
                               RiskFunctionForm form = RiskFunctionForm::kKovatchev1997);
double high_blood_glucose_index(std::span<const double> glucose_mg_dl,
                                RiskFunctionForm form = RiskFunctionForm::kKovatchev1997);

// Average daily risk range -- Kovatchev et al. 2006, "Evaluation of a new measure of blood glucose variability in
// diabetes", Diabetes Care 29:2433-2438, eq. for ADRR: for each calendar day i (local midnight to midnight),
// LR_i = max over the day's readings of rl(BG) = 10 f(BG)^2 when f < 0 (else 0) and HR_i likewise for f > 0;
// ADRR = mean over days of (LR_i + HR_i). Samples must be sorted by time. NaN when there are none.
double average_daily_risk_range(std::span<const GlucoseSample> samples,
                                RiskFunctionForm form = RiskFunctionForm::kClarkeKovatchev2009);

}  // namespace isletsim
