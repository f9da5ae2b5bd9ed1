// Basal insulin titration rules: see basal_insulin_titration.hpp.
#include "trial/basal_insulin_titration.hpp"

#include <algorithm>

#include "core/input_error.hpp"

namespace isletsim {

BasalTitrationRule parse_basal_titration_rule(const std::string& text, const std::string& key) {
  if (text == "treat_to_target") return BasalTitrationRule::kTreatToTarget;
  if (text == "3-0-3") return BasalTitrationRule::kThreeZeroThree;
  throw InputError({"", 0, key}, "unknown titration rule '" + text + "' (expected \"treat_to_target\" or \"3-0-3\")");
}

std::string basal_titration_rule_name(BasalTitrationRule rule) {
  return rule == BasalTitrationRule::kTreatToTarget ? "treat_to_target" : "3-0-3";
}

int titration_interval_days(BasalTitrationRule rule) {
  return rule == BasalTitrationRule::kTreatToTarget ? 7 : 3;  // Riddle 2003 weekly; Blonde 2009 every 3 days
}

double basal_dose_change_u_per_day(BasalTitrationRule rule, const TitrationReadings& r) {
  const double fpg = r.mean_fasting_glucose_mg_dl;
  if (rule == BasalTitrationRule::kThreeZeroThree) {  // Blonde 2009, target 80-110 mg/dl
    if (fpg > 110.0) return 3.0;
    if (fpg < 80.0) return -3.0;
    return 0.0;
  }
  // Riddle 2003 Table 1 and its two exceptions.
  if (r.lowest_glucose_mg_dl < 56.0) return -2.0;  // "2-4 IU/day"; assumption: 2
  if (r.lowest_glucose_mg_dl < 72.0) return 0.0;
  if (fpg >= 180.0) return 8.0;
  if (fpg >= 140.0) return 6.0;
  if (fpg >= 120.0) return 4.0;
  if (fpg > 100.0) return 2.0;
  return 0.0;
}

double titrated_basal_dose_u_per_day(BasalTitrationRule rule, double current_dose_u_per_day,
                                     const TitrationReadings& readings) {
  return std::max(0.0, current_dose_u_per_day + basal_dose_change_u_per_day(rule, readings));
}

}  // namespace isletsim
