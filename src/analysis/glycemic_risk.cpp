#include "analysis/glycemic_risk.hpp"

#include <cmath>

namespace isletsim {

double glucose_risk_transform(double glucose_mg_dl) {
  // Kovatchev 1997: alpha = 1.084, beta = 5.381, gamma = 1.509.
  return 1.509 * (std::pow(std::log(glucose_mg_dl), 1.084) - 5.381);
}

double signed_glucose_risk(double glucose_mg_dl, RiskFunctionForm form) {
  if (form == RiskFunctionForm::kKovatchev1997) {
    const double f = glucose_risk_transform(glucose_mg_dl);
    return f < 0 ? -10.0 * f * f : 10.0 * f * f;
  }
  // Clarke & Kovatchev 2009: f = ln(BG)^1.084 - 5.381, r = 22.77 f^2.
  const double f = std::pow(std::log(glucose_mg_dl), 1.084) - 5.381;
  return f < 0 ? -22.77 * f * f : 22.77 * f * f;
}

namespace {
template <typename KeepSide>
double mean_one_sided_risk(std::span<const double> glucose_mg_dl, RiskFunctionForm form, KeepSide keep) {
  if (glucose_mg_dl.empty()) return std::nan("");
  double sum = 0;
  for (const double glucose : glucose_mg_dl) {
    const double risk = signed_glucose_risk(glucose, form);
    if (keep(risk)) sum += std::abs(risk);
  }
  return sum / static_cast<double>(glucose_mg_dl.size());
}
}  // namespace

double low_blood_glucose_index(std::span<const double> glucose_mg_dl, RiskFunctionForm form) {
  return mean_one_sided_risk(glucose_mg_dl, form, [](double r) { return r < 0; });
}

double high_blood_glucose_index(std::span<const double> glucose_mg_dl, RiskFunctionForm form) {
  return mean_one_sided_risk(glucose_mg_dl, form, [](double r) { return r > 0; });
}

double average_daily_risk_range(std::span<const GlucoseSample> samples, RiskFunctionForm form) {
  if (samples.empty()) return std::nan("");
  double sum_of_daily_ranges = 0;
  int day_count = 0;
  std::size_t begin = 0;
  while (begin < samples.size()) {
    const double day = std::floor(samples[begin].time_min / 1440.0);
    double max_low_risk = 0;
    double max_high_risk = 0;
    std::size_t end = begin;
    while (end < samples.size() && std::floor(samples[end].time_min / 1440.0) == day) {
      const double risk = signed_glucose_risk(samples[end].glucose_mg_dl, form);
      if (-risk > max_low_risk) max_low_risk = -risk;
      if (risk > max_high_risk) max_high_risk = risk;
      ++end;
    }
    sum_of_daily_ranges += max_low_risk + max_high_risk;
    ++day_count;
    begin = end;
  }
  return sum_of_daily_ranges / day_count;
}

}  // namespace isletsim
