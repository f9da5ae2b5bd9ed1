#include "analysis/time_in_ranges.hpp"

#include <cmath>

namespace isletsim {

TimeInRanges time_in_ranges(std::span<const double> glucose_mg_dl) {
  TimeInRanges result;
  if (glucose_mg_dl.empty()) {
    const double nan = std::nan("");
    return {nan, nan, nan, nan, nan, nan, nan};
  }
  for (const double g : glucose_mg_dl) {
    if (g < 54) result.below_54 += 1;
    if (g < 70) result.below_70 += 1;
    if (g >= 70 && g <= 180) result.in_70_180 += 1;
    if (g > 180) result.above_180 += 1;
    if (g > 250) result.above_250 += 1;
    if (g >= 70 && g <= 140) result.in_70_140 += 1;
    if (g > 140) result.above_140 += 1;
  }
  const double n = static_cast<double>(glucose_mg_dl.size());
  result.below_54 /= n;
  result.below_70 /= n;
  result.in_70_180 /= n;
  result.above_180 /= n;
  result.above_250 /= n;
  result.in_70_140 /= n;
  result.above_140 /= n;
  return result;
}

double fraction_between(std::span<const double> glucose_mg_dl, double low_mg_dl, double high_mg_dl) {
  if (glucose_mg_dl.empty()) return std::nan("");
  double count = 0;
  for (const double g : glucose_mg_dl) {
    if (g >= low_mg_dl && g <= high_mg_dl) count += 1;
  }
  return count / static_cast<double>(glucose_mg_dl.size());
}

double fraction_below(std::span<const double> glucose_mg_dl, double threshold_mg_dl) {
  if (glucose_mg_dl.empty()) return std::nan("");
  double count = 0;
  for (const double g : glucose_mg_dl) {
    if (g < threshold_mg_dl) count += 1;
  }
  return count / static_cast<double>(glucose_mg_dl.size());
}

double fraction_above(std::span<const double> glucose_mg_dl, double threshold_mg_dl) {
  if (glucose_mg_dl.empty()) return std::nan("");
  double count = 0;
  for (const double g : glucose_mg_dl) {
    if (g > threshold_mg_dl) count += 1;
  }
  return count / static_cast<double>(glucose_mg_dl.size());
}

}  // namespace isletsim
