#include "analysis/glycemic_risk.hpp"

#include <cmath>

namespace isletsim {

double glucose_risk_transform(double glucose_mg_dl) {
  // Kovatchev 1997: alpha = 1.084, beta = 5.381, gamma = 1.509.
  return 1.509 * (std::pow(std::log(glucose_mg_dl), 1.084) - 5.381);
}

namespace {
template <typename KeepSide>
double mean_one_sided_risk(std::span<const double> glucose_mg_dl, KeepSide keep) {
  if (glucose_mg_dl.empty()) return std::nan("");
  double sum = 0;
  for (const double glucose : glucose_mg_dl) {
    const double f = glucose_risk_transform(glucose);
    if (keep(f)) sum += 10.0 * f * f;
  }
  return sum / static_cast<double>(glucose_mg_dl.size());
}
}  // namespace

double low_blood_glucose_index(std::span<const double> glucose_mg_dl) {
  return mean_one_sided_risk(glucose_mg_dl, [](double f) { return f < 0; });
}

double high_blood_glucose_index(std::span<const double> glucose_mg_dl) {
  return mean_one_sided_risk(glucose_mg_dl, [](double f) { return f > 0; });
}

}  // namespace isletsim
