// InsulinDoseReduction: see insulin_dose_reduction.hpp.
#include "trial/insulin_dose_reduction.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include <fmt/format.h>

#include "core/input_error.hpp"

namespace isletsim {

void validate_hypo_dose_reduction_fraction(double reduction_fraction) {
  if (!std::isfinite(reduction_fraction) || reduction_fraction < 0.0 || reduction_fraction >= 1.0) {
    throw InputError({"", 0, "hypo_dose_reduction_fraction"},
                     fmt::format("must be in [0, 1) (0 = no dose reduction), got {}", reduction_fraction));
  }
}

InsulinDoseReduction::InsulinDoseReduction(double reduction_fraction) : reduction_fraction_(reduction_fraction) {
  if (!std::isfinite(reduction_fraction) || reduction_fraction < 0.0 || reduction_fraction >= 1.0) {
    throw std::invalid_argument("InsulinDoseReduction: reduction fraction must be in [0, 1)");
  }
}

bool InsulinDoseReduction::is_low_day(const CareDaySummary& day) {
  return day.min_cgm_mg_dl < kLowCgmMgDl || day.rescue_carbs_g > 0.0;
}

double InsulinDoseReduction::after_day(const CareDaySummary& day) {
  if (reduction_fraction_ == 0.0) return factor_;  // the rule is off
  if (is_low_day(day)) {
    factor_ *= 1.0 - reduction_fraction_;
    high_days_ = 0;
    return factor_;
  }
  high_days_ = day.mean_cgm_mg_dl > kHighMeanCgmMgDl ? high_days_ + 1 : 0;
  if (high_days_ >= kHighDaysBeforeIncrease) {
    factor_ = std::min(1.0, factor_ * (1.0 + kIncreaseFraction));  // never above the usual-care dose
    high_days_ = 0;
  }
  return factor_;
}

}  // namespace isletsim
