// Prandial insulin titration: see prandial_insulin_titration.hpp.
#include "trial/prandial_insulin_titration.hpp"

#include <algorithm>

namespace isletsim {

double titrated_prandial_dose_u(double current_dose_u, const PrandialTitrationReadings& r) {
  constexpr double kHypoglycaemiaMgDl = 70.0;      // level 1 hypoglycaemia (Battelino 2019)
  constexpr double kPostprandialGoalMgDl = 180.0;  // ADA peak postprandial target
  constexpr double kDecreaseFraction = 0.15;       // "10-20 %"; assumption: the middle
  constexpr double kIncreaseU = 1.0;               // "1-2 U"; assumption: the lower end
  if (r.lowest_until_next_meal_mg_dl < kHypoglycaemiaMgDl) return current_dose_u * (1.0 - kDecreaseFraction);
  if (r.two_hour_glucose_mg_dl > kPostprandialGoalMgDl) return current_dose_u + kIncreaseU;
  return std::max(0.0, current_dose_u);
}

}  // namespace isletsim
