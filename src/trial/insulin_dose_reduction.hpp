// InsulinDoseReduction: the clinic's answer to hypoglycaemia on insulin, as a day-by-day scale factor on all
// exogenous insulin (basal and boluses) of a participant whose own insulin is returning (an islet graft arm).
//
// Source: American Diabetes Association, Standards of Care in Diabetes 2024, section 9 "Pharmacologic approaches to
// glycemic treatment" (Diabetes Care 47 Suppl 1:S158), figure "Intensifying to injectable therapies" (the same
// source as trial/prandial_insulin_titration.hpp): for basal and for prandial insulin, "if hypoglycemia, determine
// cause; if no clear reason, lower [the corresponding] dose by 10-20 %"; prandial doses are raised by "1-2 units or
// 10-15 % twice weekly" to reach the glucose goal. (Wording as reproduced in secondary summaries of that figure,
// found with the search tool; the figure itself was not reachable. The figure is written for type 2 diabetes;
// applying it to a type 1 graft recipient is an assumption of this project.)
//
// The rule (choices of this project, marked "assumption" below):
//   - a day is "low" when any CGM reading was < 70 mg/dl (level 1 hypoglycaemia, Battelino 2019, Diabetes Care
//     42:1593) or rescue carbohydrate was eaten; after a low day the factor becomes factor x (1 - r);
//   - after `kHighDaysBeforeIncrease` consecutive days without a low and with mean CGM above
//     `kHighMeanCgmMgDl`, the factor becomes factor x (1 + kIncreaseFraction), never above 1 (the usual-care
//     dose), and the count starts again;
//   - the factor starts at 1 (the usual-care dose) and is never above 1.
// r = 0 turns the rule off (the factor stays 1 whatever happens).
#pragma once

#include "trial/arm_intervention.hpp"

namespace isletsim {

// Assumption: r = 0.2, the upper end of the ADA's "10-20 %" -- a graft's insulin rises over weeks, and the
// faster step follows it with fewer low days.
inline constexpr double kDefaultHypoDoseReductionFraction = 0.2;

// For an arm's `hypo_dose_reduction_fraction` (graft and standard-care arms): throws InputError naming that key
// unless r is finite and in [0, 1).
void validate_hypo_dose_reduction_fraction(double reduction_fraction);

class InsulinDoseReduction {
 public:
  // Level 1 hypoglycaemia, < 70 mg/dl (Battelino et al. 2019, Diabetes Care 42:1593, international consensus on TIR).
  static constexpr double kLowCgmMgDl = 70.0;
  // Mean glucose 154 mg/dl = HbA1c 7 %, the ADA goal (ADAG, Nathan et al. 2008, Diabetes Care 31:1473).
  static constexpr double kHighMeanCgmMgDl = 154.0;
  // "Twice weekly" (ADA 2024 figure above): assumption, every 3 days.
  static constexpr int kHighDaysBeforeIncrease = 3;
  // "10-15 %" (ADA 2024 figure above): assumption, the lower end.
  static constexpr double kIncreaseFraction = 0.10;

  // reduction_fraction r in [0, 1); throws std::invalid_argument otherwise (the TOML reader checks first).
  explicit InsulinDoseReduction(double reduction_fraction = kDefaultHypoDoseReductionFraction);

  // Takes the summary of the day just ended; returns the factor for the next day.
  double after_day(const CareDaySummary& day);
  double factor() const { return factor_; }
  double reduction_fraction() const { return reduction_fraction_; }

  static bool is_low_day(const CareDaySummary& day);

 private:
  double reduction_fraction_;
  double factor_ = 1.0;
  int high_days_ = 0;  // consecutive days without a low and with mean CGM above kHighMeanCgmMgDl
};

}  // namespace isletsim
