// Prandial (mealtime) insulin titration for type 2 diabetes on basal-bolus injections (multiple daily injections),
// after the American Diabetes Association, Standards of Care in Diabetes 2024, section 9 "Pharmacologic approaches
// to glycemic treatment" (Diabetes Care 47 Suppl 1:S158), figure "Intensifying to injectable therapies": start
// prandial insulin at 4 U (or 0.1 U/kg, or 10 % of the basal dose); increase by 1-2 U or 10-15 % twice weekly to
// reach the glucose goal; after hypoglycaemia without a clear reason lower the corresponding dose by 10-20 %.
// Choices of this project (assumptions): every meal gets its own dose from the start (basal-bolus rather than
// basal-plus); the goal is a 2-h postprandial glucose <= 180 mg/dl (the ADA peak postprandial target, same
// Standards, section 6); the increase is 1 U and the decrease 15 %; "hypoglycaemia" is any glucose < 70 mg/dl
// between the meal and the next one (level 1, Battelino 2019); the doses are adjusted at the basal rule's interval
// (every 3 days with 3-0-3 = about twice weekly; weekly with Treat-to-Target).
#pragma once

namespace isletsim {

struct PrandialTitrationReadings {
  double two_hour_glucose_mg_dl = 0;        // after the meal (mean over the days since the last adjustment)
  double lowest_until_next_meal_mg_dl = 0;  // lowest glucose from the meal to the next one since the last adjustment
};

// The new dose of one meal (U), never below zero.
double titrated_prandial_dose_u(double current_dose_u, const PrandialTitrationReadings& readings);

}  // namespace isletsim
