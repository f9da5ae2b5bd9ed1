// Time in ranges from equally spaced glucose readings -- Battelino et al. 2019, "Clinical targets for continuous
// glucose monitoring data interpretation: recommendations from the international consensus on time in range",
// Diabetes Care 42:1593-1603: in range 70-180 mg/dl inclusive; below 70 and below 54 (level 1 counts both);
// above 180 and above 250. Reported as fractions of readings (0..1).
// Time in tight range 70-140 mg/dl inclusive: Battelino et al. 2023, "Continuous glucose monitoring and metrics for
// clinical trials: an international consensus statement", Lancet Diabetes Endocrinol 11:42-57 (Table 2).
#pragma once

#include <span>

namespace isletsim {

struct TimeInRanges {
  double below_54 = 0;     // < 54 mg/dl
  double below_70 = 0;     // < 70 mg/dl (includes below 54)
  double in_70_180 = 0;    // 70..180 mg/dl inclusive
  double above_180 = 0;    // > 180 mg/dl (includes above 250)
  double above_250 = 0;    // > 250 mg/dl
  double in_70_140 = 0;    // 70..140 mg/dl inclusive (time in tight range, Battelino 2023)
  double above_140 = 0;    // > 140 mg/dl (the complement of tight range above it)
};

TimeInRanges time_in_ranges(std::span<const double> glucose_mg_dl);

// Fraction of readings with low <= g <= high.
double fraction_between(std::span<const double> glucose_mg_dl, double low_mg_dl, double high_mg_dl);
// Fraction of readings with g < threshold, and with g > threshold.
double fraction_below(std::span<const double> glucose_mg_dl, double threshold_mg_dl);
double fraction_above(std::span<const double> glucose_mg_dl, double threshold_mg_dl);

}  // namespace isletsim
