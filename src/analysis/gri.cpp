#include "analysis/gri.hpp"

#include <algorithm>
#include <cmath>

#include "analysis/time_in_ranges.hpp"

namespace isletsim {

char gri_zone(double gri) {
  if (gri <= 20) return 'A';  // Klonoff 2023: zone boundaries at 20, 40, 60, 80
  if (gri <= 40) return 'B';
  if (gri <= 60) return 'C';
  if (gri <= 80) return 'D';
  return 'E';
}

GlycemiaRiskIndex glycemia_risk_index(std::span<const double> glucose_mg_dl) {
  GlycemiaRiskIndex result;
  if (glucose_mg_dl.empty()) {
    const double nan = std::nan("");
    return {nan, nan, nan, '?'};
  }
  const TimeInRanges ranges = time_in_ranges(glucose_mg_dl);
  const double very_low = 100.0 * ranges.below_54;
  const double low = 100.0 * (ranges.below_70 - ranges.below_54);
  const double very_high = 100.0 * ranges.above_250;
  const double high = 100.0 * (ranges.above_180 - ranges.above_250);
  result.hypo_component = very_low + 0.8 * low;
  result.hyper_component = very_high + 0.5 * high;
  result.gri = std::min(100.0, 3.0 * result.hypo_component + 1.6 * result.hyper_component);
  result.zone = gri_zone(result.gri);
  return result;
}

}  // namespace isletsim
