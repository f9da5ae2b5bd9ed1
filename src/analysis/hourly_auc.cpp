#include "analysis/hourly_auc.hpp"

#include <cmath>
#include <limits>

namespace isletsim {

double hourly_average_auc_mg_dl(const RegularGlucoseGrid& grid) {
  const double step_h = grid.step_min / 60.0;
  double area_mg_dl_h = 0;  // trapezoid rule, Danne et al. 2017 / Broll et al. 2021 (see header)
  double hours = 0;
  for (int day = 0; day < grid.days; ++day) {
    for (int point = 0; point + 1 < grid.points_per_day; ++point) {
      const double left = grid.at(day, point);
      const double right = grid.at(day, point + 1);
      if (std::isnan(left) || std::isnan(right)) continue;  // no data at one end: no trapezoid
      area_mg_dl_h += step_h * (left + right) / 2.0;
      hours += step_h;
    }
  }
  return hours > 0 ? area_mg_dl_h / hours : std::numeric_limits<double>::quiet_NaN();
}

}  // namespace isletsim
