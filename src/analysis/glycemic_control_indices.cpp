#include "analysis/glycemic_control_indices.hpp"

#include <algorithm>
#include <cmath>

#include "analysis/glucose_series.hpp"
#include "analysis/time_in_ranges.hpp"

namespace isletsim {

double m_value(std::span<const double> glucose_mg_dl, double ideal_glucose_mg_dl) {
  if (glucose_mg_dl.empty()) return std::nan("");
  double sum = 0;
  for (const double g : glucose_mg_dl) sum += std::pow(std::abs(10.0 * std::log10(g / ideal_glucose_mg_dl)), 3.0);
  return sum / static_cast<double>(glucose_mg_dl.size());
}

RodbardControlIndices rodbard_control_indices(std::span<const double> glucose_mg_dl) {
  // Rodbard 2009 constants.
  constexpr double kUpperLimitMgDl = 140.0;
  constexpr double kLowerLimitMgDl = 80.0;
  constexpr double kHyperExponent = 1.1;
  constexpr double kHypoExponent = 2.0;
  constexpr double kScale = 30.0;
  RodbardControlIndices result;
  if (glucose_mg_dl.empty()) {
    const double nan = std::nan("");
    return {nan, nan, nan};
  }
  double hyper = 0;
  double hypo = 0;
  for (const double g : glucose_mg_dl) {
    if (g > kUpperLimitMgDl) hyper += std::pow(g - kUpperLimitMgDl, kHyperExponent);
    if (g < kLowerLimitMgDl) hypo += std::pow(kLowerLimitMgDl - g, kHypoExponent);
  }
  const double n = static_cast<double>(glucose_mg_dl.size());
  result.hyperglycemia_index = hyper / (n * kScale);
  result.hypoglycemia_index = hypo / (n * kScale);
  result.index_of_glycemic_control = result.hyperglycemia_index + result.hypoglycemia_index;
  return result;
}

double continuous_glucose_monitoring_index(std::span<const double> glucose_mg_dl) {
  if (glucose_mg_dl.size() < 2) return std::nan("");
  // Leelarathna 2020: each feature scaled linearly onto [0, 1] over its range and clamped.
  const auto scaled = [](double value, double low, double high) {
    return std::clamp((value - low) / (high - low), 0.0, 1.0);
  };
  const double tir_percent = 100.0 * fraction_between(glucose_mg_dl, 70.0, 180.0);
  const double tbr_percent = 100.0 * fraction_below(glucose_mg_dl, 70.0);
  const double sd_mg_dl = sample_sd_of(glucose_mg_dl);
  return 100.0 * (0.5 * scaled(tir_percent, 0.0, 100.0) + 0.35 * (1.0 - scaled(tbr_percent, 0.0, 15.0)) +
                  0.15 * (1.0 - scaled(sd_mg_dl, 18.0, 108.0)));
}

}  // namespace isletsim
