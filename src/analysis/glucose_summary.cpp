#include "analysis/glucose_summary.hpp"

#include <numeric>

#include "analysis/glycemic_risk.hpp"
#include "analysis/time_in_ranges.hpp"

namespace isletsim {

GlucoseSummary summarise_glucose(std::span<const double> glucose_mg_dl) {
  GlucoseSummary s;
  s.mean_mg_dl = std::accumulate(glucose_mg_dl.begin(), glucose_mg_dl.end(), 0.0) /
                 static_cast<double>(glucose_mg_dl.size());
  const TimeInRanges ranges = time_in_ranges(glucose_mg_dl);
  s.time_in_70_180_percent = 100.0 * ranges.in_70_180;
  s.time_below_70_percent = 100.0 * ranges.below_70;
  s.time_below_54_percent = 100.0 * ranges.below_54;
  s.time_above_180_percent = 100.0 * ranges.above_180;
  s.time_above_250_percent = 100.0 * ranges.above_250;
  s.lbgi = low_blood_glucose_index(glucose_mg_dl);
  s.hbgi = high_blood_glucose_index(glucose_mg_dl);
  return s;
}

nlohmann::json to_json(const GlucoseSummary& s) {
  return {{"mean_glucose_mg_dl", s.mean_mg_dl},
          {"time_in_70_180_percent", s.time_in_70_180_percent},
          {"time_below_70_percent", s.time_below_70_percent},
          {"time_below_54_percent", s.time_below_54_percent},
          {"time_above_180_percent", s.time_above_180_percent},
          {"time_above_250_percent", s.time_above_250_percent},
          {"lbgi", s.lbgi},
          {"hbgi", s.hbgi}};
}

}  // namespace isletsim
