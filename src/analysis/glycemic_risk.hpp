// Low and high blood glucose indices (LBGI, HBGI) -- Kovatchev et al. 1997, "Symmetrization of the blood glucose
// measurement scale and its applications", Diabetes Care 20:1655-1658; Kovatchev et al. 2006, Diabetes Care
// 29:2433-2438: f(BG) = 1.509 * (ln(BG)^1.084 - 5.381), BG in mg/dl; risk r = 10 f^2;
// LBGI = mean of r over readings with f < 0 (0 otherwise), HBGI likewise for f > 0.
#pragma once

#include <span>

namespace isletsim {

// The symmetrising transform f(BG), BG in mg/dl (zero at 112.5 mg/dl).
double glucose_risk_transform(double glucose_mg_dl);
double low_blood_glucose_index(std::span<const double> glucose_mg_dl);
double high_blood_glucose_index(std::span<const double> glucose_mg_dl);

}  // namespace isletsim
