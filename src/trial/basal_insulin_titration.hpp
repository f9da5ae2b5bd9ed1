// Basal insulin titration rules for people with type 2 diabetes: the standard care of the MSC virtual trials.
//
// Treat-to-Target (Riddle, Rosenstock & Gerich 2003, Diabetes Care 26:3080, Table 1; start 10 IU/day, adjusted
// weekly on the mean self-monitored fasting plasma glucose (FPG) of the preceding 2 days):
//   FPG >= 180 mg/dl: +8 IU/day;  140-180: +6;  120-140: +4;  100-120: +2;  <= 100 (the target): no change.
//   Exceptions: no increase if any glucose < 72 mg/dl in the preceding week; a decrease of 2-4 IU/day if any
//   glucose < 56 mg/dl (or severe hypoglycaemia). Here the decrease is 2 IU/day (assumption: the lower end).
// 3-0-3 (Blonde, Merilainen, Karwe & Raskin 2009, Diabetes Obes Metab 11:623, the TITRATE study, FPG target
// 80-110 mg/dl; adjusted every 3 days on the mean FPG of the preceding 3 days):
//   FPG > 110 mg/dl: +3 U/day;  80-110: no change;  < 80: -3 U/day.
// The 3-0-3 rule lowers the dose when glucose falls, as investigators lowered insulin in the MSC trials (Kashbour
// et al. 2025 pooled a dose reduction of 14.5 U/day); Treat-to-Target only lowers it after hypoglycaemia.
// Long-acting basal insulin is modelled as a constant subcutaneous rate over the day (assumption: glargine's
// profile is nearly flat; its residual peak and day-to-day variability are ignored).
#pragma once

#include <string>

namespace isletsim {

enum class BasalTitrationRule { kTreatToTarget, kThreeZeroThree };

// "treat_to_target" or "3-0-3"; throws InputError with `key` otherwise.
BasalTitrationRule parse_basal_titration_rule(const std::string& text, const std::string& key);
std::string basal_titration_rule_name(BasalTitrationRule rule);

// Days between adjustments: 7 (Treat-to-Target) or 3 (3-0-3).
int titration_interval_days(BasalTitrationRule rule);

// What the rule sees at an adjustment.
struct TitrationReadings {
  double mean_fasting_glucose_mg_dl = 0;  // mean FPG over the days the rule averages
  double lowest_glucose_mg_dl = 0;        // lowest glucose since the last adjustment (Treat-to-Target exceptions)
};

// The change of the daily basal dose (U/day) the rule prescribes.
double basal_dose_change_u_per_day(BasalTitrationRule rule, const TitrationReadings& readings);

// The new dose: current + change, never below zero.
double titrated_basal_dose_u_per_day(BasalTitrationRule rule, double current_dose_u_per_day,
                                     const TitrationReadings& readings);

}  // namespace isletsim
